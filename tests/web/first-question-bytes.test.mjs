// issue 11 item 9: on a weak connection the first question must wait only for the page, the
// engine, the catalogue, the packs that can apply to the family's county and the province list
// with the family's province. Other places' packs and provinces come after (for the results and
// the offline copy); English names only when English is shown.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPhone, screenshot, startSession } from './browser.mjs';
import { ZHANGBEI_CARER, answerAll, chooseRegion, setFamily } from './family-flow.mjs';

let session;
before(async () => { session = await startSession(); });
after(() => session?.close());

/**
 * Records every request the page and its engine worker make, and the moment (page clock) the
 * first question is drawn; `before()` lists what was asked for until then. The service worker's
 * own fetches (the offline copy it makes in the background) are listed apart, in `offline`.
 */
async function recordRequests(context) {
  const requests = [];
  const offline = [];
  context.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (request.serviceWorker()) offline.push(path);
    else requests.push({ path, at: Date.now() });
  });
  await context.addInitScript(() => {
    new MutationObserver((changes, observer) => {
      if (!document.querySelector('form.question')) return;
      window.__firstQuestionAt = Date.now();
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  return {
    all: () => requests.map((r) => r.path),
    offline: () => offline,
    /** Requests seen by the time the page drew its first question (a request is seen here only
     * after the page made it, so nothing made later is counted). */
    async before(page) {
      const at = await page.evaluate(() => window.__firstQuestionAt);
      assert.ok(at, 'a question was drawn');
      return requests.filter((r) => r.at <= at).map((r) => r.path);
    },
  };
}

const packs = (paths) => paths.filter((p) => /\/rules\/.+\.pack\.json$/.test(p)).map((p) => p.replace(/.*\//, ''));
const regionFiles = (paths, language) => paths.filter((p) => p.startsWith(`/data/regions/${language}/`)).map((p) => p.replace(/.*\//, '')).sort();
const wholeCountry = (paths) => paths.filter((p) => /\/data\/regions(-en)?\.json$/.test(p));

test('a Zhangbei family gets its first question with only Zhangjiakou\'s pack and Hebei\'s places; the rest follow', async () => {
  const { context, page, problems } = await openPhone(session.browser);
  const requests = await recordRequests(context);
  await page.goto(session.url);
  await page.locator('.region-picker select').first().waitFor();
  await chooseRegion(page, ['13', '1307', '130722']);
  await setFamily(page, ZHANGBEI_CARER.family);
  await page.locator('form.question').waitFor();
  await screenshot(page, 'first-question-zhangbei');

  const early = await requests.before(page);
  assert.deepEqual(packs(early), ['000-zhangjiakou.pack.json'], 'only the pack about Zhangjiakou before the first question');
  assert.ok(early.includes('/rules/facts.json') && early.includes('/rules/index.json'), 'the catalogue and the index');
  assert.deepEqual(regionFiles(early, 'zh'), ['13.json', 'provinces.json'], 'the province list and Hebei only');
  assert.deepEqual(regionFiles(early, 'en'), [], 'no English names for a Chinese page');
  assert.deepEqual(wholeCountry(early), [], 'not the whole country\'s list');

  await answerAll(page, ZHANGBEI_CARER.answers);
  await page.locator('.results').waitFor();
  assert.match(await page.locator('.results').innerText(), /居家托养服务/, 'Zhangjiakou\'s programs on the results');
  // The results weigh every pack, and the offline copy holds them all.
  assert.deepEqual(packs(requests.all()).filter((p) => p !== '000-zhangjiakou.pack.json').sort().filter((p, i, a) => a.indexOf(p) === i),
    ['001-puyang.pack.json', '002-baotou.pack.json', '003-huitong.pack.json'], 'the other packs came afterwards');
  // The offline copy holds every pack too.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const cached = await page.evaluate(() => Promise.all(['rules/001-puyang.pack.json', 'rules/003-huitong.pack.json']
    .map(async (file) => Boolean(await caches.match(file)))));
  assert.deepEqual(cached, [true, true], 'the other packs are in the offline copy');
  assert.deepEqual(regionFiles(requests.all(), 'en'), [], 'still no English names');
  assert.deepEqual(problems, []);
  await context.close();
});

test('in English the place names come per province too, and only then', async () => {
  const { context, page, problems } = await openPhone(session.browser, { serviceWorkers: 'block' });
  const requests = await recordRequests(context);
  await page.goto(`${session.url}?region=130722&lang=en`);
  await setFamily(page, { quickStart: 'An older person caring for a disabled relative' });
  await page.locator('form.question').waitFor();
  const early = await requests.before(page);
  assert.deepEqual(regionFiles(early, 'en'), ['13.json', 'provinces.json'], 'English names of the province list and Hebei');
  assert.deepEqual(regionFiles(early, 'zh'), ['13.json', 'provinces.json']);
  assert.deepEqual(packs(early), ['000-zhangjiakou.pack.json']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a province chosen in English comes with its English names', async () => {
  const { context, page, problems } = await openPhone(session.browser, { serviceWorkers: 'block' });
  const requests = await recordRequests(context);
  await page.goto(`${session.url}?lang=en`);
  const selects = page.locator('.region-picker select');
  await selects.first().selectOption('43');
  await selects.nth(1).locator('option', { hasText: 'Huaihua' }).waitFor({ state: 'attached' });
  await selects.nth(1).selectOption('4312');
  await selects.nth(2).selectOption('431225');
  assert.equal(await selects.nth(2).locator('option:checked').innerText(), 'Huitong County');
  assert.deepEqual(regionFiles(requests.all(), 'en'), ['43.json', 'provinces.json']);
  assert.deepEqual(regionFiles(requests.all(), 'zh'), ['43.json', 'provinces.json']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a Chinese page fetches no English names at all', async () => {
  const { context, page, problems } = await openPhone(session.browser, { serviceWorkers: 'block' });
  const requests = await recordRequests(context);
  await page.goto(session.url);
  const selects = page.locator('.region-picker select');
  await selects.first().selectOption('43');
  await selects.nth(1).selectOption('4312');
  await selects.nth(2).selectOption('431225');
  await screenshot(page, 'region-step-huitong');
  assert.deepEqual(regionFiles(requests.all(), 'en'), []);
  assert.deepEqual(regionFiles(requests.all(), 'zh'), ['43.json', 'provinces.json']);
  assert.deepEqual(problems, []);
  await context.close();
});
