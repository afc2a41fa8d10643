// Handing a household to another phone with no server (issue 12): the answers packed into the
// URL fragment (after "#", which browsers never send to a server), small enough for one QR code
// a phone camera reads at arm's length (version ≤ 10, error correction M).
//
// Format "cc2.VERSION.REGION.HOUSEHOLD[.MEMBER]…", only characters that survive any chat app:
//   VERSION   a fingerprint of the question catalogue (roles, facts, their types and options)
//   HOUSEHOLD answers joined by "_", each a fact's key (3 base-36 digits, a hash of the fact's id,
//             so it means the same fact whatever the catalogue's order) and its value: t/f, "~"
//             for "not sure", a number ("p" for the decimal point, "m" minus), a date as
//             YYYYMMDD, a county as 6 digits, options by key (2 base-36 digits each, a hash of
//             the option's id)
//   MEMBER    role keys (2 digits each), "-", what the family calls the person (UTF-8 as hex),
//             "-", answers
// A link whose VERSION is this catalogue's must read in full (else it is damaged). A link made
// under other rules restores every answer whose fact is still asked with a value that still
// fits, and lists the others (decodeHousehold's `dropped`); a role or a county that cannot be
// read still makes it damaged.
// Pure functions; nothing here touches the page or the network.

const PREFIX = 'cc2';
const FACT_KEY = 3;
const OPTION_KEY = 2;
const B36 = (n, width) => n.toString(36).padStart(width, '0');

/**
 * The question catalogue's fingerprint: changes when a fact, role or option is added, removed
 * or changes type (not when they are only put in another order: answers go by key). A link with
 * another fingerprint is read leniently (decodeHousehold).
 * @param {import('./engine.js').Catalogue} catalogue
 * @returns {string} 7 base-36 digits
 */
export function catalogueVersion(catalogue) {
  const sorted = (ids) => [...ids].sort();
  const shape = JSON.stringify([sorted(catalogue.roles.map((r) => r.id)),
    [...catalogue.facts.values()].map((f) => [f.id, f.about, f.type, sorted((f.options || []).map((o) => o.id))])
      .sort((a, b) => (a[0] < b[0] ? -1 : 1))]);
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(shape)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return B36(hash, 7);
}

/** A stable short key for an id: FNV-1a of its UTF-8, as `width` base-36 digits. */
export function keyOf(id, width) {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(id)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return B36(hash % 36 ** width, width);
}

/**
 * The catalogue's keys: fact key -> fact, role key -> role id, and each fact's option keys.
 * Two ids with the same key would make links ambiguous: refused here, so the handover test
 * fails on the rules change that brings such a pair (rename one of them).
 */
const keyed = new WeakMap();
function keysOf(catalogue) {
  if (keyed.has(catalogue)) return keyed.get(catalogue);
  const unique = (ids, width, what) => {
    const map = new Map();
    for (const id of ids) {
      const key = keyOf(id, width);
      if (map.has(key)) throw new Error(`handover: ${what} ${map.get(key)} and ${id} have the same key ${key}`);
      map.set(key, id);
    }
    return map;
  };
  const facts = [...catalogue.facts.values()];
  const keys = {
    facts: new Map([...unique(facts.map((f) => f.id), FACT_KEY, 'facts')].map(([k, id]) => [k, catalogue.facts.get(id)])),
    roles: unique(catalogue.roles.map((r) => r.id), OPTION_KEY, 'roles'),
    options: new Map(facts.filter((f) => f.options).map((f) => [f.id, unique(f.options.map((o) => o.id), OPTION_KEY, `options of ${f.id}:`)])),
  };
  keyed.set(catalogue, keys);
  return keys;
}

function encodeValue(fact, value) {
  if (value === null) return '~';
  switch (fact.type) {
    case 'bool': return value ? 't' : 'f';
    case 'number': return String(value).replace('-', 'm').replace('.', 'p');
    case 'date': return String(value).replace(/-/g, '');
    case 'region': return String(value);
    case 'one_of': return keyOf(value, OPTION_KEY);
    case 'many_of': return value.map((id) => keyOf(id, OPTION_KEY)).join('');
    default: throw new Error(`cannot pack a ${fact.type}`);
  }
}

