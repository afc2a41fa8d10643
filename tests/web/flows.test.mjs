// Whole visits by the two families the page is for, on a 360×640 phone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, openPhone, screenshot, browserAndEngine } from './browser.mjs';
import { ZHANGBEI_CARER, answerAll, chooseRegion, savedHousehold, setFamily } from './family-flow.mjs';
import { today } from '../wasm/carecheck-module.mjs';

const ctx = browserAndEngine();

/** Names of the programs the engine finds eligible for the household the page saved. */
async function eligibleNames(page) {
  const household = { as_of: today(), ...await savedHousehold(page) };
  const result = JSON.parse(ctx.engine.check(JSON.stringify(household), today()));
  return result.packs.flatMap((p) => p.programs)
    .filter((p) => p.status === 'eligible' && p.kind !== 'provider_subsidy')
    .map((p) => p.name.zh);
}

/** Opens the page with the hukou preset by the link and sets up the family. */
async function visitWithFamily(region, family) {
  const phone = await openPhone(ctx.session.browser);
  await phone.page.goto(`${ctx.session.url}?region=${region}`);
  await setFamily(phone.page, family);
  return phone;
}

/** The Zhangbei carer's family with `change` made to its answers, answered through to the results. */
async function zhangbeiResults(change) {
  const phone = await visitWithFamily('130722', ZHANGBEI_CARER.family);
  const answers = structuredClone(ZHANGBEI_CARER.answers);
  change(answers);
  await answerAll(phone.page, answers);
  await phone.page.getByRole('heading', { name: '查询结果' }).waitFor();
  return phone;
}

async function assertClean(phone) {
  assert.deepEqual(phone.problems, [], 'no console errors and no request leaving localhost');
  assert.deepEqual(await phone.cspViolations(), [], 'no CSP violations');
}

test('Zhangjiakou: a mother of 68 caring for her son (intellectual, grade 2) in 张北县 finds the four modes, choose one', async () => {
  const phone = await openPhone(ctx.session.browser);
  const { page } = phone;
  await page.goto(ctx.session.url);
  await page.getByRole('heading', { name: '第一步：家里的户口在哪里？' }).waitFor();
  await screenshot(page, 'zhangjiakou-1-region');
  await chooseRegion(page, ['13', '1307', '130722']);

  await setFamily(page, ZHANGBEI_CARER.family);
  await page.locator('form.question').waitFor();
  await screenshot(page, 'zhangjiakou-3-question');
  assert.deepEqual(await axeViolations(page), [], 'the question page passes axe');

  const asked = await answerAll(page, ZHANGBEI_CARER.answers);
  assert.ok(asked.length > 0, 'questions were asked');
  assert.ok(!asked.includes('hukou_region'), 'the hukou chosen on step 1 is not asked again');

  const results = page.locator('.results');
  await results.waitFor();
  await screenshot(page, 'zhangjiakou-4-results');
  await screenshot(page, 'zhangjiakou-4-results-full', true);

  // One card for the choice of four modes, the options side by side in the engine's ranking.
  assert.match(await page.locator('.summary__headline').innerText(), /您家可以申请 1 项/, 'the four modes are one thing to apply for');
  const modes = page.locator('.band--apply article.program--group');
  assert.equal(await modes.count(), 1);
  assert.match(await modes.locator('.program__name').innerText(), /只能选一种/, 'the modes say only one can be chosen');
  const options = await modes.locator('.option__name').allInnerTexts();
  assert.match(options[0], /集中共养/, 'the modes are ranked by yearly value, care home first');
  assert.ok(options.some((o) => /居家托养服务/.test(o)), 'home foster care is one of them');
  assert.match(await modes.innerText(), /每户每年 1,500 元/, 'with its 1500 yuan a year');
  assert.match(await modes.locator('.pack__note').innerText(), /征求意见稿/, 'the draft status is shown beside the results');
  assert.match(await modes.locator('.program__where').innerText(), /幸福张家口APP/, 'where to apply is on the card');
  const notEligibleFolds = page.locator('details.fold:not([open])');
  assert.ok(await notEligibleFolds.count() >= 1, '"no" answers are folded away');

  for (const name of await eligibleNames(page)) {
    assert.ok((await results.innerText()).includes(name), `the page shows what the engine found: ${name}`);
  }
  assert.deepEqual(await axeViolations(page), [], 'the results page passes axe');

  await page.emulateMedia({ media: 'print' });
  await screenshot(page, 'zhangjiakou-5-print', true);
  assert.equal(await page.getByRole('button', { name: '打印或保存这份清单' }).isVisible(), false, 'no buttons on paper');
  assert.equal(await page.locator('.band--apply').isVisible(), true, 'what the family can apply for is printed');
  await page.emulateMedia({ media: null }); // back to normal; pdf() then prints with print CSS
  const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
  assert.equal((pdf.match(/\/Type\s*\/Page[^s]/g) || []).length, 1, 'the printout is one A4 page');
  await assertClean(phone);
  await phone.context.close();
});

