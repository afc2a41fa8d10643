// One engine call per answer: check() returns the result and the next questions together, so a
// question screen, and the results with their open questions, cost one evaluation each.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPhone, browserAndEngine } from './browser.mjs';
import { ZHANGBEI_CARER, answerAll, chooseRegion, setFamily } from './family-flow.mjs';

const ctx = browserAndEngine();

/** Counts the evaluations the page asks its worker for, by method (not its start, nor 'use',
 * which loads rule packs; test instrumentation only). */
function countEngineCalls() {
  window.__engineCalls = [];
  const send = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function counted(message, ...rest) {
    if (message && typeof message.method === 'string' && !['start', 'ping', 'use'].includes(message.method)) {
      window.__engineCalls.push(message.method);
    }
    return send.call(this, message, ...rest);
  };
}

test('a Zhangjiakou family answering every question costs one engine evaluation per answer', async () => {
  const phone = await openPhone(ctx.session.browser);
  const { page } = phone;
  await page.addInitScript(countEngineCalls);
  await page.goto(ctx.session.url);
  await chooseRegion(page, ['13', '1307', '130722']);
  await setFamily(page, ZHANGBEI_CARER.family);
  const asked = await answerAll(page, ZHANGBEI_CARER.answers);
  await page.locator('.results').waitFor();
  const calls = await page.evaluate(() => window.__engineCalls);
  assert.ok(asked.length > 3, `the family was asked questions (${asked.length})`);
  assert.deepEqual(calls.filter((m) => m === 'questions'), [], 'questions are never asked for apart from check()');
  // One call per step the family answered: the hukou step (is the place covered?), the family
  // step (the first question), then each answer; the results reuse the last answer's call —
  // unless the other places' packs (loaded after the first question) arrived after it: then
  // the results weigh the same answers once more with every pack.
  assert.ok(calls.length <= asked.length + 3,
    `${calls.length} engine calls for ${asked.length} answers and the two first steps: ${calls.join(', ')}`);
  await phone.context.close();
});
