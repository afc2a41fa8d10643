#!/usr/bin/env node
// The same work in three general-purpose rule engines and in carecheck: every program of packs 000
// (Zhangjiakou, household-level) and 003 (Huitong, per elder, item 18 per household), each
// program's status (eligible / not_eligible / depends_on_local_decision / worth_asking) and its
// yearly figure, on the same households, given to every engine as JSON text.
//
//   node bench/peers.mjs [households] [seconds]    (needs tools/build.sh native wasm)
//
// The peer rules are generated from the packs by bench/peers/translate.mjs (no program is written
// by hand; the per-elder loop and json-rules-engine's arithmetic are this file's); the households (bench/peers/households.mjs) answer every fact, so the peers'
// two-valued logic and carecheck's three-valued logic cannot differ. Every peer's statuses and
// yearly figures are checked against carecheck wasm screen() and every difference is listed.
// Timed per engine, in this one run, the engines taking turns: JSON.parse of the household's text
// (carecheck parses its own) and every program; carecheck native is `carecheck batch` over the same households as JSON
// Lines, one process, wall time including start-up and loading the rules.
// Printed numbers only; nothing is asserted about time.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { generateHouseholds } from './peers/households.mjs';
import { contextsOf, factTable, finishYearly, jsonLogic, jsonRules, jsonRulesOperators, programsIn, zen } from './peers/translate.mjs';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const N = Number(process.argv[2] ?? 2000);
const SECONDS = Number(process.argv[3] ?? 2);
const AS_OF = '2026-11-23';
const PACK_FILES = ['000-zhangjiakou.pack.json', '003-huitong.pack.json'];
const BUILD = path.resolve(ROOT, process.env.CARECHECK_BUILD ?? 'build/native');
const CLI = path.join(BUILD, 'cli/carecheck');
if (!fs.existsSync(CLI)) {
  console.error(`peers.mjs: ${CLI} missing; run: bash tools/build.sh native wasm`);
  process.exit(1);
}

const readJson = (f) => JSON.parse(fs.readFileSync(path.join(ROOT, 'rules', f), 'utf8'));
const catalogue = readJson('facts.json');
const packs = PACK_FILES.map(readJson);
const cases = PACK_FILES.flatMap((f) => readJson(f.replace('.pack.', '.cases.')).cases.filter((c) => c.household).map((c) => c.household));
const facts = factTable(catalogue, packs);
const texts = generateHouseholds(N, catalogue, packs, cases, { asOf: AS_OF }).map((h) => JSON.stringify(h));

// ------------------------------------------------------------------ the engines
// Each engine: one function from a household's JSON text to its raw results, and `decode` turning
// those into [{pack, program, member?, status, yearly}] for the comparison (not timed).

// The contexts of one household: per pack, the household and each member in a for_each role.
function contexts(h, pack) {
  const base = { h: h.facts ?? {}, members: h.members ?? [], p: h.parameters ?? {} };
  const out = [];
  for (const ctx of contextsOf(pack)) {
    if (ctx === 'household') out.push({ ctx, data: base, member: undefined });
    else for (const m of base.members) if (ctx === '*' || m.roles.includes(ctx)) out.push({ ctx, data: { ...base, m: m.facts, roles: m.roles }, member: m.id });
  }
  return out;
}

const decodeWith = (h, raw) => {
  const rows = [];
  let k = 0;
  for (const pack of packs) {
    for (const { ctx, member } of contexts(h, pack)) {
      const out = raw[k++];
      programsIn(pack, ctx).forEach((p, i) => rows.push({ pack: pack.id, program: p.id, member, status: out[i][0], yearly: out[i][1] }));
    }
  }
  return rows;
};

