// Translators from carecheck packs to three general rule engines' own languages, so the peers run
// every program of a pack and stay in step with it (nothing here names a program or a fact).
//
//   jsonLogic(pack, ctx)  → a JSONLogic rule: an array of [status, yearly] per program of ctx
//   zen(pack, ctx)        → one ZEN expression evaluating to the same array
//   jsonRules(pack, ctx)  → json-rules-engine rules whose events carry each program's status
//
// ctx is 'household' (programs without for_each) or a role id (programs with for_each on that
// role; '*' for `for_each: {}`). Every engine is handed the same context data:
//   {h: household facts, m: this member's facts, roles: this member's roles,
//    members: [{id, roles, facts}], p: parameters}
// (json-rules-engine gets them as flat runtime facts h_<id>, m_<id>, roles, members, p_<id>).
//
// Two-valued: a missing answer is false (the peers' households answer every fact). Not expressed,
// because the households answer every fact and so they never apply: `default_from` (an unanswered
// fact taking another's answer) and derived facts (`age` from `birth_date`); a peer reads each
// fact's own answer. Refused with an error naming it, rather than guessed: `program` references,
// household facts read inside a quantifier (JSONLogic's some/none/filter rebind `var` to the
// member; json-rules-engine's filter sees only the member), nested quantifiers, and order
// comparisons on dates. Packs 000 and 003 use none of these.

/** Programs of a pack evaluated in a context, in pack order. */
export function programsIn(pack, ctx) {
  return pack.programs.filter((p) => (ctx === 'household' ? !p.for_each : p.for_each && (p.for_each.role ?? '*') === ctx));
}

/** The contexts a pack needs: 'household' and/or the for_each roles. */
export function contextsOf(pack) {
  const out = [];
  for (const p of pack.programs) {
    const c = p.for_each ? p.for_each.role ?? '*' : 'household';
    if (!out.includes(c)) out.push(c);
  }
  return out;
}

const CMP = ['eq', 'ne', 'lt', 'le', 'gt', 'ge'];
const periodsPerYear = (period) => (period === 'year' ? 1 : period === 'month' ? 12 : 365);
const regionPrefix = (code) => code.replace(/(00)+$/, '');

/** Facts' "about" (household/member) and type, from the catalogue and the pack. */
export function factTable(catalogue, packs) {
  const t = {};
  for (const f of catalogue.facts) t[f.id] = f;
  for (const p of packs) for (const f of p.facts ?? []) t[f.id] = f;
  return t;
}

function opOf(c) {
  const keys = Object.keys(c).filter((k) => k !== 'text' && k !== 'cite');
  if ('fact' in c) return { op: 'fact', test: keys.find((k) => k !== 'fact') };
  if (keys.length !== 1) throw new Error(`peers translate: condition with keys ${keys}`);
  return { op: keys[0] };
}

function namedOf(pack) {
  return Object.fromEntries((pack.conditions ?? []).map((n) => [n.id, n.condition]));
}

// Status of a program from its condition (and local.unless), in any language with if/else:
// the table of docs/rule-format.md, two-valued.
function statusShape(program) {
  const ok = program.kind === 'related_policy' ? 'worth_asking'
    : !program.local ? 'eligible'
      : program.local.unless ? { unless: program.local.unless } : 'depends_on_local_decision';
  return ok;
}

// The yearly figure of an amount as a tree the back ends turn into their language:
//   {const: n} | {param: id, mult: n} | {cases: [[when, tree]…], otherwise: tree} | {times: tree, people: [roles]} | {none}
function yearlyTree(amount, people = amount?.people) {
  if (!amount) return { none: true };
  const leaf = (a) => {
    let t;
    switch (a.kind) {
      case 'fixed': case 'floor': t = { const: a.value * periodsPerYear(a.period) }; break;
      case 'per_day': t = { const: a.max_days_per_month > 0 ? a.value * a.max_days_per_month * 12 : a.value * 365 }; break;
      case 'formula': t = { param: a.parameter, factor: a.factor, ppy: periodsPerYear(a.period) }; break;
      case 'local': return { none: true };
      default: throw new Error(`peers translate: amount kind ${a.kind}`);
    }
    return people?.length && a.per === 'person' ? { times: t, people } : t;
  };
  if (amount.kind === 'by_case') {
    return { cases: amount.cases.map((c) => [c.when, yearlyTree(c.amount, people)]),
      otherwise: amount.otherwise ? yearlyTree(amount.otherwise, people) : { none: true } };
  }
  return leaf(amount);
}

