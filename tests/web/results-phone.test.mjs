// The results page as a family meets it on a 360×640 phone (issue 11): a headline first, one card
// per decision, near misses, what is worth asking about, the rest folded; the whole Zhangjiakou
// result within three screens; contacts only from the texts; English place names and clauses.
// What the page must show is read from the engine (the wasm module in Node), so these tests
// follow the rule packs as they are revised.
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ROOT, axeViolations, openPhone, browserAndEngine } from './browser.mjs';
import { BAOTOU_ELDER, QIAODONG_CARER, seedState } from './family-flow.mjs';
import { today } from '../wasm/carecheck-module.mjs';
import { familyResult } from '../../web/js/result-summary.js';
import { failsOnPlace, packElsewhere } from '../../web/js/engine.js';

const ctx = browserAndEngine();
const SCREEN = 640;
// Screenshots a person looks at (tests/web/artifacts/ is ignored by git).
const SHOTS = path.join(ROOT, 'tests/web/artifacts');
fs.mkdirSync(SHOTS, { recursive: true });

async function shoot(page, name) {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
  await page.screenshot({ path: path.join(SHOTS, `${name}-full.png`), fullPage: true });
}

/** The date `years` years and `days` days before today, as YYYY-MM-DD. */
function yearsAgo(years, days) {
  const d = new Date(`${today()}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

/** The Qiaodong family with the mother 58 (from her birth date), otherwise the same. */
function mother58() {
  const state = structuredClone(QIAODONG_CARER.state);
  const { age, ...rest } = state.members[0].facts;
  state.members[0].facts = { ...rest, birth_date: yearsAgo(58, 30) };
  return state;
}

/** An 85-year-old in Huitong (her own county, a 低保 household in hardship). */
const HUITONG_85 = {
  step: 'results', region: '431225', facts: { economic_hardship: true, household_support: ['dibao'] },
  history: [], editing: null, papers: {},
  members: [{ id: 'p1', label: '奶奶', roles: ['elder'], facts: { birth_date: yearsAgo(85, 40) } }],
};

const householdOf = (state) => ({
  as_of: today(),
  facts: { ...state.facts, hukou_region: state.region },
  members: state.members.map(({ id, roles, facts }) => ({ id, roles, facts })),
});

function engineCheck(state) {
  const result = JSON.parse(ctx.engine.check(JSON.stringify(householdOf(state)), today()));
  assert.equal(result.ok, true, JSON.stringify(result.error));
  return result;
}

/** The engine's catalogue as the page builds it (facts by id). */
function catalogue() {
  const described = JSON.parse(ctx.engine.describe());
  return { roles: described.roles, facts: new Map(described.facts.map((f) => [f.id, f])), packs: described.packs };
}

async function openResults(state, options = {}) {
  const phone = await openPhone(ctx.session.browser, options);
  await seedState(phone.context, state);
  await phone.page.goto(ctx.session.url);
  await phone.page.locator('.results').waitFor();
  return phone;
}

async function assertClean(phone) {
  assert.deepEqual(phone.problems, [], 'no console errors and no request leaving localhost');
  assert.deepEqual(await phone.cspViolations(), [], 'no CSP violations');
}

test('Zhangjiakou family: a headline first, the four modes as one card side by side, the whole result within three screens', async () => {
  const result = engineCheck(QIAODONG_CARER.state);
  const pack = result.packs.find((p) => p.id === 'zhangjiakou-yilao-yangcan');
  const eligible = pack.programs.filter((p) => p.status === 'eligible');
  const decisions = new Set(eligible.map((p) => p.exclusive_group || p.id));
  const ranked = pack.exclusive_groups.find((g) => g.id === 'modes').ranked.map((r) => r.program);
  const toFamily = eligible.filter((p) => p.amount?.paid_to === 'family');
  assert.equal(toFamily.length, 0, 'the engine pays none of it to the family (service money)');

  const phone = await openResults(QIAODONG_CARER.state);
  const { page } = phone;
  await shoot(page, 'results-zhangjiakou');
  const height = await page.locator('.results').evaluate((e) => e.getBoundingClientRect().height);
  console.log(`# Zhangjiakou result: ${Math.round(height)} px (${(height / SCREEN).toFixed(2)} screens of ${SCREEN} px)`);
  assert.ok(height <= 3 * SCREEN, `the result is at most three screens tall before anything is opened: ${Math.round(height)} px`);
  assert.equal(await page.locator('.results details[open]').count(), 0, 'nothing is open');

  // The headline: how many things to apply for (a choose-one group is one), and whose money.
  const first = page.locator('.results > :nth-child(2)');
  assert.match(await first.getAttribute('class'), /summary/, 'the headline comes first');
  assert.equal(await page.locator('.summary__headline').innerText(), `您家可以申请 ${decisions.size} 项`);
  assert.match(await page.locator('.summary__money').innerText(), /不直接发给您家.*(服务机构|养老机构)/);
  assert.ok(await page.locator('.summary').evaluate((e) => e.getBoundingClientRect().top < 640), 'on the first screen');

  // One card for the choice, its options side by side, in the engine's ranking.
  const cards = page.locator('.band--apply article.program');
  assert.equal(await cards.count(), decisions.size, 'one card per decision');
  const options = cards.first().locator('.option');
  assert.equal(await options.count(), eligible.length);
  const names = await options.locator('.option__name').allInnerTexts();
  const order = ranked.map((id) => pack.programs.find((p) => p.id === id).name.zh);
  names.forEach((name, i) => assert.ok(name.includes(order[i]), `option ${i + 1} is ${order[i]} (engine ranking): ${name}`));
  const boxes = await options.evaluateAll((els) => els.slice(0, 2).map((e) => e.getBoundingClientRect()));
  assert.ok(Math.abs(boxes[0].top - boxes[1].top) < 2 && boxes[1].left > boxes[0].right - 1, 'the first two options stand side by side');
  for (const option of await options.allInnerTexts()) assert.match(option, /钱给(服务机构|养老机构)/, 'each says who is paid');

  // Worth asking about: after the cards, listed apart, never counted.
  const asking = pack.programs.filter((p) => p.status === 'worth_asking');
  assert.equal(await page.locator('.band--ask .ask-list .program').count(), asking.length);
  assert.deepEqual(await axeViolations(page), [], 'the results page passes axe');
  await assertClean(phone);
  await phone.context.close();
});

