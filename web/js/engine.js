// The page's handle on the engine: starts it (in a worker when the browser can) and turns
// its JSON strings into objects.
// The page asks the engine everything about policy; it decides nothing itself.
// The rules come in two parts: before a household is evaluated, the packs whose regions (as
// rules/index.json lists them) hold one of its places; then, from loadAll(), every pack, so
// results and cadre mode see the whole rule set. Packs about other places ask nothing of a
// family and come out as not applying, so the questions are the same either way.
import { allPacks, packsFor } from './engine-core.js';

/**
 * @typedef {Object} Catalogue  what the page needs to ask and to show answers
 * @property {Array<{id: string, name: Object, help?: Object}>} roles
 * @property {Map<string, Object>} facts  fact id -> catalogue fact (question, type, options …)
 * @property {Array<Object>} packs        packs' metadata (title, jurisdiction, dates, status)
 *
 * @typedef {Object} Engine
 * @property {Catalogue} catalogue  of the rules loaded so far (more facts once more packs are)
 * @property {Array<Object>} places  every pack's jurisdiction name ({zh, en}), from rules/index.json
 * @property {() => Promise<void>} loadAll  loads every pack (once); rejects when one cannot be fetched
 * @property {(household: Object) => Promise<void>} prepare  loads the packs for its places ahead of a check
 * @property {(household: Object) => Promise<Object>} check      result JSON with the next questions (docs/rule-format.md)
 * @property {(household: Object) => Promise<Object>} questions  {ok, questions, remaining}: from the same check() call
 * @property {(household: Object) => Promise<Object>} validate   {ok} or {ok:false, issues}
 */

/** Today on this phone as YYYY-MM-DD (the engine's "as_of" when the household has none). */
export function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Starts the engine in a module worker, or on the page where such workers are missing.
 * @param {URL|string} base  the page's URL (module, wasm and rules are found relative to it)
 * @returns {Promise<Engine>}
 * @throws {Error} when a file cannot be fetched or the rule set does not load
 * @example const engine = await startEngine(document.baseURI);
 *          const result = await engine.check({facts: {hukou_region: '431225'}, members: []});
 */
export async function startEngine(base) {
  let send;
  let started;
  try {
    send = await workerChannel();
    started = await send('start', { base: String(base) });
  } catch {
    // No module workers, or the engine cannot start in one (e.g. a portal's stricter worker
    // policy): run it on the page instead.
    send = await pageChannel();
    started = await send('start', { base: String(base) });
  }
  const { index } = started;
  let catalogue = buildCatalogue(JSON.parse(started.described));
  let generation = 0; // counts rule sets loaded: an answer is kept for one household and one set
  const asked = new Set(); // packs asked for (loaded, or on their way)
  let loaded = new Set(); // packs in the engine now
  let queue = Promise.resolve();
  let pending = queue; // the last load asked for
  /** Loads the catalogue with the packs asked for so far and these (one load at a time); does
   * not wait when these are in already (a background load does not hold up a question). */
  const use = (entries) => {
    const names = entries.map((entry) => entry.name);
    if (names.every((name) => loaded.has(name))) return Promise.resolve();
    const missing = names.filter((name) => !asked.has(name));
    if (missing.length === 0) return pending;
    missing.forEach((name) => asked.add(name));
    const wanted = [...asked];
    pending = queue.then(() => send('use', { names: wanted })).then((described) => {
      catalogue = buildCatalogue(JSON.parse(described));
      loaded = new Set(wanted);
      generation += 1;
    });
    pending.catch(() => missing.forEach((name) => asked.delete(name))); // asked again next time
    queue = pending.catch(() => {});
    return pending;
  };
  const complete = () => allPacks(index).every((entry) => loaded.has(entry.name));
  const loadAll = () => use(allPacks(index));
  /** Loads the packs that can apply to the household's places (a person's own hukou too). */
  const forHousehold = async (household) => {
    for (let known = -1; known !== catalogue.facts.size;) { // a pack's own place questions may name more
      known = catalogue.facts.size;
      const places = placesOf(catalogue, household);
      await use(places.length > 0 ? packsFor(index, places) : allPacks(index)); // no place to narrow by: all
    }
  };
  const call = async (method, text) => {
    try {
      return JSON.parse(await send(method, { household: text, today: today() }));
    } catch (error) {
      return { ok: false, error: { code: 'internal', message: String(error?.message ?? error) } };
    }
  };
  /** Loads the packs the household needs; null, or the error envelope when they cannot come. */
  const prepared = async (household) => {
    try {
      await forHousehold(household);
      return null;
    } catch (error) {
      return { ok: false, error: { code: 'internal', message: String(error?.message ?? error) } };
    }
  };
  /** Runs a method on the packs loaded; an answer to a question only another place's pack asks
   * (kept from before a move) needs all of them. */
  const runLoaded = async (method, text) => {
    const answer = await call(method, text);
    if (answer.ok || answer.error?.code !== 'unknown_fact' || complete()) return answer;
    try { await loadAll(); } catch { return answer; }
    return call(method, text);
  };
  // One engine call per answer: check() returns the result and the next questions together, and
  // the last household's answer is kept (for the rules loaded then), so asking for its result and
  // its questions (in either order, or at once) evaluates it once.
  let last = { text: null, generation: -1, answer: null };
  const evaluate = async (household) => {
    const text = JSON.stringify(household);
    const failed = await prepared(household); // first, so `generation` is that of the rules it needs
    if (last.text !== text || last.generation !== generation) {
      last = { text, generation, answer: failed ? Promise.resolve(failed) : runLoaded('check', text) };
    }
    return last.answer;
  };
  const questions = async (household) => {
    const result = await evaluate(household);
    return result.ok ? { ok: true, questions: result.questions, remaining: result.remaining } : result;
  };
  return {
    get catalogue() { return catalogue; },
    places: index.filter((entry) => entry.place).map((entry) => entry.place),
    loadAll,
    prepare: (household) => forHousehold(household).catch(() => {}), // fetched ahead; a check says any failure
    check: evaluate,
    questions,
    validate: async (household) => (await prepared(household)) ?? runLoaded('validateHousehold', JSON.stringify(household)),
  };
}