// ---------------------------------------------------------------- JSONLogic

export function jsonLogic(pack, ctx, facts) {
  const named = namedOf(pack);
  // scope: 'household' | 'member' (for_each) | 'element' (inside a quantifier)
  const factVar = (id, scope) => {
    const f = facts[id];
    if (!f) throw new Error(`peers translate: unknown fact ${id}`);
    if (f.about === 'member') {
      if (scope === 'household') throw new Error(`member fact ${id} outside a quantifier`);
      return { var: scope === 'element' ? `facts.${id}` : `m.${id}` };
    }
    if (scope === 'element') throw new Error(`JSONLogic: household fact ${id} inside a quantifier (var is rebound to the member)`);
    return { var: `h.${id}` };
  };
  const members = (role, scope) => {
    if (scope === 'element') throw new Error('nested quantifier');
    const all = { var: 'members' };
    return role ? { filter: [all, { in: [role, { var: 'roles' }] }] } : all;
  };
  const tr = (c, scope) => {
    const { op, test } = opOf(c);
    switch (op) {
      case 'all': return { and: c.all.map((x) => tr(x, scope)) };
      case 'any': return { or: c.any.map((x) => tr(x, scope)) };
      case 'not': return { '!': tr(c.not, scope) };
      case 'ref': return tr(named[c.ref], scope);
      case 'answered': return { '!=': [factVar(c.answered, scope), null] };
      case 'has_role': return { in: [c.has_role, { var: 'roles' }] };
      case 'some': return { some: [members(c.some.role, scope), tr(c.some.where, 'element')] };
      // JSONLogic's `all` is false on an empty list; carecheck's `every` is true there.
      case 'every': return { none: [members(c.every.role, scope), { '!': tr(c.every.where, 'element') }] };
      case 'none': return { none: [members(c.none.role, scope), tr(c.none.where, 'element')] };
      case 'count': {
        const n = { reduce: [{ filter: [members(c.count.role, scope), tr(c.count.where, 'element')] },
          { '+': [{ var: 'accumulator' }, 1] }, 0] };
        const k = CMP.find((x) => x in c);
        return { [{ eq: '===', ne: '!==', lt: '<', le: '<=', gt: '>', ge: '>=' }[k]]: [n, c[k]] };
      }
      case 'fact': {
        const v = factVar(c.fact, scope);
        const arg = c[test];
        switch (test) {
          case 'eq': return { '===': [v, arg] };
          case 'ne': return { '!==': [v, arg] };
          case 'lt': case 'le': case 'gt': case 'ge':
            if (facts[c.fact].type === 'date') throw new Error('order comparison on a date');
            return { [{ lt: '<', le: '<=', gt: '>', ge: '>=' }[test]]: [v, arg] };
          case 'in': return { in: [v, arg] };
          case 'has_any': return { or: arg.map((id) => ({ in: [id, v] })) };
          case 'has_all': return { and: arg.map((id) => ({ in: [id, v] })) };
          case 'has_none': return { '!': { or: arg.map((id) => ({ in: [id, v] })) } };
          case 'in_region': return { or: arg.map(regionPrefix).map((p) => (p.length === 6
            ? { '===': [v, p] } : { '===': [{ substr: [v, 0, p.length] }, p] })) };
          default: throw new Error(`peers translate: fact test ${test}`);
        }
      }
      default: throw new Error(`peers translate: operator ${op} not expressed for the peers`);
    }
  };
  const scope = ctx === 'household' ? 'household' : 'member';
  const yearly = (t) => {
    if (t.none) return null;
    if ('const' in t) return t.const;
    if (t.param) return { if: [{ '==': [{ var: `p.${t.param}` }, null] }, null, { '*': [{ '*': [t.factor, { var: `p.${t.param}` }] }, t.ppy] }] };
    if (t.times) {
      const n = { reduce: [{ filter: [{ var: 'members' }, { or: t.people.map((r) => ({ in: [r, { var: 'roles' }] })) }] },
        { '+': [{ var: 'accumulator' }, 1] }, 0] };
      const base = yearly(t.times);
      return typeof base === 'number' ? { '*': [base, n] } : { if: [{ '==': [base, null] }, null, { '*': [base, n] }] };
    }
    return { if: [...t.cases.flatMap(([w, a]) => [tr(w, scope), yearly(a)]), yearly(t.otherwise)] };
  };
  return programsIn(pack, ctx).map((p) => {
    const ok = statusShape(p);
    const okExpr = typeof ok === 'string' ? ok : { if: [tr(ok.unless, scope), 'eligible', 'depends_on_local_decision'] };
    return [{ if: [tr(p.conditions, scope), okExpr, 'not_eligible'] }, yearly(yearlyTree(p.amount))];
  });
}

