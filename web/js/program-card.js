// One program of the result: status in words, amount, why, what would change it, where to apply.
import { h } from './dom.js';
import { labelled, paren, pick, say } from './i18n.js';
import { memberName } from './people.js';
import { isWorthAsking } from './result-summary.js';

/**
 * @param {import('./app.js').Context} ctx
 * @param {Object} program  an entry of result.packs[].programs
 * @returns {HTMLElement}
 */
export function programCard(ctx, program) {
  const { catalogue } = ctx.engine;
  const who = program.member ? say('forMember', { who: memberName(catalogue, ctx.state, program.member) }) : '';
  return h('article', { class: `program program--${program.status}` },
    h('h4', { class: 'program__name' },
      h('span', { class: 'program__mark', 'aria-hidden': 'true' }, say(`statusMark_${program.status}`)),
      pick(program.name), who),
    h('p', { class: 'program__status' }, pick(program.status_text)),
    amountLine(program.amount),
    program.summary && h('p', { class: 'program__summary' }, pick(program.summary)),
    statusDetails(ctx, program),
    whyDetails(program.why),
    program.status !== 'not_eligible' && applyDetails(program));
}

/**
 * The engine's words for the amount ("1500 元/人/月（一年 18000 元）"), the yearly figure only
 * when the engine gave no words; then who receives the money in plain words ("钱给您家",
 * "钱给养老机构，您家得到的是服务") and whether the figure is only a suggested standard.
 * Nothing when the program carries no money figure.
 * @param {Object|undefined} amount  a check() amount
 * @returns {HTMLElement|null}
 */
export function amountLine(amount) {
  if (!amount) return null;
  const words = pick(amount.text) || yearlyWords(amount);
  const to = paidToWords(amount.paid_to, amount.value);
  if (!words && !to) return null;
  return h('div', { class: `amount${amount.paid_to ? ` amount--${amount.paid_to}` : ''}` },
    words && h('p', { class: 'program__amount' }, words),
    to && h('p', { class: 'amount__to' }, to),
    amount.suggested && h('p', { class: 'amount__suggested' }, say('amountSuggested')));
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

function statusDetails(ctx, program) {
  if (program.status === 'depends_on_local_decision' && program.local) {
    return h('div', { class: 'program__local' },
      h('p', {}, h('strong', {}, say('decider')), pick(program.local.decided_by)),
      program.local.text && h('p', {}, pick(program.local.text)));
  }
  if (program.status === 'not_eligible' && program.would_change?.length) {
    return h('div', { class: 'program__change' },
      h('p', {}, h('strong', {}, say('wouldChange'))),
      h('ul', {}, program.would_change.map((c) => h('li', {}, pick(c.text), c.hint && ` — ${pick(c.hint)}`))));
  }
  if (program.status === 'needs_answers' && program.missing?.length) {
    const { catalogue } = ctx.engine;
    const asks = program.missing.map((m) => {
      const question = pick(catalogue.facts.get(m.fact)?.question) || m.fact;
      return m.member ? labelled(memberName(catalogue, ctx.state, m.member), question) : question;
    });
    return h('div', { class: 'program__missing' },
      h('p', {}, h('strong', {}, say('missing'))),
      h('ul', {}, [...new Set(asks)].map((text) => h('li', {}, text))),
      h('button', { type: 'button', class: 'button button--secondary', onClick: () => ctx.go('questions') }, say('answerThese')));
  }
  return null;
}

function whyDetails(traces) {
  if (!traces?.length) return null;
  return h('details', { class: 'program__why' },
    h('summary', {}, say('why')),
    traceList(traces));
}

function traceList(traces) {
  return h('ul', { class: 'trace' }, traces.map((trace) => h('li', { class: `trace__item trace__item--${trace.value}` },
    h('span', { class: 'trace__value' }, labelled(say(`trace_${trace.value}`), '')),
    pick(trace.text),
    trace.cite && citeDetails(trace.cite),
    trace.children?.length ? traceList(trace.children) : null)));
}

/**
 * The clause and its quoted sentence, folded away until asked for.
 * @param {{clause: string, quote: string}} cite
 * @returns {HTMLElement}
 */
export function citeDetails(cite) {
  return h('details', { class: 'cite' },
    h('summary', {}, say('quote'), cite.clause ? paren(cite.clause) : ''),
    h('blockquote', { class: 'cite__quote', lang: 'zh-CN' }, cite.quote));
}

/** Where to go, what to bring and what to know, folded so the list of results stays short. */
function applyDetails(program) {
  const parts = [applyBlock(program.apply), notesBlock(program.notes)].filter(Boolean);
  if (parts.length === 0) return null;
  return h('details', { class: 'program__how' }, h('summary', {}, say(isWorthAsking(program) ? 'howToAsk' : 'howToApply')), parts);
}

function applyBlock(apply) {
  if (!apply) return null;
  const { documents = [], where, how, lead } = apply;
  if (!documents.length && !where && !how && !lead) return null;
  return h('div', { class: 'program__apply' },
    documents.length > 0 && h('p', {}, h('strong', {}, say('documents'))),
    documents.length > 0 && h('ul', { class: 'checklist' }, documents.map((d) => h('li', {}, pick(d)))),
    where && h('p', {}, h('strong', {}, say('where')), pick(where)),
    how && h('p', {}, h('strong', {}, say('how')), pick(how)),
    lead && h('p', {}, h('strong', {}, say('lead')), pick(lead)));
}

function notesBlock(notes) {
  if (!notes?.length) return null;
  return h('div', { class: 'program__notes' },
    h('p', {}, h('strong', {}, say('notes'))),
    h('ul', {}, notes.map((n) => h('li', {}, pick(n)))));
}
