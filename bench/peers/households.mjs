// Households for the peers benchmark with EVERY fact answered (no null, nothing left out), so a
// peer's two-valued logic (a missing answer is false) and carecheck's three-valued logic cannot
// differ: any status difference is a real disagreement, not a missing answer.
//
// Facts, options and ranges come from the catalogue and the packs' own facts; regions lean on the
// packs' jurisdictions (and pilots). Random households almost never meet pack 000's eight family
// conditions, so half of them start from one of the packs' own test cases (written to hit both
// sides of every condition), have every unanswered fact filled in, and a few answers redrawn.
// Seeded: the same N gives the same households.

/** A small fixed-seed generator (mulberry32). */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function regionsOf(packs) {
  const out = [];
  const add = (j) => {
    if (!j) return;
    if (j.code && !out.includes(j.code)) out.push(j.code);
    for (const p of j.pilots ?? []) add(p);
  };
  for (const p of packs) add(p.meta?.jurisdiction);
  return out;
}

const OTHER_REGIONS = ['110105', '310115', '440305', '510107', '620102'];

/**
 * facts: the catalogue (rules/facts.json) parsed; packs: the packs parsed.
 * Returns N households as objects (as_of fixed, so ages and birth dates agree).
 */
export function generateHouseholds(N, catalogue, packs, cases = [], { seed = 20261123, asOf = '2026-11-23', fromCases = 0.5, redraw = 0.04 } = {}) {
  const r = rng(seed);
  const pick = (list) => list[Math.floor(r() * list.length)];
  const chance = (p) => r() < p;
  const int = (lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
  const facts = [...catalogue.facts];
  for (const p of packs) for (const f of p.facts ?? []) if (!facts.some((x) => x.id === f.id)) facts.push(f);
  const regions = regionsOf(packs);
  const year = Number(asOf.slice(0, 4));

  const region = () => {
    if (!chance(0.85)) return pick(OTHER_REGIONS);
    let code = pick(regions);
    if (code.endsWith('00') && chance(0.6)) code = code.slice(0, 4) + String(int(1, 30)).padStart(2, '0');
    return code;
  };
  const value = (f, age) => {
    switch (f.type) {
      case 'bool': return chance(0.5);
      case 'number': {
        if (f.id === 'age') return age;
        const lo = f.min ?? 0, hi = f.max ?? lo + 100;
        return f.integer || hi - lo <= 20 ? int(lo, hi) : Math.round((lo + r() * (hi - lo)) * 10) / 10;
      }
      case 'one_of': return pick(f.options).id;
      case 'many_of': return f.options.filter(() => chance(0.25)).map((o) => o.id);
      // Born on 1 December: not yet had this year's birthday on 23 November, so years_since = age.
      case 'date': return f.id.includes('birth') ? `${year - age - 1}-12-01` : `${int(year - 20, year - 1)}-06-15`;
      case 'region': return region();
      default: throw new Error(`peers households: fact type ${f.type} of ${f.id}`);
    }
  };
  // A fact with default_from copies its source most of the time (a member's own hukou is the
  // family's, the home is where the hukou is), so the jurisdiction tests pass often enough.
  const withDefault = (f, own, source) => (f.default_from && source !== undefined && chance(0.85) ? structuredClone(source) : own);

  const answered = (v) => v !== undefined && v !== null;
  const yearsSince = (date) => {
    const [y, m, d] = date.split('-').map(Number);
    const [ay, am, ad] = asOf.split('-').map(Number);
    return ay - y - (am < m || (am === m && ad < d) ? 1 : 0);
  };
  const ageOf = (roles) => (roles.includes('elder') ? Math.min(105, 60 + Math.floor(Math.abs(gauss(r)) * 14) - (chance(0.1) ? 3 : 0))
    : roles.includes('cared_for') ? int(5, 65) : roles.includes('carer') ? int(30, 75) : int(0, 90));
  // A case household with every fact answered (age agreeing with a given birth date) and each
  // answer redrawn with probability `redraw`.
  const fromCase = (c) => {
    const h = { as_of: asOf, facts: {}, members: [] };
    for (const f of facts.filter((x) => x.about !== 'member')) {
      const given = c.facts?.[f.id];
      h.facts[f.id] = answered(given) && !chance(redraw) ? structuredClone(given) : value(f, 0);
    }
    (c.members ?? []).forEach((m, i) => {
      const roles = [...(m.roles ?? [])];
      const given = m.facts ?? {};
      let age = answered(given.age) ? given.age : answered(given.birth_date) ? yearsSince(given.birth_date) : ageOf(roles);
      if (chance(redraw)) age = ageOf(roles);
      const mf = {};
      for (const f of facts.filter((x) => x.about === 'member')) {
        if (f.id === 'age') mf.age = age;
        else if (f.type === 'date' && f.id.includes('birth')) mf[f.id] = value(f, age);
        else mf[f.id] = answered(given[f.id]) && !chance(redraw) ? structuredClone(given[f.id]) : value(f, age);
      }
      h.members.push({ id: `m${i + 1}`, roles, facts: mf });
    });
    for (const p of packs) for (const par of p.parameters ?? []) (h.parameters ??= {})[par.id] = c.parameters?.[par.id] ?? int(400, 1200);
    return h;
  };

  const seeds = cases.filter((c) => (c.members ?? []).length > 0);
  const households = [];
  for (let n = 0; n < N; n++) {
    if (seeds.length && chance(fromCases)) {
      households.push(fromCase(pick(seeds)));
      continue;
    }
    const h = { as_of: asOf, facts: {}, members: [] };
    for (const f of facts.filter((x) => x.about !== 'member')) h.facts[f.id] = value(f, 0);
    for (const f of facts.filter((x) => x.about !== 'member' && x.default_from))
      h.facts[f.id] = withDefault(f, h.facts[f.id], h.facts[f.default_from]);
    const size = pick([1, 2, 2, 2, 3, 3, 4, 1, 2, 3]);
    for (let i = 0; i < size; i++) {
      let roles;
      if (i === 0) roles = chance(0.5) ? ['elder', 'carer'] : ['elder'];
      else {
        const k = r();
        roles = k < 0.4 ? ['cared_for'] : k < 0.65 ? (chance(0.3) ? ['elder', 'cared_for'] : ['elder'])
          : k < 0.85 ? ['carer', 'relative'] : ['relative'];
      }
      const age = ageOf(roles);
      const mf = {};
      for (const f of facts.filter((x) => x.about === 'member')) {
        mf[f.id] = value(f, age);
        if (f.default_from) mf[f.id] = withDefault(f, mf[f.id], h.facts[f.default_from]);
      }
      h.members.push({ id: `m${i + 1}`, roles, facts: mf });
    }
    // Every parameter answered too (a formula amount then always has its figure).
    for (const p of packs) for (const par of p.parameters ?? []) (h.parameters ??= {})[par.id] = int(400, 1200);
    households.push(h);
  }
  return households;
}

function gauss(r) {
  const u = 1 - r(), v = r();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
