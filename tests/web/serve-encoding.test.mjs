// tools/serve.mjs sends the build's precompressed copies (file.br, file.gz from
// tools/compress-site.mjs) to clients that accept them, and the file itself to others: a phone on
// a weak connection gets the smallest copy, and no client gets bytes it cannot read.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { CSP, startServer } from '../../tools/serve.mjs';
import { compressSite } from '../../tools/compress-site.mjs';
import { SITE } from './browser.mjs';

const SCRIPT = `export const words = ${JSON.stringify('养老助残待遇查询 '.repeat(200))};\n`;
let root;
let server;
let site;

before(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'carecheck-serve-'));
  fs.mkdirSync(path.join(root, 'js'));
  fs.writeFileSync(path.join(root, 'index.html'), `<!doctype html><title>t</title><p>${'x'.repeat(2000)}</p>`);
  fs.writeFileSync(path.join(root, 'js/app.js'), SCRIPT);
  fs.writeFileSync(path.join(root, 'stale.js'), SCRIPT);
  compressSite(root);
  // stale.js changed after the build: its copies are older and must not be sent for it.
  const later = new Date(Date.now() + 5000);
  fs.writeFileSync(path.join(root, 'stale.js'), 'export const fresh = true;\n');
  fs.utimesSync(path.join(root, 'stale.js'), later, later);
  server = await startServer({ port: 0, root });
  site = await startServer({ port: 0, root: SITE });
});

after(async () => {
  await server?.closeAll();
  await site?.closeAll();
  fs.rmSync(root, { recursive: true, force: true });
});

/** GET with an Accept-Encoding header (none when undefined); the body as sent, undecoded. */
function get(base, urlPath, acceptEncoding) {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding };
    http.get(new URL(urlPath, base), { headers }, (res) => {
      const parts = [];
      res.on('data', (part) => parts.push(part));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(parts) }));
    }).on('error', reject);
  });
}

const decode = { br: zlib.brotliDecompressSync, gzip: zlib.gunzipSync };

test('a browser that takes brotli gets the .br copy, with the script\'s own type and the page\'s policy', async () => {
  const res = await get(server.url, '/js/app.js', 'gzip, deflate, br, zstd');
  assert.equal(res.status, 200);
  assert.equal(res.headers['content-encoding'], 'br');
  assert.equal(res.headers['content-type'], 'text/javascript; charset=utf-8');
  assert.match(res.headers.vary, /Accept-Encoding/);
  assert.equal(res.headers['content-security-policy'], CSP);
  assert.deepEqual(res.body, fs.readFileSync(path.join(root, 'js/app.js.br')));
  assert.equal(decode.br(res.body).toString(), SCRIPT);
  assert.ok(res.body.length < Buffer.byteLength(SCRIPT) / 5, 'much smaller than the script');
});

test('gzip when brotli is not accepted (or refused with q=0); the file itself when nothing is', async () => {
  for (const header of ['gzip, deflate', 'br;q=0, gzip', 'br;q=0, *']) {
    const res = await get(server.url, '/js/app.js', header);
    assert.equal(res.headers['content-encoding'], 'gzip', header);
    assert.deepEqual(res.body, fs.readFileSync(path.join(root, 'js/app.js.gz')), header);
    assert.equal(decode.gzip(res.body).toString(), SCRIPT, header);
  }
  for (const header of [undefined, 'identity', 'deflate', 'gzip;q=0, br;q=0']) {
    const res = await get(server.url, '/js/app.js', header);
    assert.equal(res.headers['content-encoding'], undefined, String(header));
    assert.equal(res.body.toString(), SCRIPT, String(header));
    assert.match(res.headers.vary, /Accept-Encoding/, 'a cache keeps the copies apart');
  }
});

test('each encoding has its own ETag, and a revalidation answers 304 for the copy it holds', async () => {
  const br = await get(server.url, '/js/app.js', 'br');
  const plain = await get(server.url, '/js/app.js', 'identity');
  assert.notEqual(br.headers.etag, plain.headers.etag);
  const again = await new Promise((resolve) => {
    http.get(new URL('/js/app.js', server.url), { headers: { 'Accept-Encoding': 'br', 'If-None-Match': br.headers.etag } }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
  });
  assert.equal(again, 304);
  // stale.js has no usable copy: it is gzipped as it is sent, and that is its own version too.
  const gzipped = await get(server.url, '/stale.js', 'gzip');
  const asIs = await get(server.url, '/stale.js', 'identity');
  assert.equal(gzipped.headers['content-encoding'], 'gzip');
  assert.notEqual(gzipped.headers.etag, asIs.headers.etag, 'gzip made while sending has its own ETag');
});

test('a copy older than its file is never sent for it', async () => {
  const res = await get(server.url, '/stale.js', 'br, gzip');
  assert.notEqual(res.headers['content-encoding'], 'br');
  const text = res.headers['content-encoding'] === 'gzip' ? decode.gzip(res.body).toString() : res.body.toString();
  assert.equal(text, 'export const fresh = true;\n');
});

test('a .br copy asked for by its own name is a plain file, not a script the browser would run', async () => {
  const res = await get(server.url, '/js/app.js.br', 'br');
  assert.equal(res.status, 200);
  assert.equal(res.headers['content-encoding'], undefined);
  assert.equal(res.headers['content-type'], 'application/octet-stream');
  assert.deepEqual(res.body, fs.readFileSync(path.join(root, 'js/app.js.br')));
  assert.equal((await get(server.url, '/js/..%2f..%2fetc/passwd.br', 'br')).status, 404, 'no way out of the root');
});

test('the built site has brotli copies of the page and the engine, and they decode to the files', async () => {
  for (const file of ['index.html', 'carecheck.wasm']) {
    const res = await get(site.url, `/${file}`, 'br, gzip');
    assert.equal(res.headers['content-encoding'], 'br', file);
    assert.deepEqual(decode.br(res.body), fs.readFileSync(path.join(SITE, file)), file);
  }
  const wasm = await get(site.url, '/carecheck.wasm', 'br');
  assert.equal(wasm.headers['content-type'], 'application/wasm');
});
