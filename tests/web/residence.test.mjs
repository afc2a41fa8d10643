// Where a family lives and each person's own hukou: most programs go by where people live
// (Puyang "我市", Huitong's county services), some by a person's own 户籍 (Huitong items 12–14).
// The page asks it on the hukou step and, folded, in each person's block.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, openPhone, screenshot, browserAndEngine } from './browser.mjs';
import { answerAll, savedHousehold, seedState, setFamily } from './family-flow.mjs';
import { download, openCadreMode } from './cadre-flow.mjs';
import { today } from '../wasm/carecheck-module.mjs';

const ctx = browserAndEngine();

// A mother of 62 with her hukou in 山东省聊城市莘县, living in 濮阳县 with her son of 30: severe
// intellectual disability (grade 1, second-generation certificate), a 低保 household.
const SHANDONG_IN_PUYANG = {
  family: { quickStart: '老人在家照顾残疾家人', labels: ['妈妈', '儿子'] },
  answers: {
    household: { household_support: ['dibao'], economic_hardship: true, stable_income: false, rural: true },
    members: {
      p1: { age: 62, ability_level: 'intact', medical_insurance: 'resident', disability_certificate: false },
      p2: {
        age: 30, disability_certificate: true, certificate_second_generation: true, disability_type: 'intellectual',
        disability_level: 1, medical_insurance: 'resident', can_work: false, ability_level: 'severe',
      },
    },
  },
};

/** Taps a tick box's row (its words), as a family would; returns the box. */
async function tap(scope, name) {
  await scope.locator('label', { hasText: name }).click();
  return scope.getByRole('checkbox', { name });
}

/** Chooses province, city and county in the n-th region picker of the step. */
async function pickCounty(scope, n, [province, city, county]) {
  const selects = scope.locator('.region-picker').nth(n).locator('select');
  await selects.nth(0).selectOption(province);
  await selects.nth(1).selectOption(city);
  await selects.nth(2).selectOption(county);
}

function engineCheck(household) {
  return JSON.parse(ctx.engine.check(JSON.stringify({ as_of: today(), ...household }), today()));
}

async function assertClean(phone) {
  assert.deepEqual(phone.problems, [], 'no console errors and no request leaving localhost');
  assert.deepEqual(await phone.cspViolations(), [], 'no CSP violations');
}

/** The hukou step, answered "不是，住在别处" and the county lived in. */
async function hukouAndHome(page, hukou, home) {
  await page.getByRole('heading', { name: '第一步：家里的户口在哪里？' }).waitFor();
  await pickCounty(page, 0, hukou);
  const question = page.getByRole('group', { name: '您家现在就住在户口所在的县（区）吗？' });
  assert.equal(await question.getByRole('button', { name: /^(✓ )?是$/ }).getAttribute('aria-pressed'), 'true',
    'living in the hukou county is what counts until the family says otherwise');
  assert.ok(await page.locator('.region-picker').nth(1).isHidden(), 'no second county picker until "不是"');
  await question.getByRole('button', { name: '不是，住在别处' }).click();
  await pickCounty(page, 1, home);
}