// ---------------------------------------------------------------- ZEN expression language

const zq = (s) => `'${String(s).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const zlit = (v) => (typeof v === 'string' ? zq(v) : Array.isArray(v) ? `[${v.map(zlit).join(', ')}]` : v === null ? 'null' : String(v));

export function zen(pack, ctx, facts) {
  const named = namedOf(pack);
  const factRef = (id, scope) => {
    const f = facts[id];
    if (!f) throw new Error(`peers translate: unknown fact ${id}`);
    if (f.about === 'member') {
      if (scope === 'household') throw new Error(`member fact ${id} outside a quantifier`);
      return scope === 'element' ? `#.facts.${id}` : `m.${id}`;
    }
    return `h.${id}`;
  };
  const rolesRef = (scope) => (scope === 'element' ? '#.roles' : 'roles');
  const quant = (q, scope, body) => {
    if (scope === 'element') throw new Error('nested quantifier');
    const where = `(${tr(q.where, 'element')})`;
    const role = q.role ? `${zq(q.role)} in #.roles` : null;
    return body(role, where);
  };
  const tr = (c, scope) => {
    const { op, test } = opOf(c);
    switch (op) {
      case 'all': return `(${c.all.map((x) => tr(x, scope)).join(' and ')})`;
      case 'any': return `(${c.any.map((x) => tr(x, scope)).join(' or ')})`;
      case 'not': return `(not ${tr(c.not, scope)})`;
      case 'ref': return tr(named[c.ref], scope);
      case 'answered': return `(${factRef(c.answered, scope)} != null)`;
      case 'has_role': return `(${zq(c.has_role)} in ${rolesRef(scope)})`;
      case 'some': return quant(c.some, scope, (role, w) => `some(members, ${role ? `${role} and ` : ''}${w})`);
      case 'every': return quant(c.every, scope, (role, w) => `all(members, ${role ? `not (${role}) or ` : ''}${w})`);
      case 'none': return quant(c.none, scope, (role, w) => `none(members, ${role ? `${role} and ` : ''}${w})`);
      case 'count': {
        const k = CMP.find((x) => x in c);
        const n = quant(c.count, scope, (role, w) => `count(members, ${role ? `${role} and ` : ''}${w})`);
        return `(${n} ${{ eq: '==', ne: '!=', lt: '<', le: '<=', gt: '>', ge: '>=' }[k]} ${c[k]})`;
      }
      case 'fact': {
        const v = factRef(c.fact, scope);
        const arg = c[test];
        switch (test) {
          case 'eq': return `(${v} == ${zlit(arg)})`;
          case 'ne': return `(${v} != ${zlit(arg)})`;
          case 'lt': case 'le': case 'gt': case 'ge':
            if (facts[c.fact].type === 'date') throw new Error('order comparison on a date');
            return `(${v} ${{ lt: '<', le: '<=', gt: '>', ge: '>=' }[test]} ${arg})`;
          case 'in': return `(${v} in ${zlit(arg)})`;
          case 'has_any': return `(${arg.map((id) => `${zq(id)} in ${v}`).join(' or ')})`;
          case 'has_all': return `(${arg.map((id) => `${zq(id)} in ${v}`).join(' and ')})`;
          case 'has_none': return `(not (${arg.map((id) => `${zq(id)} in ${v}`).join(' or ')}))`;
          case 'in_region': return `(${arg.map(regionPrefix).map((p) => (p.length === 6 ? `${v} == ${zq(p)}` : `startsWith(${v}, ${zq(p)})`)).join(' or ')})`;
          default: throw new Error(`peers translate: fact test ${test}`);
        }
      }
      default: throw new Error(`peers translate: operator ${op} not expressed for the peers`);
    }
  };
  const scope = ctx === 'household' ? 'household' : 'member';
  const yearly = (t) => {
    if (t.none) return 'null';
    if ('const' in t) return String(t.const);
    if (t.param) return `(p.${t.param} == null ? null : ${t.factor} * p.${t.param} * ${t.ppy})`;
    if (t.times) {
      const n = `count(members, ${t.people.map((r) => `${zq(r)} in #.roles`).join(' or ')})`;
      const base = yearly(t.times);
      return /^[0-9.]+$/.test(base) ? `(${base} * ${n})` : `(${base} == null ? null : ${base} * ${n})`;
    }
    return t.cases.reduceRight((rest, [w, a]) => `(${tr(w, scope)} ? ${yearly(a)} : ${rest})`, yearly(t.otherwise));
  };
  const items = programsIn(pack, ctx).map((p) => {
    const ok = statusShape(p);
    const okExpr = typeof ok === 'string' ? zq(ok) : `(${tr(ok.unless, scope)} ? 'eligible' : 'depends_on_local_decision')`;
    return `[${tr(p.conditions, scope)} ? ${okExpr} : 'not_eligible', ${yearly(yearlyTree(p.amount))}]`;
  });
  return `[${items.join(', ')}]`;
}

