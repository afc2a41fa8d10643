// The roster's files without a browser: the backup reader's errors, CSV quoting, and the
// offline copy holding every file of the built site.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { SITE } from './browser.mjs';
import {
  BACKUP_LIMITS, duplicateRecord, newRecord, rosterFromJson, rosterToJson, toCsv, tooDeep,
} from '../../web/js/roster-file.js';
import { familyMoney, familyYearly, groupChoices, summarise, toApplyFor, worthAsking } from '../../web/js/result-summary.js';

test('a backup reads back exactly as written', () => {
  const a = newRecord('王家', '三组', '431225');
  a.state.members[0].facts.age = 85;
  a.state.papers = { 户口本: true };
  const b = duplicateRecord(a, '王家（复制）');
  assert.notEqual(b.id, a.id);
  assert.notEqual(b.state, a.state, 'a copy does not share answers with the original');
  const read = rosterFromJson(rosterToJson([a, b]));
  assert.equal(read.ok, true);
  assert.deepEqual(read.households.map((r) => r.id).sort(), [a.id, b.id].sort());
  assert.deepEqual(read.households.find((r) => r.id === a.id), a);

  const older = JSON.parse(rosterToJson([a]));
  delete older.households[0].revision; // backups made before revisions existed
  assert.equal(rosterFromJson(JSON.stringify(older)).ok, true, 'a backup without revisions still imports');
});

/** Text of a list nested `levels` deep, built as text: JSON.stringify itself recurses. */
const nestedList = (levels) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

test('a backup with answers nested deeper than the engine reads is refused, naming the household and the answer', () => {
  const good = newRecord('王家', '', '431225');
  const bad = newRecord('李家', '', '431225');
  bad.created = '2099-01-01T00:00:00.000Z'; // second in the file
  bad.state.facts.economic_hardship = 'DEEP';
  const text = rosterToJson([good, bad]).replace('"DEEP"', nestedList(2000));
  const read = rosterFromJson(text);
  assert.equal(read.ok, false, 'nothing of the file is imported');
  assert.deepEqual(read.problems.map(({ path: at, limit, household }) => ({ at, limit, household })),
    [{ at: '/households/1/state/facts/economic_hardship/0/0/0/0/…', limit: 'too_deep', household: '李家' }]);

  // What the engine and a real household need stays well inside the limit.
  // Answers (1) > facts (2) > the value: 62 more levels make 64.
  const nestedFact = (levels) => {
    const backup = JSON.parse(rosterToJson([good]));
    backup.households[0].state.facts.household_support = JSON.parse(nestedList(levels));
    return rosterFromJson(JSON.stringify(backup)).ok;
  };
  assert.equal(nestedFact(BACKUP_LIMITS.depth - 2), true, 'nested exactly to the limit is fine');
  assert.equal(nestedFact(BACKUP_LIMITS.depth - 1), false, 'one more level is not');
  assert.equal(tooDeep(JSON.parse(nestedList(BACKUP_LIMITS.depth))), null);
  assert.deepEqual(tooDeep(JSON.parse(nestedList(BACKUP_LIMITS.depth + 1))), new Array(BACKUP_LIMITS.depth).fill('0'));
});

test('a backup with more households than one phone keeps is refused, naming the limit', () => {
  const backup = JSON.parse(rosterToJson([newRecord('王家', '', '')]));
  backup.households = Array.from({ length: BACKUP_LIMITS.households + 1 }, (_, i) => ({ ...backup.households[0], id: `h-${i}` }));
  const read = rosterFromJson(JSON.stringify(backup));
  assert.equal(read.ok, false);
  assert.deepEqual(read.problems.map((p) => [p.path, p.limit]), [['/households', 'too_many_households']]);
});

test('a damaged backup is refused with the JSON pointer of every problem', () => {
  const good = JSON.parse(rosterToJson([newRecord('王家', '', '')]));
  const cases = [
    ['{', ''],
    ['[]', ''],
    [JSON.stringify({ ...good, format: 'other' }), '/format'],
    [JSON.stringify({ ...good, households: [{ ...good.households[0], name: 7 }] }), '/households/0/name'],
    [JSON.stringify({ ...good, households: [good.households[0], good.households[0]] }), '/households/1/id'],
    [JSON.stringify({ ...good, households: [{ ...good.households[0], revision: 'new' }] }), '/households/0/revision'],
    [JSON.stringify({ ...good, households: [{ ...good.households[0], state: { ...good.households[0].state, members: [{ id: 'p1', roles: 'elder', facts: {} }] } }] }),
      '/households/0/state/members/0/roles'],
  ];
  for (const [text, pointer] of cases) {
    const read = rosterFromJson(text);
    assert.equal(read.ok, false, text);
    assert.ok(read.problems.some((p) => p.path === pointer), `${text} → ${JSON.stringify(read.problems)}`);
  }
});

