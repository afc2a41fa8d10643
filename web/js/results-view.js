// Step 4: what the family can get, in the order a family reads it on a phone: a headline (how
// many things to apply for, how much money reaches the family in a year), one card per decision
// (a choose-one group is one card with its options side by side), "差一点就符合" (near misses),
// "可以去问问" (related policies worth asking about), then everything else folded.
// Every status, grouping and payee comes from result-summary.js familyResult(); this file draws.
import { h, show } from './dom.js';
import { labelled, list, pick, say } from './i18n.js';
import { answersList, checklist } from './results-extras.js';
import { askList, decisionCard, foldedCard, nearMissCard, openList, packNote } from './program-card.js';
import { failsOnPlace, packElsewhere } from './engine.js';
import { householdOf } from './state.js';
import { readAloudButton } from './read-aloud.js';
import { resultSentences } from './spoken.js';
import { amountSpoken } from './program-card.js';
import { familyResult, mayApplyFor } from './result-summary.js';

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
  const view = familyResult(result, ctx.engine.catalogue, packElsewhere, failsOnPlace);
  const asOf = result.as_of;

  const heading = h('h2', { class: 'step__title' }, say('resultsTitle'));
  const counts = countLines(view.counts);
  const headline = h('section', { class: 'summary', 'aria-labelledby': 'summary-title' },
    h('p', { id: 'summary-title', class: 'summary__headline' }, headlineWords(view)),
    moneyLine(view.money, view.counts.apply),
    // issue 12: 读给我听, the headline and each decision
    readAloudButton(() => resultSentences({
      headline: headlineWords(view), money: moneyLine(view.money, view.counts.apply)?.textContent ?? '',
      counts, decisions: view.decisions, amountWords: (amount) => amountSpoken(amount).join(say('listComma')),
    })),
    counts.length > 0 && h('ul', { class: 'summary__counts' }, counts.map((t) => h('li', {}, t))),
    view.ownPacks.length === 0 && notCoveredNote(ctx),
    h('p', { class: 'summary__when' }, say(ctx.state.facts.home_region ? 'checkedForHome' : 'checkedFor', {
      date: asOf, place: placeName(ctx, ctx.state.region), home: placeName(ctx, ctx.state.facts.home_region),
    })),
    remaining > 0 && h('button', {
      type: 'button', class: 'button button--primary', onClick: () => ctx.go('questions'),
    }, say('keepAnswering', { n: remaining })));

  const band = (id, title, help, cards, extra) => cards.length > 0 && h('section', { class: `band band--${id}`, 'aria-labelledby': `band-${id}` },
    h('h3', { class: 'band__title', id: `band-${id}` }, title),
    help && h('p', { class: 'band__help' }, help),
    cards, extra);

  const worth = view.decisions.filter((d) => d.status !== 'needs_answers')
    .flatMap((d) => d.programs.filter(mayApplyFor).map((program) => ({ pack: d.pack, program })));
  // Each policy's status note (draft, period ended) goes on its first card; a policy with no card
  // but policies to ask about has it after them.
  const decided = view.decisions.filter((d) => d.status !== 'needs_answers');
  const undecided = view.decisions.filter((d) => d.status === 'needs_answers');
  const firstCards = new Set();
  const noted = new Set();
  for (const card of [...decided, ...view.nearMisses]) {
    if (!noted.has(card.pack)) { noted.add(card.pack); firstCards.add(card); }
  }
  const notes = view.ownPacks.filter((pack) => !noted.has(pack) && view.asking.some((a) => a.pack === pack));
  const foldedCount = view.notEligible.length + view.providers.length;

  show(ctx.view, [
    h('div', { class: 'step results' },
      heading,
      headline,
      band('apply', say('bandApply'), '', decided.map((d) => decisionCard(ctx, d, asOf, firstCards.has(d)))),
      band('near', say('bandNear'), say('bandNearHelp'), view.nearMisses.map((m) => nearMissCard(ctx, m, asOf, firstCards.has(m)))),
      band('open', say('bandOpen'), '', undecided.length > 0 ? openList(ctx, undecided, asOf) : []),
      band('ask', say('askTitle'), '', view.asking.length > 0 ? askList(ctx, view.asking) : []),
      notes.length > 0 && h('div', { class: 'pack-notes' }, notes.map((pack) => packNote(pack, asOf))),
      checklist(ctx, worth),
      foldedCount > 0 && h('details', { class: 'fold fold--rest' },
        h('summary', {}, say('restFold', { n: foldedCount })),
        view.notEligible.map(({ pack, program }) => foldedCard(ctx, pack, program, asOf)),
        view.providers.map(({ pack, program }) => foldedCard(ctx, pack, program, asOf))),
      view.elsewhere.length > 0 && h('details', { class: 'fold fold--elsewhere' },
        h('summary', {}, say('otherPlacesFold', { n: view.elsewhere.length })),
        h('p', { class: 'fold__help' }, say('otherPlacesHelp')),
        view.elsewhere.map((pack) => h('section', { class: 'pack', 'aria-label': packTitle(pack) },
          packNote(pack, asOf),
          pack.programs.map((program) => foldedCard(ctx, pack, program, asOf))))),
      h('div', { class: 'actions no-print' },
        h('button', { type: 'button', class: 'button button--secondary', onClick: () => window.print() }, say('print'))),
      answersList(ctx)),
  ], heading);
  ctx.announceQuietly(labelled(say('resultsTitle'), [headlineWords(view), ...counts].join(say('sentenceBreak'))));
  ctx.resultShown(result, open);
}

