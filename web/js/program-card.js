// The cards of the results page. On the face of a card: what it is, whether the family can have
// it, how much and who is paid, and where to go; everything else (why, the clause, item numbers,
// papers, the policy's dates) is in one fold per card.
import { h } from './dom.js';
import { clauseLabel, labelled, list, paren, pick, say } from './i18n.js';
import { memberName } from './people.js';
import { answerOf } from './state.js';
import { isWorthAsking, policyDates } from './result-summary.js';

/**
 * One card per decision: a program, or a choose-one group whose options stand side by side,
 * each with what it is worth and who is paid.
 * @param {import('./calculator.js').Context} ctx
 * @param {import('./result-summary.js').Decision} decision
 * @param {string} asOf
 * @returns {HTMLElement}
 */
export function decisionCard(ctx, decision, asOf, withNote = false) {
  const { pack, group, programs } = decision;
  if (!group) return programCard(ctx, pack, programs[0], asOf, withNote);
  const where = sameWhere(programs);
  return h('article', { class: `program program--group program--${decision.status}`, 'data-pack': pack.id, 'data-group': group.id },
    h('h4', { class: 'program__name' }, mark(decision.status), pick(group.name)),
    h('p', { class: 'program__status' }, say(`groupStatus_${decision.status}`)),
    h('ul', { class: 'options' }, programs.map((program) => h('li', { class: `option option--${program.status}` },
      h('p', { class: 'option__name' }, mark(program.status), pick(program.name), who(ctx, program)),
      amountShort(program.amount, 'payOption'),
      program.status !== decision.status && h('p', { class: 'option__status' }, pick(program.status_text))))),
    where && h('p', { class: 'program__where' }, h('strong', {}, say('where')), where),
    withNote && packNote(pack, asOf, true),
    moreDetails(ctx, pack, programs, asOf, group, !where));
}

/**
 * A near miss: what fails and, where the engine knows it, the figure needed and the day it is
 * reached ("需要 ≥ 60岁，现在是 58岁；2028-05-10 满 60岁").
 * @param {import('./calculator.js').Context} ctx
 * @param {import('./result-summary.js').NearMiss} miss
 * @param {string} asOf
 */
export function nearMissCard(ctx, miss, asOf, withNote = false) {
  const { pack, group, programs, failing } = miss;
  const title = group ? pick(group.name) : pick(programs[0].name);
  return h('article', { class: 'program program--near', 'data-pack': pack.id, ...(group ? { 'data-group': group.id } : {}) },
    h('h4', { class: 'program__name' }, mark('near'), title, group ? '' : who(ctx, programs[0])),
    group && h('p', { class: 'program__options' }, list(programs.map((p) => pick(p.name)))),
    !group && amountShort(programs[0].amount),
    h('p', { class: 'near__lead' }, h('strong', {}, say(failing.length > 1 ? 'nearMissing2' : 'nearMissing1'))),
    h('ul', { class: 'near__list' }, failing.map((change) => h('li', {},
      h('span', { class: 'near__text' }, pick(change.text), change.member ? paren(memberName(ctx.engine.catalogue, ctx.state, change.member)) : ''),
      change.hint && h('span', { class: 'near__hint' }, pick(change.hint))))),
    withNote && packNote(pack, asOf, true),
    moreDetails(ctx, pack, programs, asOf, group, false));
}

/**
 * Related policies only worth asking about: their names in a plain list, then one fold per place
 * to ask, naming the policies asked about there (each policy's reasons in the folded rest).
 * @param {import('./calculator.js').Context} ctx
 * @param {Array<{pack: Object, program: Object}>} entries
 * @returns {HTMLElement[]}
 */
export function askList(ctx, entries) {
  const places = new Map();
  for (const { program } of entries) {
    const where = pick(program.apply?.where) || say('askWhereUnknown');
    places.set(where, [...(places.get(where) || []), program]);
  }
  return [
    h('ul', { class: 'ask-list' }, entries.map(({ pack, program }) => h('li', { class: 'program program--worth_asking', 'data-pack': pack.id },
      h('span', { class: 'program__name' }, mark('worth_asking'), pick(program.name), who(ctx, program))))),
    h('details', { class: 'program__more ask-where' },
      h('summary', {}, say('howToAsk')),
      h('p', {}, say('askHelp')),
      [...places].map(([where, programs]) => h('div', { class: 'more__program' },
        h('p', {}, h('strong', {}, withPhones(where))),
        h('p', {}, list(programs.map((p) => pick(p.name)))))),
      entries.map(({ pack, program }) => h('div', { class: 'more__program' },
        h('h5', { class: 'more__name' }, pick(program.name), who(ctx, program)),
        h('p', { class: 'program__status' }, pick(program.status_text)),
        program.summary && h('p', { class: 'program__summary' }, pick(program.summary)),
        applyBlock(program.apply, false),
        citations(program)))),
  ];
}

