// Cadre mode: a roster of households kept on the device, each screened with the family page's
// own steps. Each household asked about gets its own session of the calculator (its answers,
// its store); saving them writes that household to IndexedDB. The family's session is never
// touched: the page hands the view over by which session draws.
import { h, show } from './dom.js';
import { say } from './i18n.js';
import { householdOf } from './state.js';
import { placesIn } from './regions.js';
import { summarise } from './result-summary.js';
import {
  addHousehold, allHouseholds, deleteAllHouseholds, deleteHousehold, importHouseholds, readHousehold, updateHousehold,
} from './roster-store.js';
import { BACKUP_LIMITS, duplicateRecord, newRecord, tooDeep } from './roster-file.js';
import { renderRoster } from './roster-view.js';
import { renderHousehold } from './household-view.js';
import { renderHouseholdChanged } from './household-changed-view.js';

const PLACE_KEY = 'carecheck.cadre.place'; // which screen and household to come back to
const PENDING_KEY = 'carecheck.cadre.pending'; // writes a closed tab may not have finished
const OWN_KEYS = /^carecheck\./; // what "delete everything" removes from localStorage

/**
 * @typedef {Object} Screened  a household's summary, or why there is none
 * @property {import('./result-summary.js').Summary} [summary]
 * @property {Object} [open]    questions() output: the questions still worth asking
 * @property {string} [error]   why the engine could not read the answers (or did not start)
 * @property {boolean} [engineMissing]  the engine did not start: the answers may well be fine
 */

/**
 * @param {import('./calculator.js').Calculator} ctx  the shared calculator (engine, view, messages)
 * @param {HTMLElement} bar  the line above the steps naming the household being screened
 * @param {{onDeletedAll?: () => void, region?: string}} [hooks]  region: the county a first
 *   household starts in
 */
