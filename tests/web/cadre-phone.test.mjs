// Cadre mode on a 360×640 phone (issue 11, item 8): a new household asks its county, filled in
// visibly from the last one; the bars above the steps are compact; the CSV has the family's
// money per program and in total (money paid to the family only, result-summary.js's rule).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, axeViolations, openPhone, browserAndEngine } from './browser.mjs';
import { download, HUITONG_ELDER, openCadreMode, registerHousehold, storedHouseholds } from './cadre-flow.mjs';
import { setFamily } from './family-flow.mjs';
import { familyMoney } from '../../web/js/result-summary.js';
import { today } from '../wasm/carecheck-module.mjs';

const ctx = browserAndEngine();
const SHOTS = path.join(ROOT, 'tests/web/artifacts');

async function shot(page, name) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

/** CSV text to rows of cells (quoted cells may hold commas and doubled quotes). */
function parseCsv(text) {
  return text.replace(/^\uFEFF/, '').trimEnd().split('\r\n').map((line) => {
    const cells = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < line.length; i += 1) {
      const c = line[i];
      if (quoted && c === '"' && line[i + 1] === '"') { cell += '"'; i += 1; } else if (c === '"') quoted = !quoted;
      else if (c === ',' && !quoted) { cells.push(cell); cell = ''; } else cell += c;
    }
    cells.push(cell);
    return cells;
  });
}

test('a new household shows the last county filled in, can change it, and the CSV has the family\'s money', async () => {
  const phone = await openPhone(ctx.session.browser, { acceptDownloads: true });
  const { page } = phone;
  await page.goto(ctx.session.url);
  await openCadreMode(page);
  await registerHousehold(page, '王秀英家', '三组', HUITONG_ELDER, { chooseCounty: true });

  // The county is asked on the form, with the last household's filled in where the cadre sees it.
  const form = page.locator('form.household-form');
  const county = form.locator('.region-picker select').nth(2);
  assert.equal(await county.inputValue(), '431225', 'the last household\'s county is filled in');
  assert.match(await form.innerText(), /已先填上一户的县（区），不对请改：湖南省 怀化市 会同县/, 'and it says so');
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, 'cadre-roster-top');
  await form.locator('.household-form__county').scrollIntoViewIfNeeded();
  await shot(page, 'cadre-roster-new-county');
  assert.deepEqual(await axeViolations(page), [], 'the roster with its county passes axe');

  // A household of another county: the cadre changes it before starting.
  await page.getByLabel('户名（户主姓名或门牌号）').fill('赵家');
  await form.locator('.region-picker select').nth(0).selectOption('15');
  await form.locator('.region-picker select').nth(1).selectOption('1502');
  await form.locator('.region-picker select').nth(2).selectOption('150203');
  await page.getByRole('button', { name: '开始登记这一户' }).click();
  await page.getByText('正在登记：赵家').waitFor();
  await setFamily(page, { quickStart: '只查一位老人' });
  await page.locator('form.question').waitFor();
  await shot(page, 'cadre-question');
  // The bars above the question: one compact header and the household's line (365 px of 640 before).
  const header = await page.locator('header.top').boundingBox();
  const bar = await page.locator('#cadre-bar').boundingBox();
  assert.ok(header.height <= 64, `the header is one compact bar (${header.height} px)`);
  assert.ok(bar.y + bar.height <= 170, `header and household line end by 170 px (${bar.y + bar.height})`);
  const first = await page.locator('form.question .answers').locator('button, input, select').first().boundingBox();
  assert.ok(first.y + first.height <= 640, 'the first answer is on the screen');
  const stored = await storedHouseholds(page);
  assert.equal(stored.find((r) => r.name === '赵家').state.region, '150203', 'the county chosen on the form is the household\'s');
  await page.getByRole('button', { name: '回到名单' }).click();
  await page.getByRole('heading', { name: '入户登记名单' }).waitFor();

  // The CSV: a column per program that pays the family, and the total, as the page's rule counts it.
  const table = parseCsv((await download(page, '导出表格（CSV，Excel、WPS 能打开）')).text);
  const [head, ...rows] = table;
  const totalAt = head.indexOf('给家里的钱合计（元/年）');
  assert.ok(totalAt > 0, 'the CSV has a total of the family\'s money');
  const wang = rows.find((r) => r[0] === '王秀英家');
  const household = {
    as_of: today(),
    facts: { hukou_region: '431225', ...HUITONG_ELDER.household },
    members: [{ id: 'p1', roles: ['elder'], facts: HUITONG_ELDER.members.p1 }],
  };
  const result = JSON.parse(ctx.engine.check(JSON.stringify(household), today()));
  const expected = familyMoney(result.packs).yearly;
  assert.ok(expected > 0, 'the Huitong elder gets money in her own hands (the 80–89 allowance)');
  assert.equal(Number(wang[totalAt]), expected, 'her total is the family\'s money only');
  const allowance = head.findIndex((h) => /^给家里的钱（元\/年）：.*高龄/.test(h));
  assert.ok(allowance > 0, 'the old-age allowance has its own money column');
  assert.equal(Number(wang[allowance]), 240, '240 yuan a year (20 a month)');
  const zhao = rows.find((r) => r[0] === '赵家');
  assert.equal(zhao[allowance], '', 'a household the program is not for has an empty cell');
  assert.deepEqual(phone.problems, []);
  assert.deepEqual(await phone.cspViolations(), []);
  await phone.context.close();
});
