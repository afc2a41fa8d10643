// One household in cadre mode: a sheet to print for the township (what it may get, what is
// still to ask, which papers are missing, where to go, the answers given) and its actions.
import { errorLine, h, show, uniqueId } from './dom.js';
import { labelled, list, pick, say } from './i18n.js';
import { answerInWords } from './answers.js';
import { memberName } from './people.js';

/**
 * @param {ReturnType<import('./cadre-mode.js').createCadreMode>} cadre
 * @param {import('./roster-store.js').HouseholdRecord} record
 * @param {string} [focusId]
 */
export async function renderHousehold(cadre, record, focusId) {
  const { ctx } = cadre;
  const visit = ctx.visit;
  const screened = await cadre.screened(record);
  if (visit !== ctx.visit) return;
  const { catalogue } = ctx.engine;
  const heading = h('h2', { class: 'step__title', id: 'household-title' }, record.name);
  const region = ctx.regions.fullName(record.state.region) || record.state.region || say('regionUnknown');
  const who = (member) => (member ? memberName(catalogue, record.state, member) : say('household'));

  const sheet = h('article', { class: 'step sheet', 'aria-labelledby': 'household-title' },
    h('p', { class: 'sheet__kicker' }, say('sheetTitle')),
    heading,
    record.note && h('p', { class: 'sheet__note' }, record.note),
    h('p', { class: 'summary__when' }, say('sheetMeta', {
      place: region, people: record.state.members.length, date: record.updated.slice(0, 10),
    })),
    actions(cadre, record),
    screened.error !== undefined
      ? h('p', { class: 'error' }, say('householdUnreadable'), ' ', screened.error)
      : sheetBody(ctx, record, screened, who),
    answers(ctx, record));
  show(ctx.view, [sheet], (focusId && sheet.querySelector(`#${focusId}`)) || heading);
}

function sheetBody(ctx, record, { summary, open }, who) {
  const worth = summary.programs.filter((p) => p.status !== 'needs_answers');
  const undecided = summary.programs.filter((p) => p.status === 'needs_answers');
  const programRow = (p) => h('tr', {},
    h('td', {}, h('span', { 'aria-hidden': 'true' }, say(`statusMark_${p.status}`), ' '), pick(p.name)),
    h('td', {}, who(p.member)),
    h('td', {}, pick(p.amount) || '—'),
    h('td', {}, say(`statusShort_${p.status}`)));
  const table = (programs, captionKey) => h('table', { class: 'sheet-table' },
    h('caption', {}, say(captionKey, { n: programs.length })),
    h('thead', {}, h('tr', {}, ['colProgram', 'colFor', 'colAmount', 'colStatus'].map((k) => h('th', { scope: 'col' }, say(k))))),
    h('tbody', {}, programs.map(programRow)));
  const places = [...new Set(worth.map((p) => pick(p.where)).filter(Boolean))];
  const questions = open?.questions || [];
  return [
    worth.length > 0 ? table(worth, 'sheetMayGet') : h('p', { class: 'summary__none' }, say('nothingYet')),
    h('section', { class: 'sheet__part' },
      h('h3', {}, say('sheetOpen', { n: summary.open_questions })),
      questions.length > 0
        ? h('ol', {}, questions.map((q) => h('li', {}, labelled(who(q.member), pick(q.question)))))
        : h('p', {}, say('allAnswered'))),
    undecided.length > 0 && table(undecided, 'sheetUndecided'),
    summary.papers.length > 0 && h('section', { class: 'sheet__part' },
      h('h3', {}, say('sheetPapers')),
      h('ul', { class: 'checklist' }, summary.papers.map((paper) => h('li', {
        class: summary.missing_papers.includes(paper) ? 'paper--missing' : 'paper--ready',
      }, pick(paper), ' — ', summary.missing_papers.includes(paper) ? say('paperMissing') : say('paperReady'))))),
    places.length > 0 && h('section', { class: 'sheet__part' },
      h('h3', {}, say('checklistWhere')), h('ul', {}, places.map((place) => h('li', {}, place)))),
  ];
}

