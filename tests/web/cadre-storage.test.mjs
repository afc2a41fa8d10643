// Cadre storage under pressure: two tabs answering for one household, a tab closed right after
// an answer, and backups too big or too deeply nested to import.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPhone, screenshot, startSession } from './browser.mjs';
import {
  HUITONG_ELDER, download, openCadreMode, registerHousehold, rosterNames, rowOf, storedHouseholds,
} from './cadre-flow.mjs';

let session;
before(async () => { session = await startSession(); });
after(() => session?.close());

const answered = (page, n) => page.locator('.progress__text', { hasText: `已回答 ${n} 题` }).waitFor();

/** Registers a household and opens its first question, where a second tab opening the page lands too. */
async function householdAtFirstQuestion(page, name) {
  await page.goto(`${session.url}?region=431225`);
  await openCadreMode(page);
  await registerHousehold(page, name, '', HUITONG_ELDER, { answer: false });
  await page.getByRole('button', { name, exact: true }).click();
  await page.getByRole('button', { name: '继续登记、修改回答' }).click();
  await answered(page, 0);
}

const notSure = (page) => page.locator('form.question').getByRole('button', { name: '我不确定' }).click();

test('two tabs on one household: the stale tab\'s answer is refused and it is told, the other tab\'s answers are kept', async () => {
  const phone = await openPhone(session.browser);
  const { page: tabA, context } = phone;
  await householdAtFirstQuestion(tabA, '钱家');
  const tabB = await context.newPage();
  await tabB.goto(session.url);
  await tabB.getByText('正在登记：钱家').waitFor(); // it opens where the cadre was
  await answered(tabB, 0);

  await notSure(tabA);
  await answered(tabA, 1);
  await notSure(tabA);
  await answered(tabA, 2);

  await notSure(tabB); // B still shows the first question, from before A's answers
  const message = tabB.getByRole('heading', { name: '“钱家”在另一个窗口里改过了，刚才这个回答没有保存。请重新打开这户再改。' });
  await message.waitFor();
  assert.equal(await tabB.evaluate(() => document.activeElement.textContent), await message.innerText(),
    'focus is on the message, so a screen reader reads it');
  assert.equal(await tabB.locator('form.question').count(), 0, 'no question is drawn over the message');
  await screenshot(tabB, 'cadre-household-changed-in-another-tab');
  const [stored] = await storedHouseholds(tabB);
  assert.equal(stored.state.history.length, 2, 'both of tab A\'s answers are still stored');

  await tabB.getByRole('button', { name: '重新打开这户' }).click();
  await answered(tabB, 2); // B goes on from A's answers
  await notSure(tabB);
  await answered(tabB, 3);
  await tabA.reload();
  await answered(tabA, 3);
  assert.deepEqual(phone.problems, []);
  await context.close();
});

test('an answer given right before the tab is closed is there when the roster is opened again', async () => {
  const phone = await openPhone(session.browser);
  const { page, context } = phone;
  // A cheap phone's engine is slow to check an answer: here it does not answer at all, so the
  // tab is closed before the engine has said anything about the answer.
  await context.addInitScript(() => {
    const listen = Worker.prototype.addEventListener;
    Worker.prototype.addEventListener = function engineReplies(type, listener, ...rest) {
      if (type !== 'message') return listen.call(this, type, listener, ...rest);
      return listen.call(this, type, (event) => { if (!window.engineSilent) listener(event); }, ...rest);
    };
  });
  await householdAtFirstQuestion(page, '孔家');
  await page.evaluate(() => { window.engineSilent = true; });
  await notSure(page);
  await page.close(); // at once: the next question is never drawn

  const again = await context.newPage();
  await again.goto(session.url);
  // The closed tab's write may still be landing while this tab reads the roster (a family reopens
  // in seconds, this test in milliseconds): storage must come to hold the answer, then the roster
  // opened again shows it.
  let history = [];
  for (let tries = 0; tries < 50 && history.length === 0; tries += 1) {
    history = (await storedHouseholds(again))[0]?.state.history ?? [];
    if (history.length === 0) await again.waitForTimeout(100);
  }
  assert.equal(history.length, 1, 'the answer was written before the tab closed');
  await again.reload();
  await again.getByText('正在登记：孔家').waitFor();
  await answered(again, 1);
  assert.equal((await storedHouseholds(again))[0].state.history.length, 1);
  await context.close();
});

