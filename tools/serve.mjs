#!/usr/bin/env node
// Static file server for the carecheck page (build/site), Node built-ins only.
//
// - listens on 127.0.0.1 only; port from the first argument, $PORT, or 8080 (0 = any free port)
// - every response carries the page's Content-Security-Policy (the wasm module needs
//   'wasm-unsafe-eval'; nothing else may run), nosniff and no-referrer; only our own pages may
//   frame ours (frame-ancestors 'self', X-Frame-Options for older browsers), except embed.html,
//   which portals frame (frame-ancestors from the embedAncestors option, * by default)
// - correct MIME types (application/wasm for the module); compressed when the client accepts it:
//   the build's precompressed file.br (brotli) or file.gz beside the file (tools/compress-site.mjs),
//   else gzip made here; always with the original's Content-Type and Vary: Accept-Encoding.
//   A .br/.gz copy older than its file is ignored; asked for by its own name it is just a file.
// - no directory traversal: paths are resolved inside the root, dotfiles and symlinks that
//   leave it are refused
//
// CLI:     node tools/serve.mjs [port] [root]
// Library: import { startServer } from '../../tools/serve.mjs';
//          const server = await startServer({ port: 0 });   // server.url is the page's URL
//          ...; await server.closeAll();

import fs from 'node:fs';
import fsp from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import zlib from 'node:zlib';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_ROOT = path.resolve(HERE, '..', 'build', 'site');
export const DEFAULT_PORT = 8080;
export const HOST = '127.0.0.1';
/**
 * The policy of every page, sent as a header here and written in each HTML file's
 * <meta http-equiv="Content-Security-Policy"> too, so a host that sends no headers still
 * enforces it (tests/web/page-policy.test.mjs keeps the two equal).
 */
export const PAGE_POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; base-uri 'none'; form-action 'self'";
/**
 * Only the site's own pages may frame it, so cadre mode's import and delete cannot be
 * clickjacked. A <meta> cannot say this (browsers ignore frame-ancestors there): hosts must
 * send it as a header.
 */
export const CSP = `${PAGE_POLICY}; frame-ancestors 'self'`;
/** The page made for portals' iframes (docs/widget.md); who may frame it is the host's choice. */
export const EMBED_PAGE = 'embed.html';
export const DEFAULT_EMBED_ANCESTORS = '*';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};
const COMPRESSIBLE = /^(text\/|application\/(json|wasm|manifest\+json)|image\/svg)/;

/** The MIME type served for a file name. */
export function mimeType(file) {
  return MIME[path.extname(file).toLowerCase()] || 'application/octet-stream';
}

/** Whether a file is sent compressed (tools/compress-site.mjs writes its copies for the same files). */
export function compressible(file) {
  return COMPRESSIBLE.test(mimeType(file));
}

/**
 * True when an Accept-Encoding header allows this coding: named with q > 0, or not named and
 * allowed by "*" (RFC 9110 §12.5.3).
 */
export function acceptsEncoding(header, coding) {
  if (!header) return false;
  const weights = new Map();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    weights.set(name.trim(), q ? Number(q.slice(2)) : 1);
  }
  const weight = weights.has(coding) ? weights.get(coding) : weights.get('*');
  return weight > 0;
}

/** True when an Accept-Encoding header allows gzip (and does not give it q=0). */
export function acceptsGzip(header) {
  return acceptsEncoding(header, 'gzip');
}

/** Codings of the precompressed copies, best first, with their files' suffixes. */
const PRECOMPRESSED = [['br', '.br'], ['gzip', '.gz']];

/**
 * The build's compressed copy of a file the client may take, or null: the first of br, gzip
 * that the header allows and that exists beside the file, no older than it.
 * @returns {Promise<{coding: string, file: string, size: number}|null>}
 */