// ---------------------------------------------------------------- json-rules-engine

/**
 * json-rules-engine has conditions (all/any/not over fact-operator-value) and events, but no
 * quantifiers and no arithmetic. Per-member tests are JSONPath filters over the `members` fact
 * (the filter written from the `where` condition), counted by the operators in `jsonRulesOperators`.
 * Each program becomes one rule per non-not_eligible status (firing gives the status; none firing
 * is not_eligible), and by_case amounts one rule per case. Returns {rules, programs, yearly}:
 * `yearly[i]` says how the driver turns the fired case and the facts into the yearly figure (the
 * multiplication by a parameter or a head count is the driver's, json-rules-engine cannot).
 */
export function jsonRules(pack, ctx, facts) {
  const named = namedOf(pack);
  const factOf = (id, scope) => {
    const f = facts[id];
    if (!f) throw new Error(`peers translate: unknown fact ${id}`);
    if (f.about === 'member') {
      if (scope === 'household') throw new Error(`member fact ${id} outside a quantifier`);
      return `m_${id}`;
    }
    return `h_${id}`;
  };
  // JavaScript filter expression for jsonpath-plus, on one member `@`.
  const js = (c) => {
    const { op, test } = opOf(c);
    switch (op) {
      case 'all': return `(${c.all.map(js).join(' && ')})`;
      case 'any': return `(${c.any.map(js).join(' || ')})`;
      case 'not': return `!(${js(c.not)})`;
      case 'ref': return js(named[c.ref]);
      case 'has_role': return `@.roles.includes(${zq(c.has_role)})`;
      case 'answered': return `(@.facts.${c.answered} != null)`;
      case 'fact': {
        if (facts[c.fact]?.about !== 'member') throw new Error(`json-rules-engine: household fact ${c.fact} inside a quantifier`);
        const v = `@.facts.${c.fact}`;
        const arg = c[test];
        const lit = (x) => (typeof x === 'string' ? zq(x) : String(x));
        switch (test) {
          case 'eq': return `${v} === ${lit(arg)}`;
          case 'ne': return `${v} !== ${lit(arg)}`;
          case 'lt': case 'le': case 'gt': case 'ge':
            if (facts[c.fact].type === 'date') throw new Error('order comparison on a date');
            return `${v} ${{ lt: '<', le: '<=', gt: '>', ge: '>=' }[test]} ${arg}`;
          case 'in': return `[${arg.map(lit).join(',')}].includes(${v})`;
          case 'has_any': return `(${arg.map((id) => `${v}.includes(${zq(id)})`).join(' || ')})`;
          case 'has_all': return `(${arg.map((id) => `${v}.includes(${zq(id)})`).join(' && ')})`;
          case 'has_none': return `!(${arg.map((id) => `${v}.includes(${zq(id)})`).join(' || ')})`;
          case 'in_region': return `(${arg.map(regionPrefix).map((p) => `${v}.startsWith(${zq(p)})`).join(' || ')})`;
          default: throw new Error(`peers translate: fact test ${test}`);
        }
      }
      default: throw new Error(`json-rules-engine: ${op} inside a quantifier`);
    }
  };
  const filter = (q, extra) => {
    const parts = [q.role ? `@.roles.includes(${zq(q.role)})` : null, extra].filter(Boolean);
    return `$[?(${parts.join(' && ') || 'true'})]`;
  };
  const tr = (c, scope) => {
    const { op, test } = opOf(c);
    switch (op) {
      case 'all': return { all: c.all.map((x) => tr(x, scope)) };
      case 'any': return { any: c.any.map((x) => tr(x, scope)) };
      case 'not': return { not: tr(c.not, scope) };
      case 'ref': return tr(named[c.ref], scope);
      case 'answered': return { fact: factOf(c.answered, scope), operator: 'notEqual', value: null };
      case 'has_role': return { fact: 'roles', operator: 'contains', value: c.has_role };
      case 'some': return { fact: 'members', path: filter(c.some, js(c.some.where)), operator: 'countGe', value: 1 };
      case 'every': return { fact: 'members', path: filter(c.every, `!(${js(c.every.where)})`), operator: 'countEq', value: 0 };
      case 'none': return { fact: 'members', path: filter(c.none, js(c.none.where)), operator: 'countEq', value: 0 };
      case 'count': {
        const k = CMP.find((x) => x in c);
        return { fact: 'members', path: filter(c.count, js(c.count.where)), operator: `count${k[0].toUpperCase()}${k[1]}`, value: c[k] };
      }
      case 'fact': {
        const fact = factOf(c.fact, scope);
        const arg = c[test];
        const op2 = { eq: 'equal', ne: 'notEqual', lt: 'lessThan', le: 'lessThanInclusive', gt: 'greaterThan', ge: 'greaterThanInclusive', in: 'in' }[test];
        if (op2) {
          if (['lt', 'le', 'gt', 'ge'].includes(test) && facts[c.fact].type === 'date') throw new Error('order comparison on a date');
          return { fact, operator: op2, value: arg };
        }
        switch (test) {
          case 'has_any': return { any: arg.map((id) => ({ fact, operator: 'contains', value: id })) };
          case 'has_all': return { all: arg.map((id) => ({ fact, operator: 'contains', value: id })) };
          case 'has_none': return { all: arg.map((id) => ({ fact, operator: 'doesNotContain', value: id })) };
          case 'in_region': return { any: arg.map(regionPrefix).map((p) => (p.length === 6
            ? { fact, operator: 'equal', value: p } : { fact, operator: 'startsWith', value: p })) };
          default: throw new Error(`peers translate: fact test ${test}`);
        }
      }
      default: throw new Error(`peers translate: operator ${op} not expressed for the peers`);
    }
  };
  const scope = ctx === 'household' ? 'household' : 'member';
  const rules = [];
  const yearly = [];
  const programs = programsIn(pack, ctx);
  programs.forEach((p, i) => {
    const cond = tr(p.conditions, scope);
    const ok = statusShape(p);
    const fire = (status, conditions) => rules.push({ name: `${p.id} ${status}`, conditions,
      event: { type: 'status', params: { i, status } } });
    if (typeof ok === 'string') fire(ok, { all: [cond] });
    else {
      const unless = tr(ok.unless, scope);
      fire('eligible', { all: [cond, unless] });
      fire('depends_on_local_decision', { all: [cond, { not: unless }] });
    }
    // The amount: a constant tree, or a by_case whose case is picked by rules.
    const t = yearlyTree(p.amount);
    if (t.cases) {
      t.cases.forEach(([w, a], k) => rules.push({ name: `${p.id} amount case ${k}`, priority: 1,
        conditions: { all: [...t.cases.slice(0, k).map(([w0]) => ({ not: tr(w0, scope) })), tr(w, scope)] },
        event: { type: 'amount', params: { i, k } } }));
      yearly.push({ cases: t.cases.map(([, a]) => a), otherwise: t.otherwise });
    } else yearly.push(t);
  });
  return { rules, programs, yearly };
}

