// A household's result in brief: what it may apply for (choose-one groups kept together), what
// is only worth asking about, how many questions are still open, which papers it needs and which
// of those it has not got yet. The cadre roster, its sheet and CSV, and the portal widget's
// event all use this one shape, so they never disagree with the results page.
//
// The page's one rule on statuses (issue 9): the engine decides, the page never re-decides.
// "eligible" and "depends_on_local_decision" are what the family may apply for; "worth_asking"
// (a related policy the document says goes on, with no promise this family gets it) is shown
// apart, in its own words, and never counted, ranked or listed with what the family may get.
// And only money paid to the family is counted as the family's money.

/** Statuses worth applying for: the family should go and ask. */
export const WORTH_APPLYING = new Set(['eligible', 'depends_on_local_decision']);

/** The engine's status for a related policy the family may go and ask about. */
export const WORTH_ASKING = 'worth_asking';

/**
 * @param {{status: string}} program  a check() program or a summary's ProgramBrief
 * @returns {boolean} whether the family may apply for it (an entitlement, not a policy to ask about)
 */
export function mayApplyFor(program) {
  return WORTH_APPLYING.has(program.status);
}

/**
 * @param {{status: string}} program  a check() program or a summary's ProgramBrief
 * @returns {boolean} whether it is only worth asking about (never something the family gets)
 */
export function isWorthAsking(program) {
  return program.status === WORTH_ASKING;
}

/**
 * The yearly yuan that reach the family itself: null when the money goes to a care home, a
 * service provider or a meal point (the family gets a service, not cash), or is not known.
 * Use it for every total or ranking of "what your family gets".
 * @param {{paid_to?: string, yearly?: number|null}|null|undefined} amount  a check() amount, or a ProgramBrief
 * @returns {number|null}
 */
export function familyYearly(amount) {
  if (!amount || amount.paid_to !== 'family') return null;
  return amount.yearly ?? null;
}

/**
 * Whether a program is one a family is screened for: a subsidy paid to providers
 * (kind provider_subsidy) is never the family's, shown only folded away for completeness.
 * @param {{kind: string}} program  a check() program
 * @returns {boolean}
 */
export function isForFamily(program) {
  return program.kind !== 'provider_subsidy';
}

/**
 * What reaches the family itself in a year from what it can apply for now (eligible), from a
 * check() result: money paid to a care home, a service provider or a meal point is never added
 * in, and of a choose-one group only the program worth most to the family counts.
 * @param {Object[]} packs  check() result.packs
 * @returns {{yearly: number, bound: 'exact'|'at_least', upTo: number, unknown: number,
 *   paidElsewhere: string[]}}  yearly: yuan a year to the family from exact figures and floors
 *   (0 when none is known); bound: 'at_least' when a floor (不低于) or a family amount with no
 *   figure (set locally) is part of it; upTo: yuan a year of figures that are only a most
 *   (at most N days), kept apart; unknown: family amounts with no figure; paidElsewhere: who else
 *   receives eligible programs' money (institution, service_provider, meal_point), each once
 */
export function familyMoney(packs) {
  let yearly = 0;
  let upTo = 0;
  let unknown = 0;
  let floor = false;
  const paidElsewhere = new Set();
  const best = new Map(); // choose-one group -> the program worth most to the family
  for (const pack of packs || []) {
    for (const program of pack.programs) {
      if (program.status !== 'eligible' || !isForFamily(program) || !program.amount) continue;
      const { amount } = program;
      if (amount.paid_to !== 'family') {
        if (amount.paid_to) paidElsewhere.add(amount.paid_to);
        continue;
      }
      const own = familyYearly(amount);
      const entry = { own: own ?? 0, bound: own == null ? 'unknown' : amount.bound };
      if (!program.exclusive_group) { add(entry); continue; }
      const key = `${pack.id}/${program.exclusive_group}`;
      if (!best.has(key) || best.get(key).own < entry.own) best.set(key, entry);
    }
  }
  for (const entry of best.values()) add(entry);
  return { yearly, bound: floor || unknown > 0 ? 'at_least' : 'exact', upTo, unknown, paidElsewhere: [...paidElsewhere] };

  function add({ own, bound }) {
    if (bound === 'unknown') unknown += 1;
    else if (bound === 'up_to') upTo += own;
    else { yearly += own; if (bound === 'at_least') floor = true; }
  }
}

