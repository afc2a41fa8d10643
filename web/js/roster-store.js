// The cadre's household roster, kept in this browser's IndexedDB: it survives reloads, closing
// the browser and having no signal. Nothing here is ever sent anywhere.

const DB_NAME = 'carecheck';
const DB_VERSION = 1;
const HOUSEHOLDS = 'households';

/**
 * @typedef {Object} HouseholdRecord
 * @property {string} id        stable id ("h-…"), kept through export and import
 * @property {string} name      what the cadre calls the household (户主姓名、门牌号)
 * @property {string} note      free note (village, group, phone); never sent to the engine
 * @property {string} created   ISO time
 * @property {string} updated   ISO time of the last change
 * @property {number} [revision] counts the writes on this device (missing in older rosters: 0);
 *   a write names the revision it was based on and is refused if storage holds another one
 * @property {import('./state.js').State} state  the same answers the family page keeps
 */

/**
 * Households this tab's copy of which turned out stale: its writes already on their way were
 * based on the refused one, so they are refused too (storage may by then hold the other tab's
 * next revision, which they must not overwrite) until the household is read again.
 */
const outdated = new Set();

let opening = null;

function open() {
  opening ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(HOUSEHOLDS)) {
        request.result.createObjectStore(HOUSEHOLDS, { keyPath: 'id' });
      }
    };
    request.onsuccess = () => {
      const db = request.result;
      // Another tab deleting everything must not be blocked by this one.
      db.onversionchange = () => { db.close(); opening = null; };
      resolve(db);
    };
    request.onerror = () => { opening = null; reject(request.error); };
    request.onblocked = () => { opening = null; reject(new Error('the roster is open in another tab')); };
  });
  return opening;
}

/** Runs one request in a transaction and resolves when the transaction has committed. */
async function run(mode, work) {
  const db = await open();
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(HOUSEHOLDS, mode);
    const request = work(transaction.objectStore(HOUSEHOLDS));
    transaction.oncomplete = () => resolve(request?.result);
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error || new Error('storage refused the change'));
  });
}

/** @returns {Promise<HouseholdRecord[]>} every household on this device */
export function allHouseholds() {
  return run('readonly', (store) => freshCopy(store.getAll(), () => outdated.clear()));
}

/** @param {string} id @returns {Promise<HouseholdRecord|undefined>} the household as stored now */
export function readHousehold(id) {
  return run('readonly', (store) => freshCopy(store.get(id), () => outdated.delete(id)));
}

/**
 * What was read is this tab's copy from now on. Forgotten only when the read happens: writes
 * queued before it (transactions run in order) are still checked against the stale copy.
 */
function freshCopy(request, forget) {
  request.addEventListener('success', forget);
  return request;
}

/**
 * Writes a household's next revision, checked in the same transaction: another tab may have
 * deleted it ('gone': a deleted household never comes back) or saved a newer revision ('stale':
 * nothing is written, so nothing the other tab saved is lost).
 * @param {HouseholdRecord} record  as it is now; its revision must be basedOn + 1
 * @param {number} basedOn  the revision this tab read or last wrote
 * @returns {Promise<'written'|'gone'|'stale'>}
 */
export function updateHousehold(record, basedOn) {
  // The record as it is now: it changes again while the write waits for its turn.
  const version = structuredClone(record);
  let outcome = 'gone';
  return run('readwrite', (store) => {
    const existing = store.get(record.id);
    existing.onsuccess = () => {
      const stored = existing.result;
      if (!stored) return;
      if (outdated.has(record.id) || (stored.revision ?? 0) !== basedOn) {
        outdated.add(record.id);
        outcome = 'stale';
        return;
      }
      store.put(version);
      outcome = 'written';
    };
    return null;
  }).then(() => outcome);
}

/** @param {HouseholdRecord} record  a household new to the device @returns {Promise<void>} */
export function addHousehold(record) {
  return run('readwrite', (store) => store.add(record));
}

/**
 * Imports households in one transaction (all or none). A household already on the device with a
 * later change is kept: an old backup never overwrites newer answers. A new one keeps the
 * revision it carries; one that is replaced gets a revision above both, so a tab still showing
 * the replaced one is told to reopen it.
 * @param {HouseholdRecord[]} records
 * @returns {Promise<{added: number, replaced: number, kept: number}>}
 */
export function importHouseholds(records) {
  const counts = { added: 0, replaced: 0, kept: 0 };
  return run('readwrite', (store) => {
    for (const record of records) {
      const existing = store.get(record.id);
      existing.onsuccess = () => {
        const stored = existing.result;
        if (stored && stored.updated > record.updated) { counts.kept += 1; return; }
        counts[stored ? 'replaced' : 'added'] += 1;
        const revision = stored ? Math.max(stored.revision ?? 0, record.revision ?? 0) + 1 : record.revision ?? 1;
        store.put({ ...record, revision });
      };
    }
    return null;
  }).then(() => counts);
}

/** @param {string} id @returns {Promise<void>} */
export function deleteHousehold(id) {
  return run('readwrite', (store) => store.delete(id));
}

/** Empties the roster. @returns {Promise<void>} */
export function deleteAllHouseholds() {
  return run('readwrite', (store) => store.clear());
}
