// Cadre mode where it is easy to get wrong: the roster agreeing with the results page, two
// elders in one household, double taps, a second tab, an old backup, no engine, the clock.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPhone, screenshot, startSession } from './browser.mjs';
import { QIAODONG_CARER, ZHANGBEI_CARER } from './family-flow.mjs';
import { newCarecheck, ruleFiles, today } from '../wasm/carecheck-module.mjs';
import {
  HUITONG_ELDER, download, openCadreMode, registerHousehold, rosterNames, rowOf, storedHouseholds,
} from './cadre-flow.mjs';

let session;
before(async () => { session = await startSession(); });
after(() => session?.close());

const CARER = { ...ZHANGBEI_CARER.family, ...ZHANGBEI_CARER.answers };
const TWO_ELDERS = {
  household: { household_support: [], economic_hardship: false },
  members: { p1: { age: 85 }, p2: { age: 86 } },
};

test('the roster and the sheet say what the results page says: one of four services, related policies apart', async () => {
  const phone = await openPhone(session.browser);
  const { page, context } = phone;
  await page.goto(`${session.url}?region=130722`);
  await openCadreMode(page);
  await page.getByLabel('户名（户主姓名或门牌号）').fill('王家');
  await page.getByRole('button', { name: '开始登记这一户' }).click();
  await page.getByRole('heading', { name: '第二步：家里有哪些人？' }).waitFor();
  const { setFamily, answerAll } = await import('./family-flow.mjs');
  await setFamily(page, CARER);
  await answerAll(page, CARER);
  const results = await page.locator('.summary').innerText();
  assert.match(results, /可以申请 1 项/, 'the four services are one choice');
  assert.doesNotMatch(results, /去问问/, 'policies to ask about are not counted with what the family can apply for');
  assert.equal(await page.locator('.band--apply .option').count(), 4);
  const asking = await page.locator('section.band--ask .ask-list .program').count();
  assert.ok(asking > 0);
  await page.getByRole('button', { name: '回到名单' }).click();
  const cell = rowOf(page, '王家').locator('td').nth(0);
  await cell.waitFor();
  const items = await cell.locator('li').allInnerTexts();
  assert.equal(items.length, 1, `one line for the choose-one group, nothing about related policies: ${items}`);
  assert.match(items[0], /四种服务只能选一种：.*集中共养.*居家托养/);
  const askCell = rowOf(page, '王家').locator('td').nth(1);
  assert.equal(await askCell.innerText(), `${asking} 项`, 'their own column');
  assert.equal(await askCell.getAttribute('data-label'), '可以去问问的政策', 'under its own name (shown on a phone)');
  assert.deepEqual(await page.locator('.roster-table thead th').allInnerTexts(), ['户名', '可能享受', '可以去问问的政策', '还没问的', '还缺的材料']);

  await page.getByRole('button', { name: '王家', exact: true }).click();
  const table = page.locator('.sheet-table').first();
  assert.match(await table.locator('caption').innerText(), /可以申请的 4 项/);
  assert.match(await table.innerText(), /四种服务只能选一种/);
  assert.match(await table.innerText(), /钱给服务机构，上门服务不收您家这部分钱/, 'the sheet says who receives the money');
  assert.match(await page.locator('.sheet').innerText(), new RegExp(`可以去问问的政策（${asking} 项，不一定能享受）`));
  assert.deepEqual(phone.problems, []);
  await context.close();
});

