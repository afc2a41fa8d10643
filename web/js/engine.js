// The page's handle on the engine: starts it (in a worker when the browser can) and turns
// its JSON strings into objects.
// The page asks the engine everything about policy; it decides nothing itself.

/**
 * @typedef {Object} Catalogue  what the page needs to ask and to show answers
 * @property {Array<{id: string, name: Object, help?: Object}>} roles
 * @property {Map<string, Object>} facts  fact id -> catalogue fact (question, type, options …)
 * @property {Array<Object>} packs        packs' metadata (title, jurisdiction, dates, status)
 *
 * @typedef {Object} Engine
 * @property {Catalogue} catalogue
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
  let described;
  try {
    send = await workerChannel();
    described = await send('start', { base: String(base) });
  } catch {
    // No module workers, or the engine cannot start in one (e.g. a portal's stricter worker
    // policy): run it on the page instead.
    send = await pageChannel();
    described = await send('start', { base: String(base) });
  }
  const catalogue = buildCatalogue(JSON.parse(described));
  const call = async (method, text) => {
    try {
      return JSON.parse(await send(method, { household: text, today: today() }));
    } catch (error) {
      return { ok: false, error: { code: 'internal', message: String(error?.message ?? error) } };
    }
  };
  // One engine call per answer: check() returns the result and the next questions together, and
  // the last household's answer is kept, so asking for its result and its questions (in either
  // order, or at once) evaluates it once.
  let last = { text: null, answer: null };
  const evaluate = (household) => {
    const text = JSON.stringify(household);
    if (last.text !== text) last = { text, answer: call('check', text) };
    return last.answer;
  };
  const questions = async (household) => {
    const result = await evaluate(household);
    return result.ok ? { ok: true, questions: result.questions, remaining: result.remaining } : result;
  };
  return { catalogue, check: evaluate, questions, validate: (household) => call('validateHousehold', JSON.stringify(household)) };
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
  const { loadEngineCore } = await import('./engine-core.js');
  let core = null;
  return async (method, args) => {
    if (method === 'start') {
      core = await loadEngineCore(args.base);
      return core.describe();
    }
    return core.call(method, args.household, args.today);
  };
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
