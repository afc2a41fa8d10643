// Cadre mode's first screen: every household on this device in one table — what each may get,
// what is still unanswered, which papers are missing — with sorting, filtering, export, import
// and "delete everything".
import { errorLine, h, show, uniqueId } from './dom.js';
import { list, pick, say } from './i18n.js';
import { rosterFileActions } from './roster-files-view.js';

const FILTERS = {
  all: () => true,
  worth: (s) => worth(s).length > 0,
  open: (s) => (s.summary?.open_questions ?? 0) > 0,
  papers: (s) => (s.summary?.missing_papers.length ?? 0) > 0,
  nothing: (s) => s.summary && worth(s).length === 0,
};
const SORTS = {
  updated: (a, b) => b.record.updated.localeCompare(a.record.updated),
  name: (a, b) => a.record.name.localeCompare(b.record.name, 'zh-CN'),
  worth: (a, b) => worth(b.screened).length - worth(a.screened).length,
  open: (a, b) => (b.screened.summary?.open_questions ?? 0) - (a.screened.summary?.open_questions ?? 0),
  papers: (a, b) => (b.screened.summary?.missing_papers.length ?? 0) - (a.screened.summary?.missing_papers.length ?? 0),
};

function worth(screened) {
  return (screened.summary?.programs || []).filter((p) => p.status === 'eligible' || p.status === 'depends_on_local_decision');
}

/**
 * @param {ReturnType<import('./cadre-mode.js').createCadreMode>} cadre
 * @param {string} [focusId]  element to focus after drawing (keeps keyboard users in place)
 */
export async function renderRoster(cadre, focusId) {
  const { ctx } = cadre;
  const visit = ctx.visit;
  const rows = await Promise.all(cadre.records.map(async (record) => ({ record, screened: await cadre.screened(record) })));
  if (visit !== ctx.visit) return; // the cadre moved on meanwhile

  const heading = h('h2', { class: 'step__title' }, say('rosterTitle'));
  const tableArea = h('div', { class: 'roster__table' });
  const drawTable = () => {
    const shown = rows.filter((row) => FILTERS[cadre.view.filter](row.screened) && matches(row.record, cadre.view.search))
      .sort(SORTS[cadre.view.sort]);
    tableArea.replaceChildren(rosterTable(cadre, shown, rows.length));
  };
  drawTable();

  const view = h('div', { class: 'step roster' },
    heading,
    h('p', { class: 'step__help' }, say('rosterHelp')),
    addForm(cadre),
    rows.length > 0 && controls(cadre, drawTable),
    tableArea,
    rosterFileActions(cadre, rows));
  show(ctx.view, [view], (focusId && view.querySelector(`#${focusId}`)) || heading);
}

function matches(record, search) {
  const words = search.trim().toLowerCase();
  return !words || `${record.name} ${record.note}`.toLowerCase().includes(words);
}

/** "Register a new household": a name is all it takes to start. */
function addForm(cadre) {
  const nameId = uniqueId('household-name');
  const noteId = uniqueId('household-note');
  const error = errorLine();
  return h('form', {
    class: 'roster__add', novalidate: true,
    async onSubmit(event) {
      event.preventDefault();
      const form = event.currentTarget;
      const name = form.elements.name.value.trim();
      if (!name) { error.set(say('householdNameMissing')); form.elements.name.focus(); return; }
      await cadre.add(name, form.elements.note.value.trim());
    },
  },
  h('h3', {}, say('addHousehold')),
  h('div', { class: 'field' },
    h('label', { for: nameId, class: 'field__label' }, say('householdName')),
    h('input', { id: nameId, name: 'name', class: 'field__input', type: 'text', autocomplete: 'off', maxlength: 40 })),
  error.element,
  h('div', { class: 'field' },
    h('label', { for: noteId, class: 'field__label' }, say('householdNote')),
    h('input', { id: noteId, name: 'note', class: 'field__input', type: 'text', autocomplete: 'off', maxlength: 80 })),
  h('button', { type: 'submit', class: 'button button--primary', id: 'add-household' }, say('startHousehold')));
}

function controls(cadre, redraw) {
  const searchId = uniqueId('roster-search');
  const filterId = uniqueId('roster-filter');
  const sortId = uniqueId('roster-sort');
  const select = (id, setting, options) => h('select', {
    id, class: 'field__select',
    onChange(event) { cadre.view[setting] = event.target.value; redraw(); },
  }, Object.keys(options).map((value) => h('option', { value, selected: cadre.view[setting] === value }, say(`${setting}_${value}`))));
  return h('div', { class: 'roster__controls' },
    h('div', { class: 'field' },
      h('label', { for: searchId, class: 'field__label' }, say('rosterSearch')),
      h('input', {
        id: searchId, class: 'field__input', type: 'search', autocomplete: 'off', value: cadre.view.search,
        onInput(event) { cadre.view.search = event.target.value; redraw(); },
      })),
    h('div', { class: 'field' },
      h('label', { for: filterId, class: 'field__label' }, say('rosterFilter')),
      select(filterId, 'filter', FILTERS)),
    h('div', { class: 'field' },
      h('label', { for: sortId, class: 'field__label' }, say('rosterSort')),
      select(sortId, 'sort', SORTS)));
}

function rosterTable(cadre, shown, total) {
  if (total === 0) return h('p', { class: 'summary__none' }, say('rosterEmpty'));
  const caption = shown.length === total ? say('rosterCount', { n: total }) : say('rosterCountShown', { n: shown.length, total });
  const columns = ['colHousehold', 'colMayGet', 'colOpen', 'colMissing'].map((key) => say(key));
  return h('table', { class: 'roster-table' },
    h('caption', { class: 'roster-table__caption', 'aria-live': 'polite' }, caption),
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, shown.map(({ record, screened }) => h('tr', { 'data-household': record.id },
      h('th', { scope: 'row', 'data-label': columns[0] },
        h('button', {
          type: 'button', class: 'link-button', id: `open-${record.id}`,
          onClick: () => cadre.showHousehold(record.id),
        }, record.name),
        record.note && h('span', { class: 'roster-table__note' }, record.note)),
      h('td', { 'data-label': columns[1] }, mayGetCell(screened)),
      h('td', { 'data-label': columns[2] }, openCell(screened)),
      h('td', { 'data-label': columns[3] }, missingCell(screened))))));
}

function mayGetCell(screened) {
  if (screened.error !== undefined) return h('span', { class: 'error' }, say('householdUnreadable'));
  const programs = worth(screened);
  if (programs.length === 0) return say('mayGetNothing');
  return h('ul', { class: 'roster-table__list' }, programs.map((p) => h('li', {},
    h('span', { 'aria-hidden': 'true' }, say(`statusMark_${p.status}`), ' '),
    pick(p.name),
    p.status === 'depends_on_local_decision' && h('span', { class: 'visually-hidden' }, say('dependsShort')))));
}

function openCell(screened) {
  const n = screened.summary?.open_questions ?? 0;
  return screened.summary ? (n > 0 ? say('openQuestions', { n }) : say('allAnswered')) : '—';
}

function missingCell(screened) {
  const summary = screened.summary;
  if (!summary || worth(screened).length === 0) return '—';
  if (summary.papers.length === 0) return say('papersNotListed');
  return summary.missing_papers.length === 0 ? say('papersComplete') : list(summary.missing_papers.map(pick));
}