test('a mother of 58 in her own pilot county sees her near miss with the day she turns 60, not "nothing found", and her county is not an "other place"', async () => {
  const state = mother58();
  const result = engineCheck(state);
  const pack = result.packs.find((p) => p.id === 'zhangjiakou-yilao-yangcan');
  const foster = pack.programs.find((p) => p.id === 'home-foster-care');
  assert.equal(foster.status, 'not_eligible');
  const hint = foster.would_change.map((c) => c.hint?.zh).find(Boolean);
  assert.match(hint, /现在是 58岁.*满 60岁/, 'the engine gives the figure and the day (engine)');

  const phone = await openResults(state);
  const { page } = phone;
  await shoot(page, 'results-mother-58');
  assert.doesNotMatch(await page.locator('.summary').innerText(), /还没有找到能申请的项目/);
  assert.match(await page.locator('.summary__headline').innerText(), /差一点/);
  const near = page.locator('section.band--near');
  assert.equal(await near.getByRole('heading', { level: 3 }).innerText(), '差一点就符合');
  const card = near.locator('article.program[data-pack="zhangjiakou-yilao-yangcan"]').first();
  assert.match(await card.innerText(), /四种服务只能选一种/, 'the choice of modes is one near miss');
  assert.ok((await card.innerText()).includes(hint), `says "${hint}" without a tap`);
  assert.ok(await near.evaluate((e) => e.getBoundingClientRect().top < 2 * 640), 'within the first two screens');
  assert.equal(await page.locator('.fold--elsewhere [data-pack="zhangjiakou-yilao-yangcan"]').count(), 0,
    'her own county\'s policy is not among the other places');
  assert.doesNotMatch(await page.locator('.fold--elsewhere > summary').innerText(), /户口不在那里/);
  assert.deepEqual(await axeViolations(page), [], 'passes axe');
  await assertClean(phone);
  await phone.context.close();
});

