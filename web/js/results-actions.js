// After the results: "改答案" goes back to the last question answered (and from there
// "上一题" walks further back), "重新开始" clears every answer after asking again in the page.
import { h } from './dom.js';
import { say } from './i18n.js';
import { confirmAction } from './confirm-action.js';

/**
 * @param {import('./calculator.js').Context} ctx
 * @returns {HTMLElement}
 */
export function resultsActions(ctx) {
  const { state } = ctx;
  const last = state.history[state.history.length - 1];
  const change = h('button', {
    type: 'button', class: 'button button--secondary',
    onClick() {
      if (!last) { ctx.go('family'); return; }
      state.editing = { ...last, returnTo: 'questions' };
      ctx.go('questions');
    },
  }, say('resultsChange'));
  const restart = confirmAction({
    ask: say('resultsRestart'), question: say('resultsRestartQuestion'),
    yes: say('resultsRestartYes'), no: say('resultsRestartNo'),
  }, () => ctx.startOver(), 'results-restart');
  return h('div', { class: 'results-actions no-print' }, change, restart);
}
