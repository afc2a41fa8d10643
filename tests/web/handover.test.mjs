// 给家人看 / 交给乡镇 (issue 12): the household goes to another phone in a link's fragment and its QR
// code, with no server. The Zhangjiakou family's link fits a QR code of version ≤ 10 at error
// correction M; the encoder is fetched from our own origin only when the button is pressed; the
// link opened in another browser restores the household and shows the same results.
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import qrcode from 'qrcode-generator';
import { ROOT, axeViolations, openPhone, browserAndEngine } from './browser.mjs';
import { BAOTOU_ELDER, ZHANGBEI_CARER, answerAll, chooseRegion, savedHousehold, seedState, setFamily } from './family-flow.mjs';
import { openCadreMode, rosterNames, storedHouseholds } from './cadre-flow.mjs';
import { keyOf } from '../../web/js/handover.js';

const ctx = browserAndEngine();
const SHOTS = path.join(ROOT, 'tests/web/artifacts');
fs.mkdirSync(SHOTS, { recursive: true });

/** The QR version a link needs at error correction M (computed here, not by the page). */
function qrVersion(text) {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  return (qr.getModuleCount() - 17) / 4;
}

/** What a family reads on the results (the date line is the same day in both browsers). */
const resultsText = (page) => page.locator('.results').innerText();

async function zhangbeiResults(phone) {
  const { page } = phone;
  await page.goto(ctx.session.url);
  await chooseRegion(page, ['13', '1307', '130722']);
  await setFamily(page, ZHANGBEI_CARER.family);
  await answerAll(page, ZHANGBEI_CARER.answers);
  await page.locator('.results').waitFor();
}

async function assertClean(phone) {
  assert.deepEqual(phone.problems, [], 'no console errors and no request leaving localhost');
  assert.deepEqual(await phone.cspViolations(), [], 'no CSP violations');
}

test('The Zhangjiakou family\'s QR code and link (version ≤ 10, M) open in another browser on the same household and the same results', async () => {
  const a = await openPhone(ctx.session.browser);
  const requests = [];
  // The page's own requests (the offline copy's worker stores the encoder too, for use offline).
  a.context.on('request', (r) => { if (!r.serviceWorker()) requests.push(new URL(r.url()).pathname); });
  await zhangbeiResults(a);
  const page = a.page;
  assert.equal(requests.filter((p) => p.includes('qrcode')).length, 0, 'the QR encoder is not loaded before it is asked for');

  await page.getByRole('button', { name: '给家人看 / 交给乡镇' }).click();
  const qr = page.getByRole('img', { name: /二维码/ });
  await qr.waitFor();
  assert.deepEqual(requests.filter((p) => p.includes('qrcode')), ['/vendor/qrcode-generator.mjs'], 'the encoder comes from our own origin, when pressed');
  const link = await page.getByRole('textbox', { name: /链接/ }).inputValue();
  assert.match(link, new RegExp(`^${ctx.session.url.replace(/\/$/, '')}/#cc2\\.[0-9a-z]{7}\\.130722\\.`), 'the answers are after "#", with the rule-set version and the county');
  assert.ok(qrVersion(link) <= 10, `the link fits QR version 10 at M (needs ${qrVersion(link)}, ${link.length} characters)`);
  assert.equal(Number(await qr.getAttribute('data-version')), qrVersion(link), 'the page draws that same code');
  const dark = await qr.evaluate((canvas) => {
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] < 128) n += 1;
    return n / (data.length / 4);
  });
  assert.ok(dark > 0.2 && dark < 0.6, `a QR code is drawn (${(dark * 100).toFixed(0)}% dark)`);
  assert.match(await page.locator('.handover').innerText(), /谁拿到这个码或链接，谁就能看到这些回答/, 'the family is told who can see it');
  await page.locator('.handover').scrollIntoViewIfNeeded();
  await page.locator('.handover__title').evaluate((e) => e.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: path.join(SHOTS, 'handover-qr.png') });
  assert.deepEqual(await axeViolations(page), [], 'the QR panel passes axe');
  const before = await resultsText(page);
  const household = await savedHousehold(page);
  await assertClean(a);

  // Another browser (another phone), nothing on it yet.
  const b = await openPhone(ctx.session.browser);
  await b.page.goto(link);
  await b.page.locator('.results').waitFor();
  assert.equal(await resultsText(b.page), before, 'the same results');
  assert.deepEqual(await savedHousehold(b.page), household, 'the same household is on the second phone');
  assert.equal(new URL(b.page.url()).hash, '', 'the answers leave the address bar once taken');
  await b.page.reload();
  await b.page.locator('.results').waitFor();
  assert.equal(await resultsText(b.page), before, 'and stay on the phone after a reload');
  await assertClean(b);
  await b.context.close();

  // A phone that holds another family's answers is asked first.
  const c = await openPhone(ctx.session.browser);
  await seedState(c.context, BAOTOU_ELDER.state);
  await c.page.goto(link);
  await c.page.getByRole('heading', { name: '要换成链接里的这一户吗？' }).waitFor();
  await c.page.getByRole('button', { name: '换成链接里的这一户' }).click();
  await c.page.locator('.results').waitFor();
  assert.equal(await resultsText(c.page), before, 'after saying yes, the same results');
  await assertClean(c);
  await c.context.close();

  // A damaged link says so and opens nothing.
  const d = await openPhone(ctx.session.browser);
  await d.page.goto(link.replace(/\.130722\./, '.13x722.'));
  await d.page.getByText('这个链接不完整，打不开。请对方重新发一次。').waitFor();
  await d.page.locator('.region-picker').first().waitFor(); // the phone's own first step
  await assertClean(d);
  await d.context.close();
  await a.context.close();
});

