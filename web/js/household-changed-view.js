// Shown in a tab whose copy of a household is older than the one another tab saved: this tab's
// answer was refused, so nothing the other tab saved is lost, and the cadre reopens the household
// to go on from the answers as they are now. A message in the page, not a pop-up.
import { h, show } from './dom.js';
import { say } from './i18n.js';

/**
 * @param {ReturnType<import('./cadre-mode.js').createCadreMode>} cadre
 * @param {import('./roster-store.js').HouseholdRecord} record  this tab's (stale) copy
 */
export function renderHouseholdChanged(cadre, record) {
  const message = h('h2', { class: 'step__title household-changed__message' }, say('householdChanged', { name: record.name }));
  show(cadre.ctx.view, [h('section', { class: 'step household-changed' },
    message,
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'button button--primary', id: 'reopen-household', onClick: () => cadre.reopen(record.id) },
        say('reopenHousehold')),
      h('button', { type: 'button', class: 'button button--secondary', onClick: () => cadre.showRoster(`open-${record.id}`) },
        say('backToRoster'))))], message);
}
