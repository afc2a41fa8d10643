// After the first visit the page works with no connection: a cadre in a village with no signal.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPhone, screenshot, startSession, waitForOfflineCopy } from './browser.mjs';
import { answerAll, setFamily } from './family-flow.mjs';

let session;
before(async () => { session = await startSession(); });
after(() => session?.close());

test('reloading offline keeps the page, the engine, the rules and the answers', async () => {
  const phone = await openPhone(session.browser);
  const { page, context } = phone;
  await page.goto(`${session.url}?region=130722`);
  await setFamily(page, { quickStart: '老人在家照顾残疾家人' });
  await answerAll(page, { household: { economic_hardship: true }, members: { p1: { age: 68 } } });
  await page.locator('.results').waitFor();
  const before = await page.locator('.summary').innerText();
  await waitForOfflineCopy(page);

  await context.setOffline(true);
  await page.reload();
  await page.locator('.results').waitFor();
  assert.equal(await page.locator('.summary').innerText(), before, 'same results offline');
  await screenshot(page, 'offline-results');

  // Changing an answer still works: the engine runs from the cache.
  await page.locator('.answers-box > summary').click();
  // (The first answer is the hukou, changed on the hukou step; the next one is a question.)
  await page.locator('.answer').nth(1).locator('button').click();
  await page.locator('form.question').waitFor();
  await page.getByRole('button', { name: '我不确定' }).click();
  await page.locator('.results').waitFor();
  await context.setOffline(false);
  assert.deepEqual(phone.problems.filter((p) => !p.includes('ERR_INTERNET_DISCONNECTED')), []);
  await context.close();
});
