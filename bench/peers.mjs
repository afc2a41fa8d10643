#!/usr/bin/env node
// Side by side: the Zhangjiakou 以老养残 family conditions (pack 000, §二: hukou, carer,
// hardship, voluntary, cared-for, insurance, no other supporter, not 特困) written for three
// general-purpose rule engines, against carecheck's own wasm module on the same households.
//
//   node bench/peers.mjs [households] [seconds]      (needs tools/build.sh native wasm)
//
// Not the same work, and the numbers say so: the peers compute one true/false with two-valued
// logic (a missing answer is just false); carecheck's check() evaluates every program of the
// pack with three-valued logic, the missing facts, amounts and a cited explanation trace.
// Printed numbers only; nothing is asserted about time.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const N = Number(process.argv[2] ?? 2000);
const SECONDS = Number(process.argv[3] ?? 2);
const PACK = '000-zhangjiakou.pack.json';

// --- Households: carecheck_bench's generator, on a rule set of the catalogue + pack 000.
const benchBin = path.join(ROOT, 'build/native/bench/carecheck_bench');
if (!fs.existsSync(benchBin)) {
  console.error('peers.mjs: build/native/bench/carecheck_bench missing; run: bash tools/build.sh native');
  process.exit(1);
}
const ruleDir = fs.mkdtempSync(path.join(os.tmpdir(), 'carecheck-peers-'));
for (const f of ['facts.json', PACK]) fs.copyFileSync(path.join(ROOT, 'rules', f), path.join(ruleDir, f));
const households = execFileSync(benchBin, ['--emit-jsonl', String(N), '--rules', ruleDir],
  { maxBuffer: 1 << 30 }).toString().trim().split('\n').map((l) => JSON.parse(l));
fs.rmSync(ruleDir, { recursive: true, force: true });

// --- The same conditions in each engine's language.
const LISTED = { intellectual: 3, mental: 3, physical: 2, visual: 1 };

const jsonLogicRule = (() => {
  const has = (role) => ({ in: [role, { var: 'roles' }] });
  const f = (name) => ({ var: `facts.${name}` });
  const listed = { or: [
    ...Object.entries(LISTED).map(([type, max]) =>
      ({ and: [{ '==': [f('disability_type'), type] }, { '<=': [f('disability_level'), max] }] })),
    { and: [{ '==': [f('disability_type'), 'multiple'] }, { '==': [f('multiple_has_listed_part'), true] }] },
  ] };
  return { and: [
    { '==': [{ substr: [{ var: ['facts.hukou_region', ''] }, 0, 4] }, '1307'] },
    { some: [{ var: 'members' }, { and: [has('carer'), { '>=': [f('age'), 60] },
      { in: [f('ability_level'), ['mild', 'moderate', 'severe']] }] }] },
    { '==': [{ var: 'facts.economic_hardship' }, true] },
    { '==': [{ var: 'facts.yilao_voluntary' }, true] },
    { some: [{ var: 'members' }, { and: [has('cared_for'), { '==': [f('disability_certificate'), true] }, listed] }] },
    { all: [{ var: 'members' }, { in: [f('medical_insurance'), ['employee', 'resident']] }] },
    { or: [{ '==': [{ var: 'facts.has_other_relatives' }, false] }, { some: [{ var: 'members' }, has('relative')] }] },
    { none: [{ var: 'members' }, { and: [has('relative'), { '==': [f('has_support_duty'), true] }] }] },
    { '!': { in: ['tekun', { var: ['facts.household_support', []] }] } },
  ] };
})();

const zenExpression = [
  "startsWith(facts.hukou_region ?? '', '1307')",
  "some(members, 'carer' in #.roles and (#.facts.age ?? 0) >= 60 and #.facts.ability_level in ['mild', 'moderate', 'severe'])",
  'facts.economic_hardship == true',
  'facts.yilao_voluntary == true',
  "some(members, 'cared_for' in #.roles and #.facts.disability_certificate == true and (" +
    Object.entries(LISTED).map(([t, max]) => `(#.facts.disability_type == '${t}' and (#.facts.disability_level ?? 9) <= ${max})`).join(' or ') +
    " or (#.facts.disability_type == 'multiple' and #.facts.multiple_has_listed_part == true)))",
  "all(members, #.facts.medical_insurance in ['employee', 'resident'])",
  "(facts.has_other_relatives == false or some(members, 'relative' in #.roles))",
  "none(members, 'relative' in #.roles and #.facts.has_support_duty == true)",
  "not ('tekun' in (facts.household_support ?? []))",
].map((e) => `(${e})`).join(' and ');