export function createCadreMode(ctx, bar, hooks = {}) {
  /** @type {Map<string, {key: string, screened: Promise<Screened>}>} */
  const summaries = new Map();
  /** Each household's answers as last written, so merely looking does not count as a change. */
  const written = new Map();
  /** Households another tab saved after this tab read them: nothing more is written until reopened. */
  const changed = new Set();
  const cadre = {
    ctx,
    /** @type {import('./roster-store.js').HouseholdRecord[]} */
    records: [],
    /** roster view settings kept while the page is open */
    view: { search: '', filter: 'all', sort: 'updated' },

    /** Reads the roster again: another tab may have changed it. */
    async load() {
      try {
        await replayPending();
        cadre.records = await allHouseholds();
        changed.clear();
        for (const record of cadre.records) written.set(record.id, JSON.stringify(record.state));
      } catch (error) {
        ctx.announce(`${say('rosterStorageFailed')}${error?.message ?? ''}`);
      }
    },

    find: (id) => cadre.records.find((r) => r.id === id),

    /** Shows the roster, the household sheet or the steps, where the cadre last was. */
    async resume() {
      await cadre.load();
      // The roster names each household's county: their provinces' lists first.
      await ctx.regions.forCodes(cadre.records.flatMap((record) => placesIn(record.state)))
        .catch((error) => console.info('carecheck: region list not available', error?.message));
      const place = readPlace();
      if (place.id && cadre.find(place.id)) {
        if (place.screen === 'steps') cadre.askQuestions(place.id);
        else cadre.showHousehold(place.id);
      } else {
        cadre.showRoster();
      }
    },

    /** @param {string} [focusId]  e.g. the row of the household just left */
    async showRoster(focusId) {
      cadre.leave();
      await cadre.load();
      renderRoster(cadre, focusId);
    },

    /** Closes the open household; the roster is where the cadre comes back to. */
    leave() {
      cadre.suspend();
      writePlace({ screen: 'roster' });
    },

    /** Puts cadre mode aside (the family's own answers are shown); its place is kept. */
    suspend() {
      bar.hidden = true;
      bar.replaceChildren();
      ctx.release(); // a step still waiting for the engine must not draw over what comes next
    },

    showHousehold(id) {
      const record = cadre.find(id);
      if (!record) { cadre.showRoster(); return; }
      if (changed.has(id)) { showChanged(record); return; }
      cadre.suspend();
      writePlace({ screen: 'household', id });
      renderHousehold(cadre, record);
    },

    /** Asks the household's questions with the family page's steps. */
    askQuestions(id) {
      const record = cadre.find(id);
      if (!record) { cadre.showRoster(); return; }
      if (changed.has(id)) { showChanged(record); return; }
      writePlace({ screen: 'steps', id });
      const household = ctx.session({
        state: record.state,
        store: {
          save: () => cadre.save(record),
          clear() { /* "start over" keeps the household on the roster, only its answers go */ },
          // Starting over keeps the county: the cadre is still in the same village.
          region: record.state.region,
        },
      });
      showBar(record);
      household.go(record.state.step || 'region');
    },

    /**
     * Writes the household if its answers changed. The write starts now, in the same task as
     * the answer (a tab closed right after answering keeps it); the promise tells when it is done.
     */
    async save(record) {
      const state = JSON.stringify(record.state);
      if (changed.has(record.id) || written.get(record.id) === state) return;
      written.set(record.id, state);
      if (!await write(record)) written.delete(record.id);
    },

    /** Reads the household again as storage holds it now (another tab's answers) and goes on. */
    async reopen(id) {
      try {
        const fresh = await readHousehold(id);
        changed.delete(id);
        cadre.records = cadre.records.filter((r) => r.id !== id);
        if (!fresh) { cadre.showRoster(); return; }
        cadre.records.push(fresh);
        written.set(id, JSON.stringify(fresh.state));
        cadre.askQuestions(id);
      } catch (error) {
        ctx.announce(`${say('rosterStorageFailed')}${error?.message ?? ''}`);
      }
    },

    /** The county a new household is shown prefilled with: the last one registered's. */
    lastRegion() {
      const recent = [...cadre.records].sort((a, b) => b.created.localeCompare(a.created))[0];
      return recent?.state.region || hooks.region || '';
    },

    /** @param {string} region  the county the cadre saw and kept (or chose) on the form; '' asks it */
    async add(name, note, region = '') {
      const record = newRecord(name, note, region);
      await addHousehold(record);
      written.set(record.id, JSON.stringify(record.state));
      cadre.records.push(record);
      cadre.askQuestions(record.id);
    },

    /**
     * A household handed over in a link (issue 12), added as a new household: a new id, so it
     * never replaces one on the roster. It opens on its results.
     * @param {string} name @param {import('./state.js').State} state  decodeHousehold's
     */
    async addFromLink(name, state) {
      const record = newRecord(name, '', state.region);
      record.state = { ...record.state, ...structuredClone(state) };
      await addHousehold(record);
      written.set(record.id, JSON.stringify(record.state));
      cadre.records.push(record);
      return record;
    },

    async rename(record, name, note) {
      Object.assign(record, { name, note });
      await write(record);
    },

    async duplicate(record) {
      const copy = duplicateRecord(record, say('copyName', { name: record.name }));
      await addHousehold(copy);
      written.set(copy.id, JSON.stringify(copy.state));
      cadre.records.push(copy);
      return copy;
    },

    async remove(record) {
      await deleteHousehold(record.id);
      cadre.records = cadre.records.filter((r) => r !== record);
      summaries.delete(record.id);
    },

    /**
     * Adds or replaces (same id) the imported households, all in one transaction; a household
     * changed on this device after the backup was made is kept.
     */
    async importRecords(records) {
      const counts = await importHouseholds(records);
      await cadre.load();
      return counts;
    },

    /** Deletes the roster and every answer this page keeps on the device (nothing else's). */
    async deleteAll() {
      await deleteAllHouseholds();
      cadre.records = [];
      summaries.clear();
      written.clear();
      try {
        for (const key of Object.keys(localStorage)) if (OWN_KEYS.test(key)) localStorage.removeItem(key);
      } catch { /* nothing could be stored either */ }
      hooks.onDeletedAll?.();
    },

    /**
     * The household's summary, worked out by the engine (cached until its answers change).
     * @param {import('./roster-store.js').HouseholdRecord} record
     * @returns {Promise<Screened>}  never rejects: a failure is carried as {error}
     */
    summaryOf(record) {
      // Stored before backups were checked: such answers never reach the engine (they broke it
      // for every household), so only this household is said to have a problem.
      if (tooDeep(record.state)) return Promise.resolve({ error: say('answersTooDeep', { max: BACKUP_LIMITS.depth }) });
      const household = householdOf(record.state);
      const key = JSON.stringify([household, record.state.papers]);
      const cached = summaries.get(record.id);
      if (cached?.key === key) return cached.screened;
      const screened = screen(household, record.state);
      summaries.set(record.id, { key, screened });
      return screened;
    },
  };

  /**
   * Writes the record as its next revision, unless another tab deleted it or saved a newer one
   * meanwhile: then nothing is written, and the page says so.
   * @returns {Promise<boolean>} true when written
   */
  async function write(record) {
    const basedOn = record.revision ?? 0;
    const before = record.updated;
    record.revision = basedOn + 1;
    record.updated = new Date().toISOString();
    let outcome;
    notePending(record, basedOn);
    try {
      outcome = await updateHousehold(record, basedOn);
      donePending(record.id, basedOn + 1);
    } catch (error) {
      donePending(record.id, basedOn + 1);
      // Put back unless a later write already went out from this revision.
      if (record.revision === basedOn + 1) Object.assign(record, { revision: basedOn, updated: before });
      ctx.announce(`${say('rosterStorageFailed')}${error?.message ?? ''}`);
      return false;
    }
    if (outcome === 'gone') {
      record.updated = before;
      ctx.announce(say('householdGone', { name: record.name }));
    } else if (outcome === 'stale') {
      showChanged(record);
    }
    return outcome === 'written';
  }

  /** Once per refusal (the writes already on their way are refused too): say it, offer to reopen. */
  function showChanged(record) {
    if (changed.has(record.id) && ctx.view.querySelector('.household-changed')) return;
    changed.add(record.id);
    cadre.suspend(); // a step still waiting for the engine must not draw over the message
    renderHouseholdChanged(cadre, record);
  }

  async function screen(household, state) {
    try {
      await ctx.engineReady;
      // Households come from many counties: every pack, as on the family's results.
      await ctx.engine.loadAll().catch((error) => console.info('carecheck: some rules not available', error?.message));
      const [result, open] = await Promise.all([ctx.engine.check(household), ctx.engine.questions(household)]);
      if (!result.ok) return { error: result.error?.message ?? '' };
      return { summary: summarise(result, open, state), open };
    } catch (error) {
      // The engine did not start (e.g. no connection on a first visit): the roster, its
      // exports and "delete" still work without it.
      console.info('carecheck: households are not screened without the engine', error?.message);
      return { error: say('engineMissing'), engineMissing: true };
    }
  }

  function showBar(record) {
    bar.hidden = false;
    show(bar, [
      h('p', { class: 'cadre-bar__who' }, say('screeningHousehold', { name: record.name })),
      h('div', { class: 'cadre-bar__actions' },
        h('button', { type: 'button', class: 'button button--small button--secondary', onClick: () => cadre.showHousehold(record.id) },
          say('householdSheet')),
        h('button', {
          type: 'button', class: 'button button--small button--secondary', onClick: () => cadre.showRoster(`open-${record.id}`),
        }, say('backToRoster'))),
    ]);
  }

  return cadre;
}