test('the CSV lists the Qiaodong family\'s related policies in their own column, never with what it can apply for', async () => {
  const engine = await newCarecheck();
  engine.load(JSON.stringify(ruleFiles()));
  const result = JSON.parse(engine.check(JSON.stringify({ as_of: today(), ...QIAODONG_CARER.household }), today()));
  const programs = result.packs.flatMap((p) => p.programs);
  const asking = programs.filter((p) => p.status === 'worth_asking').map((p) => p.name.zh).sort();
  const applying = programs.filter((p) => ['eligible', 'depends_on_local_decision'].includes(p.status) && p.kind !== 'provider_subsidy');
  assert.ok(asking.length > 0 && applying.length > 0, 'the engine finds both for this family');

  const phone = await openPhone(session.browser, { acceptDownloads: true });
  const { page, context } = phone;
  await page.goto(session.url);
  await openCadreMode(page);
  const now = new Date().toISOString();
  const backup = { format: 'carecheck-roster/1', exported: now,
    households: [{ id: 'h-qiaodong', name: '桥东王家', note: '', created: now, updated: now, state: QIAODONG_CARER.state }] };
  await page.locator('input[type=file]').setInputFiles({ name: 'roster.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
  await page.getByText('导入好了：新加 1 户，更新 0 户。').waitFor();
  const row = rowOf(page, '桥东王家');
  await row.locator('td').nth(1).getByText(`${asking.length} 项`).waitFor();
  const mayGet = await row.locator('td').nth(0).innerText();
  for (const name of asking) assert.ok(!mayGet.includes(name), `the roster does not list "${name}" as something the household may get`);
  await row.evaluate((e) => e.scrollIntoView({ block: 'start' }));
  await screenshot(page, 'cadre-roster-ask-column');

  const csv = parseCsv((await download(page, '导出表格（CSV，Excel、WPS 能打开）')).text.replace(/^\uFEFF/, ''));
  const [header, line] = csv;
  const column = (name) => { const i = header.indexOf(name); assert.ok(i >= 0, `a "${name}" column in ${header}`); return line[i]; };
  const eligibleCell = column('可以申请');
  const dependsCell = column('要看当地怎么定');
  assert.deepEqual(column('可以去问问的政策').split('；').sort(), asking, 'every related policy, in its own column');
  for (const name of asking) {
    assert.ok(!eligibleCell.includes(name) && !dependsCell.includes(name), `"${name}" is not in the columns of what the household can apply for`);
  }
  assert.match(eligibleCell, /居家托养/);
  assert.deepEqual(phone.problems, []);
  await context.close();
});

/** A CSV text (quoted cells, "" for a quote, CRLF lines) as rows of cells. */
function parseCsv(text) {
  const rows = [[]];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i += 1; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { rows.at(-1).push(cell); cell = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { rows.at(-1).push(cell); cell = ''; rows.push([]); i += 1; }
    else cell += c;
  }
  if (cell || rows.at(-1).length) rows.at(-1).push(cell);
  return rows.filter((r) => r.length > 0);
}

test('two elders each get their own line, named; the English sheet fits the phone', async () => {
  const phone = await openPhone(session.browser);
  const { page, context } = phone;
  await page.goto(`${session.url}?region=431225`);
  await openCadreMode(page);
  await page.getByLabel('户名（户主姓名或门牌号）').fill('刘家');
  await page.getByRole('button', { name: '开始登记这一户' }).click();
  await page.getByRole('heading', { name: '第二步：家里有哪些人？' }).waitFor();
  await page.getByRole('button', { name: '只查一位老人' }).click();
  await page.getByRole('button', { name: '再加一位家人' }).click();
  await page.locator('.member').nth(1).locator('.choice__label', { hasText: /^老人/ }).click();
  const names = page.locator('.member input[type="text"]');
  await names.nth(0).fill('爷爷');
  await names.nth(1).fill('奶奶');
  await page.getByRole('button', { name: '下一步' }).click();
  const { answerAll } = await import('./family-flow.mjs');
  await answerAll(page, TWO_ELDERS);
  await page.getByRole('button', { name: '回到名单' }).click();
  const cell = rowOf(page, '刘家').locator('td').nth(0);
  await cell.waitFor();
  const text = await cell.innerText();
  assert.match(text, /高龄补贴（80—89岁）（爷爷）/);
  assert.match(text, /高龄补贴（80—89岁）（奶奶）/);

  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: '刘家', exact: true }).click();
  await page.getByRole('heading', { name: '刘家' }).waitFor();
  await screenshot(page, 'cadre-sheet-en');
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, 'nothing wider than the phone');
  assert.deepEqual(phone.problems, []);
  await context.close();
});

test('a double tap registers one household and makes one copy', async () => {
  const phone = await openPhone(session.browser);
  const { page, context } = phone;
  await page.goto(`${session.url}?region=431225`);
  await openCadreMode(page);
  await page.getByLabel('户名（户主姓名或门牌号）').fill('双击家');
  await page.getByRole('button', { name: '开始登记这一户' }).dblclick();
  await page.getByText('正在登记：双击家').waitFor();
  await page.getByRole('button', { name: '登记表' }).click();
  await page.getByRole('button', { name: '复制这一户' }).dblclick();
  await page.getByRole('heading', { name: '双击家（复制）' }).waitFor();
  await page.getByRole('button', { name: '回到名单' }).click();
  await page.locator('.roster-table').waitFor();
  assert.deepEqual((await rosterNames(page)).sort(), ['双击家', '双击家（复制）']);
  await context.close();
});