/**
 * What cannot be decided yet: the names in a plain list, and one fold saying what is still to be
 * answered for each (the headline's button goes on with the questions).
 * @param {import('./calculator.js').Context} ctx
 * @param {import('./result-summary.js').Decision[]} decisions  needs_answers decisions
 * @returns {HTMLElement[]}
 */
export function openList(ctx, decisions, asOf) {
  const title = (d) => (d.group ? pick(d.group.name) : pick(d.programs[0].name));
  const missingOf = (d) => d.programs.flatMap((program) => program.missing ?? []);
  // Only answers of "not sure" missing: nothing is left to ask, so one of them opens to be changed.
  const { unsure, unasked } = missingFacts(ctx, decisions.flatMap(missingOf));
  return [
    h('ul', { class: 'ask-list open-list' }, decisions.map((d) => h('li', { class: 'program program--needs_answers', 'data-pack': d.pack.id },
      h('span', { class: 'program__name' }, mark('needs_answers'), title(d), d.group ? '' : who(ctx, d.programs[0]))))),
    h('details', { class: 'program__more open-where' },
      h('summary', {}, say('openWhat')),
      decisions.map((d) => h('div', { class: 'more__program' },
        h('h5', { class: 'more__name' }, title(d), d.group ? '' : who(ctx, d.programs[0])),
        d.programs.map((program) => [
          d.group && h('p', {}, h('strong', {}, pick(program.name))),
          amountShort(program.amount),
        ]),
        // Once for a choose-one group: its programs mostly wait for the same answers.
        missingLines(ctx, missingOf(d)))),
      unsure && !unasked && changeNotSureButton(ctx, unsure)),
  ];
}

/** A program folded away (not for this family, or paid to providers): its name and its reasons. */
export function foldedCard(ctx, pack, program, asOf) {
  // A related policy this text does not include the family in is no "✗": that policy has its own
  // conditions (its status text says so), so it looks neither refused nor granted.
  const look = program.kind === 'related_policy' && program.status === 'not_eligible' ? 'not_included' : program.status;
  return h('article', { class: `program program--${look} program--folded`, 'data-pack': pack.id },
    h('h4', { class: 'program__name' }, mark(look), pick(program.name), who(ctx, program)),
    h('p', { class: 'program__status' }, pick(program.status_text)),
    changeBlock(ctx, program),
    moreDetails(ctx, pack, [program], asOf, null, false));
}

/**
 * The policy's status note (draft, period ended) and its dates, shown beside its results; a
 * target or end date already past is said to be past.
 */
export function packNote(pack, asOf, onCard = false) {
  // On a card, the rest of the note and the dates are in the card's own fold (policyLine).
  if (onCard) return h('div', { class: `pack__meta pack__meta--${pack.status}` }, h('p', { class: 'pack__note' }, firstSentence(pick(pack.status_note))));
  return h('div', { class: `pack__meta pack__meta--${pack.status}` },
    h('p', { class: 'pack__title' }, pick(pack.title)),
    noteParts(pick(pack.status_note), [datesLine(pack, asOf)]));
}

function firstSentence(note) {
  const cut = note.search(/[。.]/);
  return cut < 0 ? note : note.slice(0, cut + 1);
}

/** The status note's first sentence on the face ("这是征求意见稿……"), the rest one tap away. */
function noteParts(note, dates) {
  if (!note) return dates;
  dates = dates.filter(Boolean);
  const first = firstSentence(note);
  const rest = note.slice(first.length).trim();
  return [h('p', { class: 'pack__note' }, first),
    (rest || dates.length > 0) && h('details', { class: 'pack__more' }, h('summary', {}, say('packMore')), rest && h('p', {}, rest), dates)];
}

