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

/** @param {HouseholdRecord} record @returns {Promise<void>} */
export function putHousehold(record) {
  return run('readwrite', (store) => store.put(record));
}

/** @param {HouseholdRecord[]} records  written in one transaction: all or none @returns {Promise<void>} */
export function putHouseholds(records) {
  return run('readwrite', (store) => { records.forEach((r) => store.put(r)); return null; });
}

/** @param {string} id @returns {Promise<void>} */
export function deleteHousehold(id) {
  return run('readwrite', (store) => store.delete(id));
}

/** Empties the roster. @returns {Promise<void>} */
export function deleteAllHouseholds() {
  return run('readwrite', (store) => store.clear());
}
