// Handing a household to another phone with no server (issue 12): the answers packed into the
// URL fragment (after "#", which browsers never send to a server), small enough for one QR code
// a phone camera reads at arm's length (version ≤ 10, error correction M).
//
// Format "cc1.VERSION.REGION.HOUSEHOLD[.MEMBER]…", only characters that survive any chat app:
//   VERSION   a fingerprint of the question catalogue (roles, facts, their types and options): the
//             positions below mean something only with the same catalogue
//   HOUSEHOLD answers joined by "_", each a fact's position in the catalogue (2 base-36 digits) and
//             its value: t/f, "~" for "not sure", a number ("p" for the decimal point, "m" minus),
//             a date as YYYYMMDD, a county as 6 digits, options by position (base 36, one digit each)
//   MEMBER    roles by position, "-", what the family calls the person (UTF-8 as hex), "-", answers
// Pure functions; nothing here touches the page or the network.

const PREFIX = 'cc1';
const B36 = (n, width) => n.toString(36).padStart(width, '0');

/**
 * The question catalogue's fingerprint: changes when a fact, role or option is added, removed
 * or moved (then an old link cannot be read safely and says so).
 * @param {import('./engine.js').Catalogue} catalogue
 * @returns {string} 7 base-36 digits
 */
export function catalogueVersion(catalogue) {
  const shape = JSON.stringify([catalogue.roles.map((r) => r.id),
    [...catalogue.facts.values()].map((f) => [f.id, f.about, f.type, (f.options || []).map((o) => o.id)])]);
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(shape)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return B36(hash, 7);
}

function encodeValue(fact, value) {
  if (value === null) return '~';
  switch (fact.type) {
    case 'bool': return value ? 't' : 'f';
    case 'number': return String(value).replace('-', 'm').replace('.', 'p');
    case 'date': return String(value).replace(/-/g, '');
    case 'region': return String(value);
    case 'one_of': return B36(fact.options.findIndex((o) => o.id === value), 1);
    case 'many_of': return value.map((id) => B36(fact.options.findIndex((o) => o.id === id), 1)).join('');
    default: throw new Error(`cannot pack a ${fact.type}`);
  }
}

function decodeValue(fact, text) {
  if (text === '~') return null;
  const option = (c) => {
    const o = fact.options?.[parseInt(c, 36)];
    if (!o || !/^[0-9a-z]$/.test(c)) throw new Error('option');
    return o.id;
  };
  switch (fact.type) {
    case 'bool': if (text === 't' || text === 'f') return text === 't'; break;
    case 'number': if (/^m?\d+(p\d+)?$/.test(text)) return Number(text.replace('m', '-').replace('p', '.')); break;
    case 'date': if (/^\d{8}$/.test(text)) return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6)}`; break;
    case 'region': if (/^\d{6}$/.test(text)) return text; break;
    case 'one_of': if (text.length === 1) return option(text); break;
    case 'many_of': return [...text].map(option);
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
  const facts = [...catalogue.facts.values()];
  const position = new Map(facts.map((f, i) => [f.id, i]));
  const pack = (answers) => Object.entries(answers)
    .filter(([id, value]) => position.has(id) && value !== undefined)
    .map(([id, value]) => `${B36(position.get(id), 2)}${encodeValue(catalogue.facts.get(id), value)}`).join('_');
  const roles = catalogue.roles.map((r) => r.id);
  const members = state.members.map((m) => `${m.roles.map((r) => B36(roles.indexOf(r), 1)).join('')}-${hex(m.label || '')}-${pack(m.facts)}`);
  return [PREFIX, catalogueVersion(catalogue), state.region || '', pack(state.facts), ...members].join('.');
}

/**
 * Reads a fragment made by encodeHousehold into a state that opens on the results.
 * @param {string} fragment  without the "#"
 * @param {import('./engine.js').Catalogue} catalogue
 * @returns {{ok: true, state: import('./state.js').State} | {ok: false, reason: 'version'|'damaged'}}
 */
export function decodeHousehold(fragment, catalogue) {
  const parts = String(fragment).split('.');
  if (parts[0] !== PREFIX || parts.length < 5) return { ok: false, reason: 'damaged' };
  if (parts[1] !== catalogueVersion(catalogue)) return { ok: false, reason: 'version' };
  const facts = [...catalogue.facts.values()];
  const history = [];
  const unpack = (text, about, member) => {
    const out = {};
    for (const entry of text ? text.split('_') : []) {
      const fact = facts[parseInt(entry.slice(0, 2), 36)];
      if (!/^[0-9a-z]{2}/.test(entry) || !fact || fact.about !== about || fact.id in out) throw new Error('fact');
      out[fact.id] = decodeValue(fact, entry.slice(2));
      history.push(member ? { fact: fact.id, member } : { fact: fact.id });
    }
    return out;
  };
  try {
    const region = parts[2];
    if (region && !/^\d{6}$/.test(region)) throw new Error('region');
    const householdFacts = unpack(parts[3], 'household');
    const members = parts.slice(4).map((text, i) => {
      const [roleText, label, answers, ...rest] = text.split('-');
      if (rest.length > 0 || !/^[0-9a-z]+$/.test(roleText)) throw new Error('member');
      const roles = [...roleText].map((c) => {
        const role = catalogue.roles[parseInt(c, 36)];
        if (!role) throw new Error('role');
        return role.id;
      });
      const id = `p${i + 1}`;
      return { id, label: unhex(label), roles, facts: unpack(answers, 'member', id) };
    });
    return { ok: true, state: { step: 'results', region, facts: householdFacts, members, history, editing: null, papers: {} } };
  } catch {
    return { ok: false, reason: 'damaged' };
  }
}
