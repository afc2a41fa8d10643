// Parts of the results page beyond the programs: the papers checklist and the answers given.
import { h, uniqueId } from './dom.js';
import { labelled, list, paren, pick, say } from './i18n.js';
import { answerInWords, answeredFacts } from './answers.js';
import { paperKey } from './result-summary.js';

/**
 * Papers to bring, each with a box to tick once it is ready (kept with the answers, so a cadre's
 * roster knows what each family still lacks), and where to go, for everything the family can
 * (or may) apply for.
 * @param {import('./app.js').Context} ctx
 * @param {Array<{program: Object}>} entries  programs worth applying for
 * @returns {HTMLElement|null}
 */
export function checklist(ctx, entries) {
  const documents = new Map();
  const places = new Map();
  for (const { program } of entries) {
    for (const d of program.apply?.documents || []) documents.set(paperKey(d), d);
    const where = pick(program.apply?.where);
    if (where) places.set(where, [...(places.get(where) || []), pick(program.name)]);
  }
  // Without papers to bring, each card already says where to go.
  if (documents.size === 0) return null;
  const ready = ctx.state.papers || {};
  const paperBox = ([key, paper]) => {
    const id = uniqueId('paper');
    return h('li', { class: 'choice' },
      h('input', {
        type: 'checkbox', id, class: 'choice__input', checked: Boolean(ready[key]),
        onChange(event) {
          ctx.state.papers = { ...ctx.state.papers };
          if (event.target.checked) ctx.state.papers[key] = true;
          else delete ctx.state.papers[key];
          ctx.save();
        },
      }),
      h('label', { for: id, class: 'choice__label' }, pick(paper)));
  };
  return h('section', { class: 'checklist-box', 'aria-labelledby': 'checklist-title' },
    h('h2', { id: 'checklist-title' }, say('checklistTitle')),
    documents.size > 0 && h('p', { class: 'step__help' }, say('checklistTick')),
    documents.size > 0 && h('ul', { class: 'checklist checklist--tick' }, [...documents].map(paperBox)),
    places.size > 0 && h('h3', {}, say('checklistWhere')),
    places.size > 0 && h('ul', { class: 'places' }, [...places].map(([where, names]) =>
      h('li', {}, h('strong', {}, where), ` — ${list([...new Set(names)])}`))));
}

/**
 * Every answer given, each with a "change" button that asks that question again.
 * @param {import('./app.js').Context} ctx
 * @returns {HTMLElement}
 */
export function answersList(ctx) {
  const { state, engine, regions } = ctx;
  const rows = answeredFacts(engine.catalogue, state).map((answer) => answerItem(engine.catalogue, regions, answer,
    h('button', {
      type: 'button', class: 'button button--quiet button--small',
      'aria-label': labelled(say('changeAnswer'), answer.label),
      onClick() {
        state.editing = { ...answer.key, returnTo: 'results' };
        ctx.save();
        // The hukou and where the family lives are changed together, on the first step.
        ctx.go(!answer.key.member && ['hukou_region', 'home_region'].includes(answer.key.fact) ? 'region' : 'questions');
      },
    }, say('changeAnswer'))));
  return h('details', { class: 'answers-box' },
    h('summary', {}, say('yourAnswers'), paren(rows.length)),
    h('ul', { class: 'answer-list' }, rows),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'button button--secondary', onClick: () => ctx.go('family') }, say('changeFamily')),
      h('button', {
        type: 'button', class: 'button button--quiet',
        onClick() { if (window.confirm(say('startOverConfirm'))) ctx.startOver(); },
      }, say('startOver'))));
}

/**
 * One answer as a list item: the question, the answer in words, and any controls after them.
 * @param {import('./engine.js').Catalogue} catalogue
 * @param {import('./regions.js').RegionTree} regions
 * @param {{key: import('./state.js').AnswerKey, label: string, value: *}} answer  from answeredFacts()
 * @param {...Node} controls
 * @returns {HTMLElement}
 */
export function answerItem(catalogue, regions, { key, label, value }, ...controls) {
  return h('li', { class: 'answer' },
    h('span', { class: 'answer__question' }, label),
    h('span', { class: 'answer__value' }, answerInWords(catalogue, regions, key.fact, value)),
    controls);
}