function jsonLogicEngine() {
  const jl = require('json-logic-js');
  const rules = packs.map((pack) => Object.fromEntries(contextsOf(pack).map((c) => [c, jsonLogic(pack, c, facts)])));
  return {
    name: `json-logic-js ${require('json-logic-js/package.json').version}`,
    run: (text) => {
      const h = JSON.parse(text);
      const raw = [];
      packs.forEach((pack, i) => { for (const { ctx, data } of contexts(h, pack)) raw.push(jl.apply(rules[i][ctx], data)); });
      return raw;
    },
    decode: (text, raw) => decodeWith(JSON.parse(text), raw),
  };
}

function zenExpressionEngine() {
  const z = require('@gorules/zen-engine');
  const exprs = packs.map((pack) => Object.fromEntries(contextsOf(pack).map((c) => [c, zen(pack, c, facts)])));
  return {
    name: `@gorules/zen-engine ${require('@gorules/zen-engine/package.json').version} expression (sync)`,
    run: (text) => {
      const h = JSON.parse(text);
      const raw = [];
      packs.forEach((pack, i) => { for (const { ctx, data } of contexts(h, pack)) raw.push(z.evaluateExpressionSync(exprs[i][ctx], data)); });
      return raw;
    },
    decode: (text, raw) => decodeWith(JSON.parse(text), raw),
  };
}

// A decision graph per (pack, context): input → one expression node → output, loaded once.
function zenGraphEngine() {
  const { ZenEngine } = require('@gorules/zen-engine');
  const engine = new ZenEngine();
  const graph = (expr) => engine.createDecision({
    nodes: [
      { id: 'in', type: 'inputNode', name: 'household', position: { x: 0, y: 0 } },
      { id: 'programs', type: 'expressionNode', name: 'programs', position: { x: 200, y: 0 },
        content: { expressions: [{ id: 'r', key: 'r', value: expr }] } },
      { id: 'out', type: 'outputNode', name: 'result', position: { x: 400, y: 0 } },
    ],
    edges: [{ id: 'e1', sourceId: 'in', targetId: 'programs', type: 'edge' }, { id: 'e2', sourceId: 'programs', targetId: 'out', type: 'edge' }],
  });
  const decisions = packs.map((pack) => Object.fromEntries(contextsOf(pack).map((c) => [c, graph(zen(pack, c, facts))])));
  return {
    name: `@gorules/zen-engine ${require('@gorules/zen-engine/package.json').version} decision graph (async)`,
    run: async (text) => {
      const h = JSON.parse(text);
      const pending = [];
      packs.forEach((pack, i) => { for (const { ctx, data } of contexts(h, pack)) pending.push(decisions[i][ctx].evaluate(data)); });
      return (await Promise.all(pending)).map((r) => r.result.r);
    },
    decode: (text, raw) => decodeWith(JSON.parse(text), raw),
  };
}

function jsonRulesEngine() {
  const { Engine } = require('json-rules-engine');
  const compiled = packs.map((pack) => Object.fromEntries(contextsOf(pack).map((c) => {
    const t = jsonRules(pack, c, facts);
    const engine = new Engine(t.rules, { allowUndefinedFacts: true });
    jsonRulesOperators(engine);
    return [c, { engine, n: t.programs.length, yearly: t.yearly }];
  })));
  const flat = (data) => {
    const f = { members: data.members, roles: data.roles ?? [] };
    for (const k in data.h) f[`h_${k}`] = data.h[k];
    if (data.m) for (const k in data.m) f[`m_${k}`] = data.m[k];
    return f;
  };
  return {
    name: `json-rules-engine ${require('json-rules-engine/package.json').version}`,
    run: async (text) => {
      const h = JSON.parse(text);
      const raw = [];
      for (let i = 0; i < packs.length; i++) {
        for (const { ctx, data } of contexts(h, packs[i])) {
          const c = compiled[i][ctx];
          const { events } = await c.engine.run(flat(data));
          const out = Array.from({ length: c.n }, () => ['not_eligible', null]);
          const cases = [];
          for (const e of events) {
            if (e.type === 'status') out[e.params.i][0] = e.params.status;
            else cases[e.params.i] = e.params.k;
          }
          c.yearly.forEach((t, j) => {
            const picked = t.cases ? (cases[j] !== undefined ? t.cases[cases[j]] : t.otherwise) : t;
            out[j][1] = finishYearly(picked, data.members, data.p);
          });
          raw.push(out);
        }
      }
      return raw;
    },
    decode: (text, raw) => decodeWith(JSON.parse(text), raw),
  };
}

