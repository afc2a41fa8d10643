// What a family reads about each result: policies only worth asking about apart from what it
// may apply for, and beside every amount who receives the money. The statuses come from the
// engine (the wasm module in Node), so these tests follow the rule packs as they are revised.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, openPhone, screenshot, browserAndEngine } from './browser.mjs';
import { BAOTOU_ELDER, QIAODONG_CARER, seedState } from './family-flow.mjs';
import { today } from '../wasm/carecheck-module.mjs';

// The page's short words for who is paid, beside each amount on a card (the full sentence is in
// the card's details).
const PAID_TO = {
  family: '钱给您家',
  institution: '钱给养老机构',
  service_provider: '钱给服务机构',
  meal_point: '钱给供餐点',
};

const ctx = browserAndEngine();

/** The engine's programs for a household, as the page would show them (no provider subsidies). */
function programsOf({ household }) {
  const result = JSON.parse(ctx.engine.check(JSON.stringify({ as_of: today(), ...household }), today()));
  assert.equal(result.ok, true, JSON.stringify(result.error));
  return result.packs.flatMap((pack) => pack.programs.map((p) => ({ ...p, pack: pack.id })))
    .filter((p) => p.kind !== 'provider_subsidy');
}

/** Yuan a year paid to the family itself, one program per choose-one group. */
function familyYearly(programs) {
  let total = 0;
  const groups = new Map();
  for (const p of programs.filter((x) => x.status === 'eligible' && x.amount?.paid_to === 'family' && x.amount.yearly != null)) {
    if (!p.exclusive_group) total += p.amount.yearly;
    else groups.set(`${p.pack}/${p.exclusive_group}`, Math.max(groups.get(`${p.pack}/${p.exclusive_group}`) ?? 0, p.amount.yearly));
  }
  return total + [...groups.values()].reduce((a, b) => a + b, 0);
}

async function openResults(family) {
  const phone = await openPhone(ctx.session.browser);
  await seedState(phone.context, family.state);
  await phone.page.goto(ctx.session.url);
  await phone.page.locator('.results').waitFor();
  return phone;
}

/** The card of one program (by its name), or the option of a choose-one card, on the page. */
const card = (page, name) => page.locator('article.program:not(.program--group), .option')
  .filter({ has: page.locator('.program__name, .option__name', { hasText: name }) }).first();

async function assertClean(phone) {
  assert.deepEqual(phone.problems, [], 'no console errors and no request leaving localhost');
  assert.deepEqual(await phone.cspViolations(), [], 'no CSP violations');
}

test('Zhangjiakou (桥东区): related policies are under "可以去问问的政策", none under what the family can apply for', async () => {
  const programs = programsOf(QIAODONG_CARER);
  const asking = programs.filter((p) => p.status === 'worth_asking');
  const eligible = programs.filter((p) => p.status === 'eligible');
  assert.ok(asking.length > 0 && eligible.length > 0, 'the qualifying family has both (engine)');
  assert.ok(asking.every((p) => p.kind === 'related_policy'));

  const phone = await openResults(QIAODONG_CARER);
  const { page } = phone;
  await screenshot(page, 'statuses-zhangjiakou-results');
  await screenshot(page, 'statuses-zhangjiakou-results-full', true);

  // The top of the page: what the family can apply for, counted without the policies to ask
  // about (the four modes are one choice, so one thing to apply for).
  const summary = page.locator('.summary');
  assert.match(await summary.locator('.summary__headline').innerText(), /您家可以申请 1 项/);
  const applying = await page.locator('.band--apply').innerText();
  for (const p of asking) assert.ok(!applying.includes(p.name.zh), `"${p.name.zh}" is not listed as something to apply for`);

  // Their own section, in their own words, never "符合条件，可以申请".
  const section = page.locator('section.band--ask');
  assert.equal(await section.count(), 1, 'one "worth asking" section');
  assert.match(await section.getByRole('heading', { level: 3 }).innerText(), /^可以去问问/);
  const names = await section.locator('.ask-list .program__name').allInnerTexts();
  assert.equal(names.length, asking.length);
  for (const p of asking) assert.ok(names.some((n) => n.includes(p.name.zh)), `"${p.name.zh}" is under 可以去问问`);
  await section.locator('.ask-where > summary').click();
  for (const status of await section.locator('.ask-where .program__status').allInnerTexts()) {
    assert.match(status, /^可以去问问：/);
  }
  assert.doesNotMatch(await section.innerText(), /符合条件，可以申请/);

  // Beside every amount: who receives it; the care home's money is not the family's.
  for (const p of eligible.filter((x) => x.amount?.paid_to)) {
    const text = await card(page, p.name.zh).innerText();
    assert.ok(text.includes(PAID_TO[p.amount.paid_to]), `${p.name.zh}: says "${PAID_TO[p.amount.paid_to]}"`);
    if (p.amount.suggested) assert.match(text, /建议标准/, `${p.name.zh}: a suggested figure says so`);
  }
  const modes = page.locator('article.program--group');
  await modes.locator('.program__more > summary').click();
  const details = await modes.locator('.program__more').innerText();
  assert.match(details, /钱给服务机构，上门服务不收您家这部分钱/, 'the details say it in full');
  assert.match(details, /钱给养老机构，您家得到的是服务/);
  const family = familyYearly(programs);
  const money = await summary.locator('.summary__money').innerText();
  if (family === 0) assert.match(money, /这些钱不直接发给您家，是给.*(养老机构|服务机构).*的/);
  else assert.match(money, new RegExp(`${family.toLocaleString('zh-CN')} 元直接给您家`));

  assert.deepEqual(await axeViolations(page), [], 'the results page passes axe');
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { name: 'Worth asking about (no promise)' }).waitFor();
  await assertClean(phone);
  await phone.context.close();
});

test('Baotou: the meal subsidy says the money goes to the meal point, and is not the family\'s money', async () => {
  const programs = programsOf(BAOTOU_ELDER);
  const meal = programs.find((p) => p.id === 'meal-subsidy');
  assert.equal(meal?.status, 'eligible', 'a 70-year-old in a 低保 household gets the meal subsidy (engine)');
  assert.equal(meal.amount.paid_to, 'meal_point');

  const phone = await openResults(BAOTOU_ELDER);
  const { page } = phone;
  await screenshot(page, 'statuses-baotou-results');
  await screenshot(page, 'statuses-baotou-results-full', true);

  const mealCard = card(page, meal.name.zh);
  assert.match(await mealCard.innerText(), /钱给供餐点，老人吃饭便宜/);
  await mealCard.locator('.program__more > summary').click();
  assert.match(await mealCard.innerText(), new RegExp(`钱给供餐点，老人吃饭便宜 ${meal.amount.value} 元`), 'the details say how much');

  const family = familyYearly(programs);
  const money = await page.locator('.summary__money').innerText();
  if (family === 0) assert.match(money, /这些钱不直接发给您家，是给供餐点的/);
  else assert.match(money, new RegExp(`${family.toLocaleString('zh-CN')} 元直接给您家.*供餐点`));
  assert.ok(!money.includes(meal.amount.yearly.toLocaleString('zh-CN')), 'the meal money is not in the family\'s total');
  assert.deepEqual(await axeViolations(page), [], 'the results page passes axe');
  await assertClean(phone);
  await phone.context.close();
});
