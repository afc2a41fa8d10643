// 读给我听 (issue 12): a button on each question and on the results headline reads the question
// with its answers, or the headline and each decision, with the phone's own voice (Web Speech
// API) in Mandarin (English on the English page); where the phone has no such voice, or the
// browser cannot speak, the button says so. speechSynthesis is replaced by a recorder, so the
// test hears exactly the sentences the phone would say, for the Zhangjiakou family (张北县).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, browserAndEngine } from './browser.mjs';
import { VOICES, phoneWithVoices as recordingPhone, spoken } from './speech-recorder.mjs';
import { ZHANGBEI_CARER, answerAll, chooseRegion, setFamily } from './family-flow.mjs';

const ctx = browserAndEngine();
const phoneWithVoices = (voices) => recordingPhone(ctx.session.browser, voices);

async function firstQuestion(page) {
  await page.goto(ctx.session.url);
  await chooseRegion(page, ['13', '1307', '130722']);
  await setFamily(page, ZHANGBEI_CARER.family);
  await page.locator('form.question').waitFor();
}

/** Said as a person says it: no brackets, clause codes or marks; in Chinese "1500", never "1,500". */
function assertSpeakable(lines, zh = true) {
  for (const line of lines) {
    assert.doesNotMatch(line, /[()（）【】\[\]§✓≈→]|第[一二三四五六七八九十\d]+[条款项]/, `said as a person says it: ${line}`);
    if (zh) assert.doesNotMatch(line, /\d,\d{3}/, `a Chinese voice reads 1500, not 1,500: ${line}`);
  }
}

test('读给我听 reads the first question and its answers, then the results headline and each decision, in 普通话 with the phone\'s voice', async () => {
  const phone = await phoneWithVoices(VOICES);
  const { page } = phone;
  await firstQuestion(page);
  await page.locator('form.question').getByRole('button', { name: '读给我听' }).click();
  const question = await spoken(page);
  assert.deepEqual(question.map((s) => s.text), [
    '这一题问的是全家。',
    '家里享受下面哪些救助？可以多选；都没有就什么都不选。',
    '村委会或民政部门给你们家认定过的身份。',
    '可以选几项：低保户，领低保；低保边缘户；特困供养，五保；建档立卡贫困户，脱贫户、监测户；家里有事实无人抚养儿童。都不是就选都没有，不知道就选我不确定。',
  ], 'the question, what it means, and every answer the family can give');
  assert.ok(question.every((s) => s.lang === 'zh-CN' && s.voice === 'Tingting'), 'in 普通话, with the phone\'s Mandarin voice (never the Cantonese one)');
  assertSpeakable(question.map((s) => s.text));
  assert.equal(await page.locator('form.question').getByRole('button', { name: '停下，不读了' }).count(), 1, 'while reading, the button stops it');

  await answerAll(page, ZHANGBEI_CARER.answers);
  await page.evaluate(() => { window.__spoken = []; });
  await page.locator('.summary').getByRole('button', { name: '读给我听' }).click();
  const results = (await spoken(page)).map((s) => s.text);
  assert.deepEqual(results, [
    '您家可以申请1项。',
    '这些钱不直接发给您家，是给服务机构、养老机构的：您家得到的是服务。',
    '四种服务只能选一种：符合条件，可以申请其中一种。',
    '集中共养，老人和残疾家人一起住进养老机构：每人每月1500元，钱给养老机构，您家得到服务，建议标准，当地可以调整。',
    '居家托养服务：每户每年1500元，钱给服务机构，您家得到服务。',
    '社区日间照料服务：每户每年1500元，钱给服务机构，您家得到服务。',
    '喘息服务：每户每天50元，每月最多2天，钱给服务机构，您家得到服务。',
    '去哪里办：手机上幸福张家口APP的一网通办，或者到线下办理，先问村、社区干部或残疾人专职委员。',
  ], 'the headline, whose money it is, then the decision with each of its options and where to go');
  assertSpeakable(results);
  assert.deepEqual(await axeViolations(page), [], 'the results with the button pass axe');
  assert.deepEqual(phone.problems, [], 'no console errors and no request leaving localhost');
  assert.deepEqual(await phone.cspViolations(), [], 'no CSP violations');
  await phone.context.close();
});

test('In English the results are read with an English voice, without the Chinese asides', async () => {
  const phone = await phoneWithVoices(VOICES);
  const { page } = phone;
  await firstQuestion(page);
  await answerAll(page, ZHANGBEI_CARER.answers);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { name: 'Results' }).waitFor();
  await page.evaluate(() => { window.__spoken = []; });
  await page.locator('.summary').getByRole('button', { name: 'Read it to me' }).click();
  const said = await spoken(page);
  assert.equal(said[0].text, 'Your family can apply for 1.');
  assert.ok(said.every((s) => s.lang === 'en-US' && s.voice === 'Samantha'), 'in English, with the English voice');
  assert.ok(said.every((s) => !/[\u3400-\u9fff]/.test(s.text) || /幸福张家口|一网通办/.test(s.text)), 'no Chinese asides read by an English voice (the app\'s name stays)');
  assertSpeakable(said.map((s) => s.text), false);
  assert.deepEqual(phone.problems, []);
  await phone.context.close();
});

test('A phone with no Mandarin voice, or a browser that cannot speak, is told so plainly on the button\'s line', async () => {
  for (const [voices, words] of [
    [[VOICES[0], VOICES[2]], '这部手机没有装普通话的朗读声音，没法读给您听。可以请家人帮忙念。'],
    [null, '这个浏览器不会朗读，没法读给您听。可以请家人帮忙念。'],
  ]) {
    const phone = await phoneWithVoices(voices);
    const { page } = phone;
    await firstQuestion(page);
    const form = page.locator('form.question');
    await form.getByRole('button', { name: '读给我听' }).click();
    await form.getByRole('status').filter({ hasText: words }).waitFor();
    assert.deepEqual(await spoken(page), [], 'nothing is "read" silently');
    assert.deepEqual(phone.problems, []);
    await phone.context.close();
  }
});