export async function precompressedCopy(file, stat, acceptEncoding) {
  for (const [coding, suffix] of PRECOMPRESSED) {
    if (!acceptsEncoding(acceptEncoding, coding)) continue;
    const copy = await fsp.stat(file + suffix).catch(() => null);
    if (copy && copy.isFile() && copy.mtimeMs >= stat.mtimeMs) return { coding, file: file + suffix, size: copy.size };
  }
  return null;
}

/** @param {string|null} embedAncestors  frame-ancestors for the embed page, null for any other file */
function baseHeaders(embedAncestors = null) {
  const framing = embedAncestors === null
    ? { 'Content-Security-Policy': CSP, 'X-Frame-Options': 'SAMEORIGIN' }
    : { 'Content-Security-Policy': `${PAGE_POLICY}; frame-ancestors ${embedAncestors}` };
  return {
    ...framing,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Carecheck-Server': '1',
  };
}

function sendText(req, res, status, text, extra = {}) {
  const body = Buffer.from(text + '\n');
  res.writeHead(status, {
    ...baseHeaders(),
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': body.length,
    ...extra,
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * Maps a URL path to a file inside root, or null when it would leave root or names a dotfile.
 * @param {string} root absolute real path of the served folder
 * @param {string} urlPath the request's path, still percent-encoded
 */
export function resolveInside(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const parts = decoded.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.some((p) => p === '..' || p.startsWith('.'))) return null;
  const file = path.resolve(root, ...parts);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  return file;
}

/**
 * Creates (does not start) the HTTP server for a folder.
 * @param {{root?: string, embedAncestors?: string, corsOrigins?: string[]}} [options]  embedAncestors: the
 *   frame-ancestors sources of embed.html, e.g. "https://portal.example" (default *);
 *   corsOrigins: portals that load the widget's files from this origin (docs/widget.md §3): each
 *   gets Access-Control-Allow-Origin for exactly its origin, no one else does
 */
export function createServer({ root = DEFAULT_ROOT, embedAncestors = DEFAULT_EMBED_ANCESTORS, corsOrigins = [] } = {}) {
  const rootReal = fs.realpathSync(path.resolve(root));
  const embedFile = path.join(rootReal, EMBED_PAGE);
  const gzipCache = new Map(); // file -> {mtimeMs, size, data}

  return http.createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        sendText(req, res, 405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
        return;
      }
      const url = new URL(req.url, 'http://localhost');
      let file = resolveInside(rootReal, url.pathname);
      if (!file) {
        sendText(req, res, 404, 'Not Found');
        return;
      }
      let stat = await fsp.stat(file).catch(() => null);
      if (stat && stat.isDirectory()) {
        if (!url.pathname.endsWith('/')) {
          sendText(req, res, 301, 'Moved', { Location: url.pathname + '/' + url.search });
          return;
        }
        file = path.join(file, 'index.html');
        stat = await fsp.stat(file).catch(() => null);
      }
      if (!stat || !stat.isFile()) {
        sendText(req, res, 404, 'Not Found');
        return;
      }
      // A symlink inside the root must not lead outside it.
      const real = await fsp.realpath(file);
      if (real !== rootReal && !real.startsWith(rootReal + path.sep)) {
        sendText(req, res, 404, 'Not Found');
        return;
      }

      const type = mimeType(file);
      const headers = {
        ...baseHeaders(file === embedFile ? embedAncestors : null),
        'Content-Type': type,
        'Cache-Control': 'no-cache',
        'Last-Modified': stat.mtime.toUTCString(),
        ETag: `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`,
      };
      if (corsOrigins.length > 0) {
        headers.Vary = 'Origin';
        if (corsOrigins.includes(req.headers.origin)) headers['Access-Control-Allow-Origin'] = req.headers.origin;
      }
      const compress = compressible(file);
      if (compress) headers.Vary = headers.Vary ? `${headers.Vary}, Accept-Encoding` : 'Accept-Encoding';
      const copy = compress ? await precompressedCopy(file, stat, req.headers['accept-encoding']) : null;
      const coding = copy ? copy.coding : compress && acceptsGzip(req.headers['accept-encoding']) ? 'gzip' : null;
      // Each encoding is its own representation (a cache must not swap one for another).
      if (coding) headers.ETag = headers.ETag.replace(/"$/, `-${coding}"`);
      if (req.headers['if-none-match'] === headers.ETag) {
        res.writeHead(304, headers);
        res.end();
        return;
      }

      let body;
      if (compress) {
        if (copy) {
          headers['Content-Encoding'] = copy.coding;
          body = await fsp.readFile(copy.file);
        } else if (coding === 'gzip') {
          let cached = gzipCache.get(file);
          if (!cached || cached.mtimeMs !== stat.mtimeMs || cached.size !== stat.size) {
            const data = zlib.gzipSync(await fsp.readFile(file), { level: 9 });
            cached = { mtimeMs: stat.mtimeMs, size: stat.size, data };
            gzipCache.set(file, cached);
          }
          headers['Content-Encoding'] = 'gzip';
          body = cached.data;
        }
      }
      if (!body) body = await fsp.readFile(file);
      headers['Content-Length'] = body.length;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (err) {
      if (!res.headersSent) sendText(req, res, 500, 'Internal Server Error');
      else res.destroy(err);
    }
  });
}

/**
 * Starts the server on 127.0.0.1 (or `host`, e.g. 127.0.0.2 for a second origin in tests) and
 * resolves once it listens.
 * @param {{port?: number, root?: string, embedAncestors?: string, corsOrigins?: string[], host?: string}} [options]
 *   port 0 picks a free port
 * @returns {Promise<import('node:http').Server & {url: string, port: number, closeAll: () => Promise<void>}>}
 */
export function startServer({ port = DEFAULT_PORT, root = DEFAULT_ROOT, embedAncestors, corsOrigins, host = HOST } = {}) {
  const server = createServer({ root, embedAncestors, corsOrigins });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      server.port = server.address().port;
      server.url = `http://${host}:${server.port}/`;
      server.closeAll = () =>
        new Promise((done) => {
          server.close(() => done());
          server.closeAllConnections?.();
        });
      resolve(server);
    });
  });
}

