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
 * @property {import('./state.js').State} state  the same answers the family page keeps
 */

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
  return run('readonly', (store) => store.getAll());
}

/**
 * Writes a household that is still on the device. Another tab may have deleted it meanwhile:
 * then nothing is written (a deleted household never comes back) and the result is false.
 * @param {HouseholdRecord} record @returns {Promise<boolean>}
 */
export function updateHousehold(record) {
  let written = false;
  return run('readwrite', (store) => {
    const existing = store.get(record.id);
    existing.onsuccess = () => {
      if (existing.result) { store.put(record); written = true; }
    };
    return null;
  }).then(() => written);
}

/** @param {HouseholdRecord} record  a household new to the device @returns {Promise<void>} */
export function addHousehold(record) {
  return run('readwrite', (store) => store.add(record));
}

/**
 * Imports households in one transaction (all or none). A household already on the device with a
 * later change is kept: an old backup never overwrites newer answers.
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
        store.put(record);
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
