// A portal on its own origin (127.0.0.1) embeds the calculator served from another
// (127.0.0.2), under the portal's own strict CSP (docs/widget.md §3), as portals do (issue 11,
// item 7): two widgets with different lang and region on one page, each keeping its own
// language and answers; and the iframe, which tells the portal its height (to the portal's
// origin only) so the frame grows with it, and whose apply panel follows the engine's ranking.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, PHONE, ROOT, SITE } from './browser.mjs';
import { startServer } from '../../tools/serve.mjs';
import { ZHANGBEI_CARER, answerAll, setFamily } from './family-flow.mjs';

const SHOTS = path.join(ROOT, 'tests/web/artifacts');
let browser;
let widgetSite; // the calculator's origin
let portal; // the portal's origin, with its own page and policy
const portalDir = fs.mkdtempSync(path.join(os.tmpdir(), 'carecheck-portal-'));

/** A portal server: its own files, its own CSP naming the calculator's origin. */
function startPortal(policy) {
  const server = http.createServer((req, res) => {
    const file = path.join(portalDir, new URL(req.url, 'http://x').pathname.replace(/^\/+/, '') || 'index.html');
    if (req.url === '/favicon.ico') { res.writeHead(204); res.end(); return; } // a portal has its own
    if (!file.startsWith(portalDir) || !fs.existsSync(file)) { res.writeHead(404); res.end(); return; }
    const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'text/html; charset=utf-8';
    res.writeHead(200, { 'Content-Type': type, 'Content-Security-Policy': policy(), 'Cache-Control': 'no-store' });
    res.end(fs.readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    server.url = `http://127.0.0.1:${server.address().port}/`;
    resolve(server);
  }));
}

before(async () => {
  portal = await startPortal(() => {
    const site = widgetSite.url.replace(/\/$/, '');
    return ["default-src 'self'", `script-src 'self' ${site} 'wasm-unsafe-eval'`, `connect-src 'self' ${site}`,
      `style-src 'self' ${site}`, `frame-src ${site}`, "base-uri 'none'", "form-action 'self'", "object-src 'none'"].join('; ');
  });
  const portalOrigin = portal.url.replace(/\/$/, '');
  widgetSite = await startServer({ port: 0, host: '127.0.0.2', root: SITE, corsOrigins: [portalOrigin], embedAncestors: portalOrigin });
  browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  const site = widgetSite.url;
  fs.writeFileSync(path.join(portalDir, 'index.html'), `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>门户（两个查询）</title>
<script type="module" src="${site}widget.js"></script></head>
<body><main>
<carecheck-calculator id="zjk" answers-key="zjk" region="130722" lang="zh"></carecheck-calculator>
<carecheck-calculator id="ht" answers-key="ht" region="431225" lang="en"></carecheck-calculator>
</main></body></html>`);
  fs.copyFileSync(path.join(SITE, 'demo/apply-panel.js'), path.join(portalDir, 'apply-panel.js'));
  fs.copyFileSync(path.join(SITE, 'demo/portal-iframe.js'), path.join(portalDir, 'portal-iframe.js'));
  fs.copyFileSync(path.join(SITE, 'demo/portal.css'), path.join(portalDir, 'portal.css'));
  fs.writeFileSync(path.join(portalDir, 'frame.html'), `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>门户（iframe）</title><link rel="stylesheet" href="portal.css">
<script type="module" src="portal-iframe.js"></script></head>
<body><main class="portal-main">
<iframe class="portal-frame" id="carecheck-frame" title="养老助残待遇查询" data-site="${site}"></iframe>
</main></body></html>`);
});

after(async () => {
  await browser?.close();
  await widgetSite?.closeAll();
  await new Promise((done) => { portal?.close(() => done()); portal?.closeAllConnections?.(); });
  fs.rmSync(portalDir, { recursive: true, force: true });
});

async function open() {
  const context = await browser.newContext({ ...PHONE });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return { context, page, problems };
}