test('Huitong: an 85-year-old (region preset by the link) sees what the county list gives, in English too', async () => {
  const phone = await visitWithFamily('431225', { labels: ['奶奶'] });
  const { page } = phone;
  await answerAll(page, {
    household: { economic_hardship: false, household_support: [], rural: true, stable_income: false },
    members: { p1: { age: 85, ability_level: 'mild', lives_alone: true, empty_nest: true, left_behind: false, medical_insurance: 'resident', disability_certificate: false, marital_status: 'widowed', has_children: true } },
  });
  await page.locator('.results').waitFor();
  await screenshot(page, 'huitong-results');
  const eligible = await eligibleNames(page);
  const shown = await page.locator('.results').innerText();
  for (const name of eligible) assert.ok(shown.includes(name), `shows ${name}`);

  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { name: 'Results' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await screenshot(page, 'huitong-results-en');
  assert.deepEqual(await axeViolations(page), [], 'the English results pass axe');

  await page.reload();
  await page.getByRole('heading', { name: 'Results' }).waitFor();
  assert.equal(await page.locator('.results').innerText().then((t) => t.length > 0), true, 'a reload keeps the answers and the language');
  await assertClean(phone);
  await phone.context.close();
});

test('"I\'m not sure" leaves the fact unknown and the page says what is still needed', async () => {
  const phone = await visitWithFamily('130722', { quickStart: '老人在家照顾残疾家人' });
  const { page } = phone;
  await page.locator('form.question').waitFor();
  await page.getByRole('button', { name: '我不确定' }).click();
  await page.getByRole('button', { name: '先看结果' }).click();
  await page.locator('.results').waitFor();
  const household = await savedHousehold(page);
  const hasNull = Object.values(household.facts).includes(null)
    || household.members.some((m) => Object.values(m.facts).includes(null));
  assert.ok(hasNull, 'the answer is stored as null');
  assert.match(await page.locator('.summary').innerText(), /继续回答问题/, 'offers to keep answering');
  // Questions are still to be asked: those come first, not changing the "not sure".
  assert.equal(await page.getByRole('button', { name: /改一下“我不确定”的回答/ }).count(), 0);
  await assertClean(phone);
  await phone.context.close();
});

test('an answer of "I\'m not sure" that decides the result is named on it, with who decides, and opens to be changed', async () => {
  const phone = await zhangbeiResults((answers) => { answers.members.p2.medical_insurance = null; }); // the son's: not sure
  const { page } = phone;
  assert.equal(await page.getByRole('button', { name: /继续回答问题/ }).count(), 0, 'no question is left to ask');
  await page.locator('.open-where summary').click(); // 还需要知道什么
  const fold = page.locator('.open-where');
  const missing = fold.locator('.program__missing').first();
  await missing.waitFor();
  const said = await missing.innerText();
  assert.equal(await fold.getByText('儿子：这个人参加医保了吗').count(), await fold.locator('.more__program').count(),
    'said once for each decision (the four modes, which all wait for it, are one)');
  assert.match(said, /儿子.*医保/s, 'names whose answer is missing');
  assert.match(said, /您答的是“我不确定”/, 'says it was answered "not sure" (it is not asked again)');
  assert.match(said, /最终以谁为准：医保部门记录/, 'says who decides it');
  await fold.getByRole('button', { name: '改一下“我不确定”的回答' }).scrollIntoViewIfNeeded();
  await screenshot(page, 'results-not-sure-named');
  // "Answer these questions" would find nothing to ask: the button opens the answer instead.
  assert.equal(await fold.getByRole('button', { name: '去回答这些问题' }).count(), 0);
  assert.equal(await fold.getByRole('button', { name: '改一下“我不确定”的回答' }).count(), 1, 'one button for them all');
  await fold.getByRole('button', { name: '改一下“我不确定”的回答' }).click();
  const form = page.locator('form.question');
  await form.waitFor();
  assert.equal(await form.getAttribute('data-fact'), 'medical_insurance');
  assert.equal(await form.getAttribute('data-member'), 'p2');
  await form.locator('button[data-option="resident"]').click();
  await page.getByRole('heading', { name: '查询结果' }).waitFor();
  assert.equal(await page.locator('.program__missing').count(), 0, 'nothing is missing any more');
  assert.match(await page.locator('.summary').innerText(), /可以申请/);
  await assertClean(phone);
  await phone.context.close();
});

test('a 特困 family outside the Zhangjiakou pilot is not told it does not qualify for 低保 or the disability subsidies', async () => {
  // §二6: 特困供养家庭不在本服务保障范围内
  const phone = await zhangbeiResults((answers) => { answers.household.household_support = ['tekun']; });
  const { page } = phone;
  await page.locator('.fold--rest > summary').click();
  const card = (name) => page.locator('.fold--rest article[data-pack="zhangjiakou-yilao-yangcan"]')
    .filter({ has: page.locator('.program__name', { hasText: name }) });
  const dibao = card('最低生活保障（低保）');
  await dibao.waitFor();
  const said = await dibao.innerText();
  assert.match(said, /这份文件没有把您家说在里面/, 'the text leaves the family out');
  assert.doesNotMatch(said, /不符合条件|什么情况下可以|✗/, 'nothing says 低保 hangs on the pilot\'s conditions');
  assert.match(await dibao.getAttribute('class'), /program--not_included/, 'nor is it coloured as refused');
  await dibao.scrollIntoViewIfNeeded();
  await screenshot(page, 'results-tekun-related-policy');
  const subsidies = await card('两项补贴').innerText();
  assert.match(subsidies, /这份文件没有把您家说在里面/);
  await assertClean(phone);
  await phone.context.close();
});

test('a wrong number keeps the typed text and explains the range', async () => {
  const phone = await visitWithFamily('431225', {});
  const { page } = phone;
  for (let i = 0; i < 30; i += 1) {
    const form = page.locator('form.question');
    await form.waitFor();
    const fact = await form.getAttribute('data-fact');
    if (fact === 'age') break;
    await page.getByRole('button', { name: '我不确定' }).click();
    await page.waitForFunction((f) => document.querySelector('form.question')?.dataset.fact !== f, fact);
  }
  const input = page.locator('form.question input').first();
  await input.fill('300');
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('alert').filter({ hasText: '0 到 130' }).waitFor();
  assert.equal(await input.inputValue(), '300', 'the typed text is not lost');
  await input.fill('８５');
  await page.getByRole('button', { name: '下一步' }).click();
  await page.waitForFunction(() => document.querySelector('form.question')?.dataset.fact !== 'age');
  assert.equal((await savedHousehold(page)).members[0].facts.age, 85, 'full-width digits are read');
  await assertClean(phone);
  await phone.context.close();
});

test('a Beijing family hears plainly that no policy of their place is included yet', async () => {
  const phone = await visitWithFamily('110101', {});
  const { page } = phone;
  await answerAll(page, { household: {}, members: { p1: { age: 75 } } });
  await page.locator('.results').waitFor();
  const summary = await page.locator('.summary').innerText();
  assert.match(summary, /还没有收录您户口所在地（北京市 东城区）的政策/);
  assert.match(summary, /张家口市/, 'and which places are included');
  await assertClean(phone);
  await phone.context.close();
});
