// The roster as files: JSON (a full backup that imports back with nothing lost) and CSV (a
// table for the township, opened in Excel or WPS). Also making and copying records.
// No DOM here, so the node tests read these functions directly.
import { freshState } from './state.js';

export const ROSTER_FORMAT = 'carecheck-roster/1';

/**
 * What one backup may hold (docs/cadre.md): a 50 MB file froze the page for 15 s, and values
 * nested 2 000 deep broke the engine for every household. `depth` counts lists and objects from
 * a household's answers down, as the engine counts them from the household it reads.
 */
export const BACKUP_LIMITS = { bytes: 5 * 1024 * 1024, households: 1000, depth: 64 };

/** @returns {string} a new household id, unique on this device and unlikely to clash on another */
export function newHouseholdId() {
  const random = Math.random().toString(36).slice(2, 8);
  return `h-${Date.now().toString(36)}-${random}`;
}

/**
 * A new, empty household, its county preset (cadres work one village at a time).
 * @param {string} name @param {string} note @param {string} region  '' when not known
 * @returns {import('./roster-store.js').HouseholdRecord}
 */
export function newRecord(name, note, region) {
  const now = new Date().toISOString();
  const state = freshState();
  if (region) { state.region = region; state.step = 'family'; }
  return { id: newHouseholdId(), name, note, created: now, updated: now, revision: 1, state };
}

/**
 * A copy under a new id and name (e.g. the family next door with nearly the same answers).
 * @param {import('./roster-store.js').HouseholdRecord} record @param {string} name
 */
export function duplicateRecord(record, name) {
  const now = new Date().toISOString();
  const copy = { ...structuredClone(record), id: newHouseholdId(), name, created: now, updated: now, revision: 1 };
  copy.state.papers = {}; // the neighbours have their own papers to find
  return copy;
}

/**
 * The day of an ISO time on this phone's clock ("2026-11-24" at 05:34 Beijing time, not the
 * UTC day before).
 * @param {string} iso
 * @returns {string}
 */
export function localDate(iso) {
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return '';
  const pad = (n) => String(n).padStart(2, '0');
  return `${when.getFullYear()}-${pad(when.getMonth() + 1)}-${pad(when.getDate())}`;
}

/**
 * @param {import('./roster-store.js').HouseholdRecord[]} records
 * @param {Date} [when]
 * @returns {string} the backup file's text
 */
export function rosterToJson(records, when = new Date()) {
  const households = [...records].sort((a, b) => a.created.localeCompare(b.created) || a.id.localeCompare(b.id));
  return `${JSON.stringify({ format: ROSTER_FORMAT, exported: when.toISOString(), households }, null, 2)}\n`;
}

/**
 * @typedef {Object} BackupProblem
 * @property {string} path     JSON pointer into the backup
 * @property {string} message  for the office's technician (English)
 * @property {'too_many_households'|'too_deep'} [limit]  a limit of BACKUP_LIMITS was passed:
 *   the page says which in the cadre's language
 * @property {string} [household]  the name of the household the problem is in
 * @property {number} [count]      how many households the file holds (too_many_households)
 */

/**
 * Reads a backup file. Every problem is reported with its JSON pointer; nothing is imported
 * from a file with problems, so a half-read file never mixes into the roster.
 * @param {string} text
 * @returns {{ok: true, households: import('./roster-store.js').HouseholdRecord[]} |
 *           {ok: false, problems: BackupProblem[]}}
 */