/** The value, or throws when it does not fit the fact (damaged, or the fact changed). */
function decodeValue(fact, text, options) {
  if (text === '~') return null;
  const option = (key) => {
    const id = options.get(key);
    if (!id) throw new Error('option');
    return id;
  };
  switch (fact.type) {
    case 'bool': if (text === 't' || text === 'f') return text === 't'; break;
    case 'number': if (/^m?\d+(p\d+)?$/.test(text)) return Number(text.replace('m', '-').replace('p', '.')); break;
    case 'date': if (/^\d{8}$/.test(text)) return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6)}`; break;
    case 'region': if (/^\d{6}$/.test(text)) return text; break;
    case 'one_of': if (text.length === OPTION_KEY) return option(text); break;
    case 'many_of': {
      const picked = (text.match(/../g) || []).map(option);
      if (text.length % OPTION_KEY === 0 && new Set(picked).size === picked.length) return picked;
      break;
    }
    default: break;
  }
  throw new Error(fact.id);
}

const hex = (text) => [...new TextEncoder().encode(text)].map((b) => b.toString(16).padStart(2, '0')).join('');
const unhex = (text) => {
  if (!/^([0-9a-f]{2})*$/.test(text)) throw new Error('label');
  return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array((text.match(/../g) || []).map((b) => parseInt(b, 16))));
};

/**
 * Packs a household's answers for a link's fragment (without the "#").
 * @param {import('./state.js').State} state
 * @param {import('./engine.js').Catalogue} catalogue
 * @returns {string}
 */
export function encodeHousehold(state, catalogue) {
  keysOf(catalogue); // refuses a catalogue whose keys clash
  const pack = (answers) => Object.entries(answers)
    .filter(([id, value]) => catalogue.facts.has(id) && value !== undefined)
    .map(([id, value]) => `${keyOf(id, FACT_KEY)}${encodeValue(catalogue.facts.get(id), value)}`).join('_');
  const members = state.members.map((m) => `${m.roles.map((r) => keyOf(r, OPTION_KEY)).join('')}-${hex(m.label || '')}-${pack(m.facts)}`);
  return [PREFIX, catalogueVersion(catalogue), state.region || '', pack(state.facts), ...members].join('.');
}

/**
 * @typedef {Object} Dropped  answers of a link made under other rules that these rules do not use
 * @property {string|null} member  what the family calls the person (null: the household's answers)
 * @property {number} [index]       the person's place in the family, from 1 (when unnamed)
 * @property {number} n            how many of that person's answers
 */

/**
 * Reads a fragment made by encodeHousehold into a state that opens on the results.
 * @param {string} fragment  without the "#"
 * @param {import('./engine.js').Catalogue} catalogue
 * @returns {{ok: true, state: import('./state.js').State, otherRules: boolean, dropped: Dropped[]}
 *   | {ok: false, reason: 'version'|'damaged'}}  otherRules: made under another catalogue
 */
export function decodeHousehold(fragment, catalogue) {
  const parts = String(fragment).split('.');
  if (/^cc\d+$/.test(parts[0]) && parts[0] !== PREFIX) return { ok: false, reason: 'version' }; // another link format
  if (parts[0] !== PREFIX || parts.length < 5) return { ok: false, reason: 'damaged' };
  const otherRules = parts[1] !== catalogueVersion(catalogue);
  if (!/^[0-9a-z]{7}$/.test(parts[1])) return { ok: false, reason: 'damaged' };
  const keys = keysOf(catalogue);
  const history = [];
  const dropped = [];
  const unpack = (text, about, member, label, index) => {
    const out = {};
    let lost = 0;
    for (const entry of text ? text.split('_') : []) {
      if (!/^[0-9a-z]{3}[0-9a-z~]*$/.test(entry)) throw new Error('entry');
      const fact = keys.facts.get(entry.slice(0, FACT_KEY));
      let value;
      try {
        if (!fact || fact.about !== about) throw new Error('fact');
        value = decodeValue(fact, entry.slice(FACT_KEY), keys.options.get(fact.id));
      } catch (error) {
        if (!otherRules) throw error; // same rules: the link is damaged
        lost += 1; // other rules: this answer is not asked (or not asked so) any more
        continue;
      }
      if (fact.id in out) throw new Error('twice');
      out[fact.id] = value;
      history.push(member ? { fact: fact.id, member } : { fact: fact.id });
    }
    if (lost > 0) dropped.push(member ? { member: label, index, n: lost } : { member: null, n: lost });
    return out;
  };
  try {
    const region = parts[2];
    if (region && !/^\d{6}$/.test(region)) throw new Error('region');
    const householdFacts = unpack(parts[3], 'household');
    const members = parts.slice(4).map((text, i) => {
      const [roleText, labelText, answers, ...rest] = text.split('-');
      if (rest.length > 0 || answers === undefined || !/^([0-9a-z]{2})+$/.test(roleText)) throw new Error('member');
      const roles = roleText.match(/../g).map((key) => {
        const role = keys.roles.get(key);
        if (!role) throw new Error('role');
        return role;
      });
      const id = `p${i + 1}`;
      const label = unhex(labelText);
      return { id, label, roles, facts: unpack(answers, 'member', id, label, i + 1) };
    });
    return {
      ok: true, otherRules, dropped,
      state: { step: 'results', region, facts: householdFacts, members, history, editing: null, papers: {} },
    };
  } catch {
    return { ok: false, reason: 'damaged' };
  }
}
