// Issue 12 offline: after one visit with signal, 长辈版, 读给我听 and the QR handover all work with
// none, in Chinese and in English: a daughter shows her mother's results in a village with no
// signal, and hands them to the township cadre's phone by QR code.
import path from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ROOT, browserAndEngine, waitForOfflineCopy } from './browser.mjs';
import { ZHANGBEI_CARER, answerAll, chooseRegion, savedHousehold, setFamily } from './family-flow.mjs';
import { VOICES, phoneWithVoices, spoken } from './speech-recorder.mjs';

const ctx = browserAndEngine();
const SHOTS = path.join(ROOT, 'tests/web/artifacts');

const resultsText = (page) => page.locator('.results').innerText();

/** Reads the results headline aloud; returns what the phone said. */
async function readResults(page, button) {
  await page.evaluate(() => { window.__spoken = []; });
  await page.locator('.summary').getByRole('button', { name: button }).click();
  return spoken(page);
}

/** Opens the QR panel; returns the link it holds once the code is drawn. */
async function handOver(page, button, qrLabel, linkLabel) {
  await page.getByRole('button', { name: button }).click();
  const qr = page.getByRole('img', { name: qrLabel });
  await qr.waitFor();
  assert.ok(Number(await qr.getAttribute('data-version')) <= 10, 'a QR code of version ≤ 10 is drawn');
  return page.getByRole('textbox', { name: linkLabel }).inputValue();
}

test('With no signal after the first visit: 长辈版, 读给我听 and the QR handover work, in Chinese and in English', async () => {
  const phone = await phoneWithVoices(ctx.session.browser, VOICES);
  const { page, context } = phone;
  // The one visit with signal: the family answers and sees its results.
  await page.goto(ctx.session.url);
  await chooseRegion(page, ['13', '1307', '130722']);
  await setFamily(page, ZHANGBEI_CARER.family);
  await answerAll(page, ZHANGBEI_CARER.answers);
  await page.locator('.results').waitFor();
  const online = await resultsText(page);
  const household = await savedHousehold(page);
  await waitForOfflineCopy(page);

  await context.setOffline(true);
  await page.goto(ctx.session.url);
  await page.locator('.results').waitFor();
  assert.equal(await resultsText(page), online, 'the same results with no signal');

  // 读给我听 and the QR code, in Chinese.
  const zh = await readResults(page, '读给我听');
  assert.match(zh[0]?.text ?? '', /^您家可以申请/, 'the headline is read');
  assert.ok(zh.length > 1 && zh.every((s) => s.lang === 'zh-CN' && s.voice === 'Tingting'), 'in 普通话');
  const link = await handOver(page, '给家人看 / 交给乡镇', /二维码/, /链接/);

  // The link opens on another phone that has no signal either but has visited the page once.
  const other = await phoneWithVoices(ctx.session.browser, VOICES);
  await other.page.goto(ctx.session.url);
  await other.page.locator('.region-picker select').first().waitFor();
  await waitForOfflineCopy(other.page);
  await other.context.setOffline(true);
  const scanned = await other.context.newPage(); // the camera opens the link in a new tab
  await scanned.goto(link);
  await scanned.locator('.results').waitFor();
  assert.equal(await resultsText(scanned), online, 'the link shows the same results on the other phone');
  assert.deepEqual(await savedHousehold(scanned), household, 'and puts the same household on it');
  await other.context.close();

  // The same in English.
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { name: 'Results' }).waitFor();
  const en = await readResults(page, 'Read it to me');
  assert.match(en[0]?.text ?? '', /^Your family can apply for/, 'the headline is read in English');
  assert.ok(en.every((s) => s.lang === 'en-US' && s.voice === 'Samantha'), 'with the English voice');
  const enLink = await handOver(page, 'Show the family / hand to the township', /QR code/, /Link/);
  assert.equal(enLink, link, 'the same household gives the same link in either language');
  await page.getByRole('button', { name: '中文' }).click();
  await page.locator('.results').waitFor();

  // 长辈版, switched on the first screen with no signal: a new household from the start.
  await page.evaluate(() => localStorage.removeItem('carecheck.answers.v1'));
  await page.goto(ctx.session.url);
  await page.getByRole('button', { name: '长辈版：字大、按钮大' }).click();
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('elder')), true);
  await chooseRegion(page, ['13', '1307', '130722']);
  await setFamily(page, ZHANGBEI_CARER.family);
  const form = page.locator('form.question');
  await form.waitFor();
  const sizes = await form.evaluate((f) => ({
    question: parseFloat(getComputedStyle(f.querySelector('.question__text')).fontSize),
    answer: f.querySelector('.choice').getBoundingClientRect().height, // the row a tap on the label ticks
  }));
  assert.ok(sizes.question >= 30, `the question is large (${sizes.question}px)`);
  assert.ok(sizes.answer >= 60, `answers are 60px targets (${sizes.answer}px)`);
  await page.evaluate(() => { window.__spoken = []; });
  await form.getByRole('button', { name: '读给我听' }).click();
  const question = await spoken(page);
  assert.equal(question[1]?.text, '家里享受下面哪些救助？可以多选；都没有就什么都不选。', 'the question is read in elder mode with no signal');
  await page.screenshot({ path: path.join(SHOTS, 'offline-elder-question.png') });

  await context.setOffline(false);
  assert.deepEqual(phone.problems.filter((p) => !p.includes('ERR_INTERNET_DISCONNECTED')), [], 'no console errors');
  assert.deepEqual(await phone.cspViolations(), [], 'no CSP violations');
  await context.close();
});