test('Shandong hukou, living in 濮阳县: after "不是，住在别处" the Puyang neighbour care is 可以申请', async () => {
  const phone = await openPhone(ctx.session.browser);
  const { page } = phone;
  await page.goto(ctx.session.url);
  await hukouAndHome(page, ['37', '3715', '371522'], ['41', '4109', '410928']);
  await screenshot(page, 'residence-1-hukou-step');
  assert.deepEqual(await axeViolations(page), [], 'the hukou step with the residence question passes axe');
  await page.getByRole('button', { name: '下一步' }).click();

  // The family step names both places, with a way to change them.
  const places = page.locator('.places-line');
  await places.waitFor();
  assert.match(await places.innerText(), /户口：山东省 聊城市 莘县[\s\S]*现在住在：河南省 濮阳市 濮阳县/);
  await screenshot(page, 'residence-2-family-step');
  await setFamily(page, SHANDONG_IN_PUYANG.family);
  const asked = await answerAll(page, SHANDONG_IN_PUYANG.answers);
  assert.ok(!asked.includes('home_region'), 'where the family lives is not asked again');

  const household = await savedHousehold(page);
  assert.equal(household.facts.home_region, '410928', 'kept with the answers, as the engine reads it');
  assert.equal(household.facts.hukou_region, '371522');

  await page.locator('.results').waitFor();
  await screenshot(page, 'residence-3-results', true);
  assert.equal(await page.locator('.fold--elsewhere [data-pack="puyang-four-modes"]').count(), 0,
    'Puyang is not among the other places');
  const care = page.locator('.band--apply .option, .band--apply article.program:not(.program--group)')
    .filter({ has: page.locator('.option__name, .program__name', { hasText: '居家邻里照护' }) }).first();
  assert.match(await care.getAttribute('class'), /(option|program)--eligible/);
  assert.match(await page.locator('.band--apply article.program').first().innerText(), /居家邻里照护/, 'named on the first card');
  assert.match(await page.locator('.summary__when').innerText(), /户口：山东省 聊城市 莘县 · 住在：河南省 濮阳市 濮阳县/);
  const elsewhere = await page.locator('.fold--elsewhere > summary').innerText();
  assert.doesNotMatch(elsewhere, /户口不在那里/, 'the other places are not said to be "where your hukou is not"');
  await page.locator('.fold--elsewhere > summary').click();
  assert.match(await page.locator('.fold--elsewhere .fold__help').innerText(), /您家的户口和住的地方都不在这些地方/);
  await page.locator('.fold--elsewhere > summary').click();

  // The engine agrees, and without the residence the same family gets nothing from Puyang.
  const neighbour = (result) => result.packs.flatMap((p) => p.programs).find((p) => p.id === 'neighbour-care');
  assert.equal(neighbour(engineCheck(household)).status, 'eligible');
  const { home_region: _, ...withoutHome } = household.facts;
  assert.equal(neighbour(engineCheck({ ...household, facts: withoutHome })).status, 'not_eligible');

  // The answers list shows where the family lives; "改" opens the hukou step with it.
  await page.locator('.answers-box > summary').click();
  const homeRow = page.locator('.answer', { hasText: '家里人现在住在哪个县（区）？' });
  assert.match(await homeRow.innerText(), /河南省 濮阳市 濮阳县/);
  await homeRow.getByRole('button', { name: /改/ }).click();
  await page.getByRole('heading', { name: '第一步：家里的户口在哪里？' }).waitFor();
  const question = page.getByRole('group', { name: '您家现在就住在户口所在的县（区）吗？' });
  assert.equal(await question.getByRole('button', { name: '不是，住在别处' }).getAttribute('aria-pressed'), 'true');
  assert.equal(await page.locator('.region-picker').nth(1).locator('select').nth(2).inputValue(), '410928',
    'the county lived in is shown, not silently kept');
  // Changing the hukou keeps the county the family chose to live in.
  await pickCounty(page, 0, ['37', '3715', '371521']);
  await page.getByRole('button', { name: '下一步' }).click();
  await page.locator('.results').waitFor();
  const changed = await savedHousehold(page);
  assert.equal(changed.facts.hukou_region, '371521');
  assert.equal(changed.facts.home_region, '410928');
  await assertClean(phone);
  await phone.context.close();
});

test('saying "是" after living elsewhere leaves where the family lives to the hukou again', async () => {
  const phone = await openPhone(ctx.session.browser);
  const { page } = phone;
  await page.goto(ctx.session.url);
  await hukouAndHome(page, ['37', '3715', '371522'], ['41', '4109', '410928']);
  await page.getByRole('button', { name: '下一步' }).click();
  await page.locator('.places-line').waitFor();
  await page.getByRole('button', { name: '改户口和住的地方' }).click();
  await page.getByRole('button', { name: /^(✓ )?是$/ }).click();
  assert.ok(await page.locator('.region-picker').nth(1).isHidden(), 'the second picker folds away');
  await page.getByRole('button', { name: '下一步' }).click();
  // Only the hukou county (Shandong) is left, which no pack is about: the page says so up front
  // (issue 11, coverage-view.js) and the family goes on anyway.
  await page.getByRole('button', { name: '还是接着查' }).click();
  await page.locator('.places-line').waitFor();
  assert.match(await page.locator('.places-line').innerText(), /现在住在：就住在户口所在地/);
  assert.equal((await savedHousehold(page)).facts.home_region, undefined, 'no residence kept: the default counts');
  await assertClean(phone);
  await phone.context.close();
});

