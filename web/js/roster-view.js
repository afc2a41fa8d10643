// Cadre mode's first screen: every household on this device in one table — what each may get,
// what is only worth asking about (its own column, never with what it may get), what is still
// unanswered, which papers are missing — with sorting, filtering, export, import and "delete
// everything".
import { errorLine, h, show, uniqueId } from './dom.js';
import { list, paren, pick, say } from './i18n.js';
import { applyForLines } from './brief-words.js';
import { toApplyFor, worthAsking } from './result-summary.js';
import { rosterFileActions } from './roster-files-view.js';
import { regionPicker } from './region-picker.js';
import { scanImportForm } from './roster-scan-view.js';

const applyCount = (s) => (s.summary ? toApplyFor(s.summary).length : 0);
const openCount = (s) => s.summary?.open_questions ?? 0;
const missingCount = (s) => s.summary?.missing_papers.length ?? 0;

const FILTERS = {
  all: () => true,
  worth: (s) => applyCount(s) > 0,
  open: (s) => openCount(s) > 0,
  papers: (s) => missingCount(s) > 0,
  nothing: (s) => Boolean(s.summary) && applyCount(s) === 0,
};
const SORTS = {
  updated: (a, b) => b.record.updated.localeCompare(a.record.updated),
  name: (a, b) => a.record.name.localeCompare(b.record.name, 'zh-CN'),
  worth: (a, b) => applyCount(b.screened) - applyCount(a.screened),
  open: (a, b) => openCount(b.screened) - openCount(a.screened),
  papers: (a, b) => missingCount(b.screened) - missingCount(a.screened),
};

/**
 * @param {ReturnType<import('./cadre-mode.js').createCadreMode>} cadre
 * @param {string} [focusId]  element to focus after drawing (keeps keyboard users in place)
 */
export async function renderRoster(cadre, focusId) {
  const { ctx } = cadre;
  const visit = ctx.visit;
  const rows = await Promise.all(cadre.records.map(async (record) => ({ record, screened: await cadre.summaryOf(record) })));
  if (visit !== ctx.visit) return; // the cadre moved on meanwhile

  const heading = h('h2', { class: 'step__title' }, say('rosterTitle'));
  const tableArea = h('div', { class: 'roster__table' });
  const drawTable = () => {
    const shown = rows.filter((row) => FILTERS[cadre.view.filter](row.screened) && matches(row.record, cadre.view.search))
      .sort(SORTS[cadre.view.sort]);
    tableArea.replaceChildren(rosterTable(cadre, shown, rows.length));
    return shown.length;
  };
  drawTable();
  const redraw = () => ctx.announceQuietly(tableCaption(drawTable(), rows.length));

  const view = h('div', { class: 'step roster' },
    heading,
    h('p', { class: 'step__help' }, say('rosterHelp')),
    addForm(cadre),
    scanImportForm(cadre), // issue 12: a household handed over by QR code
    rows.length > 0 && controls(cadre, redraw),
    tableArea,
    rosterFileActions(cadre, rows));
  show(ctx.view, [view], (focusId && view.querySelector(`#${focusId}`)) || heading);
}

function matches(record, search) {
  const words = search.trim().toLowerCase();
  return !words || `${record.name} ${record.note}`.toLowerCase().includes(words);
}

const tableCaption = (shown, total) => (shown === total ? say('rosterCount', { n: total }) : say('rosterCountShown', { n: shown, total }));

/**
 * The name and note fields of a household (registering one, or renaming it).
 * @returns {{fields: HTMLElement[], read: (form: HTMLFormElement) => {name: string, note: string}|null}}
 *   read() gives null (and says why, focusing the name) when the name is empty
 */
export function householdFields(record = { name: '', note: '' }) {
  const nameId = uniqueId('household-name');
  const noteId = uniqueId('household-note');
  const error = errorLine();
  const fields = [
    h('div', { class: 'field' },
      h('label', { for: nameId, class: 'field__label' }, say('householdName')),
      h('input', {
        id: nameId, name: 'name', class: 'field__input', type: 'text', autocomplete: 'off', maxlength: 40,
        value: record.name, 'aria-describedby': error.element.id,
      })),
    error.element,
    h('div', { class: 'field' },
      h('label', { for: noteId, class: 'field__label' }, say('householdNote')),
      h('input', { id: noteId, name: 'note', class: 'field__input', type: 'text', autocomplete: 'off', maxlength: 80, value: record.note })),
  ];
  const read = (form) => {
    const name = form.elements.name.value.trim();
    form.elements.name.toggleAttribute('aria-invalid', !name);
    if (!name) {
      error.set(say('householdNameMissing'));
      form.elements.name.focus();
      return null;
    }
    return { name, note: form.elements.note.value.trim() };
  };
  return { fields, read };
}