function answers(ctx, record) {
  const { catalogue } = ctx.engine;
  const { state } = record;
  const question = (factId) => pick(catalogue.facts.get(factId)?.question) || factId;
  const rows = [
    ...Object.entries(state.facts).map(([fact, value]) => [question(fact), fact, value]),
    ...state.members.flatMap((member) => Object.entries(member.facts)
      .map(([fact, value]) => [labelled(memberName(catalogue, state, member.id), question(fact)), fact, value])),
  ];
  const people = state.members.map((member) => memberName(catalogue, state, member.id));
  return h('section', { class: 'sheet__part' },
    h('h3', {}, say('sheetAnswers')),
    h('p', {}, labelled(say('sheetPeople'), list(people))),
    rows.length === 0 ? h('p', {}, say('noAnswersYet')) : h('ul', { class: 'answer-list' }, rows.map(([label, fact, value]) =>
      h('li', { class: 'answer' },
        h('span', { class: 'answer__question' }, label),
        h('span', { class: 'answer__value' }, answerInWords(catalogue, ctx.regions, fact, value))))));
}

function actions(cadre, record) {
  const rename = renameForm(cadre, record);
  const confirmBox = h('div', { class: 'confirm', role: 'group', 'aria-labelledby': 'delete-one-question', hidden: true },
    h('p', { id: 'delete-one-question', class: 'confirm__question' }, say('deleteHouseholdQuestion', { name: record.name })),
    h('button', {
      type: 'button', class: 'button button--danger', id: 'delete-household-confirm',
      async onClick() {
        await cadre.remove(record);
        cadre.showRoster();
        cadre.ctx.announce(say('deletedHousehold', { name: record.name }));
      },
    }, say('deleteAllYes')),
    h('button', { type: 'button', class: 'button button--secondary', onClick() { confirmBox.hidden = true; } }, say('deleteAllNo')));
  return h('div', { class: 'sheet__actions no-print' },
    h('button', { type: 'button', class: 'button button--primary', id: 'screen-household', onClick: () => cadre.screen(record.id) },
      say('screenHousehold')),
    h('button', { type: 'button', class: 'button button--secondary', onClick: () => window.print() }, say('printSheet')),
    h('div', { class: 'actions' },
      h('button', {
        type: 'button', class: 'button button--secondary', id: 'rename-household',
        onClick() { rename.hidden = false; rename.querySelector('input').focus(); },
      }, say('renameHousehold')),
      h('button', {
        type: 'button', class: 'button button--secondary', id: 'duplicate-household',
        async onClick() {
          const copy = await cadre.duplicate(record);
          cadre.showHousehold(copy.id);
          cadre.ctx.announce(say('duplicated', { name: copy.name }));
        },
      }, say('duplicateHousehold')),
      h('button', {
        type: 'button', class: 'button button--quiet', id: 'delete-household',
        onClick() { confirmBox.hidden = false; confirmBox.querySelector('button').focus(); },
      }, say('deleteHousehold'))),
    rename,
    confirmBox,
    h('button', { type: 'button', class: 'button button--secondary', id: 'back-to-roster', onClick: () => cadre.showRoster() },
      say('backToRoster')));
}

function renameForm(cadre, record) {
  const nameId = uniqueId('rename');
  const noteId = uniqueId('renote');
  const error = errorLine();
  return h('form', {
    class: 'roster__add', hidden: true, novalidate: true,
    async onSubmit(event) {
      event.preventDefault();
      const form = event.currentTarget;
      const name = form.elements.name.value.trim();
      if (!name) { error.set(say('householdNameMissing')); return; }
      await cadre.rename(record, name, form.elements.note.value.trim());
      cadre.showHousehold(record.id);
    },
  },
  h('div', { class: 'field' },
    h('label', { for: nameId, class: 'field__label' }, say('householdName')),
    h('input', { id: nameId, name: 'name', class: 'field__input', type: 'text', value: record.name, maxlength: 40, autocomplete: 'off' })),
  error.element,
  h('div', { class: 'field' },
    h('label', { for: noteId, class: 'field__label' }, say('householdNote')),
    h('input', { id: noteId, name: 'note', class: 'field__input', type: 'text', value: record.note, maxlength: 80, autocomplete: 'off' })),
  h('button', { type: 'submit', class: 'button button--primary' }, say('saveHousehold')));
}
