#!/usr/bin/env node
// The page's budget on a weak connection and a cheap phone, printed as numbers (no pass/fail):
//   1. bytes transferred on a first visit (gzip, as served by tools/serve.mjs), per kind of file
//   1b. a first visit on a slow phone (400 kbit/s, 300 ms RTT, CPU 6× slower) until the first
//       question shows: requests, bytes on the wire per kind, time; then what the offline copy
//       fetches in the background (issue 11 item 9's budgets printed beside each number)
//   2. time per evaluation inside the wasm module (all packs, one household, averaged)
//   3. waits on a cheap phone (CPU slowed 6×): first question, next question, results
//   4. cadre mode: a backup of N households imported and every one screened into the roster
//   5. a Lighthouse mobile run: performance / accessibility / best-practices
// Usage: node bench/web-budget.mjs [--no-lighthouse] [--first-question-only]   (needs build/site: tools/build.sh)
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import zlib from 'node:zlib';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, ROOT, SITE, openPhone, startSession } from '../tests/web/browser.mjs';
import { startServer } from '../tools/serve.mjs';
import { newCarecheck, ruleFiles } from '../tests/wasm/carecheck-module.mjs';
import { newRecord, rosterToJson } from '../web/js/roster-file.js';

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

async function firstVisitBytes() {
  const session = await startSession();
  try {
    const phone = await openPhone(session.browser);
    // Every file the page, its worker and its service worker ask for, counted once at the size
    // tools/serve.mjs sends it (gzip -9). Playwright's own transfer sizes miss bodies that are
    // streamed into WebAssembly.compileStreaming, so the bytes come from the files themselves.
    const byUrl = new Map();
    phone.context.on('request', (request) => {
      const url = new URL(request.url());
      if (url.origin !== new URL(session.url).origin || byUrl.has(url.pathname)) return;
      const file = path.join(SITE, url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname));
      if (fs.existsSync(file)) byUrl.set(url.pathname, zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length);
    });
    await phone.page.goto(session.url);
    await phone.page.locator('.region-picker select').first().waitFor();
    await phone.page.evaluate(() => navigator.serviceWorker.ready);
    await phone.page.waitForLoadState('networkidle');
    const byKind = {};
    for (const [url, bytes] of byUrl) {
      const ext = path.extname(url) || '(page)';
      byKind[ext] = (byKind[ext] || 0) + bytes;
    }
    const total = Object.values(byKind).reduce((a, b) => a + b, 0);
    console.log(`first visit: ${kb(total)} transferred (gzip, ${byUrl.size} files): page, engine, rules, region list`);
    for (const [ext, bytes] of Object.entries(byKind).sort((a, b) => b[1] - a[1])) {
      console.log(`  ${ext.padEnd(8)} ${kb(bytes)}`);
    }
    await phone.context.close();
  } finally {
    await session.close();
  }
}

/** issue 11 item 9: what the first visit may cost until the first question is on screen. */
const FIRST_QUESTION_BUDGET = { bytes: 90 * 1024, requests: 20, ms: 2000 };
const SLOW_NETWORK = { offline: false, latency: 300, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 };

/**
 * A first visit on the slow profile: ?region=130722, the family step, the first question.
 * Counted at the server (tools/serve.mjs): every request that reached it and the bytes of the
 * body it sent (Content-Length: the br or gzip copy), whoever asked (page, engine worker, service
 * worker). What the browser took from its own cache never reaches the server and is not counted.
 */