/** The operators json-rules-engine lacks: string prefix, and counting a JSONPath filter's matches. */
export function jsonRulesOperators(engine) {
  // jsonpath-plus with wrap:false gives undefined (no match), one member object, or an array.
  const n = (a) => (a === undefined || a === null ? 0 : Array.isArray(a) ? a.length : 1);
  engine.addOperator('startsWith', (a, b) => typeof a === 'string' && a.startsWith(b));
  engine.addOperator('countEq', (a, b) => n(a) === b);
  engine.addOperator('countNe', (a, b) => n(a) !== b);
  engine.addOperator('countLt', (a, b) => n(a) < b);
  engine.addOperator('countLe', (a, b) => n(a) <= b);
  engine.addOperator('countGt', (a, b) => n(a) > b);
  engine.addOperator('countGe', (a, b) => n(a) >= b);
}

/** The driver's half of a json-rules-engine amount: a yearly tree (case already picked) on the facts. */
export function finishYearly(t, members, params) {
  if (t.none) return null;
  if ('const' in t) return t.const;
  if (t.param) return params?.[t.param] == null ? null : t.factor * params[t.param] * t.ppy;
  if (t.times) {
    const base = finishYearly(t.times, members, params);
    return base == null ? null : base * members.filter((m) => t.people.some((r) => m.roles.includes(r))).length;
  }
  throw new Error('peers: by_case amount left unresolved');
}
