// Starts the wasm engine with the rule files the page ships, and wraps its JSON calls.
// The page asks the engine everything about policy; it decides nothing itself.

/**
 * @typedef {Object} Catalogue  what the page needs to ask and to show answers
 * @property {Array<{id: string, name: Object, help?: Object}>} roles
 * @property {Map<string, Object>} facts  fact id -> catalogue fact (question, type, options …)
 * @property {Array<Object>} packs        packs' metadata (title, jurisdiction, dates, status)
 *
 * @typedef {Object} Engine
 * @property {Catalogue} catalogue
 * @property {(household: Object) => Object} check      result JSON (see docs/rule-format.md)
 * @property {(household: Object) => Object} questions  {ok, questions, remaining}
 * @property {(household: Object) => Object} validate   {ok} or {ok:false, issues}
 */

/** Today on this phone as YYYY-MM-DD (the engine's "as_of" when the household has none). */
export function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

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
 * @returns {Promise<Engine>}
 * @throws {Error} when a file cannot be fetched or the rule set does not load
 * @example const engine = await startEngine(document.baseURI);
 *          engine.check({facts: {hukou_region: '431225'}, members: []});
 */
export async function startEngine(base) {
  const [{ default: createCarecheck }, files] = await Promise.all([
    import(new URL('carecheck.js', base).href),
    fetchRuleFiles(base),
  ]);
  const module = await createCarecheck();
  const carecheck = new module.Carecheck();
  const loaded = JSON.parse(carecheck.load(JSON.stringify(files)));
  if (!loaded.ok) throw new Error(`rules did not load: ${loaded.error?.message ?? 'unknown'}`);

  const call = (method, household) => {
    try {
      return JSON.parse(carecheck[method](JSON.stringify(household), today()));
    } catch (error) {
      return { ok: false, error: { code: 'internal', message: String(error) } };
    }
  };
  return {
    catalogue: buildCatalogue(JSON.parse(carecheck.describe())),
    check: (household) => call('check', household),
    questions: (household) => call('questions', household),
    validate: (household) => {
      try {
        return JSON.parse(carecheck.validateHousehold(JSON.stringify(household)));
      } catch (error) {
        return { ok: false, error: { code: 'internal', message: String(error) } };
      }
    },
  };
}

/** Roles, facts and pack metadata, as describe() reports the loaded rule set. */
function buildCatalogue(described) {
  const facts = described.facts || [];
  return { roles: described.roles || [], facts: new Map(facts.map((f) => [f.id, f])), packs: described.packs || [] };
}

/**
 * Whether a GB/T 2260 code lies inside an area code: "130700" (a city) holds "130722",
 * "130000" (a province) holds every "13xxxx" — the same reading as the rules' in_region.
 * @param {string} code  a six-digit county code
 * @param {string} area  a six-digit province, city or county code
 * @returns {boolean}
 */
export function regionWithin(code, area) {
  const prefix = String(area || '').replace(/(00)+$/, '');
  return prefix.length > 0 && String(code || '').startsWith(prefix);
}