export function rosterFromJson(text) {
  let data;
  try {
    data = JSON.parse(String(text).replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, problems: [{ path: '', message: `not JSON: ${error.message}` }] };
  }
  const problems = [];
  const need = (ok, path, message) => { if (!ok) problems.push({ path, message }); return ok; };
  if (!need(isObject(data), '', 'expected an object')) return { ok: false, problems };
  need(data.format === ROSTER_FORMAT, '/format', `expected "${ROSTER_FORMAT}"`);
  if (!need(Array.isArray(data.households), '/households', 'expected a list of households')) {
    return { ok: false, problems };
  }
  if (data.households.length > BACKUP_LIMITS.households) {
    const message = `more than ${BACKUP_LIMITS.households} households (${data.households.length})`;
    return { ok: false, problems: [{ path: '/households', message, limit: 'too_many_households', count: data.households.length }] };
  }
  const seen = new Set();
  data.households.forEach((record, i) => {
    const at = `/households/${i}`;
    if (!need(isObject(record), at, 'expected an object')) return;
    for (const key of ['id', 'name', 'note', 'created', 'updated']) {
      need(typeof record[key] === 'string', `${at}/${key}`, 'expected text');
    }
    need(record.revision === undefined || (Number.isSafeInteger(record.revision) && record.revision >= 0),
      `${at}/revision`, 'expected a whole number (or none, as in older backups)');
    need(!seen.has(record.id), `${at}/id`, `the id "${record.id}" appears twice`);
    seen.add(record.id);
    if (!checkState(record.state, `${at}/state`, need)) return;
    // Counted from the record, whose answers (state) are one level down.
    const deep = tooDeep(record, BACKUP_LIMITS.depth + 1);
    if (deep) {
      const message = `nested deeper than ${BACKUP_LIMITS.depth} levels`;
      problems.push({ path: shortPointer(at, deep), message, limit: 'too_deep', household: String(record.name) });
    }
  });
  if (problems.length) return { ok: false, problems: problems.slice(0, 20) };
  return { ok: true, households: data.households.map(completeRecord) };
}

/** Fills what a hand-made or older backup may leave out, so every screen can read it. */
function completeRecord(record) {
  const state = { ...freshState(), ...record.state };
  state.members = state.members.map((member) => ({ label: '', ...member }));
  return { ...record, state };
}

/** @returns {boolean} false when the answers are not even an object */
function checkState(state, at, need) {
  if (!need(isObject(state), at, 'expected the answers object')) return false;
  need(typeof state.region === 'string', `${at}/region`, 'expected text');
  need(isObject(state.facts), `${at}/facts`, 'expected an object');
  need(state.papers === undefined || isObject(state.papers), `${at}/papers`, 'expected an object');
  if (!need(Array.isArray(state.members), `${at}/members`, 'expected a list')) return;
  state.members.forEach((member, j) => {
    const m = `${at}/members/${j}`;
    if (!need(isObject(member), m, 'expected an object')) return;
    need(typeof member.id === 'string' && member.id !== '', `${m}/id`, 'expected text');
    need(Array.isArray(member.roles) && member.roles.every((r) => typeof r === 'string'), `${m}/roles`, 'expected a list of role ids');
    need(isObject(member.facts), `${m}/facts`, 'expected an object');
  });
  return true;
}

/**
 * The keys down to the first list or object nested deeper than the limit, or null. Stops
 * there, so a value nested 100 000 deep costs no more than one nested 65 deep.
 * @param {*} value  counted as depth 1 (a household's answers, or the household itself)
 * @param {number} [limit]
 * @returns {string[]|null}
 */
export function tooDeep(value, limit = BACKUP_LIMITS.depth) {
  const walk = (node, depth) => {
    if (typeof node !== 'object' || node === null) return null;
    if (depth > limit) return [];
    for (const [key, child] of Object.entries(node)) {
      const below = walk(child, depth + 1);
      if (below) return [key, ...below];
    }
    return null;
  };
  return walk(value, 1);
}

/** A JSON pointer that names the household and the answer, cut short after a few levels. */
function shortPointer(at, keys) {
  const shown = keys.slice(0, 7).map((key) => key.replace(/~/g, '~0').replace(/\//g, '~1'));
  return `${at}/${shown.join('/')}${keys.length > shown.length ? '/…' : ''}`;
}

const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A CSV file: UTF-8 with a byte-order mark and CRLF lines, as Excel and WPS expect.
 * @param {string[]} header
 * @param {Array<Array<string|number|{text: string}>>} rows  {text} marks what a person typed
 *   (names, notes): a spreadsheet must show it as typed, never turn "5-3" into a date or a phone
 *   number into 1.38E+10
 * @returns {string}
 */
export function toCsv(header, rows) {
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

function csvCell(value) {
  if (value && typeof value === 'object') return typedCell(value.text);
  let text = String(value ?? '');
  // A typed name starting with = + - @ would run as a formula in Excel: keep it text.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Typed text that a spreadsheet would read as a number or date is written as ="…" (text). */
function typedCell(text) {
  const typed = String(text ?? '');
  if (/^[\d\s./:-]+$/.test(typed) && /\d/.test(typed)) return `"=""${typed}"""`;
  return csvCell(typed);
}
