// Step 4: what the family can get — positive answers first, "no"s folded away but reachable;
// related policies worth asking about apart, in their own words, never counted with the rest.
import { h, show } from './dom.js';
import { labelled, list, paren, pick, say } from './i18n.js';
import { amountLine, citeDetails, programCard } from './program-card.js';
import { answersList, checklist } from './results-extras.js';
import { packElsewhere } from './engine.js';
import { householdOf } from './state.js';
import { familyMoney, familyYearly, isWorthAsking, mayApplyFor, rankWithin } from './result-summary.js';

const KIND_ORDER = ['service_mode', 'subsidy', 'service_item', 'related_policy'];
const STATUS_ORDER = ['eligible', 'depends_on_local_decision', 'needs_answers', 'not_eligible'];

/**
 * @param {import('./app.js').Context} ctx
 */
export async function renderResults(ctx) {
  const household = householdOf(ctx.state);
  const visit = ctx.visit;
  const [result, open] = await Promise.all([ctx.engine.check(household), ctx.engine.questions(household)]);
  if (visit !== ctx.visit) return; // the family moved on while the engine worked
  if (!result.ok) {
    ctx.fail(result);
    return;
  }
  const remaining = open.ok ? (open.remaining ?? open.questions.length) : 0;

  const packs = result.packs || [];
  const touched = packs.filter((p) => p.programs.some((g) => g.status !== 'not_eligible'));
  // Policies of places where the family neither lives nor has its hukou, as the engine found;
  // a policy of the family's place that gives it nothing is still shown, with its reasons.
  const elsewhere = packs.filter((p) => packElsewhere(ctx.engine.catalogue, p));
  const ownPlace = packs.filter((p) => !touched.includes(p) && !elsewhere.includes(p) && p.programs.length > 0);
  const familyPrograms = touched.flatMap((pack) => pack.programs
    .filter((program) => program.kind !== 'provider_subsidy')
    .map((program) => ({ pack, program })));
  const count = (status) => familyPrograms.filter((e) => e.program.status === status).length;

  const heading = h('h2', { class: 'step__title' }, say('resultsTitle'));
  // What the family may get, counted by the engine's statuses; what is only worth asking about
  // is said on its own line after them.
  const summaryText = [
    ['countEligible', count('eligible')],
    ['countDepends', count('depends_on_local_decision')],
    ['countNeeds', count('needs_answers')],
  ].filter(([, n]) => n > 0).map(([key, n]) => say(key, { n }));
  const asking = familyPrograms.filter((e) => isWorthAsking(e.program)).length;
  const askText = asking > 0 ? say('countAsk', { n: asking }) : '';
  const summary = h('section', { class: 'summary', 'aria-labelledby': 'summary-title' },
    h('p', { class: 'summary__when' }, say(ctx.state.facts.home_region ? 'checkedForHome' : 'checkedFor', {
      date: result.as_of, place: placeName(ctx, ctx.state.region), home: placeName(ctx, ctx.state.facts.home_region),
    })),
    h('p', { id: 'summary-title', class: 'summary__intro' }, say('resultsIntro')),
    summaryText.length > 0 && h('ul', { class: 'summary__counts' }, summaryText.map((t) => h('li', {}, t))),
    elsewhere.length > 0 && elsewhere.length === packs.filter((p) => p.programs.length > 0).length && notCoveredNote(ctx),
    bestList(familyPrograms.filter((e) => e.program.status === 'eligible')),
    moneyLine(familyMoney(touched)),
    askText && h('p', { class: 'summary__ask' }, askText),
    remaining > 0 && h('button', {
      type: 'button', class: 'button button--primary', onClick: () => ctx.go('questions'),
    }, say('keepAnswering', { n: remaining })));

  const worth = familyPrograms.filter((e) => mayApplyFor(e.program));
  show(ctx.view, [
    h('div', { class: 'step results' },
      heading,
      summary,
      touched.map((pack) => packSection(ctx, pack)),
      ownPlace.map((pack) => packSection(ctx, pack)),
      checklist(ctx, worth),
      h('div', { class: 'actions no-print' },
        h('button', { type: 'button', class: 'button button--secondary', onClick: () => window.print() }, say('print'))),
      answersList(ctx),
      elsewhere.length > 0 && h('details', { class: 'fold fold--elsewhere' },
        h('summary', {}, say('otherPlacesFold', { n: elsewhere.length })),
        elsewhere.map((pack) => packSection(ctx, pack)))),
  ], heading);
  ctx.announceQuietly(labelled(say('resultsTitle'), [list(summaryText) || say('nothingYet'), askText].filter(Boolean).join(say('sentenceBreak'))));
  ctx.resultShown(result, open);
}

const placeName = (ctx, code) => ctx.regions.fullName(code) || code || '';

/**
 * When every loaded policy is about other places (the engine found each one's programs not
 * eligible on a place), say that plainly instead of "no", naming the family's places.
 */
function notCoveredNote(ctx) {
  const { state } = ctx;
  if (!state.region) return null;
  const own = [state.facts.home_region, ...state.members.map((m) => m.facts.person_hukou_region)]
    .filter((code) => typeof code === 'string' && code && code !== state.region);
  const ours = [...new Set([state.region, ...own])].map((code) => placeName(ctx, code));
  const places = [...new Set(ctx.engine.catalogue.packs.map((p) => pick(p.jurisdiction?.name)).filter(Boolean))];
  return h('p', { class: 'summary__none' },
    say(own.length > 0 ? 'notCoveredPlaces' : 'notCovered', { place: list(ours) }), list(places));
}

