// How the page names a family member to the family ("妈妈", or "老人（家人 1）").
import { list, paren, pick, say } from './i18n.js';

/**
 * @param {import('./engine.js').Catalogue} catalogue
 * @param {import('./state.js').State} state
 * @param {string} memberId
 * @returns {string}
 */
export function memberName(catalogue, state, memberId) {
  const index = state.members.findIndex((m) => m.id === memberId);
  if (index < 0) return memberId;
  const member = state.members[index];
  if (member.label.trim()) return member.label.trim();
  const roleNames = list(member.roles
    .map((id) => pick(catalogue.roles.find((r) => r.id === id)?.name))
    .filter(Boolean));
  const numbered = say('memberLegend', { n: index + 1 });
  return roleNames ? `${roleNames}${paren(numbered)}` : numbered;
}