/**
 * "Register a new household": a name, and its county — filled in from the last household
 * registered, visibly, so the cadre sees it and changes it for a household of another county
 * (empty for the first: the household's first step then asks it).
 */
function addForm(cadre) {
  const { fields, read } = householdFields();
  const last = cadre.lastRegion();
  const county = regionPicker(cadre.ctx.regions, last);
  const countyTitle = uniqueId('new-county');
  let busy = false; // a double tap registers one household, not two
  return h('form', {
    class: 'household-form', novalidate: true,
    async onSubmit(event) {
      event.preventDefault();
      const entered = read(event.currentTarget);
      if (!entered || busy) return;
      busy = true;
      try {
        await cadre.add(entered.name, entered.note, county.value());
      } catch (error) {
        cadre.ctx.announce(`${say('rosterStorageFailed')}${error?.message ?? ''}`);
      } finally {
        busy = false;
      }
    },
  },
  h('h3', {}, say('addHousehold')),
  fields,
  h('fieldset', { class: 'household-form__county', 'aria-labelledby': countyTitle },
    h('legend', { class: 'field__label', id: countyTitle }, say('newHouseholdCounty')),
    last && h('p', { class: 'hint household-form__filled' },
      say('newHouseholdCountyFilled', { place: cadre.ctx.regions.fullName(last) || last })),
    county.element),
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
  const columns = ['colHousehold', 'colMayGet', 'colAsk', 'colOpen', 'colMissing'].map((key) => say(key));
  const catalogue = cadre.ctx.engine?.catalogue;
  return h('table', { class: 'roster-table' },
    h('caption', { class: 'roster-table__caption' }, tableCaption(shown.length, total)),
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, shown.map(({ record, screened }) => h('tr', { 'data-household': record.id },
      h('th', { scope: 'row', 'data-label': columns[0] },
        h('button', {
          type: 'button', class: 'link-button', id: `open-${record.id}`,
          onClick: () => cadre.showHousehold(record.id),
        }, record.name),
        record.note && h('span', { class: 'roster-table__note' }, record.note)),
      h('td', { 'data-label': columns[1] }, mayGetCell(catalogue, record.state, screened)),
      h('td', { 'data-label': columns[2] }, askCell(screened)),
      h('td', { 'data-label': columns[3] }, openCell(screened)),
      h('td', { 'data-label': columns[4] }, missingCell(screened))))));
}

function mayGetCell(catalogue, state, screened) {
  if (!screened.summary) return h('span', { class: 'error' }, screened.engineMissing ? screened.error : say('householdUnreadable'));
  const lines = applyForLines(catalogue, state, screened.summary);
  if (lines.length === 0) return say('mayGetNothing');
  return h('ul', { class: 'roster-table__list' },
    lines.map((line) => h('li', {},
      h('span', { 'aria-hidden': 'true' }, say(`statusMark_${line.status}`), ' '),
      line.text,
      line.status === 'depends_on_local_decision' && paren(say('statusShort_depends_on_local_decision')))));
}

/** How many related policies are worth asking about: apart from what the household may get. */
function askCell(screened) {
  if (!screened.summary) return '—';
  const n = worthAsking(screened.summary).length;
  return n > 0 ? h('span', { class: 'roster-table__ask' }, say('askCount', { n })) : '—';
}

function openCell(screened) {
  if (!screened.summary) return '—';
  const n = openCount(screened);
  return n > 0 ? say('openQuestions', { n }) : say('allAnswered');
}

function missingCell(screened) {
  const summary = screened.summary;
  if (!summary || toApplyFor(summary).length === 0) return '—';
  if (summary.papers.length === 0) return say('papersNotListed');
  return summary.missing_papers.length === 0 ? say('papersComplete') : list(summary.missing_papers.map(pick));
}