test('Huitong: a grandmother of 85 whose own hukou is in 鹤城区 gets 就医便利 but not the 80–89 高龄补贴', async () => {
  const phone = await openPhone(ctx.session.browser);
  const { page } = phone;
  await page.goto(`${ctx.session.url}?region=431225`);
  await page.getByRole('heading', { name: /家里有哪些人/ }).waitFor();
  const member = page.locator('fieldset.member').first();
  const ownHukou = member.getByRole('checkbox', { name: '这个人的户口不在家里的户口所在地' });
  const ownSupport = member.getByRole('checkbox', { name: '这个人自己的低保、特困等身份和家里不一样' });
  assert.equal(await ownHukou.isChecked(), false, 'folded by default');
  assert.equal(await ownSupport.isChecked(), false, 'folded by default');
  assert.equal(await member.locator('.region-picker').isHidden(), true, 'no county picker until asked for');
  assert.equal(await member.getByRole('checkbox', { name: /特困供养（五保）/ }).count(), 0);

  // The support options are the catalogue's (person_support), shown when unfolded.
  await tap(member, '这个人自己的低保、特困等身份和家里不一样');
  const options = JSON.parse(ctx.engine.describe()).facts.find((f) => f.id === 'person_support').options;
  for (const option of options) {
    assert.ok(await member.getByRole('checkbox', { name: option.name.zh }).isVisible(), `offers ${option.name.zh}`);
  }
  await tap(member, '这个人自己的低保、特困等身份和家里不一样');

  await tap(member, '这个人的户口不在家里的户口所在地');
  await pickCounty(member, 0, ['43', '4312', '431202']);
  await member.locator('input[type="text"]').fill('奶奶');
  await screenshot(page, 'residence-4-own-hukou');
  assert.deepEqual(await axeViolations(page), [], 'the family step with a person\'s own hukou passes axe');
  await page.getByRole('button', { name: '下一步' }).click();

  const asked = await answerAll(page, {
    household: { economic_hardship: false, household_support: [], rural: true, stable_income: false },
    members: { p1: { age: 85, ability_level: 'mild', lives_alone: true, empty_nest: true, left_behind: false, medical_insurance: 'resident', disability_certificate: false, marital_status: 'widowed', has_children: true } },
  });
  assert.ok(!asked.includes('person_hukou_region@p1'), 'her own hukou is not asked again');
  const household = await savedHousehold(page);
  assert.equal(household.members[0].facts.person_hukou_region, '431202');
  assert.equal(household.members[0].facts.person_support, undefined, 'folded away again: the family\'s answer counts');

  await page.locator('.results').waitFor();
  await screenshot(page, 'residence-5-huitong-results', true);
  const huitong = page.locator('article.program[data-pack="huitong-basic-elderly-services"]');
  const card = (name) => huitong.filter({ has: page.locator('.program__name', { hasText: name }) }).first();
  assert.match(await card('看病就医便利').getAttribute('class'), /program--eligible/, 'item 4 goes by where she lives');
  const allowance = card('高龄补贴（80—89岁）');
  assert.match(await allowance.getAttribute('class'), /program--not_eligible/, 'item 12 goes by her own hukou');
  const folded = page.locator('details.fold--rest', { has: page.locator('.program__name', { hasText: '高龄补贴（80—89岁）' }) });
  assert.equal(await folded.count(), 1, 'folded with what she does not get, not a near miss (a hukou is not nearly met)');
  await folded.locator('> summary').click();
  await allowance.locator('.program__change').first().waitFor();
  assert.match(await allowance.innerText(), /老人自己的户口在会同县/, 'and says why');
  assert.doesNotMatch(await page.locator('.band--apply, .band--near').first().innerText(), /高龄补贴（80/);

  const engineSays = engineCheck(household).packs.flatMap((p) => p.programs);
  assert.equal(engineSays.find((p) => p.id === 'item-12-old-age-allowance-80').status, 'not_eligible');
  assert.equal(engineSays.find((p) => p.id === 'item-04-medical-convenience').status, 'eligible');
  await assertClean(phone);
  await phone.context.close();
});