test('CSV: BOM, CRLF, quoted commas, quotes and line breaks, formulas kept as text', () => {
  const csv = toCsv(['户名', '备注'], [['刘"大"娘, 独居', '第一行\n第二行'], ['=1+1', '-3'], ['@x', 5]]);
  assert.equal(csv, '\uFEFF户名,备注\r\n"刘""大""娘, 独居","第一行\n第二行"\r\n\'=1+1,\'-3\r\n\'@x,5\r\n');
});

test('the offline copy (the built sw.js) holds every file of the site, each as built', () => {
  // tools/bundle-site.mjs writes the list from the staged files: none can be forgotten, and a
  // listed file's hash is the file's, so the service worker refuses a copy from another deploy.
  const sw = fs.readFileSync(path.join(SITE, 'sw.js'), 'utf8');
  const list = JSON.parse(sw.match(/const PRECACHE = (\[.*?\]);/s)?.[1] ?? '[]');
  const listed = new Map(list.map(([file, integrity]) => [file, integrity]));
  const walk = (dir) => fs.readdirSync(path.join(SITE, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    return entry.isDirectory() ? walk(rel) : [rel];
  });
  const site = walk('').filter((file) => !/^(sw\.js|demo\/)|\.(br|gz)$|LICENSE/.test(file));
  assert.ok(site.some((file) => /^js\/.+\.js$/.test(file)) && site.includes('carecheck.wasm'), 'the site is built');
  for (const file of site) {
    assert.ok(listed.has(file), `sw.js does not cache ${file}`);
    const hash = `sha256-${crypto.createHash('sha256').update(fs.readFileSync(path.join(SITE, file))).digest('base64')}`;
    assert.equal(listed.get(file), hash, `${file}: the hash sw.js checks is the file's`);
  }
  assert.deepEqual([...listed.keys()].filter((file) => !site.includes(file)), [], 'sw.js lists no file the site lacks');
});

test('the summary keeps a choose-one group together, best first, and what is only worth asking about apart', () => {
  const program = (id, kind, status, extra = {}) => ({ id, kind, status, name: { zh: id, en: id }, ...extra });
  const result = {
    as_of: '2026-11-23',
    packs: [{
      id: 'p',
      exclusive_groups: [{ id: 'modes', name: { zh: '只能选一种', en: 'one of' }, ranked: [{ program: 'b' }, { program: 'a' }] }],
      programs: [
        program('a', 'service_mode', 'eligible', { exclusive_group: 'modes', apply: { documents: [{ zh: '户口本', en: 'hukou' }] } }),
        program('b', 'service_mode', 'eligible', { exclusive_group: 'modes' }),
        program('c', 'subsidy', 'depends_on_local_decision'),
        program('d', 'related_policy', 'worth_asking', { apply: { documents: [{ zh: '低保证', en: 'dibao card' }] } }),
        program('e', 'subsidy', 'not_eligible'),
        program('f', 'provider_subsidy', 'eligible'),
        program('g', 'related_policy', 'needs_answers'),
      ],
    }],
  };
  const summary = summarise(result, { ok: true, questions: [], remaining: 2 }, { region: '130722', papers: { 户口本: true } });
  assert.deepEqual(toApplyFor(summary).map((p) => p.program), ['a', 'b', 'c']);
  assert.deepEqual(worthAsking(summary).map((p) => p.program), ['d']);
  assert.ok(!summary.programs.some((p) => p.program === 'd'), 'a policy worth asking about is not among the programs the family may get');
  assert.deepEqual(summary.programs.map((p) => p.program), ['a', 'b', 'c', 'g'], 'undecided programs stay, by the engine\'s status');
  const entries = groupChoices(summary, toApplyFor(summary));
  assert.deepEqual(entries.map((e) => [e.group?.id ?? null, e.programs.map((p) => p.program)]), [['modes', ['b', 'a']], [null, ['c']]]);
  assert.equal(summary.open_questions, 2);
  assert.deepEqual(summary.papers.map((p) => p.zh), ['户口本'], 'papers are for what the family applies for, not for what it only asks about');
  assert.deepEqual(summary.missing_papers, [], 'a paper ticked as ready is not missing');
});

