// A household summary in words, for the cadre's roster, sheet and CSV: program names with the
// person they are for, choose-one groups named once.
import { list, paren, pick, say } from './i18n.js';
import { memberName } from './people.js';
import { groupChoices, toApplyFor } from './result-summary.js';

/**
 * "第12项 高龄补贴（妈妈）": the program's name, and whom it is for when the family has several
 * people (two elders each get their own allowance).
 * @param {import('./engine.js').Catalogue} catalogue
 * @param {import('./state.js').State} state
 * @param {import('./result-summary.js').ProgramBrief} program
 * @returns {string}
 */
export function programLabel(catalogue, state, program) {
  const name = pick(program.name);
  if (!program.member || state.members.length < 2) return name;
  return `${name}${paren(memberName(catalogue, state, program.member))}`;
}

/**
 * What the family may apply for, one line per program or per choose-one group
 * ("四种服务只能选一种：集中共养、居家托养……").
 * @param {import('./engine.js').Catalogue} catalogue
 * @param {import('./state.js').State} state
 * @param {import('./result-summary.js').Summary} summary
 * @param {(program: Object) => boolean} [which]  e.g. only those with one status
 * @returns {Array<{text: string, status: string}>}  status of the line's first program
 */
export function applyForLines(catalogue, state, summary, which = () => true) {
  const label = (p) => programLabel(catalogue, state, p);
  return groupChoices(summary, toApplyFor(summary).filter(which)).map(({ group, programs }) => ({
    status: programs[0].status,
    text: group && programs.length > 1
      ? say('chooseOneLine', { name: pick(group.name), list: list(programs.map(label)) })
      : label(programs[0]),
  }));
}
