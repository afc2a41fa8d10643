// Cadre mode: a roster of households kept on the device, each screened with the family page's
// own steps. The calculator's ctx is pointed at one household's answers at a time; saving them
// writes that household to IndexedDB.
import { h, show } from './dom.js';
import { say } from './i18n.js';
import { householdOf } from './state.js';
import { summarise } from './result-summary.js';
import { allHouseholds, deleteAllHouseholds, deleteHousehold, putHousehold, putHouseholds } from './roster-store.js';
import { duplicateRecord, newRecord } from './roster-file.js';
import { renderRoster } from './roster-view.js';
import { renderHousehold } from './household-view.js';

const PLACE_KEY = 'carecheck.cadre.place'; // which screen and household to come back to

/**
 * @typedef {Object} Screened  a household's summary, or why there is none
 * @property {import('./result-summary.js').Summary} [summary]
 * @property {Object} [open]    questions() output: the questions still worth asking
 * @property {string} [error]   the engine's message when the answers cannot be read
 */

/**
 * @param {import('./calculator.js').Context} ctx
 * @param {HTMLElement} bar  the line above the steps naming the household being screened
 * @param {{onDeletedAll?: () => void, region?: string}} [hooks]  region: the county a first household starts in
 */
export function createCadreMode(ctx, bar, hooks = {}) {
  /** @type {Map<string, {key: string, screened: Promise<Screened>}>} */
  const screenedCache = new Map();
  const cadre = {
    ctx,
    /** @type {import('./roster-store.js').HouseholdRecord[]} */
    records: [],
    /** roster view settings kept while the page is open */
    view: { search: '', filter: 'all', sort: 'updated' },
    loaded: false,

    async load() {
      try {
        cadre.records = await allHouseholds();
        cadre.loaded = true;
      } catch (error) {
        ctx.announce(`${say('rosterStorageFailed')}${error?.message ?? ''}`);
        cadre.records = [];
      }
    },

    find: (id) => cadre.records.find((r) => r.id === id),

    /** Shows the roster, the household page or the steps, where the cadre last was. */
    async resume() {
      if (!cadre.loaded) await cadre.load();
      const place = readPlace();
      if (place.id && cadre.find(place.id)) {
        if (place.screen === 'steps') cadre.screen(place.id);
        else cadre.showHousehold(place.id);
      } else {
        cadre.showRoster();
      }
    },

    showRoster(focusId) {
      cadre.leave();
      renderRoster(cadre, focusId);
    },

    /** Closes the open household (the page switches to the family's own answers). */
    leave() {
      leaveHousehold();
      writePlace({ screen: 'roster' });
    },

    showHousehold(id, focusId) {
      const record = cadre.find(id);
      if (!record) { cadre.showRoster(); return; }
      leaveHousehold();
      writePlace({ screen: 'household', id });
      renderHousehold(cadre, record, focusId);
    },

    /** Asks the household's questions with the family page's steps. */
    screen(id) {
      const record = cadre.find(id);
      if (!record) { cadre.showRoster(); return; }
      writePlace({ screen: 'steps', id });
      ctx.state = record.state;
      ctx.store = {
        save: () => cadre.save(record),
        clear() { record.state.papers = {}; },
      };
      showBar(record);
      ctx.go(record.state.step || 'region');
    },

    async save(record) {
      record.updated = new Date().toISOString();
      try {
        await putHousehold(record);
      } catch (error) {
        ctx.announce(`${say('rosterStorageFailed')}${error?.message ?? ''}`);
      }
    },

    async add(name, note) {
      const recent = [...cadre.records].sort((a, b) => b.updated.localeCompare(a.updated))[0];
      const record = newRecord(name, note, recent?.state.region || hooks.region || '');
      cadre.records.push(record);
      await cadre.save(record);
      cadre.screen(record.id);
    },

    async rename(record, name, note) {
      Object.assign(record, { name, note });
      await cadre.save(record);
    },

    async duplicate(record) {
      const copy = duplicateRecord(record, say('copyName', { name: record.name }));
      cadre.records.push(copy);
      await cadre.save(copy);
      return copy;
    },

    async remove(record) {
      await deleteHousehold(record.id);
      cadre.records = cadre.records.filter((r) => r !== record);
      screenedCache.delete(record.id);
    },

    /** Adds or replaces (same id) every imported household in one transaction. */
    async importRecords(records) {
      await putHouseholds(records);
      const ids = new Set(records.map((r) => r.id));
      const replaced = cadre.records.filter((r) => ids.has(r.id)).length;
      cadre.records = [...cadre.records.filter((r) => !ids.has(r.id)), ...records];
      return { added: records.length - replaced, replaced };
    },

    /** Deletes the roster and every answer this page keeps on the device. */
    async deleteAll() {
      await deleteAllHouseholds();
      cadre.records = [];
      screenedCache.clear();
      try { localStorage.clear(); } catch { /* nothing could be stored either */ }
      hooks.onDeletedAll?.();
    },

    /**
     * The household's summary, worked out by the engine (cached until its answers change).
     * @param {import('./roster-store.js').HouseholdRecord} record
     * @returns {Promise<Screened>}
     */
    screened(record) {
      const household = householdOf(record.state);
      const key = JSON.stringify([household, record.state.papers]);
      const cached = screenedCache.get(record.id);
      if (cached?.key === key) return cached.screened;
      const screened = screenHousehold(household, record.state);
      screenedCache.set(record.id, { key, screened });
      return screened;
    },
  };

  async function screenHousehold(household, state) {
    await ctx.engineReady;
    const [result, open] = await Promise.all([ctx.engine.check(household), ctx.engine.questions(household)]);
    if (!result.ok) return { error: result.error?.message ?? '' };
    return { summary: summarise(result, open, state), open };
  }

  function showBar(record) {
    bar.hidden = false;
    show(bar, [
      h('p', { class: 'cadre-bar__who' }, say('screeningHousehold', { name: record.name })),
      h('div', { class: 'cadre-bar__actions' },
        h('button', { type: 'button', class: 'button button--small button--secondary', onClick: () => cadre.showHousehold(record.id) },
          say('householdSheet')),
        h('button', { type: 'button', class: 'button button--small button--secondary', onClick: () => cadre.showRoster() },
          say('backToRoster'))),
    ]);
  }

  function leaveHousehold() {
    bar.hidden = true;
    bar.replaceChildren();
    ctx.visit += 1; // a step still waiting for the engine must not draw over the roster
  }

  return cadre;
}

function readPlace() {
  try { return JSON.parse(localStorage.getItem(PLACE_KEY) || '{}') || {}; } catch { return {}; }
}

function writePlace(place) {
  try { localStorage.setItem(PLACE_KEY, JSON.stringify(place)); } catch { /* comes back to the roster */ }
}