function programCard(ctx, pack, program, asOf, withNote) {
  // Where to go on the card's face; a program with no place says how (e.g. the number to call).
  const where = pick(program.apply?.where);
  const how = !where && pick(program.apply?.how);
  return h('article', { class: `program program--${program.status}`, 'data-pack': pack.id, 'data-program': program.id },
    h('h4', { class: 'program__name' }, mark(program.status), pick(program.name), who(ctx, program)),
    h('p', { class: 'program__status' }, pick(program.status_text)),
    amountShort(program.amount),
    program.status === 'needs_answers' && missingBlock(ctx, program),
    program.status === 'depends_on_local_decision' && program.local && h('p', { class: 'program__local' },
      h('strong', {}, say('decider')), pick(program.local.decided_by)),
    where && program.status !== 'needs_answers' && h('p', { class: 'program__where' }, h('strong', {}, say('where')), withPhones(where)),
    how && program.status !== 'needs_answers' && h('p', { class: 'program__where' }, h('strong', {}, say('how')), withPhones(how)),
    withNote && packNote(pack, asOf, true),
    moreDetails(ctx, pack, [program], asOf, null, false));
}

const mark = (status) => h('span', { class: 'program__mark', 'aria-hidden': 'true' }, say(`statusMark_${status}`));

/** Whom a per-person program is for, when the family has more than one person. */
function who(ctx, program) {
  if (!program.member || ctx.state.members.length < 2) return '';
  return say('forMember', { who: memberName(ctx.engine.catalogue, ctx.state, program.member) });
}

function sameWhere(programs) {
  const places = [...new Set(programs.map((p) => pick(p.apply?.where)))];
  return places.length === 1 ? places[0] : '';
}

/**
 * The amount on a card's face: the figure in bold only when there is one ("每户每年 1500 元"),
 * words without a figure ("金额由当地定") in plain type; then who is paid, in short words.
 * @param {Object|undefined} amount  a check() amount
 */
export function amountShort(amount, payWords = 'payShort') {
  if (!amount) return null;
  const figure = figureWords(amount);
  const words = figure || pick(amount.text);
  return h('div', { class: `amount${amount.paid_to ? ` amount--${amount.paid_to}` : ''}` },
    words && h('p', { class: figure ? 'program__amount' : 'program__amount program__amount--words' }, words),
    amount.paid_to && h('p', { class: 'amount__to' }, say(`${payWords}_${amount.paid_to}`)),
    amount.suggested && h('p', { class: 'amount__suggested' }, say(payWords === 'payOption' ? 'amountSuggestedShort' : 'amountSuggested')));
}

/**
 * The amount on a card's face as words to read aloud (issue 12): figure, who is paid, suggested.
 * @param {Object} amount  a check() amount
 * @returns {string[]}
 */
export function amountSpoken(amount) {
  return [figureWords(amount) || pick(amount.text), amount.paid_to ? say(`payShort_${amount.paid_to}`) : '',
    amount.suggested ? say('amountSuggested') : ''].filter(Boolean);
}

/** "每户每年 1500 元", "每人每月至少 20 元", "每天 50 元，每月最多 2 天"; '' without a figure. */
function figureWords(amount) {
  if (typeof amount.value !== 'number' || !['fixed', 'floor', 'per_day'].includes(amount.kind)) return '';
  const n = amount.value.toLocaleString('zh-CN');
  const who = say(`per_${amount.per}`);
  if (amount.kind === 'per_day') {
    if (amount.per_meal) return say('figurePerMeal', { n });
    return amount.max_days_per_month
      ? say('figurePerDayCapped', { who, n, days: amount.max_days_per_month })
      : say('figurePerDay', { who, n });
  }
  const period = say(`period_${amount.period}`);
  return say(amount.kind === 'floor' ? 'figureFloor' : 'figureFixed', { who, period, n });
}

/**
 * The engine's full words for the amount, its note, the yearly figure when the engine gave no
 * words, who receives the money in plain words, and whether it is a suggested standard.
 * @param {Object|undefined} amount  a check() amount
 * @returns {HTMLElement|null}
 */
export function amountLine(amount) {
  if (!amount) return null;
  const words = pick(amount.text) || yearlyWords(amount);
  const to = paidToWords(amount.paid_to, amount.value);
  if (!words && !to) return null;
  return h('div', { class: 'amount-full' },
    words && h('p', {}, words),
    amount.note && h('p', {}, pick(amount.note)),
    to && h('p', {}, to));
}

/**
 * Who receives the money, in a villager's words: only "family" money reaches the family.
 * @param {string|null|undefined} paidTo  family | institution | service_provider | meal_point
 * @param {number|null} [value]  the figure (yuan a meal for a meal point), when known
 * @returns {string} '' when the engine did not say
 */
