// Who may frame the page, and the policy a host gets even when it sends no headers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { CSP, HOST, PAGE_POLICY } from '../../tools/serve.mjs';
import { ROOT, openPhone, screenshot, startSession } from './browser.mjs';

let session;
let portal; // another origin (another port): a stranger's page that frames ours
before(async () => {
  session = await startSession();
  portal = await framingServer();
});
after(async () => {
  await session?.close();
  await new Promise((done) => { portal?.close(done); portal?.closeAllConnections(); });
});

/** Serves /frame?src=URL: a page of its own origin with one iframe of that URL. */
function framingServer() {
  const server = http.createServer((req, res) => {
    const src = new URL(req.url, 'http://x').searchParams.get('src') || '';
    const safe = src.replace(/[^\w:/.?=&%-]/g, '');
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><title>another site</title><iframe id="framed" title="framed" src="${safe}"></iframe>`);
  });
  return new Promise((resolve) => server.listen(0, HOST, () => {
    server.url = `http://${HOST}:${server.address().port}/`;
    resolve(server);
  }));
}

function htmlFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return htmlFiles(file);
    return entry.name.endsWith('.html') ? [file] : [];
  });
}

test('every HTML file carries the server\'s policy in a meta, before anything it governs', () => {
  const files = htmlFiles(path.join(ROOT, 'web'));
  assert.ok(files.length >= 4, `the page, the embed page and the demos: ${files}`);
  for (const file of files) {
    const html = fs.readFileSync(file, 'utf8');
    const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/);
    const name = path.relative(ROOT, file);
    assert.ok(meta, `${name} has a CSP meta`);
    assert.equal(meta[1], PAGE_POLICY, `${name}: the meta says what the header says`);
    assert.equal(CSP, `${meta[1]}; frame-ancestors 'self'`, 'the header adds only frame-ancestors');
    const firstLoad = html.search(/<(link|script|style)\b/);
    assert.ok(meta.index < firstLoad, `${name}: the meta comes before the first stylesheet or script`);
  }
});

test('a page of another site cannot frame the page (cadre mode\'s import and delete cannot be clickjacked)', async () => {
  const phone = await openPhone(session.browser);
  const { page, context } = phone;
  const response = await page.goto(session.url);
  const headers = response.headers();
  assert.equal(headers['content-security-policy'], CSP);
  assert.match(headers['content-security-policy'], /frame-ancestors 'self'/);
  assert.equal(headers['x-frame-options'], 'SAMEORIGIN');
  assert.equal(headers['x-content-type-options'], 'nosniff');
  assert.equal(headers['referrer-policy'], 'no-referrer');

  const refused = page.waitForEvent('console', (message) => /frame-ancestors/.test(message.text()));
  await page.goto(`${portal.url}frame?src=${encodeURIComponent(`${session.url}?region=431225`)}`);
  await refused;
  const framed = page.frames().find((frame) => frame !== page.mainFrame());
  assert.equal(await framed.locator('#mode-cadre').count(), 0, 'nothing of the page is shown in the stranger\'s frame');
  await context.close();
});

test('the embed page may be framed by a portal of another origin, and works there', async () => {
  const phone = await openPhone(session.browser);
  const { page, context } = phone;
  const embed = `${session.url}embed.html?region=130722`;
  const response = await page.goto(embed);
  assert.equal(response.headers()['content-security-policy'], `${PAGE_POLICY}; frame-ancestors *`);
  assert.equal(response.headers()['x-frame-options'], undefined, 'no X-Frame-Options on the embed page');

  await page.goto(`${portal.url}frame?src=${encodeURIComponent(embed)}`);
  const frame = page.frameLocator('#framed');
  await frame.getByRole('heading', { name: '第二步：家里有哪些人？' }).waitFor();
  await screenshot(page, 'embed-framed-by-another-origin');
  assert.deepEqual(phone.problems, []);
  await context.close();
});