/** The places the household's answers name: every answer to a question of type region. */
function placesOf(catalogue, household) {
  const isPlace = (id, value) => catalogue.facts.get(id)?.type === 'region' && typeof value === 'string';
  const facts = [household.facts || {}, ...(household.members || []).map((member) => member.facts || {})];
  return facts.flatMap((answers) => Object.entries(answers).filter(([id, value]) => isPlace(id, value)).map(([, value]) => value));
}

/** A request/response channel to engine-worker.js; rejects when module workers do not run. */
function workerChannel() {
  return new Promise((resolve, reject) => {
    if (typeof Worker !== 'function') { reject(new Error('no workers')); return; }
    const worker = new Worker(new URL('engine-worker.js', import.meta.url), { type: 'module' });
    const waiting = new Map();
    let nextId = 0;
    const send = (method, args) => new Promise((ok, fail) => {
      nextId += 1;
      waiting.set(nextId, { ok, fail });
      worker.postMessage({ id: nextId, method, args });
    });
    worker.addEventListener('message', ({ data }) => {
      const pending = waiting.get(data.id);
      waiting.delete(data.id);
      if (data.error !== undefined) pending?.fail(new Error(data.error));
      else pending?.ok(data.result);
    });
    // A browser without module workers fails to load the script: fall back to the page.
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      worker.terminate();
      for (const pending of waiting.values()) pending.fail(new Error('the engine stopped'));
      waiting.clear();
      reject(new Error('worker failed'));
    });
    // Any answer proves the worker's modules loaded.
    send('ping', {}).then(() => resolve(send), reject);
  });
}

/** The same channel, with the engine on the page's own thread. */
async function pageChannel() {
  const { engineChannel } = await import('./engine-core.js');
  return engineChannel();
}

/** Roles, facts and pack metadata, as describe() reports the loaded rule set. */
function buildCatalogue(described) {
  const facts = described.facts || [];
  return { roles: described.roles || [], facts: new Map(facts.map((f) => [f.id, f])), packs: described.packs || [] };
}

/**
 * Whether the engine's result says a pack is about other places for this family: each of its
 * programs is not eligible, at least one because a condition on a place came out false — where
 * the family lives, its hukou, or a person's own hukou (facts of type region) — and the others
 * for that reason too or only because a program they build on is not open to the family.
 * The page decides no region itself; it reads which failed conditions (`would_change`) read places.
 * @param {Catalogue} catalogue
 * @param {Object} pack  one entry of check()'s `packs`
 * @returns {boolean}
 * @example packElsewhere(engine.catalogue, result.packs[1]) // true for Puyang when the family lives in Beijing
 */
export function packElsewhere(catalogue, pack) {
  const programs = (pack.programs || []).map((program) => failedOn(catalogue, program));
  return programs.some((on) => on.place) && programs.every((on) => on.place || on.onlyOtherPrograms);
}

/**
 * Whether a "no" rests on a place (the family's hukou, where it lives, a person's own hukou):
 * such a program is no near miss, whatever else it needs.
 * @param {Catalogue} catalogue
 * @param {Object} program  one entry of a check() pack's `programs`
 * @returns {boolean}
 */
export function failsOnPlace(catalogue, program) {
  return failedOn(catalogue, program).place;
}

/**
 * What a not-eligible program failed on: `place` when a failing condition reads only region
 * facts; `onlyOtherPrograms` when every failing condition reads no answer itself (it is another
 * program's outcome, "可以享受居家邻里照护"). Both false for a program that is not "no".
 */
function failedOn(catalogue, program) {
  if (program.status !== 'not_eligible') return { place: false, onlyOtherPrograms: false };
  const isPlace = (read) => catalogue.facts.get(read.fact)?.type === 'region';
  const key = (node) => `${node.member || ''}|${node.text?.zh}|${node.cite?.quote}`;
  // would_change names the deepest explained conditions that failed; `why` holds the same
  // conditions with the answers they read.
  const failing = new Set((program.would_change || []).map(key));
  const nodes = [];
  const walk = (trace) => {
    if (trace.value === 'false' && failing.has(key(trace))) nodes.push(trace);
    (trace.children || []).forEach(walk);
  };
  (program.why || []).forEach(walk);
  const readsNothing = (node) => !(node.facts?.length) && !(node.children?.length);
  return {
    place: nodes.some((node) => node.facts?.length > 0 && node.facts.every(isPlace)),
    onlyOtherPrograms: nodes.length > 0 && nodes.every(readsNothing),
  };
}
