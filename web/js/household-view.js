// One household in cadre mode: a sheet to print for the township (what it may apply for, what is
// still to ask, which papers are missing, where to go, the answers given) and its actions.
import { h, show } from './dom.js';
import { labelled, list, paren, pick, say } from './i18n.js';
import { answeredFacts } from './answers.js';
import { answerItem } from './results-extras.js';
import { memberName } from './people.js';
import { groupChoices, toApplyFor, worthAsking } from './result-summary.js';
import { programLabel } from './brief-words.js';
import { paidToWords } from './program-card.js';
import { localDate } from './roster-file.js';
import { confirmAction } from './confirm-action.js';
import { householdFields } from './roster-view.js';

/**
 * @param {ReturnType<import('./cadre-mode.js').createCadreMode>} cadre
 * @param {import('./roster-store.js').HouseholdRecord} record
 */
export async function renderHousehold(cadre, record) {
  const { ctx } = cadre;
  const visit = ctx.visit;
  const screened = await cadre.summaryOf(record);
  if (visit !== ctx.visit) return;
  const heading = h('h2', { class: 'step__title', id: 'household-title' }, record.name);
  const region = ctx.regions.fullName(record.state.region) || record.state.region || say('regionUnknown');

  const sheet = h('article', { class: 'step sheet', 'aria-labelledby': 'household-title' },
    h('p', { class: 'sheet__kicker' }, say('sheetTitle')),
    heading,
    record.note && h('p', { class: 'sheet__note' }, record.note),
    h('p', { class: 'summary__when' }, say('sheetMeta', {
      place: region, people: record.state.members.length, date: localDate(record.updated),
    })),
    actions(cadre, record),
    screened.summary
      ? sheetBody(ctx, record, screened)
      : h('p', { class: 'error' }, say('householdUnreadable'), '：', screened.error),
    ctx.engine && answers(ctx, record));
  show(ctx.view, [sheet], heading);
}

function sheetBody(ctx, record, { summary, open }) {
  const { catalogue } = ctx.engine;
  const { state } = record;
  const who = (member) => (member ? memberName(catalogue, state, member) : say('household'));
  const applyFor = toApplyFor(summary);
  const undecided = summary.programs.filter((p) => p.status === 'needs_answers');
  const asking = worthAsking(summary);
  const places = [...new Set(applyFor.map((p) => pick(p.where)).filter(Boolean))];
  const questions = open?.questions || [];
  return [
    programTable(ctx, state, summary, applyFor, 'sheetMayGet'),
    asking.length > 0 && h('section', { class: 'sheet__part' },
      h('h3', {}, say('sheetAsk', { n: asking.length })),
      h('ul', {}, asking.map((p) => h('li', {}, programLabel(catalogue, state, p))))),
    h('section', { class: 'sheet__part' },
      h('h3', {}, say('sheetOpen', { n: summary.open_questions })),
      questions.length > 0
        ? h('ol', {}, questions.map((q) => h('li', {}, labelled(who(q.member), pick(q.question)))))
        : h('p', {}, say('allAnswered'))),
    undecided.length > 0 && programTable(ctx, state, summary, undecided, 'sheetUndecided'),
    summary.papers.length > 0 && h('section', { class: 'sheet__part' },
      h('h3', {}, say('sheetPapers')),
      h('ul', { class: 'checklist' }, summary.papers.map((paper) => {
        const missing = summary.missing_papers.includes(paper);
        return h('li', { class: missing ? 'paper--missing' : 'paper--ready' },
          pick(paper), ' — ', missing ? say('paperMissing') : say('paperReady'));
      }))),
    places.length > 0 && h('section', { class: 'sheet__part' },
      h('h3', {}, say('checklistWhere')), h('ul', {}, places.map((place) => h('li', {}, place)))),
  ];
}