test('two widgets from another origin on one portal page, under its CSP: each its own language and answers', async () => {
  const { context, page, problems } = await open();
  await page.goto(portal.url);
  const zjk = page.locator('#zjk');
  const ht = page.locator('#ht');
  await setFamily(zjk, ZHANGBEI_CARER.family);
  await ht.getByRole('heading', { name: 'Step 2: who is in the family?' }).waitFor();
  // The Zhangjiakou family completes a check in Chinese, while the other widget stays English.
  await answerAll(page, ZHANGBEI_CARER.answers); // the only widget asking questions so far
  await zjk.getByRole('heading', { name: '查询结果' }).waitFor();
  assert.match(await zjk.locator('.results').innerText(), /居家托养/);
  await ht.getByRole('button', { name: 'Just one older person' }).click();
  await ht.getByRole('button', { name: 'Next' }).click();
  await ht.locator('form.question').waitFor();
  assert.match(await ht.locator('form.question').innerText(), /not sure/, 'the Huitong widget asks in English');
  assert.match(await zjk.locator('.results').innerText(), /查询结果|可以申请/, 'the Zhangjiakou widget is still in Chinese');
  assert.equal(await zjk.locator('section.carecheck').getAttribute('lang'), 'zh-CN');
  assert.equal(await ht.locator('section.carecheck').getAttribute('lang'), 'en');
  fs.mkdirSync(SHOTS, { recursive: true });
  await zjk.locator('.summary').screenshot({ path: path.join(SHOTS, 'portal-widget-zh-results.png') });
  await ht.screenshot({ path: path.join(SHOTS, 'portal-widget-en-question.png') });

  // Each keeps its own answers, also after a reload.
  const saved = await page.evaluate(() => ({
    zjk: JSON.parse(localStorage.getItem('carecheck.widget.answers.v1#zjk')),
    ht: JSON.parse(localStorage.getItem('carecheck.widget.answers.v1#ht')),
  }));
  assert.equal(saved.zjk.region, '130722');
  assert.equal(saved.ht.region, '431225');
  assert.equal(saved.zjk.step, 'results');
  assert.equal(saved.ht.members.length, 1);
  await page.reload();
  await zjk.getByRole('heading', { name: '查询结果' }).waitFor();
  await ht.locator('form.question').waitFor();
  assert.match(await ht.locator('form.question').innerText(), /not sure/);
  assert.deepEqual(problems, [], 'no console errors');
  assert.deepEqual(await page.evaluate(() => window.__csp), [], 'nothing broke the portal\'s CSP');
  await context.close();
});

test('the iframe from another origin tells the portal its height, only the portal\'s origin; the frame grows, the apply panel follows the ranking', async () => {
  const { context, page, problems } = await open();
  const heights = [];
  await page.exposeFunction('__height', (h) => heights.push(h));
  await context.addInitScript(() => {
    window.addEventListener('message', (e) => { if (e.data?.type === 'carecheck-height') window.__height({ origin: e.origin, height: e.data.height }); });
  });
  await page.goto(`${portal.url}frame.html`);
  await page.frameLocator('#carecheck-frame').getByRole('heading', { name: /家里有哪些人/ }).waitFor();
  const frame = page.frames().find((f) => f.url().includes('embed.html'));
  // The portal sizes the frame on a message after each draw, and the page under a tap can move
  // (its scroll is cut when the frame shrinks). A tap waits until the frame holds the calculator,
  // as a family's finger does; one sent meanwhile lands on the portal's page, not the answer.
  const frameSized = async () => {
    for (let tries = 0; tries < 200; tries += 1) {
      const inner = await frame.evaluate(() => Math.ceil(document.getElementById('main').getBoundingClientRect().height));
      const outer = await page.evaluate(() => document.getElementById('carecheck-frame').clientHeight);
      if (outer === Math.max(320, Math.min(20000, inner))) return; // as web/demo/portal-iframe.js sizes it
      await page.waitForTimeout(25);
    }
    assert.fail('the portal never sized the frame to the calculator');
  };
  await frameSized();
  await setFamily(frame, ZHANGBEI_CARER.family);
  await answerAll(frame, ZHANGBEI_CARER.answers, { beforeAnswer: frameSized });
  await frame.getByRole('heading', { name: '查询结果' }).waitFor();
  await page.locator('#apply').waitFor();
  await page.waitForFunction(() => document.getElementById('carecheck-frame').getBoundingClientRect().height > 1500);
  assert.ok(heights.length > 0 && heights.every((h) => h.origin === widgetSite.url.replace(/\/$/, '')), 'heights come from the calculator');
  const inner = await frame.evaluate(() => ({
    scroll: document.scrollingElement.scrollHeight, view: innerHeight,
  }));
  assert.ok(inner.scroll <= inner.view + 1, `no scroll inside the frame (${inner.scroll} in ${inner.view})`);

  // The apply panel lists the choose-one modes in the engine's ranking, as the page does.
  const panel = await page.locator('#apply-list li').allInnerTexts();
  const ranked = panel.filter((t) => /居家托养|社区日间照料|喘息|集中共养/.test(t));
  assert.match(ranked[0], /集中共养/, 'the care home first, as the calculator ranks it');
  const pageOrder = await frame.locator('.program--group .option__name').allInnerTexts();
  const names = (list) => list.map((t) => ['集中共养', '居家托养', '社区日间照料', '喘息'].find((n) => t.includes(n))).filter(Boolean);
  assert.deepEqual(names(ranked), names(pageOrder), 'the same order as the calculator\'s results');
  assert.deepEqual(problems, []);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  await context.close();
});