test('长辈版: the QR panel at 360×640', async () => {
  const phone = await openPhone(ctx.session.browser);
  await phone.context.addInitScript(() => localStorage.setItem('carecheck.elder', '1'));
  await zhangbeiResults(phone);
  await phone.page.getByRole('button', { name: '给家人看 / 交给乡镇' }).click();
  await phone.page.getByRole('img', { name: /二维码/ }).waitFor();
  await phone.page.locator('.handover__title').evaluate((e) => e.scrollIntoView({ block: 'start' }));
  await phone.page.screenshot({ path: path.join(SHOTS, 'elder-3-handover-qr.png') });
  const box = await phone.page.getByRole('button', { name: '复制链接' }).boundingBox();
  assert.ok(box.height >= 60 && box.width >= 60, 'the copy button is a 60×60 target');
  assert.deepEqual(await axeViolations(phone.page), []);
  await assertClean(phone);
  await phone.context.close();
});

/** The Zhangjiakou family's link, its household and results, made once on a first phone. */
let made;
function zhangbeiLink() {
  made ??= (async () => {
    const a = await openPhone(ctx.session.browser);
    await zhangbeiResults(a);
    await a.page.getByRole('button', { name: '给家人看 / 交给乡镇' }).click();
    const link = await a.page.getByRole('textbox', { name: /链接/ }).inputValue();
    const made = { link, household: await savedHousehold(a.page), results: await resultsText(a.page) };
    await assertClean(a);
    await a.context.close();
    return made;
  })();
  return made;
}

/** How many answers a household holds (the county is not counted: it is a step of its own). */
const answerCount = (household) => Object.keys(household.facts).filter((f) => f !== 'hukou_region').length
  + household.members.reduce((n, m) => n + Object.keys(m.facts).length, 0);

/** A roster record's answers, as savedHousehold gives the family page's. */
const recordHousehold = ({ state }) => ({
  facts: { ...state.facts, ...(state.region ? { hukou_region: state.region } : {}) },
  members: state.members.map(({ id, roles, facts }) => ({ id, roles, facts })),
});