const placeName = (ctx, code) => ctx.regions.fullName(code) || code || '';
const packTitle = (pack) => pick(pack.title) || pack.id;

/** "您家可以申请 1 项" or, with nothing yet, "按现在的回答，还没有找到能申请的项目". */
function headlineWords(view) {
  if (view.counts.apply > 0) return say('headlineApply', { n: view.counts.apply });
  if (view.nearMisses.length > 0) return say('headlineNear', { n: view.nearMisses.length });
  return say('nothingYet');
}

function countLines({ depends, needs }) {
  return [['countDepends', depends], ['countNeeds', needs]].filter(([, n]) => n > 0).map(([key, n]) => say(key, { n }));
}

/**
 * How much of it reaches the family's own hands each year: never money paid to a care home, a
 * service provider or a meal point (the family gets the service, not the cash); floors are said
 * as "at least" (不少于).
 * @param {ReturnType<import('./result-summary.js').familyMoney>} money
 * @param {number} applying  decisions the family may apply for
 */
function moneyLine({ yearly, bound, upTo, unknown, paidElsewhere }, applying) {
  if (applying === 0) return null;
  const who = list(paidElsewhere.map((to) => say(`receiver_${to}`)));
  const n = (value) => value.toLocaleString('zh-CN');
  const parts = [];
  if (yearly > 0) parts.push(say(bound === 'at_least' ? 'familyMoneyAtLeast' : 'familyMoney', { n: n(yearly) }));
  if (upTo > 0) parts.push(say('familyMoneyUpTo', { n: n(upTo) }));
  if (yearly === 0 && upTo === 0 && unknown > 0) parts.push(say('familyMoneyLocal'));
  if (parts.length === 0) {
    return paidElsewhere.length > 0 ? h('p', { class: 'summary__money summary__money--none' }, say('familyMoneyNone', { who })) : null;
  }
  return h('p', { class: 'summary__money' }, parts.join(''),
    paidElsewhere.length > 0 && h('span', { class: 'summary__others' }, say('familyMoneyOthers', { who })));
}

/**
 * When no loaded policy is about the family's places, say that plainly instead of "no",
 * naming the family's places and the places covered.
 */
function notCoveredNote(ctx) {
  const { state } = ctx;
  if (!state.region) return null;
  const own = [state.facts.home_region, ...state.members.map((m) => m.facts.person_hukou_region)]
    .filter((code) => typeof code === 'string' && code && code !== state.region);
  const ours = [...new Set([state.region, ...own])].map((code) => placeName(ctx, code));
  const places = [...new Set(ctx.engine.places.map(pick).filter(Boolean))];
  return h('p', { class: 'summary__none' },
    say(own.length > 0 ? 'notCoveredPlaces' : 'notCovered', { place: list(ours) }), list(places));
}
