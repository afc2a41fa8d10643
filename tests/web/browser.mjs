// Shared set-up for the browser tests: the static server (tools/serve.mjs, with the page's CSP),
// Chromium from Debian driven by playwright-core, and watchers for what must never happen:
// console errors, requests leaving localhost, CSP violations.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { startServer } from '../../tools/serve.mjs';
import { newCarecheck, ruleFiles } from '../wasm/carecheck-module.mjs';

export const ROOT = process.env.CARECHECK_ROOT || path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SITE = process.env.CARECHECK_SITE || path.join(ROOT, 'build/site');
export const ARTIFACTS = path.join(ROOT, 'build/test-artifacts');

// toolchain.md: the flags that were checked on this kind of machine.
export const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** A cheap Android phone: 360×640 CSS pixels, touch. */
export const PHONE = { viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' };

/**
 * Starts the server on a free port and Chromium.
 * @returns {Promise<{url: string, browser: import('playwright-core').Browser, close: () => Promise<void>}>}
 */
export async function startSession() {
  const server = await startServer({ port: 0, root: SITE });
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return {
    url: server.url,
    browser,
    async close() {
      await browser.close();
      await server.closeAll();
    },
  };
}

/**
 * Opens a fresh phone-sized context and page, recording every problem the tests forbid.
 * @param {import('playwright-core').Browser} browser
 * @param {Object} [options]  extra context options
 * @returns {Promise<{context, page, problems: string[], cspViolations: () => Promise<string[]>}>}
 */
export async function openPhone(browser, options = {}) {
  const context = await browser.newContext({ ...PHONE, serviceWorkers: 'allow', ...options });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  context.on('request', (request) => {
    const { protocol, hostname } = new URL(request.url());
    if (!['127.0.0.1', 'localhost'].includes(hostname) && !['data:', 'blob:'].includes(protocol)) {
      problems.push(`request left localhost: ${request.url()}`);
    }
  });
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return {
    context,
    page,
    problems,
    cspViolations: () => page.evaluate(() => window.__cspViolations || []),
  };
}

/** Saves a screenshot to build/test-artifacts/<name>.png. */
export async function screenshot(page, name, fullPage = false) {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage });
}

/**
 * Runs axe-core in the page (through the DevTools protocol, so the page's CSP still holds
 * for the page itself) and returns its violations as readable lines.
 */
export async function axeViolations(page) {
  const source = fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  const violations = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  });
  return violations;
}

/**
 * Waits until the page's service worker holds the offline copy: it controls the page and has
 * finished caching the site (web/sw.js caches everything when it installs).
 */
export async function waitForOfflineCopy(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/**
 * One Chromium session and one loaded wasm engine for a test file, opened before its tests and
 * closed after them: `ctx.session` (startSession's) and `ctx.engine` (the rules of rules/).
 */
export function browserAndEngine() {
  const ctx = {};
  before(async () => {
    ctx.session = await startSession();
    ctx.engine = await newCarecheck();
    ctx.engine.load(JSON.stringify(ruleFiles()));
  });
  after(() => ctx.session?.close());
  return ctx;
}