test('cadre mode: a scanned link pasted into the roster adds the household as a new one, with the same answers and results; a damaged link is refused', async () => {
  const { link, household, results } = await zhangbeiLink();
  const phone = await openPhone(ctx.session.browser);
  const { page } = phone;
  await page.goto(ctx.session.url);
  await openCadreMode(page);
  const field = page.getByRole('textbox', { name: '扫到的链接' });
  const add = page.getByRole('button', { name: '加到名单里' });

  await field.fill(link.replace(/\.130722\./, '.13x722.'));
  await add.click();
  await page.getByText('没有导入：这个链接不完整，打不开。请对方重新发一次。').waitFor();
  assert.equal(await page.locator('.roster-table').count(), 0, 'a damaged link adds nothing');

  const name = '扫码导入：妈妈、儿子';
  const added = `已加到名单里，是新的一户：“${name}”，2 个人，${answerCount(household)} 个回答。名单里原来的户都没有改动。`;
  await field.fill(link);
  await add.click();
  await page.getByText(added).waitFor();
  assert.deepEqual(await rosterNames(page), [name]);
  assert.ok(await page.getByRole('button', { name, exact: true }).evaluate((e) => e === document.activeElement), 'the new household\'s row has the focus');
  // Scanned again (the same family, or another with the same names): a second household, never a replaced one.
  await page.getByRole('textbox', { name: '扫到的链接' }).fill(link);
  await page.getByRole('button', { name: '加到名单里' }).click();
  await page.locator('.roster-table tbody tr').nth(1).waitFor();
  assert.deepEqual(await rosterNames(page), [name, name]);
  const stored = await storedHouseholds(page);
  assert.equal(stored.length, 2);
  for (const record of stored) assert.deepEqual(recordHousehold(record), household, 'the same answers as on the family\'s phone');
  assert.deepEqual(await axeViolations(page), [], 'the roster with the import passes axe');

  await page.getByRole('button', { name, exact: true }).first().click();
  await page.getByRole('button', { name: '继续登记、修改回答' }).click();
  await page.locator('.results').waitFor();
  assert.equal(await resultsText(page), results, 'the same results as on the family\'s phone');
  await assertClean(phone);
  await phone.context.close();
});

test('a link made under older rules opens: the answers still asked are restored, and the one no longer asked is named', async () => {
  const { link, household } = await zhangbeiLink();
  // As if made before the rules changed: another catalogue version, and one of the son's answers
  // (his certificate) to a question these rules do not have.
  const [address, fragment] = link.split('#');
  const parts = fragment.split('.');
  parts[1] = 'zzzzzzz';
  const son = parts[5].split('-');
  const certificate = keyOf('disability_certificate', 3);
  assert.match(son[2], new RegExp(`(^|_)${certificate}t`), 'the son\'s certificate is in the link');
  son[2] = son[2].replace(new RegExp(`(^|_)${certificate}`), `$1${keyOf('disability_card_old', 3)}`);
  parts[5] = son.join('-');
  const older = `${address}#${parts.join('.')}`;

  const phone = await openPhone(ctx.session.browser);
  await phone.page.goto(older);
  await phone.page.locator('.results').waitFor();
  const notice = phone.page.locator('.results-notice');
  assert.equal(await notice.innerText(),
    '这个链接是按以前的政策问题做的。有 1 个回答现在不再问了，没有用上：儿子的 1 个。其他回答都用上了。');
  const expected = structuredClone(household);
  delete expected.members[1].facts.disability_certificate;
  assert.deepEqual(await savedHousehold(phone.page), expected, 'every other answer is restored');
  assert.deepEqual(await axeViolations(phone.page), []);
  await assertClean(phone);

  // The same link opened in cadre mode: added, and the same line says what was not used.
  await phone.page.getByRole('button', { name: '入户登记（村干部用）' }).click();
  await phone.page.getByRole('heading', { name: '入户登记名单' }).waitFor();
  await phone.page.getByRole('textbox', { name: '扫到的链接' }).fill(older);
  await phone.page.getByRole('button', { name: '加到名单里' }).click();
  await phone.page.getByText(/已加到名单里.*有 1 个回答现在不再问了，没有用上：儿子的 1 个。/).waitFor();
  const [record] = await storedHouseholds(phone.page);
  assert.deepEqual(recordHousehold(record), expected);
  await assertClean(phone);
  await phone.context.close();
});
