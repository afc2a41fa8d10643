// Cadre mode: a village cadre registers households on a phone with no signal, comes back to
// them after a reload, exports the roster for the township and imports a backup.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, openPhone, screenshot, startSession } from './browser.mjs';
import {
  HUITONG_66, HUITONG_ELDER, download, openCadreMode, registerHousehold, rosterNames, rowOf,
} from './cadre-flow.mjs';

let session;
before(async () => { session = await startSession(); });
after(() => session?.close());

test('three households registered offline are all still there after a reload', async () => {
  const phone = await openPhone(session.browser);
  const { page, context } = phone;
  await page.goto(session.url);
  await page.getByRole('heading', { name: '第一步：家里的户口在哪里？' }).waitFor();
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await context.setOffline(true);

  await openCadreMode(page);
  await screenshot(page, 'cadre-1-empty-roster');
  await registerHousehold(page, '王秀英家', '三组', HUITONG_ELDER, { chooseCounty: true });
  // The next household starts in the county of the last one: no region step.
  await registerHousehold(page, '李建国家', '五组 门牌12号', HUITONG_66);
  await registerHousehold(page, '张德福家', '', HUITONG_ELDER, { answer: false });

  await page.reload();
  await page.getByRole('heading', { name: '入户登记名单' }).waitFor();
  await page.locator('.roster-table').waitFor();
  assert.deepEqual((await rosterNames(page)).sort(), ['张德福家', '李建国家', '王秀英家'].sort());
  assert.match(await page.locator('caption').innerText(), /已登记 3 户/);
  // What each may get, what is still to ask, which papers are missing.
  const wang = rowOf(page, '王秀英家');
  assert.match(await wang.locator('td').nth(0).innerText(), /✓/, 'the mother may get something');
  assert.match(await wang.locator('td').nth(3).innerText(), /户口本|身份证/, 'papers she still needs');
  assert.match(await rowOf(page, '张德福家').locator('td').nth(2).innerText(), /还有 \d+ 题/);
  await screenshot(page, 'cadre-2-roster-offline');
  await screenshot(page, 'cadre-2-roster-offline-full', true);
  assert.deepEqual(await axeViolations(page), [], 'the roster passes axe');

  await context.setOffline(false);
  assert.deepEqual(phone.problems.filter((p) => !p.includes('ERR_INTERNET_DISCONNECTED')), []);
  await context.close();
});

test('export to JSON, delete everything, import it back: the same roster; the CSV opens in Excel', async () => {
  const phone = await openPhone(session.browser, { acceptDownloads: true });
  const { page, context } = phone;
  await page.goto(`${session.url}?region=431225`);
  await openCadreMode(page);
  await registerHousehold(page, '王秀英家', '三组', HUITONG_ELDER);
  await registerHousehold(page, '=SUM(A1)', '名字像公式', HUITONG_66);
  await registerHousehold(page, '刘"大"娘, 独居', '', HUITONG_ELDER, { answer: false });

  const backup = await download(page, '导出备份（JSON，可以再导入）');
  assert.match(backup.name, /\.json$/);
  const first = JSON.parse(backup.text);
  assert.equal(first.format, 'carecheck-roster/1');
  assert.equal(first.households.length, 3);

  const table = await download(page, '导出表格（CSV，Excel、WPS 能打开）');
  assert.match(table.name, /\.csv$/);
  assert.ok(table.text.startsWith('\uFEFF户名,'), 'UTF-8 BOM then the header');
  const lines = table.text.slice(1).trimEnd().split('\r\n');
  assert.equal(lines.length, 4, 'header and one line per household');
  assert.ok(lines.some((l) => l.startsWith('"刘""大""娘, 独居"')), 'commas and quotes are quoted');
  assert.ok(lines.some((l) => l.startsWith("'=SUM(A1)")), 'a name that looks like a formula stays text');
  assert.match(lines.find((l) => l.startsWith('王秀英家')), /湖南省 怀化市 会同县/);

  // Delete everything, asked twice in the page.
  await page.getByRole('button', { name: '删除这部手机上的全部登记' }).click();
  await page.getByText('真的要删除这部手机上的全部 3 户登记').waitFor();
  await page.getByRole('button', { name: '确定删除' }).click();
  await page.getByText('还没有登记任何一户。').waitFor();
  await page.reload();
  await page.getByText('还没有登记任何一户。').waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('carecheck.answers.v1')), null);

  // A broken file changes nothing and says where it is broken.
  const broken = { ...first, households: [{ ...first.households[0], state: { ...first.households[0].state, members: 'x' } }] };
  await page.locator('input[type=file]').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
  await page.getByText('/households/0/state/members').waitFor();
  await page.getByText('还没有登记任何一户。').waitFor();

  await page.locator('input[type=file]').setInputFiles({ name: backup.name, mimeType: 'application/json', buffer: Buffer.from(backup.text) });
  await page.getByText('导入好了：新加 3 户，更新 0 户。').waitFor();
  await page.locator('.roster-table').waitFor();
  assert.equal((await rosterNames(page)).length, 3);
  const again = JSON.parse((await download(page, '导出备份（JSON，可以再导入）')).text);
  assert.deepEqual(again.households, first.households, 'nothing lost in the round trip');
  assert.deepEqual(phone.problems, []);
  await context.close();
});