/**
 * @typedef {{zh: string, en: string}} Text
 *
 * @typedef {Object} ProgramBrief
 * @property {string} pack      pack id
 * @property {string} program   program id
 * @property {string} [member]  member id for per-person programs
 * @property {string} status    eligible | depends_on_local_decision | needs_answers (programs),
 *   worth_asking (worth_asking)
 * @property {string} kind      service_mode | subsidy | service_item | related_policy
 * @property {string} [exclusive_group]  id of the pack's choose-one group it belongs to
 * @property {Text} name
 * @property {Text|null} amount  the engine's words for the amount
 * @property {number|null} yearly  yuan a year, whoever is paid (see paid_to)
 * @property {string|null} paid_to  family | institution | service_provider | meal_point: only
 *   "family" money reaches the family; the others pay for a service the family gets
 * @property {boolean} [suggested]  the figure is a suggested standard the locality may change
 * @property {Text|null} where   where to apply
 *
 * @typedef {Object} GroupBrief  a choose-one group: the family may have only one of its programs
 * @property {string} pack
 * @property {string} id
 * @property {Text} name
 * @property {Array<{program: string, member?: string}>} ranked  most valuable first (the engine's
 *   ranking by yearly value; per-person programs name the member)
 *
 * @typedef {Object} Summary
 * @property {string} format        "carecheck-summary/1"
 * @property {string} as_of
 * @property {string} region
 * @property {ProgramBrief[]} programs  every program the family may get or might get once more is
 *   answered (eligible, depends_on_local_decision, needs_answers), worth applying first
 * @property {ProgramBrief[]} worth_asking  related policies worth asking about: never something
 *   the family gets, so never in programs
 * @property {GroupBrief[]} groups      choose-one groups among those programs
 * @property {number} open_questions   questions still worth asking
 * @property {Text[]} papers  papers to bring for the programs worth applying for
 * @property {Text[]} missing_papers  those not ticked as ready
 */

/**
 * @param {Object} result  check() output (ok)
 * @param {Object} open    questions() output
 * @param {import('./state.js').State} state  for the region and the papers ticked as ready
 * @returns {Summary}
 */
export function summarise(result, open, state) {
  const programs = [];
  const asking = [];
  const groups = [];
  for (const pack of result.packs || []) {
    for (const program of pack.programs) {
      if (program.status === 'not_eligible' || !isForFamily(program)) continue;
      (isWorthAsking(program) ? asking : programs).push({
        pack: pack.id,
        program: program.id,
        ...(program.member ? { member: program.member } : {}),
        status: program.status,
        kind: program.kind,
        ...(program.exclusive_group ? { exclusive_group: program.exclusive_group } : {}),
        name: program.name,
        amount: program.amount?.text ?? null,
        yearly: program.amount?.yearly ?? null,
        paid_to: program.amount?.paid_to ?? null,
        ...(program.amount?.suggested ? { suggested: true } : {}),
        where: program.apply?.where ?? null,
        documents: program.apply?.documents ?? [],
      });
    }
    for (const group of pack.exclusive_groups || []) {
      if (!programs.some((p) => p.pack === pack.id && p.exclusive_group === group.id)) continue;
      groups.push({
        pack: pack.id, id: group.id, name: group.name,
        ranked: (group.ranked || []).map((entry) => (typeof entry === 'string' ? { program: entry } : entry)),
      });
    }
  }
  const worth = programs.filter(mayApplyFor);
  programs.sort((a, b) => Number(mayApplyFor(b)) - Number(mayApplyFor(a)));
  const papers = uniqueTexts(worth.flatMap((p) => p.documents));
  const ready = state.papers || {};
  return {
    format: 'carecheck-summary/1',
    as_of: result.as_of,
    region: state.region,
    programs: programs.map(({ documents, ...brief }) => brief),
    worth_asking: asking.map(({ documents, ...brief }) => brief),
    groups,
    open_questions: open?.ok ? (open.remaining ?? open.questions.length) : 0,
    papers,
    missing_papers: papers.filter((paper) => !ready[paperKey(paper)]),
  };
}

/**
 * What the family may apply for (eligible, or up to a local decision); never a policy only
 * worth asking about.
 * @param {Summary} summary
 * @returns {ProgramBrief[]}
 */
export function toApplyFor(summary) {
  return summary.programs.filter(mayApplyFor);
}

/**
 * Related policies the engine says are worth asking about: no promise the family gets them.
 * @param {Summary} summary
 * @returns {ProgramBrief[]}
 */
export function worthAsking(summary) {
  return summary.worth_asking || [];
}

