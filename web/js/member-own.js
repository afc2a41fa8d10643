// On the family step: the household's places (hukou, where it lives) with a way to change them,
// and, folded under each person, what is that person's own when it differs from the family's
// (own hukou, own 低保/特困 status). The engine takes the family's answer for these unless set
// (the catalogue's default_from), so nobody is asked twice.
import { errorLine, h, uniqueId } from './dom.js';
import { pick, say } from './i18n.js';
import { regionPicker } from './region-picker.js';
import { putAnswer } from './state.js';
import { HOME_FACT } from './region-view.js';

const OWN_HUKOU = 'person_hukou_region';
const OWN_SUPPORT = 'person_support';

/**
 * "户口：… · 现在住在：…  [改]" — the family's places, one tap from changing them.
 * @param {import('./app.js').Context} ctx
 * @returns {HTMLElement|null}
 */
export function placesLine(ctx) {
  const { state, regions } = ctx;
  if (!state.region) return null;
  const home = state.facts[HOME_FACT];
  const name = (code) => regions.fullName(code) || code;
  return h('div', { class: 'places-line' },
    h('p', { class: 'places-line__text' },
      h('span', {}, say('householdHukou', { place: name(state.region) })),
      ' ',
      h('span', {}, say('householdHome', { place: home ? name(home) : say('householdHomeSame') }))),
    h('button', {
      type: 'button', class: 'button button--quiet button--small', id: 'change-places',
      'aria-label': say('changePlacesLabel'), onClick: () => ctx.go('region'),
    }, say('changePlaces')));
}

/**
 * The folded "this person's own …" parts of one member's block. check(focus) says whether what
 * is open is complete (an own hukou needs a county), showing what is missing and, with `focus`,
 * moving there.
 * @param {import('./app.js').Context} ctx
 * @param {import('./state.js').Member} member
 * @returns {{elements: HTMLElement[], check: (focus: boolean) => boolean}}
 */
export function memberOwnAnswers(ctx, member) {
  const { catalogue } = ctx.engine;
  const parts = [];
  if (catalogue.facts.has(OWN_HUKOU)) parts.push(ownHukou(ctx, member));
  const support = catalogue.facts.get(OWN_SUPPORT);
  if (support?.options?.length) parts.push(ownSupport(ctx, member, support));
  return {
    elements: parts.map((p) => p.element),
    check(focus) {
      let first = focus;
      return parts.map((p) => { const ok = p.check(first); if (!ok) first = false; return ok; }).every(Boolean);
    },
  };
}

/** A box that unfolds what it names; unticking it forgets the answer (the family's counts again). */
function fold(text, open, inner, onToggle) {
  const id = uniqueId('own');
  const panel = h('div', { class: 'own__panel', id: `${id}-panel`, hidden: !open }, inner);
  const box = h('input', {
    type: 'checkbox', id, class: 'choice__input', checked: open, 'aria-controls': panel.id,
    'aria-expanded': String(open),
    onChange(event) {
      const on = event.target.checked;
      panel.hidden = !on;
      box.setAttribute('aria-expanded', String(on));
      onToggle(on);
    },
  });
  return {
    element: h('div', { class: 'own' },
      h('div', { class: 'choice' }, box, h('label', { for: id, class: 'choice__label' }, text)),
      panel),
    isOpen: () => box.checked,
  };
}

function ownHukou(ctx, member) {
  const key = { fact: OWN_HUKOU, member: member.id };
  const saved = member.facts[OWN_HUKOU];
  const picker = regionPicker(ctx.regions, typeof saved === 'string' ? saved : '');
  const error = errorLine();
  // Kept as each county is chosen, like the name typed above it.
  picker.element.addEventListener('change', () => {
    const code = picker.value();
    putAnswer(ctx.state, key, code || undefined);
    ctx.save();
  });
  const folded = fold(say('ownHukou'), Boolean(saved),
    [h('p', { class: 'step__help' }, say('ownHukouHelp')), picker.element, error.element],
    (on) => {
      putAnswer(ctx.state, key, on ? picker.value() || undefined : undefined);
      ctx.save();
    });
  return {
    element: folded.element,
    check(focus) {
      if (!folded.isOpen() || picker.value()) return true;
      error.set(say('ownHukouMissing'));
      if (focus) picker.element.querySelector('select:not([disabled])')?.focus();
      return false;
    },
  };
}

/** The person's own support, with the catalogue's options; unticked, the family's answer counts. */
function ownSupport(ctx, member, fact) {
  const key = { fact: OWN_SUPPORT, member: member.id };
  const saved = member.facts[OWN_SUPPORT];
  const chosen = new Set(Array.isArray(saved) ? saved : []);
  const legendId = uniqueId('own-support');
  const boxes = fact.options.map((option) => {
    const id = uniqueId('option');
    const box = h('input', {
      type: 'checkbox', id, class: 'choice__input', value: option.id, checked: chosen.has(option.id),
      onChange() { keep(); },
    });
    return { box, element: h('div', { class: 'choice' }, box, h('label', { for: id, class: 'choice__label' }, pick(option.name))) };
  });
  const keep = () => {
    putAnswer(ctx.state, key, boxes.filter((b) => b.box.checked).map((b) => b.box.value));
    ctx.save();
  };
  const folded = fold(say('ownSupport'), Array.isArray(saved), h('fieldset', { class: 'choices', 'aria-labelledby': legendId },
    h('legend', { class: 'choices__legend', id: legendId }, pick(fact.question)),
    boxes.map((b) => b.element)),
  (on) => {
    if (on) keep();
    else { putAnswer(ctx.state, key, undefined); ctx.save(); }
  });
  return { element: folded.element, check: () => true };
}