test('each household has a printable sheet; duplicate, rename, delete; filter and sort the roster', async () => {
  const phone = await openPhone(session.browser);
  const { page, context } = phone;
  await page.goto(`${session.url}?region=431225`);
  await openCadreMode(page);
  await registerHousehold(page, '王秀英家', '三组', HUITONG_ELDER);
  await registerHousehold(page, '李建国家', '', HUITONG_ELDER, { answer: false });

  await page.getByRole('button', { name: '王秀英家', exact: true }).click();
  await page.getByRole('heading', { name: '王秀英家' }).waitFor();
  const sheet = page.locator('.sheet');
  assert.match(await sheet.locator('table caption').first().innerText(), /可以申请的 \d+ 项/);
  assert.match(await sheet.innerText(), /要带的材料/);
  assert.match(await sheet.innerText(), /家里人和已有的回答/);
  await screenshot(page, 'cadre-3-household-sheet');
  assert.deepEqual(await axeViolations(page), [], 'the household sheet passes axe');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.sheet__actions').isVisible(), false, 'buttons stay off the paper');
  assert.equal(await page.locator('.modes').isVisible(), false);
  assert.equal(await sheet.locator('table').first().isVisible(), true);
  await screenshot(page, 'cadre-4-household-print', true);
  await page.emulateMedia({ media: 'screen' });

  // Ticking a paper as ready on the results page takes it off the "missing" list.
  await page.getByRole('button', { name: '继续登记、修改回答' }).click();
  await page.locator('.results').waitFor();
  const firstPaper = page.locator('.checklist--tick label').first();
  const paperName = (await firstPaper.innerText()).trim();
  await firstPaper.click(); // the whole row is the target
  assert.equal(await page.locator('.checklist--tick input[type=checkbox]').first().isChecked(), true);
  await page.getByRole('button', { name: '回到名单' }).click();
  await page.locator('.roster-table').waitFor();
  assert.doesNotMatch(await rowOf(page, '王秀英家').locator('td').nth(3).innerText(), new RegExp(paperName));

  // Duplicate and rename.
  await page.getByRole('button', { name: '王秀英家', exact: true }).click();
  await page.getByRole('button', { name: '复制这一户' }).click();
  await page.getByRole('heading', { name: '王秀英家（复制）' }).waitFor();
  await page.getByRole('button', { name: '改户名、备注' }).click();
  await page.getByLabel('户名（户主姓名或门牌号）').fill('王秀兰家');
  await page.getByRole('button', { name: '保存' }).click();
  await page.getByRole('heading', { name: '王秀兰家' }).waitFor();
  await page.getByRole('button', { name: '回到名单' }).click();
  await page.locator('.roster-table').waitFor();
  assert.deepEqual((await rosterNames(page)).sort(), ['李建国家', '王秀兰家', '王秀英家'].sort());

  // Filter: only households with questions still open; search by name; sort by name.
  await page.getByLabel('只看').selectOption('open');
  assert.deepEqual(await rosterNames(page), ['李建国家']);
  await page.getByLabel('只看').selectOption('all');
  await page.getByLabel('找户名或备注').fill('秀');
  assert.equal((await rosterNames(page)).length, 2);
  await page.getByLabel('找户名或备注').fill('');
  await page.getByLabel('排序').selectOption('name');
  const byName = await rosterNames(page);
  assert.deepEqual(byName, [...byName].sort((a, b) => a.localeCompare(b, 'zh-CN')));

  // Delete one household, confirmed in the page.
  await page.getByRole('button', { name: '李建国家', exact: true }).click();
  await page.getByRole('button', { name: '删除这一户' }).click();
  await page.getByRole('button', { name: '确定删除' }).click();
  await page.getByText('已删除“李建国家”。').waitFor();
  await page.reload();
  await page.locator('.roster-table').waitFor();
  assert.deepEqual((await rosterNames(page)).sort(), ['王秀兰家', '王秀英家'].sort());

  // The family's own answers are not the cadre's: the family page is still where it was.
  await page.getByRole('button', { name: '给自己家查' }).click();
  await page.getByRole('heading', { name: '第二步：家里有哪些人？' }).waitFor();
  assert.deepEqual(phone.problems, []);
  await context.close();
});
