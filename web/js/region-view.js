// Step 1: where the family's hukou is, and whether the family lives there.
import { errorLine, h, show, uniqueId } from './dom.js';
import { list, pick, say } from './i18n.js';
import { regionPicker } from './region-picker.js';
import { putAnswer } from './state.js';

/** Where the family lives: asked on this step, with the hukou. */
export const HOME_FACT = 'home_region';

/**
 * @param {import('./app.js').Context} ctx
 */
export function renderRegionStep(ctx) {
  const { state } = ctx;
  const picker = regionPicker(ctx.regions, state.region);
  const error = errorLine();
  const heading = h('h2', { class: 'step__title' }, say('regionTitle'));
  const places = (ctx.engine?.places ?? []).map(pick).filter(Boolean);
  const residence = residenceQuestion(ctx);

  const form = h('form', {
    class: 'step', novalidate: true,
    onSubmit(event) {
      event.preventDefault();
      const code = picker.value();
      if (!code) {
        error.set(say('regionMissing'));
        return;
      }
      const home = residence.value();
      if (home === null) return; // "lives elsewhere" without a county: said beside the picker
      state.region = code;
      // Living in the hukou county is the catalogue's default: only another place is kept.
      putAnswer(state, { fact: HOME_FACT }, home && home !== code ? home : undefined);
      // Changed from the results page's list of answers: go back there.
      const back = state.editing && !state.editing.member
        && ['hukou_region', HOME_FACT].includes(state.editing.fact) && state.editing.returnTo === 'results';
      state.editing = null;
      // A place no pack is about is told so before the family step (coverage-view.js).
      ctx.go(back ? 'results' : 'coverage');
    },
  },
  heading,
  h('p', { class: 'step__help' }, say('regionHelp')),
  picker.element,
  error.element,
  residence.element,
  places.length > 0 && h('p', { class: 'hint' }, say('covered'), list([...new Set(places)])),
  h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'button button--primary' }, say('next'))));

  show(ctx.view, [form], heading);
}

/**
 * "Does the family live in its hukou county?" — yes (the default) or no, and then where.
 * @param {import('./app.js').Context} ctx
 * @returns {{element: HTMLElement, value: () => string|null}} value(): the county lived in, ''
 *   for "here", null when "elsewhere" has no county yet (and the page says so)
 */
function residenceQuestion(ctx) {
  const saved = ctx.state.facts[HOME_FACT];
  const elsewhere = typeof saved === 'string' && saved !== '' && saved !== ctx.state.region;
  const picker = regionPicker(ctx.regions, elsewhere ? saved : '');
  const error = errorLine();
  const titleId = uniqueId('residence');
  const where = h('div', { class: 'residence__where', id: uniqueId('residence-where'), hidden: !elsewhere },
    h('p', { class: 'step__help' }, say('homeHelp')),
    picker.element,
    error.element);
  let away = elsewhere;
  const choose = (next) => {
    away = next;
    here.setAttribute('aria-pressed', String(!away));
    there.setAttribute('aria-pressed', String(away));
    there.setAttribute('aria-expanded', String(away));
    where.hidden = !away;
  };
  const here = h('button', {
    type: 'button', class: 'button button--choice', 'aria-pressed': String(!away), onClick: () => choose(false),
  }, say('homeHere'));
  const there = h('button', {
    type: 'button', class: 'button button--choice', 'aria-pressed': String(away),
    'aria-expanded': String(away), 'aria-controls': where.id,
    onClick() { choose(true); picker.element.querySelector('select')?.focus(); },
  }, say('homeElsewhere'));
  const element = h('div', { class: 'residence', role: 'group', 'aria-labelledby': titleId },
    h('p', { class: 'residence__question', id: titleId }, say('homeQuestion')),
    h('div', { class: 'answers' }, here, there),
    where);
  return {
    element,
    value() {
      if (!away) return '';
      const code = picker.value();
      if (!code) { error.set(say('homeMissing')); return null; }
      return code;
    },
  };
}