async function firstQuestionOnSlowPhone() {
  const server = await startServer({ port: 0, root: SITE });
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  const served = [];
  server.on('request', (req, res) => {
    const started = performance.now();
    const url = new URL(req.url, server.url);
    const entry = { path: url.pathname, ext: url.pathname.endsWith('/') ? '.html' : path.extname(url.pathname) || '(none)', bytes: 0 };
    served.push(entry); // in the order asked for
    let sent = {};
    const writeHead = res.writeHead;
    res.writeHead = function capture(status, headers) { sent = headers || {}; return writeHead.apply(this, arguments); };
    res.on('finish', () => Object.assign(entry, {
      bytes: Number(sent['Content-Length'] || 0), status: res.statusCode, encoding: sent['Content-Encoding'] || 'none', ms: performance.now() - started,
    }));
  });
  try {
    const phone = await openPhone(browser);
    const { page, context } = phone;
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_NETWORK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
    // How many requests the server had when the question appeared: what comes after it (the
    // other packs, the offline copy) no longer delays it.
    let atQuestion = null;
    await page.exposeFunction('carecheckQuestionShown', () => { atQuestion ??= served.length; });
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.querySelector('form.question')) return;
        observer.disconnect();
        window.carecheckQuestionShown();
      }).observe(document, { childList: true, subtree: true });
    });
    const start = performance.now();
    await page.goto(`${server.url}?region=130722`);
    await page.getByRole('button', { name: '老人在家照顾残疾家人' }).click({ timeout: 120_000 });
    await page.getByRole('button', { name: '下一步' }).click();
    await page.locator('form.question').waitFor({ timeout: 120_000 });
    const ms = performance.now() - start;
    // The page registers its service worker once the first question is up: from sw.js on, what
    // is asked for is the offline copy, in the background.
    await page.waitForFunction(() => true); // the binding's call has arrived
    const untilQuestion = atQuestion ?? served.length;
    const swAt = served.findIndex((r) => r.path === '/sw.js');
    const first = served.splice(0, swAt === -1 ? untilQuestion : Math.min(swAt, untilQuestion));
    const copyBefore = served.slice(0, untilQuestion - first.length);
    // The offline copy: what the service worker fetches once the first question is up.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(3000);
    const later = served.splice(0); // from sw.js on, also what came before the question was drawn
    const sum = (list) => list.reduce((a, r) => a + r.bytes, 0);
    console.log(`until the first question was drawn the server sent ${first.length + copyBefore.length} responses, `
      + `${kb(sum(first) + sum(copyBefore))}: the page and its engine ${first.length}, ${kb(sum(first))}; `
      + `the offline copy (sw.js on) ${copyBefore.length}, ${kb(sum(copyBefore))}`);
    const mark = (value, budget, unit) => `${unit(value)} (budget ≤ ${unit(budget)})`;
    console.log(`first visit to the first question (400 kbit/s, 300 ms RTT, CPU 6×), the page and its engine: `
      + `${mark(ms, FIRST_QUESTION_BUDGET.ms, (v) => `${(v / 1000).toFixed(1)} s`)}, `
      + `${mark(first.length, FIRST_QUESTION_BUDGET.requests, (v) => `${v} requests`)}, `
      + `${mark(sum(first), FIRST_QUESTION_BUDGET.bytes, kb)} on the wire`);
    const byKind = {};
    for (const r of first) {
      byKind[r.ext] ??= { bytes: 0, requests: 0 };
      byKind[r.ext].bytes += r.bytes;
      byKind[r.ext].requests += 1;
    }
    for (const [ext, k] of Object.entries(byKind).sort((a, b) => b[1].bytes - a[1].bytes)) {
      console.log(`  ${ext.padEnd(13)} ${kb(k.bytes).padStart(9)} in ${k.requests} request${k.requests === 1 ? '' : 's'}`);
    }
    console.log(`  (encodings: ${[...new Set(first.map((r) => r.encoding))].join(', ')})`);
    if (process.env.CARECHECK_BENCH_VERBOSE) {
      for (const r of [...first, { path: '-- background --' }, ...later]) console.log(`    ${r.path} ${r.status ?? ''} ${r.bytes ?? ''} ${r.ms ? `${r.ms.toFixed(0)} ms` : ''}`);
    }
    console.log(`the offline copy in all (sw.js on, in the background): ${later.length} requests, ${kb(sum(later))}`);
    await context.close();
  } finally {
    await browser.close();
    await server.closeAll();
  }
}

/** What a family waits for on a cheap phone: Chromium with the CPU slowed 6×, local network. */
async function slowPhoneWaits() {
  const session = await startSession();
  try {
    const phone = await openPhone(session.browser);
    const { page } = phone;
    const cdp = await phone.context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
    const timed = async (what, action) => {
      const start = performance.now();
      await action();
      return `${what} ${(performance.now() - start).toFixed(0)} ms`;
    };
    const lines = [
      await timed('page to family step', async () => {
        await page.goto(`${session.url}?region=130722`);
        await page.locator('.member').first().waitFor();
      }),
      await timed('first question', async () => {
        await page.getByRole('button', { name: '老人在家照顾残疾家人' }).click();
        await page.getByRole('button', { name: '下一步' }).click();
        await page.locator('form.question').waitFor();
      }),
      await timed('next question', async () => {
        const first = await page.locator('form.question').getAttribute('data-fact');
        await page.getByRole('button', { name: '我不确定' }).click();
        await page.waitForFunction((f) => document.querySelector('form.question')?.dataset.fact !== f, first);
      }),
      await timed('results', async () => {
        await page.getByRole('button', { name: '先看结果' }).click();
        await page.locator('.results').waitFor();
      }),
    ];
    console.log(`cheap phone (CPU 6× slower): ${lines.join(', ')}`);
    await phone.context.close();
  } finally {
    await session.close();
  }
}

