// The question screen on a 360×640 phone (issue 11, items 1, 3 and 4): every question of the
// catalogue shows its first answer without scrolling; the back button walks back through the
// questions keeping the answers; a place no policy here is about is told so right after the
// hukou step. Screenshots go to tests/web/artifacts/ (git-ignored) to be looked at.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, axeViolations, openPhone, browserAndEngine } from './browser.mjs';
import { answerAll, chooseRegion, setFamily, ZHANGBEI_CARER } from './family-flow.mjs';

const ctx = browserAndEngine();
const SHOTS = path.join(ROOT, 'tests/web/artifacts');
const PAGE_KEY = 'carecheck.answers.v1';

async function shot(page, name) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

/** The engine's catalogue, as describe() reports it for the rules the page loads. */
function described() {
  return JSON.parse(ctx.engine.describe());
}

/** How far the first answer control of the question shown lies inside the window. */
function firstAnswerBox(page) {
  return page.evaluate(() => {
    const first = document.querySelector('form.question .answers').querySelector('button, input, select');
    const box = first.getBoundingClientRect();
    const question = document.querySelector('form.question .question__text').getBoundingClientRect();
    return { top: box.top, bottom: box.bottom, left: box.left, right: box.right, questionTop: question.top,
      height: innerHeight, width: innerWidth, text: first.tagName === 'SELECT' ? 'select' : (first.textContent || first.tagName) };
  });
}

test('every question of the catalogue shows its question and first answer on a 360×640 screen without scrolling', async () => {
  const { facts } = described();
  assert.ok(facts.length >= 30, 'the catalogue has its questions');
  const phone = await openPhone(ctx.session.browser);
  const { page } = phone;
  await page.goto(ctx.session.url);
  await page.getByRole('heading', { name: '第一步：家里的户口在哪里？' }).waitFor();
  const members = [
    { id: 'p1', label: '妈妈', roles: ['elder', 'carer'], facts: {} },
    { id: 'p2', label: '儿子', roles: ['cared_for'], facts: {} },
    { id: 'p3', label: '女儿', roles: ['relative'], facts: {} },
  ];
  const tooLow = [];
  for (const fact of facts) {
    const roles = fact.ask_roles || [];
    const member = fact.about === 'household' ? null
      : members.find((m) => roles.length === 0 || m.roles.some((r) => roles.includes(r))).id;
    const key = { fact: fact.id, ...(member ? { member } : {}) };
    const state = { step: 'questions', region: '130722', facts: {}, members, history: [], papers: {},
      editing: { ...key, returnTo: 'questions' } };
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [PAGE_KEY, JSON.stringify(state)]);
    await page.reload();
    await page.locator(`form.question[data-fact="${fact.id}"]`).waitFor();
    const box = await firstAnswerBox(page);
    if (box.top < 0 || box.bottom > box.height || box.right > box.width || box.questionTop < 0) {
      tooLow.push(`${fact.id}: first answer "${box.text.trim()}" at ${Math.round(box.top)}–${Math.round(box.bottom)} px of ${box.height}`);
    }
    if (fact.id === 'ability_level') await shot(page, 'question-ability-level');
    if (['has_other_relatives', 'other_relatives_can_support'].includes(fact.id)) await shot(page, `question-${fact.id.replaceAll('_', '-')}`);
  }
  assert.deepEqual(tooLow, [], 'the first answer is fully on screen for every question');
  assert.equal(await page.locator('.privacy').isVisible(), false, 'the privacy banner is folded into the compact bar');
  assert.equal(await page.locator('.foot__privacy').count(), 1, 'and still said, at the foot of the page');
  const bar = await page.locator('header.top').boundingBox();
  assert.ok(bar.height <= 64, `header, banner and mode switch are one bar (${bar.height} px)`);
  assert.ok(await page.getByRole('button', { name: '入户登记（村干部用）' }).isVisible(), 'the other mode is one tap away');
  assert.ok(await page.getByRole('button', { name: 'English' }).isVisible(), 'and so is the language');
  assert.deepEqual(await axeViolations(page), [], 'the compact question screen passes axe');
  assert.deepEqual(phone.problems, []);
  assert.deepEqual(await phone.cspViolations(), []);
  await phone.context.close();
});