test('where the family lives and a person\'s own hukou survive a reload and are in the cadre backup', async () => {
  const phone = await openPhone(ctx.session.browser, { acceptDownloads: true });
  const { page } = phone;
  await page.goto(ctx.session.url);
  await hukouAndHome(page, ['37', '3715', '371522'], ['41', '4109', '410928']);
  await page.getByRole('button', { name: '下一步' }).click();
  await page.locator('.places-line').waitFor();
  const member = page.locator('fieldset.member').first();
  await tap(member, '这个人的户口不在家里的户口所在地');
  await pickCounty(member, 0, ['41', '4109', '410928']);
  await tap(member, '这个人自己的低保、特困等身份和家里不一样');
  await tap(member, '特困供养（五保）');

  await page.reload();
  await page.locator('.places-line').waitFor();
  assert.match(await page.locator('.places-line').innerText(), /现在住在：河南省 濮阳市 濮阳县/);
  const again = page.locator('fieldset.member').first();
  assert.equal(await again.getByRole('checkbox', { name: '这个人的户口不在家里的户口所在地' }).isChecked(), true);
  assert.equal(await again.locator('.region-picker select').nth(2).inputValue(), '410928');
  assert.equal(await again.getByRole('checkbox', { name: '特困供养（五保）' }).isChecked(), true);
  const saved = await savedHousehold(page);
  assert.equal(saved.facts.home_region, '410928');
  assert.deepEqual(saved.members[0].facts, { person_hukou_region: '410928', person_support: ['tekun'] });

  // A cadre registers a household with the same answers; the backup carries them.
  await openCadreMode(page);
  await page.getByLabel('户名（户主姓名或门牌号）').fill('赵家');
  await page.getByRole('button', { name: '开始登记这一户' }).click();
  await page.getByText('正在登记：赵家').waitFor();
  await hukouAndHome(page, ['37', '3715', '371522'], ['41', '4109', '410928']);
  await page.getByRole('button', { name: '下一步' }).click();
  const cadreMember = page.locator('fieldset.member').first();
  await tap(cadreMember, '这个人的户口不在家里的户口所在地');
  await pickCounty(cadreMember, 0, ['43', '4312', '431202']);
  await page.getByRole('button', { name: '下一步' }).click();
  await page.locator('form.question').waitFor();
  await page.getByRole('button', { name: '回到名单' }).click();
  await page.getByRole('heading', { name: '入户登记名单' }).waitFor();
  const backup = JSON.parse((await download(page, '导出备份（JSON，可以再导入）')).text);
  const zhao = backup.households.find((h) => h.name === '赵家');
  assert.equal(zhao.state.region, '371522');
  assert.equal(zhao.state.facts.home_region, '410928');
  assert.equal(zhao.state.members[0].facts.person_hukou_region, '431202');
  await assertClean(phone);
  await phone.context.close();
});

test('a Puyang family whose son does not qualify sees Puyang\'s policy with its reasons, not under other places', async () => {
  const phone = await openPhone(ctx.session.browser);
  const { page, context } = phone;
  await seedState(context, {
    step: 'results', region: '410928', facts: { household_support: ['dibao'] }, history: [], editing: null, papers: {},
    members: [
      { id: 'p1', label: '妈妈', roles: ['elder', 'carer'], facts: { age: 62 } },
      { id: 'p2', label: '儿子', roles: ['cared_for'], facts: { age: 30, disability_certificate: true, certificate_second_generation: true, disability_type: 'intellectual', disability_level: 3 } },
    ],
  });
  await page.goto(ctx.session.url);
  await page.locator('.results').waitFor();
  assert.equal(await page.locator('.fold--elsewhere [data-pack="puyang-four-modes"]').count(), 0);
  const puyang = page.locator('.results > :not(.fold--elsewhere) [data-pack="puyang-four-modes"]');
  assert.ok(await puyang.count() > 0, 'shown with the policies of the family\'s own place');
  // Its "no"s say why: a near miss says what is missing, the rest are folded with their reasons.
  const reasons = await page.locator('.band--near, .fold--rest').allInnerTexts();
  assert.match(reasons.join('\n'), /还差这一?两?条|其他 \d+ 项/);
  assert.match(await page.locator('.fold--elsewhere > summary').innerText(), /别的地方的政策（3 个/);
  assert.doesNotMatch(await page.locator('.summary').innerText(), /还没有收录/);
  await assertClean(phone);
  await context.close();
});
