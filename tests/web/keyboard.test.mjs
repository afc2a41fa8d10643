// A visit with the keyboard only (switch users, screen-reader users, cadres on a laptop):
// every step is reachable with Tab, Enter, Space and the arrow keys, and focus lands on
// each new question so it is read out first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPhone, startSession } from './browser.mjs';

let session;
before(async () => { session = await startSession(); });
after(() => session?.close());

/** Presses Tab until the focused element matches `predicate` (run in the page with `arg`). */
async function tabTo(page, description, predicate, arg = null, limit = 80) {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(predicate, arg)) return;
  }
  throw new Error(`Tab never reached ${description}`);
}

const focusedText = (page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

test('keyboard only: region, family, every question and the results', async () => {
  const phone = await openPhone(session.browser, { viewport: { width: 1024, height: 768 }, isMobile: false, hasTouch: false });
  const { page } = phone;
  await page.goto(session.url);
  await page.getByRole('heading', { name: '第一步：家里的户口在哪里？' }).waitFor();

  // Hukou: 湖南省 → 怀化市 → 会同县, choosing in each select with the arrow keys.
  for (const [index, wanted] of [[0, '43'], [1, '4312'], [2, '431225']]) {
    await tabTo(page, `select ${index}`, (i) => document.activeElement === document.querySelectorAll('.region-picker select')[i], index);
    for (let step = 0; step < 600; step += 1) {
      if (await page.evaluate(() => document.activeElement.value) === wanted) break;
      await page.keyboard.press('ArrowDown');
    }
    assert.equal(await page.evaluate(() => document.activeElement.value), wanted);
  }
  await tabTo(page, 'next', () => document.activeElement.textContent === '下一步');
  await page.keyboard.press('Enter');

  await page.getByRole('heading', { name: '第二步：家里有哪些人？' }).waitFor();
  await tabTo(page, 'next', () => document.activeElement.textContent === '下一步');
  await page.keyboard.press('Enter');

  for (let i = 0; i < 60; i += 1) {
    await page.locator('form.question, .results').first().waitFor();
    if (await page.locator('.results').count()) break;
    const heading = await page.locator('form.question h2').innerText();
    assert.equal(await focusedText(page), heading, 'focus is on the new question');
    if (await page.locator('form.question').getAttribute('data-fact') === 'age') {
      await tabTo(page, 'the answer box', () => document.activeElement.matches('form.question input[type="text"]'));
      await page.keyboard.type('85');
      await page.keyboard.press('Enter');
    } else {
      await tabTo(page, '"not sure"', () => document.activeElement.textContent === '我不确定');
      await page.keyboard.press('Space');
    }
    await page.waitForFunction((previous) => {
      const h = document.querySelector('form.question h2');
      return !h || h.textContent !== previous || document.querySelector('.results');
    }, heading);
  }
  await page.locator('.results').waitFor();
  assert.equal(await focusedText(page), '查询结果', 'focus moves to the results heading');

  // The folded "not eligible" items open with the keyboard.
  await tabTo(page, 'a folded list', () => document.activeElement.tagName === 'SUMMARY');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.parentElement.open), true);
  assert.deepEqual(phone.problems, []);
  await phone.context.close();
});