test('the summary says who receives each amount; only money paid to the family counts as the family\'s', () => {
  const amount = (yearly, paidTo, extra = {}) => ({ kind: 'fixed', yearly, paid_to: paidTo, text: { zh: `${yearly} 元/年`, en: `${yearly} yuan a year` }, ...extra });
  const result = {
    as_of: '2026-11-23',
    packs: [{
      id: 'p',
      programs: [
        { id: 'home', kind: 'service_mode', status: 'eligible', name: { zh: '居家', en: 'home' }, amount: amount(1500, 'service_provider') },
        { id: 'care-home', kind: 'service_mode', status: 'eligible', name: { zh: '机构', en: 'home' }, amount: amount(24000, 'institution', { suggested: true }) },
        { id: 'meal', kind: 'subsidy', status: 'eligible', name: { zh: '助餐', en: 'meals' }, amount: amount(1095, 'meal_point') },
        { id: 'cash', kind: 'subsidy', status: 'eligible', name: { zh: '高龄补贴', en: 'allowance' }, amount: amount(600, 'family') },
      ],
    }],
  };
  const summary = summarise(result, { ok: true, questions: [] }, { region: '150203' });
  assert.deepEqual(summary.programs.map((p) => [p.program, p.yearly, p.paid_to, p.suggested ?? false]), [
    ['home', 1500, 'service_provider', false], ['care-home', 24000, 'institution', true],
    ['meal', 1095, 'meal_point', false], ['cash', 600, 'family', false],
  ]);
  assert.deepEqual(summary.programs.map(familyYearly), [null, null, null, 600]);
  assert.deepEqual(result.packs[0].programs.map((p) => familyYearly(p.amount)), [null, null, null, 600]);
});

test('money for the family itself: never a care home\'s, a provider\'s or a meal point\'s, one program of a choose-one group', () => {
  const program = (id, status, yearly, paidTo, extra = {}) => ({ id, kind: 'subsidy', status, name: { zh: id, en: id }, amount: { yearly, paid_to: paidTo }, ...extra });
  const money = (packs) => { const { yearly, paidElsewhere } = familyMoney(packs); return { yearly, paidElsewhere }; };
  const meals = { id: 'baotou', programs: [program('meal', 'eligible', 1095, 'meal_point', { member: 'grandma' })] };
  assert.deepEqual(money([meals]), { yearly: 0, paidElsewhere: ['meal_point'] }, 'a meal subsidy is not the family\'s money');
  const mixed = {
    id: 'p',
    programs: [
      program('cash-a', 'eligible', 600, 'family', { exclusive_group: 'g' }),
      program('cash-b', 'eligible', 900, 'family', { exclusive_group: 'g' }),
      program('home', 'eligible', 24000, 'institution', { exclusive_group: 'g' }),
      program('allowance', 'eligible', 1200, 'family', { member: 'a' }),
      program('allowance', 'eligible', 1200, 'family', { member: 'b' }),
      program('maybe', 'depends_on_local_decision', 5000, 'family'),
      program('ask', 'worth_asking', 7000, 'family'),
      program('provider', 'eligible', 9000, 'family', { kind: 'provider_subsidy' }),
    ],
  };
  assert.deepEqual(money([mixed, meals]), { yearly: 900 + 2400, paidElsewhere: ['institution', 'meal_point'] });
  // A floor (不低于) or a family amount with no figure makes the total "at least"; a most is kept apart.
  const floor = { id: 'h', programs: [program('old-age', 'eligible', 240, 'family', { amount: { yearly: 240, bound: 'at_least', paid_to: 'family' } }),
    program('local', 'eligible', null, 'family', { amount: { yearly: null, bound: 'unknown', paid_to: 'family' } }),
    program('days', 'eligible', 1200, 'family', { amount: { yearly: 1200, bound: 'up_to', paid_to: 'family' } })] };
  assert.deepEqual(familyMoney([floor]), { yearly: 240, bound: 'at_least', upTo: 1200, unknown: 1, paidElsewhere: [] });
});
