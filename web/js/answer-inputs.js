// The answer controls for one question, by fact type. Every type offers "I'm not sure" (null).
import { errorLine, h, uniqueId } from './dom.js';
import { pick, say } from './i18n.js';
import { regionPicker } from './region-picker.js';

/**
 * @param {Object} question  an entry of questions() (type, options, unit, min, max …)
 * @param {{answered: boolean, value: *}} current  the answer given before, if any
 * @param {(value: *) => void} submit  records the answer (null = not sure)
 * @param {{regions: import('./regions.js').RegionTree, labelledBy: string}} env
 * @returns {{controls: Node[], onSubmit: (() => void)|null}} onSubmit is set for types that
 *   need a "next" button (typed or multiple answers)
 */
export function answerInputs(question, current, submit, env) {
  const notSure = choiceButton(say('notSure'), current.answered && current.value === null, () => submit(null), 'button--quiet');
  switch (question.type) {
    case 'bool':
      return {
        controls: [
          choiceButton(say('yes'), current.value === true, () => submit(true)),
          choiceButton(say('no'), current.value === false, () => submit(false)),
          notSure],
        onSubmit: null,
      };
    case 'one_of':
      return {
        controls: [
          ...(question.options || []).map((o) => {
            const button = choiceButton(pick(o.name), current.value === o.id, () => submit(o.id));
            button.dataset.option = o.id;
            return button;
          }),
          notSure],
        onSubmit: null,
      };
    case 'many_of': return manyOf(question, current, submit, notSure);
    case 'number': return typed(question, current, submit, notSure, env);
    case 'date': return typed(question, current, submit, notSure, env);
    case 'region': {
      const picker = regionPicker(env.regions, current.value || '');
      const error = errorLine();
      return {
        controls: [picker.element, error.element, notSure],
        onSubmit: () => (picker.value() ? submit(picker.value()) : error.set(say('regionMissing'))),
      };
    }
    default:
      return { controls: [notSure], onSubmit: null };
  }
}

function choiceButton(text, pressed, onClick, variant = 'button--choice') {
  return h('button', {
    type: 'button', class: `button ${variant}`, 'aria-pressed': pressed ? 'true' : 'false', onClick,
  }, text);
}

function manyOf(question, current, submit, notSure) {
  const chosen = new Set(Array.isArray(current.value) ? current.value : []);
  const boxes = (question.options || []).map((option) => {
    const id = uniqueId('option');
    const box = h('input', { type: 'checkbox', id, class: 'choice__input', value: option.id, checked: chosen.has(option.id) });
    return { box, element: h('div', { class: 'choice' }, box, h('label', { for: id, class: 'choice__label' }, pick(option.name))) };
  });
  const none = choiceButton(say('none'), current.answered && Array.isArray(current.value) && current.value.length === 0,
    () => submit([]), 'button--secondary');
  return {
    controls: [h('div', { class: 'choices' }, boxes.map((b) => b.element)), none, notSure],
    onSubmit: () => submit(boxes.filter((b) => b.box.checked).map((b) => b.box.value)),
  };
}

function typed(question, current, submit, notSure, env) {
  const isNumber = question.type === 'number';
  const error = errorLine();
  const unit = pick(question.unit);
  const input = h('input', {
    class: 'field__input field__input--short',
    type: isNumber ? 'text' : 'date',
    inputmode: isNumber ? 'numeric' : null,
    autocomplete: 'off',
    'aria-labelledby': env.labelledBy,
    'aria-describedby': error.element.id,
    value: current.value ?? '',
  });
  const row = h('div', { class: 'typed' }, input, unit && h('span', { class: 'typed__unit', 'aria-hidden': 'true' }, unit));
  return {
    controls: [row, error.element, notSure],
    onSubmit() {
      // Chinese keyboards often type full-width digits (６８); read them as 68.
      const text = input.value.trim().replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xFEE0));
      if (!isNumber) {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) { error.set(say('dateInvalid')); input.focus(); return; }
        submit(text);
        return;
      }
      const problem = numberProblem(question, text);
      if (problem) { error.set(problem); input.setAttribute('aria-invalid', 'true'); input.focus(); return; }
      submit(Number(text));
    },
  };
}

function numberProblem(question, text) {
  const value = Number(text.replace(/\s/g, ''));
  const min = question.min ?? 0;
  const max = question.max ?? 1e9;
  if (text === '' || !Number.isFinite(value) || value < min || value > max) return say('numberRange', { min, max });
  if (question.integer && !Number.isInteger(value)) return say('numberInteger');
  return '';
}