test('Huitong at 85: no item numbers in card titles (the clause is in the details), the passed target date said to be past, no bold without a figure', async () => {
  const result = engineCheck(HUITONG_85);
  const huitong = result.packs.find((p) => p.id === 'huitong-basic-elderly-services');
  assert.ok(huitong.dates.target < today(), 'the target year has passed (engine)');
  const item13 = huitong.programs.find((p) => p.id === 'item-13-old-age-allowance-90');
  assert.equal(item13.status, 'not_eligible');

  const phone = await openResults(HUITONG_85);
  const { page } = phone;
  await shoot(page, 'results-huitong-85');
  for (const title of await page.locator('.program__name, .option__name').allInnerTexts()) {
    assert.doesNotMatch(title, /第\s*\d+\s*项|Item \d+/, `no item number in "${title}"`);
  }
  const allowance = page.locator('.band--apply article.program', { has: page.locator('.program__name', { hasText: '高龄补贴（80—89岁）' }) });
  await allowance.locator('.program__more > summary').click();
  assert.match(await allowance.locator('.program__more').innerText(), /附件 第12项/, 'the clause is in the details');

  // Near miss: item 13 with its age and day.
  const near = page.locator('.band--near article.program', { has: page.locator('.program__name', { hasText: '高龄补贴（90—99岁）' }) });
  assert.match(await near.innerText(), new RegExp(item13.would_change[0].hint.zh.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));

  // Dates: a passed target is never a plain date, anywhere on the page (folds included).
  const all = await page.evaluate(() => document.querySelector('.results').textContent);
  assert.ok(!all.includes(`目标 ${huitong.dates.target}`), 'the passed target is not shown as a plain date');
  assert.ok(all.includes(`${huitong.dates.target} 前完成（这个日子已经过了）`));

  // Words without a figure are not in the bold amount style.
  const styles = await page.locator('.program__amount').evaluateAll((els) => els.map((e) => ({ text: e.textContent, weight: Number(getComputedStyle(e).fontWeight) })));
  assert.ok(styles.some((s) => /当地定/.test(s.text)), 'an amount set locally is on the page');
  for (const { text, weight } of styles) {
    if (!/\d/.test(text)) assert.ok(weight < 600, `"${text}" has no figure and is not bold (${weight})`);
  }
  await assertClean(phone);
  await phone.context.close();
});

test('contacts: the offices the texts name are on the result, and the only phone number is one a text gives', async () => {
  const sources = fs.readdirSync(path.join(ROOT, 'rules/sources')).map((f) => fs.readFileSync(path.join(ROOT, 'rules/sources', f), 'utf8')).join('\n');

  // Zhangjiakou: the offices responsible (责任单位) and the sentence that names them.
  let phone = await openResults(QIAODONG_CARER.state);
  let { page } = phone;
  const modes = page.locator('.band--apply article.program--group');
  await modes.locator('.program__more > summary').click();
  const details = await modes.locator('.program__more').innerText();
  assert.match(details, /负责部门：市民政局、市财政局、市残联，各县区人民政府/);
  assert.match(details, /看文件原话（§三\(一\) 1）/);
  assert.equal(await page.locator('a[href^="tel:"]').count(), 0, 'no phone number: the Zhangjiakou text gives none');
  await phone.context.close();

  // Baotou: 12349, which the text names, can be dialled from the card.
  phone = await openResults(BAOTOU_ELDER.state);
  ({ page } = phone);
  const hotline = page.locator('.band--apply article.program[data-program="hotline-12349"]');
  assert.equal(await hotline.locator('.program__where a[href="tel:12349"]').count(), 1, 'on the card\'s face, no tap needed');
  for (const summary of await page.locator('.band--apply .program__more > summary').all()) await summary.click();
  await shoot(page, 'results-baotou-contacts');
  const tels = await page.locator('a[href^="tel:"]').evaluateAll((els) => els.map((e) => e.getAttribute('href').slice(4)));
  assert.ok(tels.includes('12349'), `12349 can be dialled: ${tels}`);
  for (const number of tels) assert.ok(sources.includes(number), `${number} is in a source text`);
  const link = page.locator('a[href="tel:12349"]').first();
  const box = await link.boundingBox();
  assert.ok(box.height >= 44, `a big enough target (${box.height} px)`);
  await assertClean(phone);
  await phone.context.close();
});