/**
 * Programs in the order to show them, each choose-one group gathered into one entry with its
 * programs best first.
 * @param {Summary} summary
 * @param {ProgramBrief[]} programs  a subset of summary.programs
 * @returns {Array<{group: GroupBrief|null, programs: ProgramBrief[]}>}
 */
export function groupChoices(summary, programs) {
  const entries = [];
  const seen = new Map();
  for (const program of programs) {
    const group = program.exclusive_group
      ? summary.groups.find((g) => g.pack === program.pack && g.id === program.exclusive_group) ?? null
      : null;
    if (!group) { entries.push({ group: null, programs: [program] }); continue; }
    const key = `${group.pack}/${group.id}`;
    if (!seen.has(key)) { seen.set(key, { group, programs: [] }); entries.push(seen.get(key)); }
    seen.get(key).programs.push(program);
  }
  for (const entry of seen.values()) {
    entry.programs.sort((a, b) => rankWithin(entry.group, a.program, a.member) - rankWithin(entry.group, b.program, b.member));
  }
  return entries;
}

/**
 * A program's place in its choose-one group's ranking; programs the ranking does not name go last.
 * @param {{ranked?: Array<string|{program: string, member?: string}>}|null|undefined} group
 *   a group from a check() result or a summary
 * @param {string} programId
 * @param {string} [member]
 * @returns {number}
 */
export function rankWithin(group, programId, member) {
  const index = (group?.ranked || []).findIndex((entry) => (typeof entry === 'string'
    ? entry === programId
    : entry.program === programId && (entry.member === undefined || entry.member === member)));
  return index < 0 ? Number.MAX_SAFE_INTEGER : index;
}

/**
 * The key a paper is ticked under in state.papers: its Chinese words, which stay the same when
 * the page's language changes.
 * @param {Text} paper
 * @returns {string}
 */
export function paperKey(paper) {
  return paper.zh || paper.en || '';
}

function uniqueTexts(texts) {
  const seen = new Map();
  for (const text of texts) if (!seen.has(paperKey(text))) seen.set(paperKey(text), text);
  return [...seen.values()];
}

// ---- The family's results page (results-view.js draws it; it decides nothing itself) ----

/**
 * @typedef {Object} Decision  one card: a program, or a choose-one group with its options
 * @property {string} status  eligible | depends_on_local_decision | needs_answers (the options'
 *   best status, for a group)
 * @property {Object} pack    the check() pack
 * @property {Object|null} group  the pack's exclusive group (with the engine's `ranked`), or null
 * @property {Object[]} programs  the check() programs: one, or the group's options in the
 *   engine's ranking (most valuable first)
 *
 * @typedef {Object} NearMiss  a "no" in the family's own places that one or two conditions decide
 * @property {Object} pack
 * @property {Object|null} group
 * @property {Object[]} programs
 * @property {Array<{text: Object, hint?: Object, cite?: Object, member?: string}>} failing
 *   the conditions that failed (the engine's would_change), each once
 *
 * @typedef {Object} FamilyResult
 * @property {Decision[]} decisions  what the family may apply for or might get once more is
 *   answered: eligible first, then up to a local decision, then still open
 * @property {NearMiss[]} nearMisses
 * @property {Array<{pack: Object, program: Object}>} asking  related policies worth asking about
 * @property {Array<{pack: Object, program: Object}>} notEligible  the other "no"s of the family's places
 * @property {Array<{pack: Object, program: Object}>} providers  subsidies paid to providers
 * @property {Object[]} ownPacks   packs of the family's own places (hukou or where it lives)
 * @property {Object[]} elsewhere  packs about other places only
 * @property {ReturnType<typeof familyMoney>} money
 * @property {{apply: number, depends: number, needs: number}} counts  cards of each kind
 */

const DECISION_ORDER = ['eligible', 'depends_on_local_decision', 'needs_answers'];
/** A "no" that this many failing conditions decide is a near miss. */
const NEAR_MISS_MAX = 2;

/**
 * Sorts a check() result for the family's page, from the engine's statuses, groups
 * (exclusive_groups.ranked) and payees only.
 * @param {Object} result  check() output (ok)
 * @param {import('./engine.js').Catalogue} catalogue
 * @param {(catalogue: Object, pack: Object) => boolean} isElsewhere  engine.js packElsewhere
 * @param {(catalogue: Object, program: Object) => boolean} failsOnPlace  engine.js failsOnPlace
 * @returns {FamilyResult}
 */