async function carecheckWasm() {
  const { newCarecheck } = await import('../tests/wasm/carecheck-module.mjs');
  const cc = await newCarecheck();
  const files = ['facts.json', ...PACK_FILES].map((f) => ({ name: `rules/${f}`, text: fs.readFileSync(path.join(ROOT, 'rules', f), 'utf8') }));
  const loaded = JSON.parse(cc.load(JSON.stringify(files)));
  if (!loaded.ok) throw new Error(`carecheck did not load: ${JSON.stringify(loaded.error)}`);
  return {
    name: 'carecheck wasm screen()',
    run: (text) => cc.screen(text, AS_OF),
    decode: (text, raw) => screenRows(JSON.parse(raw)),
  };
}

function screenRows(line) {
  if (!line.ok) throw new Error(`carecheck screen failed: ${JSON.stringify(line.error)}`);
  return line.results.map((r) => ({ pack: r.pack, program: r.program, member: r.member, status: r.status, yearly: r.yearly }));
}

// ------------------------------------------------------------------ checking
const keyOf = (r) => `${r.program}${r.member ? `@${r.member}` : ''}`;
const sameYearly = (a, b) => (a == null || b == null ? a == null && b == null : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)));

/** Differences from the reference rows, counted per program and kind. */
function differences(reference, rowsOf) {
  const diff = new Map();
  const add = (program, what, example = '') => {
    const k = `${program}: ${what}`;
    const d = diff.get(k) ?? { n: 0, example };
    d.n += 1;
    diff.set(k, d);
  };
  reference.forEach((ref, i) => {
    const got = new Map(rowsOf(i).map((r) => [keyOf(r), r]));
    for (const r of ref) {
      const g = got.get(keyOf(r));
      got.delete(keyOf(r));
      if (!g) add(r.program, 'missing');
      else {
        if (g.status !== r.status) add(r.program, `status ${g.status}, carecheck ${r.status}`);
        if (!sameYearly(g.yearly, r.yearly)) add(r.program, 'yearly figure differs', ` (first: ${g.yearly}, carecheck ${r.yearly})`);
      }
    }
    for (const g of got.values()) add(g.program, 'extra entry');
  });
  return diff;
}

// ------------------------------------------------------------------ timing
// Households per second, cycling through the households (the checking pass before it has warmed
// the engines up). The engines take turns: ROUNDS rounds of SECONDS / ROUNDS each, so a burst of
// load from elsewhere on the machine falls on all of them rather than on one.
const ROUNDS = 4;
async function timeAll(engines) {
  const acc = engines.map((e) => ({ isAsync: e.run(texts[0]) instanceof Promise, n: 0, seconds: 0 }));
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < engines.length; i++) {
      const a = acc[i];
      const run = engines[i].run;
      let elapsed = 0;
      const start = process.hrtime.bigint();
      do {
        if (a.isAsync) for (let k = 0; k < 32; k++, a.n++) await run(texts[a.n % texts.length]);
        else for (let k = 0; k < 32; k++, a.n++) run(texts[a.n % texts.length]);
        elapsed = Number(process.hrtime.bigint() - start) / 1e9;
      } while (elapsed < SECONDS / ROUNDS);
      a.seconds += elapsed;
    }
  }
  return acc.map((a) => a.n / a.seconds);
}