test('an English browser opens in English, with place names in pinyin and clauses as sections', async () => {
  const phone = await openResults(QIAODONG_CARER.state, { locale: 'en-GB' });
  const { page } = phone;
  await page.getByRole('heading', { name: 'Results' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en', 'nobody chose a language: the browser\'s first one');
  assert.match(await page.locator('.summary__when').innerText(), /Qiaodong District, Zhangjiakou City, Hebei Province/);
  const modes = page.locator('.band--apply article.program--group');
  await modes.locator('.program__more > summary').click();
  const details = await modes.locator('.program__more').innerText();
  assert.match(details, /Section 2, point 1/, 'clause labels in English');
  assert.doesNotMatch(details, /§/);
  await shoot(page, 'results-zhangjiakou-en');

  // The hukou step lists provinces in English; the switch brings Chinese back.
  await page.getByRole('button', { name: '中文' }).click();
  await page.getByRole('heading', { name: '查询结果' }).waitFor();
  assert.match(await page.locator('.summary__when').innerText(), /河北省 张家口市 桥东区/);
  await assertClean(phone);
  await phone.context.close();

  const fresh = await openPhone(ctx.session.browser, { locale: 'en-US' });
  await fresh.page.goto(ctx.session.url);
  const province = fresh.page.locator('.region-picker select').first();
  await province.locator('option', { hasText: 'Hebei Province' }).waitFor({ state: 'attached' });
  await province.selectOption('13');
  // The province's cities come with its own file (in English too).
  await fresh.page.locator('.region-picker select').nth(1).locator('option', { hasText: 'Zhangjiakou City' }).waitFor({ state: 'attached' });
  await assertClean(fresh);
  await fresh.context.close();
});

test('one place decides statuses, groups and payees: familyResult() sorts the engine\'s result, and the views do not decide', () => {
  const cat = catalogue();
  const sort = (state) => familyResult(engineCheck(state), cat, packElsewhere, failsOnPlace);

  const family = sort(QIAODONG_CARER.state);
  assert.equal(family.counts.apply, 1);
  assert.equal(family.decisions[0].group.id, 'modes');
  assert.equal(family.money.yearly, 0);
  assert.ok(family.money.paidElsewhere.includes('service_provider'));

  const mother = sort(mother58());
  assert.ok(mother.ownPacks.some((p) => p.id === 'zhangjiakou-yilao-yangcan'), 'her county is her own place');
  assert.equal(mother.nearMisses[0].group.id, 'modes');
  assert.equal(mother.counts.apply, 0);

  const grandma = sort(HUITONG_85);
  assert.equal(grandma.money.bound, 'at_least', '不低于 figures are floors');
  assert.ok(grandma.money.yearly >= 240);

  for (const file of ['results-view.js', 'program-card.js']) {
    const source = fs.readFileSync(path.join(ROOT, 'web/js', file), 'utf8');
    assert.doesNotMatch(source, /paid_to\s*[!=]==|provider_subsidy|status\s*===\s*'eligible'/, `${file} decides no payee or status`);
  }
});