// json-rules-engine has no quantifiers: the per-member tests are JSONPath filters over the
// members fact, with two small operators for "some match" and "none match".
async function jsonRulesEngine() {
  const { Engine } = require('json-rules-engine');
  const engine = new Engine([], { allowUndefinedFacts: true });
  engine.addOperator('someMatch', (a) => Array.isArray(a) && a.length > 0);
  engine.addOperator('noneMatch', (a) => !Array.isArray(a) || a.length === 0);
  engine.addOperator('startsWith', (a, b) => typeof a === 'string' && a.startsWith(b));
  engine.addOperator('lacks', (a, b) => !Array.isArray(a) || !a.includes(b));
  const listed = Object.entries(LISTED)
    .map(([t, max]) => `(@.facts.disability_type === '${t}' && @.facts.disability_level <= ${max})`)
    .concat(["(@.facts.disability_type === 'multiple' && @.facts.multiple_has_listed_part === true)"])
    .join(' || ');
  engine.addRule({
    name: 'family-qualifies',
    conditions: { all: [
      { fact: 'facts', path: '$.hukou_region', operator: 'startsWith', value: '1307' },
      { fact: 'members', path: "$[?(@.roles.includes('carer') && @.facts.age >= 60 && ['mild','moderate','severe'].includes(@.facts.ability_level))]", operator: 'someMatch', value: true },
      { fact: 'facts', path: '$.economic_hardship', operator: 'equal', value: true },
      { fact: 'facts', path: '$.yilao_voluntary', operator: 'equal', value: true },
      { fact: 'members', path: `$[?(@.roles.includes('cared_for') && @.facts.disability_certificate === true && (${listed}))]`, operator: 'someMatch', value: true },
      { fact: 'members', path: "$[?(!['employee','resident'].includes(@.facts.medical_insurance))]", operator: 'noneMatch', value: true },
      { any: [
        { fact: 'facts', path: '$.has_other_relatives', operator: 'equal', value: false },
        { fact: 'members', path: "$[?(@.roles.includes('relative'))]", operator: 'someMatch', value: true },
      ] },
      { fact: 'members', path: "$[?(@.roles.includes('relative') && @.facts.has_support_duty === true)]", operator: 'noneMatch', value: true },
      { fact: 'facts', path: '$.household_support', operator: 'lacks', value: 'tekun' },
    ] },
    event: { type: 'qualifies' },
  });
  return async (h) => (await engine.run({ facts: h.facts, members: h.members })).events.length > 0;
}

async function carecheckWasm() {
  const { newCarecheck } = await import('../tests/wasm/carecheck-module.mjs');
  const cc = await newCarecheck();
  const files = ['facts.json', PACK].map((f) => ({
    name: `rules/${f}`, text: fs.readFileSync(path.join(ROOT, 'rules', f), 'utf8') }));
  const loaded = JSON.parse(cc.load(JSON.stringify(files)));
  if (!loaded.ok) throw new Error(`carecheck did not load: ${JSON.stringify(loaded.error)}`);
  return cc;
}

async function time(name, fn, note) {
  const isAsync = fn(households[0]) instanceof Promise;
  const pass = isAsync
    ? async () => { for (const h of households) await fn(h); }
    : () => { for (const h of households) fn(h); };
  await pass(); // warm-up
  let calls = 0;
  let elapsed = 0;
  const start = process.hrtime.bigint();
  do {
    await pass();
    calls += households.length;
    elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  } while (elapsed < SECONDS);
  const perSecond = calls / elapsed;
  console.log(`${name.padEnd(44)} ${perSecond.toFixed(0).padStart(9)} households/s ` +
    `${(1e6 / perSecond).toFixed(1).padStart(8)} us  ${note}`);
}

const jsonLogic = require('json-logic-js');
const zen = require('@gorules/zen-engine');
const jre = await jsonRulesEngine();
const cc = await carecheckWasm();

// Agreement with carecheck's home-foster-care status (eligible or local decision = qualifies),
// on the generated households and on pack 000's own cases (written to hit both sides of
// every condition), leaving out households where carecheck still needs answers.
const cases = JSON.parse(fs.readFileSync(path.join(ROOT, 'rules', PACK.replace('.pack.', '.cases.')), 'utf8'))
  .cases.map((c) => c.household);
const statusOf = (h) => {
  const r = JSON.parse(cc.check(JSON.stringify(h), '2026-11-23'));
  const p = r.ok && r.packs[0].programs.find((x) => x.id === 'home-foster-care');
  return p ? p.status : 'error';
};
const ccStatus = households.map(statusOf);
const caseStatus = cases.map(statusOf);
const agreement = async (fn) => {
  const count = async (list, statuses) => {
    let same = 0, n = 0;
    for (let i = 0; i < list.length; i++) {
      if (statuses[i] === 'needs_answers' || statuses[i] === 'error') continue;
      n++;
      const yes = statuses[i] === 'eligible' || statuses[i] === 'depends_on_local_decision';
      if ((await fn(list[i])) === yes) same++;
    }
    return `${same}/${n}`;
  };
  return `same answer as carecheck: generated ${await count(households, ccStatus)}, ` +
    `cases ${await count(cases, caseStatus)}`;
};

const counts = ccStatus.reduce((m, s) => ({ ...m, [s]: (m[s] || 0) + 1 }), {});
const caseCounts = caseStatus.reduce((m, st) => ({ ...m, [st]: (m[st] || 0) + 1 }), {});
console.log(`peers: ${households.length} generated households (pack 000 catalogue, seed 20261123), ${cases.length} cases`);
console.log(`carecheck home-foster-care: generated ${JSON.stringify(counts)}, cases ${JSON.stringify(caseCounts)}`);
const jl = (h) => jsonLogic.apply(jsonLogicRule, h) === true;
const zz = (h) => zen.evaluateExpressionSync(zenExpression, h) === true;
const programs = JSON.parse(fs.readFileSync(path.join(ROOT, 'rules', PACK), 'utf8')).programs.length;
await time(`carecheck wasm screen() (${programs} programs)`, (h) => cc.screen(JSON.stringify(h), '2026-11-23'), 'three-valued, every program of pack 000, statuses + amounts + missing facts, no explanations');
await time(`carecheck wasm check() (${programs} programs)`, (h) => cc.check(JSON.stringify(h), '2026-11-23'), 'three-valued, explained, all programs of pack 000');
await time('json-logic-js 2.0.5', jl, await agreement(jl));
await time('@gorules/zen-engine 0.52.1 (expression)', zz, await agreement(zz));
await time('json-rules-engine 7.3.1', jre, await agreement(jre));