export function paidToWords(paidTo, value) {
  if (!paidTo) return '';
  if (paidTo === 'meal_point') {
    return typeof value === 'number' ? say('paidTo_meal_point', { n: value.toLocaleString('zh-CN') }) : say('paidTo_meal_point_plain');
  }
  return say(`paidTo_${paidTo}`);
}

function yearlyWords(amount) {
  if (!amount || amount.yearly == null) return '';
  const n = amount.yearly.toLocaleString('zh-CN');
  if (amount.bound === 'at_least') return say('perYearAtLeast', { n });
  if (amount.bound === 'up_to') return say('perYearUpTo', { n });
  if (amount.bound === 'exact') return say('perYearExact', { n });
  return '';
}

/**
 * The facts still needed, each once, as list items. A fact answered "not sure" is not asked
 * again, so its line says so, with who decides it.
 * @returns {{items: HTMLElement[], unsure: ?{fact: string, member?: string}, unasked: boolean}}
 *   unsure: the first answer "not sure"; unasked: whether some fact was never answered
 */
function missingFacts(ctx, missing) {
  const { catalogue } = ctx.engine;
  const items = new Map(); // the line shown -> its list item (a fact may be missing for two reasons)
  let unsure = null;
  let unasked = false;
  for (const m of missing) {
    const fact = catalogue.facts.get(m.fact);
    const question = pick(fact?.question) || m.fact;
    const line = m.member ? labelled(memberName(catalogue, ctx.state, m.member), question) : question;
    const key = { fact: m.fact, ...(m.member ? { member: m.member } : {}) };
    const answer = answerOf(ctx.state, key);
    const notSure = answer.answered && answer.value === null; // "not sure": not asked again
    if (notSure) unsure ??= key;
    else unasked = true;
    if (items.has(line)) continue;
    items.set(line, h('li', {}, line, notSure && h('span', { class: 'program__unsure' },
      say('answeredNotSure'), fact?.decided_by && `${say('decidedBy')}${pick(fact.decided_by)}`)));
  }
  return { items: [...items.values()], unsure, unasked };
}

/** Opens an answer of "not sure" to be changed, then back to the results. */
function changeNotSureButton(ctx, key) {
  return h('button', {
    type: 'button', class: 'button button--secondary',
    onClick() {
      ctx.state.editing = { ...key, returnTo: 'results' };
      ctx.save();
      ctx.go('questions');
    },
  }, say('changeNotSure'));
}

/**
 * What a program still needs. When only answers of "not sure" are missing, nothing is left to
 * ask: its button opens one of them to change; else (withButton) it asks the rest.
 */
function missingBlock(ctx, program, withButton = true) {
  if (!program.missing?.length) return null;
  const { items, unsure, unasked } = missingFacts(ctx, program.missing);
  return h('div', { class: 'program__missing' },
    h('p', {}, h('strong', {}, say('missing'))),
    h('ul', {}, items),
    unsure && !unasked
      ? changeNotSureButton(ctx, unsure)
      : withButton && h('button', { type: 'button', class: 'button button--secondary', onClick: () => ctx.go('questions') }, say('answerThese')));
}

/** What one undecided decision still needs, without a button (its list has one for them all). */
function missingLines(ctx, missing) {
  if (missing.length === 0) return null;
  return h('div', { class: 'program__missing' },
    h('p', {}, h('strong', {}, say('missing'))),
    h('ul', {}, missingFacts(ctx, missing).items));
}

function changeBlock(ctx, program) {
  // A related policy's conditions are its own, which the text does not set: what failed here is
  // this text's group of families, not what that policy asks (its status text says so).
  if (program.status !== 'not_eligible' || !program.would_change?.length || program.kind === 'related_policy') return null;
  return h('div', { class: 'program__change' },
    h('p', {}, h('strong', {}, say('wouldChange'))),
    h('ul', {}, program.would_change.map((c) => h('li', {}, pick(c.text), c.hint && ` — ${pick(c.hint)}`))));
}

/**
 * The one fold of a card: for each program, what it is, the amount in full, why (the conditions
 * with their clauses), where to go and what to bring, what to know; then the choose-one rule
 * and the policy with its dates.
 */
