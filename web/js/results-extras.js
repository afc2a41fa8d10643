// Parts of the results page beyond the programs: the papers checklist and the answers given.
import { h } from './dom.js';
import { labelled, list, paren, pick, say } from './i18n.js';
import { answerInWords } from './answers.js';
import { memberName } from './people.js';

/**
 * Papers to bring and where to go, for everything the family can (or may) apply for.
 * @param {Array<{program: Object}>} entries  programs worth applying for
 * @returns {HTMLElement|null}
 */
export function checklist(entries) {
  const documents = new Map();
  const places = new Map();
  for (const { program } of entries) {
    for (const d of program.apply?.documents || []) documents.set(pick(d), true);
    const where = pick(program.apply?.where);
    if (where) places.set(where, [...(places.get(where) || []), pick(program.name)]);
  }
  if (documents.size === 0 && places.size === 0) return null;
  return h('section', { class: 'checklist-box', 'aria-labelledby': 'checklist-title' },
    h('h2', { id: 'checklist-title' }, say('checklistTitle')),
    documents.size > 0 && h('ul', { class: 'checklist' }, [...documents.keys()].map((d) => h('li', {}, d))),
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
  const rows = [];
  const row = (key, label, value) => rows.push(h('li', { class: 'answer' },
    h('span', { class: 'answer__question' }, label),
    h('span', { class: 'answer__value' }, answerInWords(engine.catalogue, regions, key.fact, value)),
    h('button', {
      type: 'button', class: 'button button--quiet button--small',
      'aria-label': labelled(say('changeAnswer'), label),
      onClick() { state.editing = { ...key, returnTo: 'results' }; ctx.save(); ctx.go('questions'); },
    }, say('changeAnswer'))));
  const question = (factId) => pick(engine.catalogue.facts.get(factId)?.question) || factId;

  if (state.region) row({ fact: 'hukou_region' }, question('hukou_region'), state.region);
  for (const [fact, value] of Object.entries(state.facts)) row({ fact }, question(fact), value);
  for (const member of state.members) {
    for (const [fact, value] of Object.entries(member.facts)) {
      row({ fact, member: member.id }, labelled(memberName(engine.catalogue, state, member.id), question(fact)), value);
    }
  }
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