test('a household deleted in another tab does not come back; an old backup never overwrites newer answers', async () => {
  const phone = await openPhone(session.browser, { acceptDownloads: true });
  const { page, context } = phone;
  await page.goto(`${session.url}?region=431225`);
  await openCadreMode(page);
  await registerHousehold(page, '张家', '', HUITONG_ELDER, { answer: false });
  await registerHousehold(page, '赵家', '', HUITONG_ELDER, { answer: false });
  const backup = await download(page, '导出备份（JSON，可以再导入）');

  // 赵家 answers one more question after the backup was made.
  await page.getByRole('button', { name: '赵家', exact: true }).click();
  await page.getByRole('button', { name: '继续登记、修改回答' }).click();
  await page.locator('form.question').waitFor();
  await page.getByRole('button', { name: '我不确定' }).click();
  await page.waitForFunction(() => document.querySelector('.progress__text')?.textContent.includes('已回答 1 题'));

  // A second tab deletes 张家 while this one still has it open.
  await page.getByRole('button', { name: '回到名单' }).click();
  await page.getByRole('button', { name: '张家', exact: true }).click();
  await page.getByRole('button', { name: '继续登记、修改回答' }).click();
  await page.locator('form.question').waitFor();
  const other = await context.newPage();
  await other.goto(session.url);
  await other.getByText('正在登记：张家').waitFor(); // it opens where the cadre was
  await other.getByRole('button', { name: '登记表' }).click();
  await other.getByRole('button', { name: '删除这一户' }).click();
  await other.getByRole('button', { name: '确定删除这一户' }).click();
  await other.getByText('已删除“张家”。').waitFor();
  await page.getByRole('button', { name: '我不确定' }).click();
  await page.getByText('“张家”已经不在这部手机的名单上了').waitFor();
  await page.reload();
  await page.locator('.roster-table').waitFor();
  assert.deepEqual(await rosterNames(page), ['赵家'], 'the deleted household stays deleted');

  // Importing the older backup brings 张家 back (it was deleted) but keeps 赵家's newer answers.
  await page.locator('input[type=file]').setInputFiles({ name: backup.name, mimeType: 'application/json', buffer: Buffer.from(backup.text) });
  await page.getByText('新加 1 户，更新 0 户。另有 1 户在这部手机上改得更晚').waitFor();
  const zhao = (await storedHouseholds(page)).find((r) => r.name === '赵家');
  assert.equal(zhao.state.history.length, 1, 'the answer given after the backup is kept');
  await context.close();
});

test('looking at a household does not change it; "delete everything" leaves other sites\' data alone', async () => {
  const phone = await openPhone(session.browser);
  const { page, context } = phone;
  await page.goto(`${session.url}?region=431225`);
  await page.evaluate(() => localStorage.setItem('portal.session', 'keep me'));
  await openCadreMode(page);
  await registerHousehold(page, '孙家', '', HUITONG_ELDER);
  const updated = async () => (await storedHouseholds(page))[0].updated;
  const before = await updated();
  await page.getByRole('button', { name: '孙家', exact: true }).click();
  await page.getByRole('button', { name: '继续登记、修改回答' }).click();
  await page.locator('.results').waitFor();
  await page.getByRole('button', { name: '回到名单' }).click();
  await page.locator('.roster-table').waitFor();
  assert.equal(await updated(), before, 'viewing is not a change');

  // Cancelling a delete puts focus back on the delete button.
  await page.getByRole('button', { name: '孙家', exact: true }).click();
  await page.getByRole('button', { name: '删除这一户' }).click();
  assert.equal(await page.evaluate(() => document.activeElement.className), 'confirm__question', 'the question, not the red button, has focus');
  await page.getByRole('button', { name: '不删了' }).click();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'delete-household');

  await page.getByRole('button', { name: '回到名单' }).click();
  await page.getByRole('button', { name: '删除这部手机上的全部登记' }).click();
  await page.getByRole('button', { name: '确定删除' }).click();
  await page.getByText('还没有登记任何一户。').waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('portal.session')), 'keep me');
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('carecheck.answers'))), []);
  await context.close();
});

test('with no engine (first visit cut off) the roster still opens, exports and deletes', async () => {
  // No offline copy in this phone, so the wasm file really has to come over the network.
  const phone = await openPhone(session.browser, { acceptDownloads: true, serviceWorkers: 'block' });
  const { page, context } = phone;
  await page.goto(`${session.url}?region=431225`);
  await openCadreMode(page);
  await registerHousehold(page, '周家', '', HUITONG_ELDER, { answer: false });
  await context.route('**/carecheck.wasm', (route) => route.abort());
  const fresh = await context.newPage();
  await fresh.goto(session.url);
  await fresh.locator('.roster-table').waitFor();
  assert.match(await rowOf(fresh, '周家').locator('td').nth(0).innerText(), /还没算：查询程序没能打开/);
  const backup = await download(fresh, '导出备份（JSON，可以再导入）');
  assert.equal(JSON.parse(backup.text).households[0].name, '周家');
  await context.close();
});
