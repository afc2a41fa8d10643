// Turning catalogue facts into questions, and answers back into words.
import { labelled, list, pick, say } from './i18n.js';
import { memberName } from './people.js';

/**
 * A question for an already answered fact (same shape as an entry of questions()),
 * so "previous question" and "change" can ask it again.
 * @param {import('./engine.js').Catalogue} catalogue
 * @param {import('./state.js').AnswerKey} key
 * @returns {Object|null} null when the fact is not in the catalogue
 */
export function questionFor(catalogue, key) {
  const fact = catalogue.facts.get(key.fact);
  if (!fact) return null;
  const { id, about, ask_roles: askRoles, derive, ...shown } = fact;
  return { ...shown, fact: id, ...(key.member ? { member: key.member } : {}) };
}

/**
 * An answer in words: "是", "68 岁", "低保户、特困供养", "不确定".
 * @param {import('./engine.js').Catalogue} catalogue
 * @param {import('./regions.js').RegionTree|null} regions
 * @param {string} factId
 * @param {*} value
 * @returns {string}
 */
export function answerInWords(catalogue, regions, factId, value) {
  if (value === null || value === undefined) return say('answerNotSure');
  const fact = catalogue.facts.get(factId) || {};
  const optionName = (id) => pick(fact.options?.find((o) => o.id === id)?.name) || id;
  switch (fact.type) {
    case 'bool': return value ? say('answerYes') : say('answerNo');
    case 'one_of': return optionName(value);
    case 'many_of': return Array.isArray(value) && value.length ? list(value.map(optionName)) : say('none');
    case 'number': return `${value} ${pick(fact.unit)}`.trim();
    case 'region': return regions?.fullName(value) || String(value);
    default: return String(value);
  }
}

/**
 * Every answer given, in order: the hukou, the household's facts, then each person's.
 * @param {import('./engine.js').Catalogue} catalogue
 * @param {import('./state.js').State} state
 * @returns {Array<{key: import('./state.js').AnswerKey, label: string, value: *}>}  label: the
 *   question, with the person's name for member facts
 */
export function answeredFacts(catalogue, state) {
  const question = (factId) => pick(catalogue.facts.get(factId)?.question) || factId;
  const rows = [];
  if (state.region) rows.push({ key: { fact: 'hukou_region' }, label: question('hukou_region'), value: state.region });
  // Where the family lives (kept only when it is not the hukou place) comes right after the hukou.
  const home = 'home_region';
  if (Object.prototype.hasOwnProperty.call(state.facts, home)) rows.push({ key: { fact: home }, label: question(home), value: state.facts[home] });
  for (const [fact, value] of Object.entries(state.facts)) {
    if (fact !== home) rows.push({ key: { fact }, label: question(fact), value });
  }
  for (const member of state.members) {
    for (const [fact, value] of Object.entries(member.facts)) {
      rows.push({
        key: { fact, member: member.id },
        label: labelled(memberName(catalogue, state, member.id), question(fact)),
        value,
      });
    }
  }
  return rows;
}
