// The family's answers: kept in memory and in localStorage so a reload loses nothing.
// Nothing here is ever sent anywhere.

/** Where the page keeps its answers; the portal widget passes its own key (WIDGET_STORAGE_KEY). */
export const STORAGE_KEY = 'carecheck.answers.v1';
/** The widget's answers on a portal's origin, never mixed with the page's. */
export const WIDGET_STORAGE_KEY = 'carecheck.widget.answers.v1';

/**
 * @typedef {Object} Member
 * @property {string} id       stable id used in the household ("p1")
 * @property {string} label    what the family calls this person (UI only, never sent to the engine)
 * @property {string[]} roles  role ids from the catalogue
 * @property {Object<string, *>} facts  answers about this person; null = "not sure"
 *
 * @typedef {Object} AnswerKey
 * @property {string} fact
 * @property {string} [member]  member id for member facts
 *
 * @typedef {Object} State
 * @property {'region'|'family'|'questions'|'results'} step
 * @property {string} region   GB/T 2260 county code, '' until chosen
 * @property {Object<string, *>} facts  household facts other than the region
 * @property {Member[]} members
 * @property {AnswerKey[]} history  answered questions in order, for "previous question"
 * @property {(AnswerKey & {returnTo: 'questions'|'results'})|null} editing  an answered question shown
 *   again (by "previous question" or "change" on the results page)
 * @property {Object<string, true>} papers  papers ticked as ready, by their Chinese words
 */

/** @returns {State} a fresh state: no region yet, one older person */
export function freshState() {
  return {
    step: 'region', region: '', facts: {},
    members: [{ id: 'p1', label: '', roles: ['elder'], facts: {} }],
    history: [], editing: null, papers: {},
  };
}

/**
 * Reads the saved state, or a fresh one when there is none or it is damaged.
 * @param {string} [key]  localStorage key
 * @returns {State}
 */
export function loadState(key = STORAGE_KEY) {
  try {
    const saved = JSON.parse(localStorage.getItem(key) || 'null');
    if (saved && Array.isArray(saved.members) && typeof saved.facts === 'object') {
      return { ...freshState(), ...saved };
    }
  } catch {
    // Storage blocked or damaged: start fresh rather than fail.
  }
  return freshState();
}

/** @param {State} state @param {string} [key]  localStorage key */
export function saveState(state, key = STORAGE_KEY) {
  try {
    localStorage.setItem(key, JSON.stringify(state));
  } catch {
    // Storage full or blocked: answers still live in memory for this visit.
  }
}

/** Forgets every answer, on this phone too. @param {string} [key]  localStorage key */
export function clearSavedState(key = STORAGE_KEY) {
  try { localStorage.removeItem(key); } catch { /* nothing saved */ }
}

/**
 * The household JSON the engine reads (docs/rule-format.md "Household").
 * @param {State} state
 * @returns {{facts: Object, members: Array<{id: string, roles: string[], facts: Object}>}}
 */
export function householdOf(state) {
  const facts = { ...state.facts };
  if (state.region) facts.hukou_region = state.region;
  return {
    facts,
    members: state.members.map(({ id, roles, facts: memberFacts }) => ({ id, roles, facts: { ...memberFacts } })),
  };
}

function factsFor(state, key) {
  if (!key.member) return state.facts;
  const member = state.members.find((m) => m.id === key.member);
  return member ? member.facts : null;
}

/**
 * Records an answer (null = "not sure") and remembers its order for "previous question".
 * @param {State} state @param {AnswerKey} key @param {*} value
 */
export function setAnswer(state, key, value) {
  if (key.fact === 'hukou_region' && !key.member) {
    state.region = value ?? '';
  } else {
    const facts = factsFor(state, key);
    if (!facts) return;
    facts[key.fact] = value;
  }
  // An answer keeps its place in the order, so "previous question" walks back the same way.
  if (!state.history.some((k) => sameKey(k, key))) {
    state.history.push({ fact: key.fact, ...(key.member ? { member: key.member } : {}) });
  }
}

/**
 * Records or (with `undefined`) removes an answer given on the hukou or family step rather than
 * asked as a question: where the family lives, a person's own hukou or support. It is kept with
 * the other answers (so the engine, cadre mode and the backup have it), outside the order
 * "previous question" walks.
 * @param {State} state @param {AnswerKey} key @param {*} value
 */
export function putAnswer(state, key, value) {
  const facts = factsFor(state, key);
  if (!facts) return;
  if (value === undefined) delete facts[key.fact];
  else facts[key.fact] = value;
}

/**
 * Removes an answer so the question is asked again.
 * @param {State} state @param {AnswerKey} key
 */
export function clearAnswer(state, key) {
  const facts = factsFor(state, key);
  if (facts) delete facts[key.fact];
  state.history = state.history.filter((k) => !sameKey(k, key));
}

/**
 * @param {State} state @param {AnswerKey} key
 * @returns {{answered: boolean, value: *}}
 */
export function answerOf(state, key) {
  if (key.fact === 'hukou_region' && !key.member) {
    return { answered: Boolean(state.region), value: state.region };
  }
  const facts = factsFor(state, key);
  const answered = Boolean(facts) && Object.prototype.hasOwnProperty.call(facts, key.fact);
  return { answered, value: answered ? facts[key.fact] : undefined };
}

/** @param {AnswerKey} a @param {AnswerKey} b @returns {boolean} */
export function sameKey(a, b) {
  return a.fact === b.fact && (a.member || '') === (b.member || '');
}

/**
 * Drops answers and history that point at members no longer in the family.
 * @param {State} state
 */
export function forgetRemovedMembers(state) {
  const ids = new Set(state.members.map((m) => m.id));
  state.history = state.history.filter((k) => !k.member || ids.has(k.member));
}

/** @param {State} state @returns {string} an id not yet used by a member */
export function nextMemberId(state) {
  let n = state.members.length + 1;
  while (state.members.some((m) => m.id === `p${n}`)) n += 1;
  return `p${n}`;
}
