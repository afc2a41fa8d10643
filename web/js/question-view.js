// Step 3: one plain question at a time — only those that can still change an answer.
import { errorLine, h, show, uniqueId } from './dom.js';
import { pick, say } from './i18n.js';
import { answerInputs } from './answer-inputs.js';
import { readAloudButton } from './read-aloud.js';
import { questionSentences } from './spoken.js';
import { questionFor } from './answers.js';
import { memberName } from './people.js';
import { answerOf, clearAnswer, householdOf, sameKey, setAnswer } from './state.js';

/**
 * Shows the question being changed, or else the engine's most useful open question;
 * moves on to the results when none is left.
 * @param {import('./app.js').Context} ctx
 */
export async function renderQuestionStep(ctx) {
  const { state, engine } = ctx;
  const visit = ctx.visit;
  const asked = await engine.questions(householdOf(state));
  if (visit !== ctx.visit) return; // the family moved on while the engine worked
  if (!asked.ok) {
    ctx.fail(asked);
    return;
  }
  const editing = state.editing;
  // A question being changed may be another place's pack's (asked before a move): all packs then.
  if (editing && !questionFor(engine.catalogue, editing)) {
    try { await engine.loadAll(); } catch { /* then it is no question of these rules */ }
    if (visit !== ctx.visit) return;
  }
  const question = editing ? questionFor(engine.catalogue, editing) : asked.questions?.[0];
  if (!question) {
    state.editing = null;
    ctx.go('results');
    return;
  }
  const remaining = asked.remaining ?? asked.questions.length;
  renderQuestion(ctx, question, remaining);
}

function renderQuestion(ctx, question, remaining) {
  const { state, engine } = ctx;
  const key = { fact: question.fact, ...(question.member ? { member: question.member } : {}) };
  const titleId = uniqueId('question');
  const heading = h('h2', { class: 'question__text', id: titleId }, pick(question.question));
  const who = question.member
    ? say('questionOf', { who: memberName(engine.catalogue, state, question.member) })
    : say('aboutFamily');

  const refused = errorLine();
  let busy = false; // a double tap must not answer twice
  const submit = async (value) => {
    if (busy) return;
    busy = true;
    const before = answerOf(state, key);
    setAnswer(state, key, value);
    const visit = ctx.visit;
    const store = ctx.store; // cadre mode may switch households while the engine checks
    // Saved now, not after the engine's check: a tab closed right after answering keeps it.
    store.save(state);
    // check() refuses a bad answer as validate would, and its result (with the next questions)
    // is kept for the screen drawn next: one evaluation per answer.
    const checked = await engine.check(householdOf(state));
    busy = false;
    if (!checked.ok) {
      // The engine refused the answer: put the old one back and say so beside the question.
      if (before.answered) setAnswer(state, key, before.value);
      else clearAnswer(state, key);
      store.save(state);
      refused.set(`${say('answerRefused')}${checked.error?.message ?? ''}`);
      return;
    }
    if (visit !== ctx.visit) { // the family (or cadre) went elsewhere meanwhile: keep the answer, draw nothing
      store.save(state);
      return;
    }
    const returnTo = state.editing?.returnTo;
    state.editing = null;
    ctx.save();
    ctx.go(returnTo === 'results' ? 'results' : 'questions');
  };

  const { controls, onSubmit } = answerInputs(question, answerOf(state, key), submit,
    { regions: ctx.regions, labelledBy: titleId });
  const answered = state.history.length;
  const previous = previousKey(state, key);

  const form = h('form', {
    class: 'step question', novalidate: true,
    // Which fact is asked, for cadres' support and the browser tests; no answer is put here.
    'data-fact': key.fact, 'data-member': key.member || null,
    onSubmit(event) { event.preventDefault(); onSubmit?.(); },
  },
  h('div', { class: 'progress' },
    h('p', { class: 'progress__text' }, say('progress', { done: answered, left: remaining })),
    h('progress', { class: 'progress__bar', max: answered + remaining, value: answered, 'aria-hidden': 'true' })),
  h('fieldset', { class: 'question__box' },
    h('legend', { class: 'question__legend' }, h('span', { class: 'question__who' }, who), heading),
    // issue 12: 读给我听, the question and its answers
    readAloudButton(() => questionSentences(question, question.member ? memberName(engine.catalogue, state, question.member) : '')),
    question.help && h('p', { class: 'question__help' }, pick(question.help)),
    h('div', { class: 'answers' }, controls),
    refused.element,
    onSubmit && h('button', { type: 'submit', class: 'button button--primary' }, say('next')),
    // The fine print after the answers: on a 360×640 phone the answers come first into view.
    (question.term || question.decided_by) && h('div', { class: 'question__after' },
      question.term && h('p', { class: 'question__term' }, say('officialWord'), pick(question.term)),
      question.decided_by && h('p', { class: 'question__term' }, say('decidedBy'), pick(question.decided_by)))),
  h('div', { class: 'actions' },
    previous && h('button', {
      type: 'button', class: 'button button--secondary',
      onClick() { state.editing = { ...previous, returnTo: 'questions' }; ctx.save(); ctx.go('questions'); },
    }, say('prevQuestion')),
    !previous && h('button', { type: 'button', class: 'button button--secondary', onClick: () => ctx.go('family') }, say('back')),
    h('button', {
      type: 'button', class: 'button button--quiet',
      onClick() { state.editing = null; ctx.go('results'); },
    }, say('showResults'))));

  show(ctx.view, [form], heading);
  ctx.stepShown({ step: 'questions', ...key });
}

/** The answered question before `key` (or the last answered one when `key` is new). */
function previousKey(state, key) {
  const index = state.history.findIndex((k) => sameKey(k, key));
  const before = index < 0 ? state.history.length - 1 : index - 1;
  return before >= 0 ? state.history[before] : null;
}
