// The wasm module on its own: its size, check() with full explanation per household, and whether
// its memory stays flat over a long run (heap after 100 000 screen() calls vs after 1 000).
//   node bench/wasm.mjs [households.jsonl]     (default: 2 000 from carecheck_bench --emit-jsonl)
// Printed numbers only; nothing is asserted.
import fs from 'node:fs';
import zlib from 'node:zlib';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { newCarecheckModule, ruleFiles, wasmDir, ROOT } from '../tests/wasm/carecheck-module.mjs';

const AS_OF = '2026-11-23';
const wasmFile = path.join(wasmDir(), 'carecheck.wasm');
const jsFile = path.join(wasmDir(), 'carecheck.js');
const gz = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
console.log(`wasm module: ${fs.statSync(wasmFile).size} B, ${(gz(wasmFile) / 1024).toFixed(1)} KB gzip; loader ${(gz(jsFile) / 1024).toFixed(1)} KB gzip`);

const bench = path.join(ROOT, 'build/native/bench/carecheck_bench');
const text = process.argv[2]
  ? fs.readFileSync(process.argv[2], 'utf8')
  : execFileSync(bench, ['--emit-jsonl', '2000'], { encoding: 'utf8', maxBuffer: 1 << 30 });
const households = text.split('\n').filter(Boolean);

const { module, carecheck } = await newCarecheckModule();
const loaded = JSON.parse(carecheck.load(JSON.stringify(ruleFiles())));
if (!loaded.ok) throw new Error(`the rules do not load: ${JSON.stringify(loaded.error)}`);
const first = JSON.parse(carecheck.check(households[0], AS_OF));
if (!first.ok) throw new Error(`check() failed on the first household: ${JSON.stringify(first.error)}`);
const timed = (name, fn, minSeconds = 2) => {
  for (const h of households.slice(0, 50)) fn(h);  // warm-up
  let calls = 0;
  const start = process.hrtime.bigint();
  let seconds = 0;
  while (seconds < minSeconds) {
    for (const h of households) fn(h);
    calls += households.length;
    seconds = Number(process.hrtime.bigint() - start) / 1e9;
  }
  console.log(`${name.padEnd(40)} ${(calls / seconds).toFixed(0).padStart(8)} households/s ${(seconds * 1e6 / calls).toFixed(1).padStart(8)} µs each`);
};
timed('wasm check() (full explanation)', (h) => carecheck.check(h, AS_OF));
timed('wasm screen()', (h) => carecheck.screen(h, AS_OF));

const heap = () => module.HEAP8.buffer.byteLength;
let done = 0;
const run = (n) => { for (; done < n; done += 1) carecheck.screen(households[done % households.length], AS_OF); };
run(1000);
const after1k = heap();
run(100000);
const after100k = heap();
console.log(`wasm memory: ${(after1k / 1048576).toFixed(2)} MiB after 1 000 households, ${(after100k / 1048576).toFixed(2)} MiB after 100 000 (grew ${after100k - after1k} B)`);