async function evaluationTime() {
  const carecheck = await newCarecheck();
  const loaded = JSON.parse(carecheck.load(JSON.stringify(ruleFiles())));
  if (!loaded.ok) throw new Error(`rules: ${JSON.stringify(loaded.error)}`);
  const cases = JSON.parse(fs.readFileSync(path.join(ROOT, 'rules/000-zhangjiakou.cases.json'), 'utf8'));
  const household = JSON.stringify(cases.cases[0].household);
  const runs = 500;
  for (let i = 0; i < 20; i += 1) carecheck.check(household, '2026-11-23'); // warm-up
  let start = performance.now();
  for (let i = 0; i < runs; i += 1) carecheck.check(household, '2026-11-23');
  const check = (performance.now() - start) / runs;
  start = performance.now();
  for (let i = 0; i < runs; i += 1) carecheck.questions(household, '2026-11-23');
  const questions = (performance.now() - start) / runs;
  start = performance.now();
  const fresh = await newCarecheck();
  fresh.load(JSON.stringify(ruleFiles()));
  const load = performance.now() - start;
  console.log(`wasm (Node ${process.version}): check ${check.toFixed(3)} ms, questions ${questions.toFixed(3)} ms `
    + `per household (all ${loaded.packs?.length ?? '?'} packs, ${runs} runs); load rules ${load.toFixed(1)} ms`);
}

function moduleSize() {
  for (const name of ['carecheck.wasm', 'carecheck.js']) {
    const file = path.join(SITE, name);
    if (!fs.existsSync(file)) continue;
    const gz = spawnSync('gzip', ['-9c', file]).stdout.length;
    console.log(`${name}: ${kb(fs.statSync(file).size)} raw, ${kb(gz)} gzip -9`);
  }
}

async function lighthouse() {
  const session = await startSession();
  try {
    const cli = path.join(ROOT, 'node_modules/lighthouse/cli/index.js');
    // Asynchronous: the server answering Lighthouse lives in this process.
    let run;
    try {
      run = await promisify(execFile)(process.execPath, [cli, session.url, '--output=json', '--quiet',
        '--only-categories=performance,accessibility,best-practices', '--form-factor=mobile',
        `--chrome-flags=--headless=new ${CHROMIUM_FLAGS.join(' ')}`],
      { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH || '/usr/bin/chromium' }, maxBuffer: 64 << 20, timeout: 300_000 });
    } catch (error) {
      console.log(`lighthouse failed: ${String(error.stderr || error.message).slice(-400)}`);
      return;
    }
    const report = JSON.parse(run.stdout);
    const score = (id) => Math.round((report.categories[id]?.score ?? 0) * 100);
    console.log(`lighthouse mobile: performance ${score('performance')}, accessibility ${score('accessibility')}, `
      + `best-practices ${score('best-practices')}; LCP ${report.audits['largest-contentful-paint']?.displayValue}, `
      + `TBT ${report.audits['total-blocking-time']?.displayValue}`);
  } finally {
    await session.close();
  }
}

/**
 * A cadre's roster of `count` households (Huitong elders of varied age and needs), imported from
 * a backup; times the roster until every household is screened and shown.
 */
async function rosterTime(count = 50, cpuSlowdown = 1) {
  const levels = ['intact', 'mild', 'moderate', 'severe'];
  const records = Array.from({ length: count }, (_, i) => {
    const record = newRecord(`户${i + 1}`, '', '431225');
    record.state.facts = { household_support: i % 5 === 0 ? ['dibao'] : [], economic_hardship: i % 3 === 0 };
    record.state.members[0].facts = { age: 60 + (i % 35), ability_level: levels[i % 4], lives_alone: i % 2 === 0 };
    return record;
  });
  const session = await startSession();
  try {
    const phone = await openPhone(session.browser);
    const { page } = phone;
    await page.goto(session.url);
    await page.getByRole('button', { name: '入户登记（村干部用）' }).click();
    await page.locator('input[type=file]').waitFor({ state: 'attached' });
    const cdp = await phone.context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
    const start = performance.now();
    await page.locator('input[type=file]').setInputFiles({ name: 'roster.json', mimeType: 'application/json', buffer: Buffer.from(rosterToJson(records)) });
    await page.waitForFunction((n) => document.querySelectorAll('.roster-table tbody tr').length === n, count, { timeout: 120_000 });
    const ms = performance.now() - start;
    console.log(`cadre roster (CPU ${cpuSlowdown}×): ${count} households imported and screened in ${ms.toFixed(0)} ms `
      + `(${(ms / count).toFixed(1)} ms each)`);
    await phone.context.close();
  } finally {
    await session.close();
  }
}

moduleSize();
await firstQuestionOnSlowPhone();
if (process.argv.includes('--first-question-only')) process.exit(0);
await firstVisitBytes();
await evaluationTime();
await slowPhoneWaits();
await rosterTime(50, 1);
await rosterTime(50, 6);
if (!process.argv.includes('--no-lighthouse')) await lighthouse();
