#!/usr/bin/env node
// Writes file.br (brotli, quality 11) and file.gz (gzip -9) beside every compressible file of a
// staged site, once at build time, so tools/serve.mjs (or any static host that serves
// precompressed files) sends the smallest copy without compressing on each request.
// A copy that would not be smaller than the file is not written.
// Usage: node tools/compress-site.mjs <site folder>
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { compressible } from './serve.mjs';

/** @returns {{files: number, raw: number, br: number, gz: number}} */
export function compressSite(site) {
  const totals = { files: 0, raw: 0, br: 0, gz: 0 };
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) { walk(full); continue; }
      if (!compressible(entry.name)) continue;
      const data = fs.readFileSync(full);
      const br = zlib.brotliCompressSync(data, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
          [zlib.constants.BROTLI_PARAM_MODE]: entry.name.endsWith('.wasm') ? zlib.constants.BROTLI_MODE_GENERIC : zlib.constants.BROTLI_MODE_TEXT,
        },
      });
      const gz = zlib.gzipSync(data, { level: 9 });
      totals.files += 1;
      totals.raw += data.length;
      for (const [suffix, copy] of [['.br', br], ['.gz', gz]]) {
        fs.rmSync(full + suffix, { force: true });
        if (copy.length < data.length) fs.writeFileSync(full + suffix, copy);
      }
      totals.br += Math.min(br.length, data.length);
      totals.gz += Math.min(gz.length, data.length);
    }
  };
  walk(site);
  return totals;
}

if (process.argv[1] && path.resolve(process.argv[1]) === new URL(import.meta.url).pathname) {
  const site = process.argv[2];
  if (!site || !fs.existsSync(site)) {
    console.error('usage: node tools/compress-site.mjs <site folder>');
    process.exit(2);
  }
  const t = compressSite(site);
  const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
  console.log(`[compress] ${t.files} files: ${kb(t.raw)} raw, ${kb(t.gz)} gzip, ${kb(t.br)} brotli`);
}