test('the back button goes to the previous question with its answer kept, and on to the family step', async () => {
  const phone = await openPhone(ctx.session.browser);
  const { page } = phone;
  await page.goto(ctx.session.url);
  await chooseRegion(page, ['13', '1307', '130722']);
  await setFamily(page, ZHANGBEI_CARER.family);
  const form = page.locator('form.question');
  const asked = [];
  for (let i = 0; i < 3; i += 1) {
    await form.waitFor();
    const fact = await form.getAttribute('data-fact');
    asked.push(`${fact}@${await form.getAttribute('data-member') || ''}`);
    await form.getByRole('button', { name: '我不确定' }).click();
    await page.waitForFunction((f) => document.querySelector('form.question')?.dataset.fact !== f, fact);
  }
  const shown = async () => `${await form.getAttribute('data-fact')}@${await form.getAttribute('data-member') || ''}`;
  await shot(page, 'question-after-three-answers');

  await page.goBack();
  await page.waitForFunction((f) => document.querySelector('form.question') && `${document.querySelector('form.question').dataset.fact}@${document.querySelector('form.question').dataset.member || ''}` === f, asked[2]);
  assert.equal(await form.getByRole('button', { name: '我不确定' }).getAttribute('aria-pressed'), 'true', 'the answer given is kept and shown');
  await page.goBack();
  await page.waitForFunction((f) => document.querySelector('form.question') && `${document.querySelector('form.question').dataset.fact}@${document.querySelector('form.question').dataset.member || ''}` === f, asked[1]);
  assert.equal(await shown(), asked[1], 'back again: the question before');
  await page.goBack();
  await page.goBack();
  await page.getByRole('heading', { name: /家里有哪些人/ }).waitFor();
  assert.equal(await page.locator('.member input[type="text"]').first().inputValue(), '妈妈', 'the family is kept');
  await page.goBack();
  await page.getByRole('heading', { name: '第一步：家里的户口在哪里？' }).waitFor();
  assert.equal(await page.locator('.region-picker select').nth(2).inputValue(), '130722', 'the county is kept');
  assert.ok(page.url().startsWith(ctx.session.url), 'still on the page');
  await page.goForward();
  await page.getByRole('heading', { name: /家里有哪些人/ }).waitFor();
  assert.deepEqual(phone.problems, []);
  await phone.context.close();
});

test('the results page offers 改答案 (back to the last question) and 重新开始 (after asking again)', async () => {
  const phone = await openPhone(ctx.session.browser);
  const { page } = phone;
  await page.goto(ctx.session.url);
  await chooseRegion(page, ['13', '1307', '130722']);
  await setFamily(page, ZHANGBEI_CARER.family);
  const asked = await answerAll(page, ZHANGBEI_CARER.answers);
  await page.locator('.results').waitFor();
  await page.getByRole('button', { name: '改答案' }).click();
  const form = page.locator('form.question');
  await form.waitFor();
  const [lastFact, lastMember] = asked[asked.length - 1].split('@');
  assert.equal(await form.getAttribute('data-fact'), lastFact, 'the last question answered is asked again');
  assert.equal(await form.getAttribute('data-member') || undefined, lastMember);
  await page.goBack();
  await page.locator('.results').waitFor();
  await page.getByRole('button', { name: '重新开始' }).click();
  await page.getByRole('button', { name: '清空，从头开始' }).click();
  await page.getByRole('heading', { name: '第一步：家里的户口在哪里？' }).waitFor();
  const saved = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)), PAGE_KEY);
  assert.equal(saved.region, '', 'the answers are cleared');
  assert.deepEqual(saved.history, []);
  assert.deepEqual(phone.problems, []);
  await phone.context.close();
});

test('a place no policy here is about is told so right after the hukou step, with the places covered', async () => {
  const phone = await openPhone(ctx.session.browser);
  const { page } = phone;
  await page.goto(ctx.session.url);
  await chooseRegion(page, ['11', '1101', '110101']);
  const heading = page.getByRole('heading', { name: '您家那里的政策，这里还没有' });
  await heading.waitFor();
  const text = await page.locator('.coverage').innerText();
  assert.match(text, /北京市.*东城区/, 'it names the family\'s place');
  // The covered places are the packs' jurisdictions as the engine describes them.
  for (const pack of described().packs) {
    assert.ok(text.includes(pack.jurisdiction.name.zh), `it names ${pack.jurisdiction.name.zh}`);
  }
  await shot(page, 'coverage-not-covered');
  assert.deepEqual(await axeViolations(page), [], 'the coverage message passes axe');
  const goOn = page.getByRole('button', { name: '还是接着查' });
  const box = await goOn.boundingBox();
  assert.ok(box.y + box.height <= 640, 'going on anyway is on the first screen');
  await goOn.click();
  await page.getByRole('heading', { name: /家里有哪些人/ }).waitFor();
  await page.goBack();
  await heading.waitFor();
  await page.getByRole('button', { name: '换一个地方' }).click();
  await chooseRegion(page, ['43', '4312', '431225']);
  await page.getByRole('heading', { name: /家里有哪些人/ }).waitFor();

  // In English the same, second.
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: /Back|上一步/ }).first().click();
  await chooseRegion(page, ['11', '1101', '110101']);
  await page.getByRole('heading', { name: 'Your place is not covered yet' }).waitFor();
  const goOnEn = await page.getByRole('button', { name: 'Go on anyway' }).boundingBox();
  assert.ok(goOnEn.y + goOnEn.height <= 640, 'in English too, going on is on the first screen');
  await shot(page, 'coverage-not-covered-en');
  assert.deepEqual(phone.problems, []);
  assert.deepEqual(await phone.cspViolations(), []);
  await phone.context.close();
});
