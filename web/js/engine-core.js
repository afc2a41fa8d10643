// The wasm engine with the page's rule files loaded: JSON strings in and out, never a throw.
// Runs inside the engine worker (engine-worker.js), or on the page where workers are missing.
// It starts with the catalogue only; use() adds packs (the page asks first for those that can
// apply to the family's places, then for the rest).
// Also the reading of rules/index.json (written by tools/rule-index.mjs): the rule files, and for
// each pack the region codes its metadata says it covers. What applies is still the engine's to
// decide; the index only says which packs cannot.

/**
 * @typedef {{name: string, regions?: string[], place?: Object}} IndexEntry  a pack has regions
 *   (GB/T 2260 codes) and place (its jurisdiction's name, {zh, en})
 */

/** The prefix a region code covers, as the engine reads `in_region`: "130700" → "1307". */
export function regionPrefix(code) {
  let prefix = String(code);
  while (prefix.length > 2 && prefix.endsWith('00')) prefix = prefix.slice(0, -2);
  return prefix;
}

/** Whether a county code lies within one of `regions`. */
export function within(code, regions) {
  return regions.some((region) => code.startsWith(regionPrefix(region)));
}

/** Files that are no pack (the catalogue): loaded always. */
export const catalogueFiles = (entries) => entries.filter((entry) => !entry.regions);

/** Packs whose regions hold one of `codes`. */
export function packsFor(entries, codes) {
  return entries.filter((entry) => entry.regions && codes.some((code) => within(code, entry.regions)));
}

/** Every pack. */
export const allPacks = (entries) => entries.filter((entry) => entry.regions);

/**
 * The index's entries, whichever shape it has (a list of paths, or {files: [path|entry]}).
 * @returns {IndexEntry[]} names without the leading "rules/"
 */
export function indexEntries(index) {
  return (Array.isArray(index) ? index : index.files || [])
    .map((entry) => (typeof entry === 'string' ? { name: entry } : entry))
    .map((entry) => ({ ...entry, name: entry.name.replace(/^rules\//, '') }));
}

async function fetchOk(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} → HTTP ${response.status}`);
  return response;
}

/**
 * Loads the wasm module, rules/index.json and the catalogue.
 * @param {URL|string} base  the page's URL (module, wasm and rules are found relative to it)
 * @param {{loadGlue?: () => Promise<{default: Function}>}} [options]  loadGlue: how the module's
 *   glue is imported (Node, where `import()` cannot take an http URL)
 * @returns {Promise<{index: Array<Object>, describe: () => string, use: (names: string[]) => Promise<string>,
 *   call: (method: string, household: string, today: string) => Promise<string>}>}
 *   `index`: rules/index.json's entries; `use(names)` loads the catalogue with these packs (index
 *   names) and returns describe(); `call` runs check, questions or validateHousehold and always
 *   returns a JSON envelope; after a trap inside the module it restarts it with the same rules
 * @throws {Error} when a file cannot be fetched or the rule set does not load
 */
export async function loadEngineCore(base, { loadGlue } = {}) {
  const indexUrl = new URL('rules/index.json', base);
  const texts = new Map(); // index name -> Promise of the file's text, fetched once
  const text = (name) => {
    if (!texts.has(name)) {
      texts.set(name, fetchOk(new URL(name, indexUrl)).then((r) => r.text())
        .catch((error) => { texts.delete(name); throw error; }));
    }
    return texts.get(name);
  };
  // The module (the largest download) starts as soon as its glue is here, beside the index and
  // the catalogue, not after them: on a weak line the files would otherwise come one by one.
  const factory = (loadGlue ? loadGlue() : import(new URL('carecheck.js', base).href)).then((glue) => glue.default);
  const starting = factory.then((create) => create());
  const index = await fetchOk(indexUrl).then((r) => r.json()).then(indexEntries);
  const [module] = await Promise.all([starting, ...catalogueFiles(index).map(({ name }) => text(name))]);
  let carecheck = new module.Carecheck();
  let inUse = []; // the packs of the last load, for a restart
  let restarting = null;
  const use = async (names) => {
    inUse = names;
    const wanted = new Set(names);
    const entries = index.filter((entry) => !entry.regions || wanted.has(entry.name)); // the index's order
    const files = await Promise.all(entries.map(async ({ name }) => ({ name: `rules/${name}`, text: await text(name) })));
    const loaded = JSON.parse(carecheck.load(JSON.stringify(files)));
    if (!loaded.ok) throw new Error(`rules did not load: ${loaded.error?.message ?? 'unknown'}`);
    return carecheck.describe();
  };
  /** The module has no C++ exceptions, so a failure inside it (memory exhausted, or a bug) is a
   * trap that leaves that instance unusable: a new instance with the same rules takes its place. */
  const restart = () => {
    restarting ??= factory.then((create) => create()).then((fresh) => {
      carecheck = new fresh.Carecheck();
      return use(inUse);
    }).finally(() => { restarting = null; });
    return restarting;
  };
  await use([]);
  return {
    index,
    describe: () => carecheck.describe(),
    use,
    /** @returns {Promise<string>} */
    async call(method, household, today) {
      if (restarting) await restarting.catch(() => {});
      try {
        return method === 'validateHousehold'
          ? carecheck.validateHousehold(household)
          : carecheck[method](household, today);
      } catch (error) {
        if (error instanceof WebAssembly.RuntimeError) restart().catch((e) => console.warn('carecheck: engine restart failed', e));
        return JSON.stringify({ ok: false, error: { code: 'internal', message: String(error) } });
      }
    },
  };
}

/**
 * The engine's side of the channel the page talks to, in the worker or on the page itself:
 * 'start' loads the module and the catalogue, 'use' the packs named, the others evaluate.
 * @returns {(method: string, args: Object) => Promise<*>}
 */
export function engineChannel() {
  let core = null;
  return async (method, args) => {
    if (method === 'start') {
      core = await loadEngineCore(args.base);
      return { index: core.index, described: core.describe() };
    }
    if (method === 'use') return core.use(args.names);
    return core.call(method, args.household, args.today);
  };
}