// Is something that answers like this server already listening there?
async function isCarecheckServer(port) {
  return new Promise((resolve) => {
    const req = http.get({ host: HOST, port, path: '/', timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.headers['x-carecheck-server'] === '1');
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
  });
}

async function main() {
  const port = Number(process.argv[2] ?? process.env.PORT ?? DEFAULT_PORT);
  const root = path.resolve(process.argv[3] ?? process.env.CARECHECK_SITE ?? DEFAULT_ROOT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve: bad port "${process.argv[2] ?? process.env.PORT}"`);
    process.exit(2);
  }
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    console.error(`serve: ${root}/index.html not found; run: bash tools/build.sh`);
    process.exit(1);
  }
  const embedAncestors = process.env.CARECHECK_EMBED_ANCESTORS || DEFAULT_EMBED_ANCESTORS;
  let server;
  try {
    server = await startServer({ port, root, embedAncestors });
  } catch (err) {
    if (err.code === 'EADDRINUSE') {
      if (await isCarecheckServer(port)) {
        console.log(`carecheck is already being served: open http://${HOST}:${port}/`);
        process.exit(0);
      }
      console.error(`serve: port ${port} is in use by another program; try: PORT=8081 bash tools/setup.sh`);
      process.exit(1);
    }
    throw err;
  }
  console.log(`carecheck is ready: open ${server.url}`);
  if (fs.existsSync(path.join(root, 'demo', 'portal.html'))) {
    console.log(`  a portal embedding it: ${server.url}demo/portal.html (iframe: ${server.url}demo/portal-iframe.html)`);
  }
  const shown = path.relative(process.cwd(), root);
  console.log(`(serving ${shown && !shown.startsWith('..') ? shown : root}; press Ctrl+C to stop)`);
  const stop = () => server.closeAll().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1])).href) {
  main();
}
