// The wasm engine with the page's rule files loaded: JSON strings in and out, never a throw.
// Runs inside the engine worker (engine-worker.js), or on the page where workers are missing.

/**
 * Fetches rules/index.json (beside the page) and every file it names.
 * @param {URL|string} base  the page's URL
 * @returns {Promise<Array<{name: string, text: string}>>} names as the CLI reports them ("rules/…")
 */
export async function fetchRuleFiles(base) {
  const indexUrl = new URL('rules/index.json', base);
  const index = await fetchOk(indexUrl).then((r) => r.json());
  const names = (Array.isArray(index) ? index : index.files || [])
    .map((entry) => (typeof entry === 'string' ? entry : entry.name))
    .map((name) => name.replace(/^rules\//, ''));
  return Promise.all(names.map(async (name) => ({
    name: `rules/${name}`,
    text: await fetchOk(new URL(name, indexUrl)).then((r) => r.text()),
  })));
}

async function fetchOk(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} → HTTP ${response.status}`);
  return response;
}

/**
 * Loads the wasm module and the rule set.
 * @param {URL|string} base  the page's URL (module, wasm and rules are found relative to it)
 * @returns {Promise<{describe: () => string, call: (method: string, household: string, today: string) => string}>}
 *   `call` runs check, questions or validateHousehold and always returns a JSON envelope
 * @throws {Error} when a file cannot be fetched or the rule set does not load
 */
export async function loadEngineCore(base) {
  const [{ default: createCarecheck }, files] = await Promise.all([
    import(new URL('carecheck.js', base).href),
    fetchRuleFiles(base),
  ]);
  const module = await createCarecheck();
  const carecheck = new module.Carecheck();
  const loaded = JSON.parse(carecheck.load(JSON.stringify(files)));
  if (!loaded.ok) throw new Error(`rules did not load: ${loaded.error?.message ?? 'unknown'}`);
  return {
    describe: () => carecheck.describe(),
    call(method, household, today) {
      try {
        return method === 'validateHousehold'
          ? carecheck.validateHousehold(household)
          : carecheck[method](household, today);
      } catch (error) {
        return JSON.stringify({ ok: false, error: { code: 'internal', message: String(error) } });
      }
    },
  };
}