function moreDetails(ctx, pack, programs, asOf, group, withWhere) {
  const several = programs.length > 1;
  const parts = programs.map((program) => h('div', { class: 'more__program' },
    several && h('h5', { class: 'more__name' }, pick(program.name), who(ctx, program)),
    program.summary && h('p', { class: 'program__summary' }, pick(program.summary)),
    amountLine(program.amount),
    program.status === 'depends_on_local_decision' && program.local?.text && h('p', {}, pick(program.local.text)),
    whyBlock(program),
    program.status !== 'not_eligible' && applyBlock(program.apply, !withWhere && !several),
    notesBlock(program.notes),
    citations(program)));
  return h('details', { class: 'program__more' },
    h('summary', {}, say(programs.some(isWorthAsking) ? 'howToAsk' : 'moreDetails')),
    parts,
    group?.cite && h('div', { class: 'more__group' }, h('p', {}, h('strong', {}, pick(group.name)), ' — ', say('chooseOneRule')), citeDetails(group.cite)),
    policyLine(pack, asOf));
}

function whyBlock(program) {
  if (!program.why?.length) return null;
  return h('div', { class: 'program__why' },
    h('p', {}, h('strong', {}, say('why'))),
    traceList(program.why));
}

function traceList(traces) {
  return h('ul', { class: 'trace' }, traces.map((trace) => h('li', { class: `trace__item trace__item--${trace.value}` },
    h('span', { class: 'trace__value' }, labelled(say(`trace_${trace.value}`), '')),
    pick(trace.text),
    trace.cite?.clause && h('span', { class: 'trace__clause' }, paren(clauseLabel(trace.cite.clause))),
    trace.children?.length ? traceList(trace.children) : null)));
}

/** The clauses a program rests on, each with its sentence, folded. */
function citations(program) {
  if (!program.citations?.length) return null;
  return h('div', { class: 'program__cites' }, program.citations.map(citeDetails));
}

/**
 * The clause and its quoted sentence, folded away until asked for.
 * @param {{clause: string, quote: string}} cite
 * @returns {HTMLElement}
 */
export function citeDetails(cite) {
  return h('details', { class: 'cite' },
    h('summary', {}, say('quote'), cite.clause ? paren(clauseLabel(cite.clause)) : ''),
    h('blockquote', { class: 'cite__quote', lang: 'zh-CN' }, cite.quote));
}

function applyBlock(apply, withWhere = true) {
  if (!apply) return null;
  const { documents = [], where, how, lead } = apply;
  if (!documents.length && !(withWhere && where) && !how && !lead) return null;
  return h('div', { class: 'program__apply' },
    documents.length > 0 && h('p', {}, h('strong', {}, say('documents'))),
    documents.length > 0 && h('ul', { class: 'checklist' }, documents.map((d) => h('li', {}, pick(d)))),
    withWhere && where && h('p', {}, h('strong', {}, say('where')), withPhones(pick(where))),
    how && h('p', {}, h('strong', {}, say('how')), withPhones(pick(how))),
    lead && h('p', {}, h('strong', {}, say('lead')), withPhones(pick(lead))));
}

/**
 * Words with each telephone number the rule text gives (e.g. "拨打电话12349") as a link a phone
 * can dial. Numbers come only from the packs, which take them from the policy texts.
 * @param {string} text
 * @returns {Array<string|HTMLElement>}
 */
export function withPhones(text) {
  const parts = [];
  let last = 0;
  for (const match of text.matchAll(/(?<![\d.])(\d{3,}(?:-\d{3,})*)(?![\d.]|\s*(?:元|岁|年|月|日|天|项|%|号|yuan|years?))/g)) {
    if (!/(电话|拨打|热线|call|phone|hotline)/i.test(text.slice(Math.max(0, match.index - 8), match.index))) continue;
    parts.push(text.slice(last, match.index),
      h('a', { class: 'phone', href: `tel:${match[1].replace(/-/g, '')}` }, match[1]));
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return parts;
}

function notesBlock(notes) {
  if (!notes?.length) return null;
  return h('div', { class: 'program__notes' },
    h('p', {}, h('strong', {}, say('notes'))),
    h('ul', {}, notes.map((n) => h('li', {}, pick(n)))));
}

function datesLine(pack, asOf) {
  const parts = policyDates(pack, asOf).map(({ key, ...vars }) => say(key, { d: vars.date, a: vars.a, b: vars.b }));
  if (!pack.doc_number && parts.length === 0) return null;
  return h('p', { class: 'pack__dates' },
    [pack.doc_number, parts.length ? `${say('policyDates')}${parts.join(say('listComma'))}` : ''].filter(Boolean).join(' · '));
}

function policyLine(pack, asOf) {
  return h('div', { class: 'more__policy' },
    h('p', {}, h('strong', {}, say('policy')), pick(pack.title)),
    pack.status_note && h('p', {}, pick(pack.status_note)),
    datesLine(pack, asOf));
}