/**
 * How much of it reaches the family's own hands each year: never money paid to a care home, a
 * service provider or a meal point (the family gets the service, not the cash).
 * @param {{yearly: number, paidElsewhere: string[]}} money  from familyMoney()
 */
function moneyLine({ yearly, paidElsewhere }) {
  const who = list(paidElsewhere.map((to) => say(`receiver_${to}`)));
  if (yearly > 0) {
    return h('p', { class: 'summary__money' }, say('familyMoney', { n: yearly.toLocaleString('zh-CN') }),
      paidElsewhere.length > 0 && say('familyMoneyOthers', { who }));
  }
  return paidElsewhere.length > 0 ? h('p', { class: 'summary__money' }, say('familyMoneyNone', { who })) : null;
}

/**
 * What the family can apply for, named at the top with amounts; programs of a "choose one"
 * group are listed together under the group's name, best first.
 */
function bestList(eligible) {
  if (eligible.length === 0) return h('p', { class: 'summary__none' }, say('nothingYet'));
  const item = ({ program }) => h('li', {}, h('strong', {}, pick(program.name)), amountLine(program.amount));
  const lines = [];
  const grouped = new Set();
  for (const entry of eligible) {
    const groupId = entry.program.exclusive_group;
    if (!groupId) { lines.push(item(entry)); continue; }
    const key = `${entry.pack.id}/${groupId}`;
    if (grouped.has(key)) continue;
    grouped.add(key);
    const group = (entry.pack.exclusive_groups || []).find((g) => g.id === groupId);
    const members = eligible.filter((e) => e.pack === entry.pack && e.program.exclusive_group === groupId);
    const rank = (e) => rankWithin(group, e.program.id, e.program.member);
    members.sort((a, b) => rank(a) - rank(b));
    lines.push(h('li', {}, h('span', {}, say('chooseOneOf', { name: pick(group?.name) || groupId })),
      h('ul', {}, members.map(item))));
  }
  return h('ul', { class: 'summary__best' }, lines);
}

function packSection(ctx, pack) {
  const titleId = `pack-${pack.id}`;
  const shown = pack.programs.filter((p) => p.status !== 'not_eligible' && p.kind !== 'provider_subsidy' && !isWorthAsking(p));
  const asking = pack.programs.filter((p) => p.kind !== 'provider_subsidy' && isWorthAsking(p));
  const notEligible = pack.programs.filter((p) => p.status === 'not_eligible' && p.kind !== 'provider_subsidy');
  const providers = pack.programs.filter((p) => p.kind === 'provider_subsidy');
  return h('section', { class: 'pack', 'aria-labelledby': titleId },
    h('h2', { class: 'pack__title', id: titleId }, pick(pack.title)),
    packMeta(pack),
    KIND_ORDER.map((kind) => kindGroup(ctx, pack, kind, shown.filter((p) => p.kind === kind))),
    askGroup(ctx, pack, asking),
    notEligible.length > 0 && h('details', { class: 'fold' },
      h('summary', {}, say('notEligibleFold', { n: notEligible.length })),
      notEligible.map((p) => programCard(ctx, p))),
    providers.length > 0 && h('details', { class: 'fold' },
      h('summary', {}, say('kind_provider_subsidy'), paren(providers.length)),
      providers.map((p) => programCard(ctx, p))));
}

/** Draft status and dates, shown beside every pack's results. */
function packMeta(pack) {
  const dates = pack.dates || {};
  const parts = [
    dates.issued && say('issued', { d: dates.issued }),
    (dates.period_start || dates.period_end) && say('period', { a: dates.period_start || '…', b: dates.period_end || '…' }),
    dates.target && say('target', { d: dates.target }),
  ].filter(Boolean);
  return h('div', { class: `pack__meta pack__meta--${pack.status}` },
    pack.status_note && h('p', { class: 'pack__note' }, pick(pack.status_note)),
    (pack.doc_number || parts.length > 0) && h('p', { class: 'pack__dates' },
      [pack.doc_number, parts.length ? `${say('policyDates')}${parts.join('，')}` : ''].filter(Boolean).join(' · ')));
}

function kindGroup(ctx, pack, kind, programs) {
  if (programs.length === 0) return null;
  const groups = (pack.exclusive_groups || []).filter((g) => programs.some((p) => p.exclusive_group === g.id));
  const rank = (p) => rankWithin(groups.find((g) => g.id === p.exclusive_group), p.id, p.member);
  const ordered = [...programs].sort((a, b) =>
    STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status)
    || rank(a) - rank(b)
    // Only money paid to the family ranks programs for the family (a care home's subsidy is not theirs).
    || (familyYearly(b.amount) ?? -1) - (familyYearly(a.amount) ?? -1));
  return h('section', { class: `kind kind--${kind}` },
    h('h3', { class: 'kind__title' }, say(`kind_${kind}`)),
    groups.map((g) => h('div', { class: 'kind__choose' },
      h('p', {}, h('strong', {}, pick(g.name)), ' — ', say('chooseOne')),
      g.cite && citeDetails(g.cite))),
    ordered.map((p) => programCard(ctx, p)));
}

/**
 * Related policies the engine says are worth asking about: apart from what the family may get,
 * under their own heading, each saying plainly that nothing is promised.
 */
function askGroup(ctx, pack, programs) {
  if (programs.length === 0) return null;
  const titleId = `ask-${pack.id}`;
  return h('section', { class: 'kind kind--ask', 'aria-labelledby': titleId },
    h('h3', { class: 'kind__title', id: titleId }, say('askTitle')),
    h('p', { class: 'kind__help' }, say('askHelp')),
    programs.map((p) => programCard(ctx, p)));
}
