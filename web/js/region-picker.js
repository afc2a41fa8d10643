// Three native selects (province, city, county): large, familiar on Android, read by screen readers.
import { h, uniqueId } from './dom.js';
import { say } from './i18n.js';

/**
 * @param {import('./regions.js').RegionTree} regions
 * @param {string} initialCode  a county code to preselect, or ''
 * @returns {{element: HTMLElement, value: () => string}} value() is the county code or ''
 */
export function regionPicker(regions, initialCode) {
  const province = selectField(say('province'));
  const city = selectField(say('city'));
  const county = selectField(say('county'));

  // `waiting`: the province's list is still on its way; the select stays where it is (and
  // reachable by Tab) and is filled when the list comes.
  const fill = (field, places, chosen, waiting = false) => {
    field.select.replaceChildren(
      h('option', { value: '' }, say('choose')),
      ...places.map((p) => h('option', { value: p.code, selected: p.code === chosen }, p.name)),
    );
    field.select.disabled = places.length === 0 && !waiting;
  };
  /** Fills city and county for a province, once its list (fetched by province) is there. */
  const showProvince = (code, cityChosen, countyChosen) => {
    const fillBoth = () => {
      fill(city, regions.citiesOf(code), cityChosen);
      fill(county, regions.countiesOf(cityChosen), countyChosen);
    };
    if (!code || regions.has(code)) {
      fillBoth();
      return;
    }
    fill(city, [], '', true);
    fill(county, [], '');
    problem.hidden = true;
    regions.forCodes([code]).then(() => {
      if (province.select.value === code) fillBoth(); // unless another province was chosen meanwhile
    }, (error) => {
      console.info('carecheck: region list not available', error?.message);
      if (province.select.value !== code) return;
      // No signal and not in the offline copy: say so; choosing the province again tries again.
      province.select.value = '';
      fill(city, [], '');
      problem.hidden = false;
    });
  };
  const problem = h('p', { class: 'notice', role: 'alert', hidden: true }, say('placesLoadFailed'));
  const start = /^\d{6}$/.test(initialCode || '') ? initialCode : '';
  fill(province, regions.provinces, start.slice(0, 2));
  showProvince(start.slice(0, 2), start.slice(0, 4), start);

  province.select.addEventListener('change', () => showProvince(province.select.value, '', ''));
  city.select.addEventListener('change', () => fill(county, regions.countiesOf(city.select.value), ''));

  return {
    element: h('div', { class: 'region-picker' }, province.wrap, problem, city.wrap, county.wrap),
    value: () => county.select.value,
  };
}

function selectField(labelText) {
  const id = uniqueId('region');
  const select = h('select', { id, class: 'field__select' });
  const wrap = h('div', { class: 'field' }, h('label', { for: id, class: 'field__label' }, labelText), select);
  return { select, wrap };
}