export function familyResult(result, catalogue, isElsewhere, failsOnPlace) {
  const packs = (result.packs || []).filter((pack) => pack.programs.length > 0);
  const elsewhere = packs.filter((pack) => isElsewhere(catalogue, pack));
  const ownPacks = packs.filter((pack) => !elsewhere.includes(pack));
  const decisions = [];
  const nearMisses = [];
  const asking = [];
  const notEligible = [];
  const providers = [];
  for (const pack of ownPacks) {
    const groups = new Map();
    const nearGroups = new Map();
    for (const program of pack.programs) {
      if (!isForFamily(program)) { providers.push({ pack, program }); continue; }
      if (isWorthAsking(program)) { asking.push({ pack, program }); continue; }
      if (program.status === 'not_eligible') {
        const failing = uniqueFailing(program.would_change);
        const near = program.kind !== 'related_policy' && failing.length > 0 && failing.length <= NEAR_MISS_MAX
          && !failsOnPlace(catalogue, program);
        if (!near) { notEligible.push({ pack, program }); continue; }
        const group = groupOf(pack, program);
        if (!group) { nearMisses.push({ pack, group: null, programs: [program], failing }); continue; }
        if (!nearGroups.has(group.id)) {
          nearGroups.set(group.id, { pack, group, programs: [], failing: [] });
          nearMisses.push(nearGroups.get(group.id));
        }
        const entry = nearGroups.get(group.id);
        entry.programs.push(program);
        entry.failing = uniqueFailing([...entry.failing, ...failing]);
        continue;
      }
      const group = groupOf(pack, program);
      if (!group) { decisions.push({ status: program.status, pack, group: null, programs: [program] }); continue; }
      if (!groups.has(group.id)) {
        groups.set(group.id, { status: program.status, pack, group, programs: [] });
        decisions.push(groups.get(group.id));
      }
      groups.get(group.id).programs.push(program);
    }
    for (const entry of groups.values()) {
      entry.programs.sort((a, b) => rankWithin(entry.group, a.id, a.member) - rankWithin(entry.group, b.id, b.member));
      entry.status = DECISION_ORDER.find((status) => entry.programs.some((p) => p.status === status)) || entry.status;
    }
  }
  const place = (status) => DECISION_ORDER.indexOf(status);
  decisions.sort((a, b) => place(a.status) - place(b.status)); // stable: pack order within a status
  nearMisses.sort((a, b) => a.failing.length - b.failing.length);
  const count = (status) => decisions.filter((d) => d.status === status).length;
  return {
    decisions, nearMisses, asking, notEligible,
    providers, ownPacks, elsewhere,
    money: familyMoney(ownPacks),
    counts: { apply: count('eligible'), depends: count('depends_on_local_decision'), needs: count('needs_answers') },
  };
}

function groupOf(pack, program) {
  if (!program.exclusive_group) return null;
  return (pack.exclusive_groups || []).find((g) => g.id === program.exclusive_group) ?? null;
}

/** The failing conditions, each once (a per-member program may name the same one twice). */
function uniqueFailing(list) {
  const seen = new Map();
  for (const change of list || []) {
    const key = `${change.member || ''}|${change.text?.zh}|${change.hint?.zh || ''}`;
    if (!seen.has(key)) seen.set(key, change);
  }
  return [...seen.values()];
}

/**
 * A policy's dates, each said as it stands on the day of the check: a target or an end date
 * already past is said to be past, never shown as a plain date that reads like a promise.
 * @param {{dates?: Object, doc_number?: string|null}} pack  a check() pack
 * @param {string} asOf  the result's as_of (YYYY-MM-DD)
 * @returns {Array<{key: string, date?: string, a?: string, b?: string}>}  i18n keys with their
 *   dates: issued, period / periodEnded, target / targetPassed
 */
export function policyDates(pack, asOf) {
  const dates = pack.dates || {};
  const past = (date) => Boolean(date && asOf && date < asOf);
  const parts = [];
  if (dates.issued) parts.push({ key: 'issued', date: dates.issued });
  if (dates.period_start || dates.period_end) {
    parts.push({ key: past(dates.period_end) ? 'periodEnded' : 'period', a: dates.period_start || '…', b: dates.period_end || '…' });
  }
  if (dates.target && dates.target !== dates.period_end) {
    parts.push({ key: past(dates.target) ? 'targetPassed' : 'target', date: dates.target });
  }
  return parts;
}
