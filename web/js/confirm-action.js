// A button for something that cannot be undone (deleting households), asked again in the page
// itself: a browser dialog is easy to tap through and cannot be styled large enough.
import { h, uniqueId } from './dom.js';

/**
 * @param {Object} words
 * @param {string} words.ask       the first button ("删除这一户")
 * @param {string} words.question  what happens if confirmed
 * @param {string} words.yes       the red button that does it
 * @param {string} words.no        the way back
 * @param {() => Promise<void>|void} onYes
 * @param {string} id  the first button's id (the confirm button's is id + "-confirm")
 * @returns {HTMLElement}
 */
export function confirmAction({ ask, question, yes, no }, onYes, id) {
  const questionId = uniqueId('confirm');
  const prompt = h('p', { id: questionId, class: 'confirm__question', tabindex: '-1' }, question);
  let busy = false;
  const box = h('div', { class: 'confirm', role: 'group', 'aria-labelledby': questionId, hidden: true },
    prompt,
    h('button', {
      type: 'button', class: 'button button--danger', id: `${id}-confirm`,
      async onClick() {
        if (busy) return; // a double tap deletes once
        busy = true;
        try { await onYes(); } finally { busy = false; }
      },
    }, yes),
    h('button', { type: 'button', class: 'button button--secondary', onClick() { box.hidden = true; first.focus(); } }, no));
  // The question takes focus, not the red button: pressing Enter twice must not delete.
  const first = h('button', {
    type: 'button', class: 'button button--quiet', id,
    onClick() { box.hidden = false; prompt.focus(); },
  }, ask);
  return h('div', { class: 'confirm-action' }, first, box);
}