// `carecheck batch` over the households as JSON Lines (repeated until it runs about SECONDS).
function timeNative() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carecheck-peers-'));
  try {
    const rules = path.join(dir, 'rules');
    fs.mkdirSync(rules);
    for (const f of ['facts.json', ...PACK_FILES]) fs.copyFileSync(path.join(ROOT, 'rules', f), path.join(rules, f));
    const run = (copies) => {
      const input = path.join(dir, 'in.jsonl');
      const body = `${texts.join('\n')}\n`;
      fs.writeFileSync(input, body.repeat(copies));
      const fd = fs.openSync(input, 'r');
      const start = process.hrtime.bigint();
      const r = spawnSync(CLI, ['batch', rules, '--quiet'], { stdio: [fd, 'pipe', 'pipe'], maxBuffer: 1 << 30 });
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      fs.closeSync(fd);
      if (r.status !== 0) throw new Error(`carecheck batch exited ${r.status}: ${r.stderr}`);
      return { lines: texts.length * copies, seconds, out: r.stdout.toString().trim().split('\n') };
    };
    let t = run(1);
    const first = t.out.slice(0, texts.length).map((l) => screenRows(JSON.parse(l)));
    if (t.seconds < SECONDS) t = run(Math.max(2, Math.ceil(SECONDS / Math.max(t.seconds, 1e-3))));
    return { perSecond: t.lines / t.seconds, lines: t.lines, rows: first };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------ the run
// (One try: the wasm module's own uncaught-exception handler would print its whole source line.)
try {
  const wasm = await carecheckWasm();
  const reference = texts.map((t) => wasm.decode(t, wasm.run(t)));
  const statusCounts = {};
  for (const rows of reference) for (const r of rows) statusCounts[r.status] = (statusCounts[r.status] ?? 0) + 1;
  const entries = reference.reduce((s, r) => s + r.length, 0);

  const peers = [jsonLogicEngine(), zenExpressionEngine(), zenGraphEngine(), jsonRulesEngine()];
  const results = [];
  for (const e of peers) {
    const rows = [];
    for (const t of texts) rows.push(e.decode(t, await e.run(t)));
    results.push({ name: e.name, diff: differences(reference, (i) => rows[i]) });
  }
  const rates = await timeAll([...peers, wasm]);
  results.forEach((r, i) => { r.perSecond = rates[i]; });
  const wasmRate = rates[peers.length];
  const native = timeNative();
  const nativeDiff = differences(reference, (i) => native.rows[i]);

  const programs = packs.reduce((s, p) => s + p.programs.length, 0);
  console.log(`peers: ${texts.length} generated households, every fact answered (half grown from the packs' cases), ` +
    `packs 000 + 003 (${programs} programs), ${entries} program entries: ${JSON.stringify(statusCounts)}`);
  console.log('every engine: the household as JSON text, every program\'s status and yearly figure; differences are against carecheck wasm screen()');
  const rows = [
    ...results.map((r) => ({ name: r.name, rate: r.perSecond, diff: r.diff })),
    { name: 'carecheck wasm screen()', rate: wasmRate, diff: null },
    { name: `carecheck native \`batch\` (${native.lines} lines, one process)`, rate: native.perSecond, diff: nativeDiff },
  ];
  const total = (d) => [...d.values()].reduce((a, b) => a + b.n, 0);
  console.log(`${'engine'.padEnd(62)} ${'households/s'.padStart(12)} ${'µs each'.padStart(9)} ${'÷ wasm'.padStart(7)}  differences`);
  for (const r of rows) {
    console.log(`${r.name.padEnd(62)} ${r.rate.toFixed(0).padStart(12)} ${(1e6 / r.rate).toFixed(1).padStart(9)} ` +
      `${(r.rate / wasmRate).toFixed(2).padStart(7)}  ${r.diff ? `${total(r.diff)} of ${entries}` : '(reference)'}`);
  }
  for (const r of rows) {
    if (!r.diff || r.diff.size === 0) continue;
    console.log(`differences, ${r.name}:`);
    for (const [k, d] of [...r.diff].sort()) console.log(`  ${k}: ${d.n}${d.example}`);
  }
} catch (err) {
  console.error(`peers.mjs: ${err.stack ?? err}`);
  process.exit(1);
}