test('a backup over 5 MB (refused before it is read) or over 1 000 households imports nothing and names the limit', async () => {
  const phone = await openPhone(session.browser);
  const { page, context } = phone;
  await page.goto(`${session.url}?region=431225`);
  await openCadreMode(page);
  await registerHousehold(page, '吴家', '', HUITONG_ELDER, { answer: false });
  const padding = ' '.repeat(6 * 1024 * 1024);
  await page.locator('input[type=file]').setInputFiles({
    name: 'big.json', mimeType: 'application/json',
    buffer: Buffer.from(`{"format": "carecheck-roster/1", "households": []${padding}}`),
  });
  const tooBig = page.getByText('这个文件没法导入，名单没有改动：文件太大了（6 MB），一个备份最大 5 MB。');
  await tooBig.waitFor();
  await tooBig.scrollIntoViewIfNeeded();
  await screenshot(page, 'cadre-import-too-big');
  assert.deepEqual(await rosterNames(page), ['吴家']);

  const household = (i) => ({
    id: `h-${i}`, name: `${i} 号`, note: '', created: '2026-11-23T08:00:00.000Z', updated: '2026-11-23T08:00:00.000Z',
    state: { region: '431225', facts: {}, members: [] },
  });
  const crowded = { format: 'carecheck-roster/1', households: Array.from({ length: 1001 }, (_, i) => household(i)) };
  await page.locator('input[type=file]').setInputFiles({
    name: 'crowded.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(crowded)),
  });
  await page.getByText('这个文件没法导入，名单没有改动：一个备份最多 1000 户，这个文件有 1001 户。').waitFor();
  assert.deepEqual(await rosterNames(page), ['吴家']);

  await page.getByRole('button', { name: 'English' }).click();
  await page.locator('input[type=file]').setInputFiles({
    name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(`{${padding}}`),
  });
  await page.getByText('the file is too big (6 MB); a backup can be at most 5 MB.').waitFor();
  await context.close();
});

test('a backup with answers nested 2 000 deep imports nothing, names the household and the answer; the others still work', async () => {
  const phone = await openPhone(session.browser, { acceptDownloads: true });
  const { page, context } = phone;
  await page.goto(`${session.url}?region=431225`);
  await openCadreMode(page);
  await registerHousehold(page, '郑家', '', HUITONG_ELDER);
  const backup = JSON.parse((await download(page, '导出备份（JSON，可以再导入）')).text);
  const poisoned = { ...backup.households[0], id: 'h-deep', name: '冯家' };
  poisoned.state = { ...poisoned.state, facts: { ...poisoned.state.facts, economic_hardship: 'DEEP' } };
  backup.households.push(poisoned);
  const text = JSON.stringify(backup).replace('"DEEP"', `${'['.repeat(2000)}${']'.repeat(2000)}`);
  await page.locator('input[type=file]').setInputFiles({ name: 'deep.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  const tooDeep = page.getByText('“冯家”有一项回答一层套一层，超过了 64 层，不像是这个页面存的（/households/1/state/facts/economic_hardship/0/0/0/0/…）。');
  await tooDeep.waitFor();
  await tooDeep.scrollIntoViewIfNeeded();
  await screenshot(page, 'cadre-import-too-deep');
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, 'the pointer fits the phone');
  assert.deepEqual(await rosterNames(page), ['郑家'], 'nothing of the file was imported');

  // Answers like these stored before backups were checked never reach the engine either.
  await page.evaluate((record) => new Promise((resolve, reject) => {
    const opening = indexedDB.open('carecheck');
    opening.onsuccess = () => {
      const deep = JSON.parse(record);
      const transaction = opening.result.transaction('households', 'readwrite');
      transaction.objectStore('households').put(deep);
      transaction.oncomplete = resolve;
      transaction.onerror = () => reject(transaction.error);
    };
  }), JSON.stringify(JSON.parse(text).households[1]));
  await page.reload();
  await page.locator('.roster-table').waitFor();
  assert.match(await rowOf(page, '冯家').locator('td').nth(0).innerText(), /这户的回答有问题/);
  assert.match(await rowOf(page, '郑家').locator('td').nth(0).innerText(), /✓/, 'the good household is still worked out');
  await context.close();
});