/**
 * Writes not yet known to have reached IndexedDB, by household id. localStorage is written at
 * once, while an IndexedDB write still under way is lost when its tab closes (an answer tapped
 * just before the tab is closed): the next load writes what is left here, with the same
 * revision check, so a newer save from another tab is never overwritten.
 */
function readPending() {
  try { return JSON.parse(localStorage.getItem(PENDING_KEY) || '{}') || {}; } catch { return {}; }
}

function writePending(pending) {
  try {
    if (Object.keys(pending).length > 0) localStorage.setItem(PENDING_KEY, JSON.stringify(pending));
    else localStorage.removeItem(PENDING_KEY);
  } catch { /* no journal: the IndexedDB write still goes out */ }
}

function notePending(record, basedOn) {
  writePending({ ...readPending(), [record.id]: { record: structuredClone(record), basedOn } });
}

/** The write of this revision has ended (written, refused or failed): no longer pending. */
function donePending(id, revision) {
  const pending = readPending();
  if (pending[id]?.record.revision !== revision) return; // a later write is pending
  delete pending[id];
  writePending(pending);
}

async function replayPending() {
  const pending = readPending();
  for (const { record, basedOn } of Object.values(pending)) {
    try { await updateHousehold(record, basedOn); } catch { /* storage refused it: as when it was made */ }
    donePending(record.id, record.revision);
  }
}

function readPlace() {
  try { return JSON.parse(localStorage.getItem(PLACE_KEY) || '{}') || {}; } catch { return {}; }
}

function writePlace(place) {
  try { localStorage.setItem(PLACE_KEY, JSON.stringify(place)); } catch { /* comes back to the roster */ }
}