/** Programs with the amount; a choose-one group's programs under one row naming the rule. */
function programTable(ctx, state, summary, programs, captionKey) {
  if (programs.length === 0) return h('p', { class: 'summary__none' }, say('nothingYet'));
  const { catalogue } = ctx.engine;
  const programRow = (p) => h('tr', {},
    h('td', { 'data-label': say('colProgram') },
      h('span', { 'aria-hidden': 'true' }, say(`statusMark_${p.status}`), ' '),
      programLabel(catalogue, state, p),
      p.status === 'depends_on_local_decision' && paren(say('statusShort_depends_on_local_decision'))),
    h('td', { 'data-label': say('colAmount') }, amountCell(p)));
  return h('table', { class: 'sheet-table' },
    h('caption', {}, say(captionKey, { n: programs.length })),
    h('thead', {}, h('tr', {}, ['colProgram', 'colAmount'].map((k) => h('th', { scope: 'col' }, say(k))))),
    h('tbody', {}, groupChoices(summary, programs).map(({ group, programs: members }) => [
      group && members.length > 1 && h('tr', { class: 'sheet-table__group' },
        h('th', { scope: 'rowgroup', colspan: '2' }, say('chooseOneLine', { name: pick(group.name), list: '' }))),
      members.map(programRow),
    ])));
}

/** The amount in the engine's words, who receives it, and whether it is only a suggested figure. */
function amountCell(p) {
  const words = pick(p.amount);
  if (!words) return '—';
  return [
    h('span', { class: 'sheet-table__amount' }, words),
    p.paid_to && h('span', { class: 'amount__to' }, paidToWords(p.paid_to)),
    p.suggested && h('span', { class: 'amount__suggested' }, say('amountSuggested')),
  ];
}

function answers(ctx, record) {
  const { catalogue } = ctx.engine;
  const { state } = record;
  const rows = answeredFacts(catalogue, state);
  const people = state.members.map((member) => memberName(catalogue, state, member.id));
  return h('section', { class: 'sheet__part' },
    h('h3', {}, say('sheetAnswers')),
    h('p', {}, labelled(say('sheetPeople'), list(people))),
    rows.length === 0 ? h('p', {}, say('noAnswersYet')) : h('ul', { class: 'answer-list' }, rows.map((answer) => answerItem(catalogue, ctx.regions, answer))));
}

function actions(cadre, record) {
  const renameButton = h('button', {
    type: 'button', class: 'button button--secondary', id: 'rename-household',
    onClick() { rename.hidden = false; rename.querySelector('input').focus(); },
  }, say('renameHousehold'));
  const rename = renameForm(cadre, record, () => renameButton.focus());
  let copying = false; // a double tap makes one copy
  return h('div', { class: 'sheet__actions no-print' },
    h('button', { type: 'button', class: 'button button--primary', id: 'screen-household', onClick: () => cadre.askQuestions(record.id) },
      say('screenHousehold')),
    h('button', { type: 'button', class: 'button button--secondary', onClick: () => window.print() }, say('printSheet')),
    h('div', { class: 'actions' },
      renameButton,
      h('button', {
        type: 'button', class: 'button button--secondary', id: 'duplicate-household',
        async onClick() {
          if (copying) return;
          copying = true;
          try {
            const copy = await cadre.duplicate(record);
            cadre.showHousehold(copy.id);
            cadre.ctx.announce(say('duplicated', { name: copy.name }));
          } finally {
            copying = false;
          }
        },
      }, say('duplicateHousehold'))),
    rename,
    confirmAction({
      ask: say('deleteHousehold'),
      question: say('deleteHouseholdQuestion', { name: record.name }),
      yes: say('deleteHouseholdYes'),
      no: say('deleteHouseholdNo'),
    }, async () => {
      await cadre.remove(record);
      await cadre.showRoster();
      cadre.ctx.announce(say('deletedHousehold', { name: record.name }));
    }, 'delete-household'),
    h('button', {
      type: 'button', class: 'button button--secondary', id: 'back-to-roster', onClick: () => cadre.showRoster(`open-${record.id}`),
    }, say('backToRoster')));
}

function renameForm(cadre, record, cancelled) {
  const { fields, read } = householdFields(record);
  const form = h('form', {
    class: 'household-form', hidden: true, novalidate: true,
    async onSubmit(event) {
      event.preventDefault();
      const entered = read(form);
      if (!entered) return;
      await cadre.rename(record, entered.name, entered.note);
      cadre.showHousehold(record.id);
    },
  },
  fields,
  h('div', { class: 'actions' },
    h('button', { type: 'submit', class: 'button button--primary' }, say('saveHousehold')),
    h('button', {
      type: 'button', class: 'button button--secondary',
      onClick() { form.hidden = true; cancelled(); },
    }, say('cancel'))));
  return form;
}
