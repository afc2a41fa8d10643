// Step 2: who is in the family, each with one or more roles from the catalogue.
import { errorLine, h, show, uniqueId } from './dom.js';
import { pick, say } from './i18n.js';
import { forgetRemovedMembers, nextMemberId } from './state.js';
import { memberOwnAnswers, placesLine } from './member-own.js';

// Quick starts for the two commonest families; each is offered only when the rule set has
// those roles (role ids come from rules/facts.json).
const QUICK_STARTS = [
  { key: 'quickOneElder', members: [['elder']] },
  { key: 'quickCarer', members: [['elder', 'carer'], ['cared_for']] },
];

/**
 * @param {import('./app.js').Context} ctx
 * @param {string} [focusId]  element to focus after re-rendering (keeps keyboard users in place)
 */
export function renderFamilyStep(ctx, focusId) {
  const { state } = ctx;
  const roles = ctx.engine.catalogue.roles;
  const roleIds = new Set(roles.map((r) => r.id));
  const rerender = (nextFocus) => { ctx.save(); renderFamilyStep(ctx, nextFocus); };
  const heading = h('h2', { class: 'step__title' }, say('familyTitle'));
  const error = errorLine();

  const quickStarts = QUICK_STARTS
    .filter((q) => q.members.flat().every((id) => roleIds.has(id)))
    .map((q) => h('button', {
      type: 'button', class: 'button button--secondary',
      onClick() {
        state.members = q.members.map((memberRoles, i) => ({ id: `p${i + 1}`, label: '', roles: [...memberRoles], facts: {} }));
        forgetRemovedMembers(state);
        rerender('family-first');
      },
    }, say(q.key)));

  const checks = [];
  const memberBlocks = state.members.map((member, index) => {
    const nameId = uniqueId('member-name');
    const own = memberOwnAnswers(ctx, member);
    checks.push(own.check);
    return h('fieldset', { class: 'member', id: index === 0 ? 'family-first' : null },
      h('legend', { class: 'member__legend' }, say('memberLegend', { n: index + 1 })),
      h('div', { class: 'field' },
        h('label', { for: nameId, class: 'field__label' }, say('memberName')),
        h('input', {
          id: nameId, class: 'field__input', type: 'text', autocomplete: 'off', value: member.label, maxlength: 20,
          onInput(event) { member.label = event.target.value; ctx.save(); },
        })),
      h('fieldset', { class: 'choices' },
        h('legend', { class: 'choices__legend' }, say('memberRoles')),
        roles.map((role) => {
          const id = uniqueId('role');
          const helpId = `${id}-help`;
          return h('div', { class: 'choice' },
            h('input', {
              type: 'checkbox', id, class: 'choice__input', checked: member.roles.includes(role.id),
              'aria-describedby': role.help ? helpId : null,
              onChange(event) {
                member.roles = event.target.checked
                  ? [...new Set([...member.roles, role.id])]
                  : member.roles.filter((r) => r !== role.id);
                ctx.save();
              },
            }),
            h('label', { for: id, class: 'choice__label' },
              h('span', { class: 'choice__name' }, pick(role.name)),
              role.help && h('span', { class: 'choice__help', id: helpId }, pick(role.help))));
        })),
      own.elements,
      state.members.length > 1 && h('button', {
        type: 'button', class: 'button button--quiet',
        onClick() {
          state.members = state.members.filter((m) => m.id !== member.id);
          forgetRemovedMembers(state);
          rerender('add-member');
        },
      }, say('removeMember')));
  });

  const form = h('form', {
    class: 'step', novalidate: true,
    onSubmit(event) {
      event.preventDefault();
      const problem = state.members.length === 0 ? 'needMember'
        : state.members.some((m) => m.roles.length === 0) ? 'needRole' : '';
      if (problem) {
        error.set(say(problem));
        return;
      }
      // Each part missing a county says so beside itself; the first one gets the focus.
      let focus = true;
      const complete = checks.map((check) => { const ok = check(focus); if (!ok) focus = false; return ok; });
      if (!complete.every(Boolean)) return;
      ctx.go('questions');
    },
  },
  heading,
  placesLine(ctx),
  h('p', { class: 'step__help' }, say('familyHelp')),
  quickStarts.length > 0 && h('div', { class: 'quick' }, quickStarts),
  memberBlocks,
  h('button', {
    type: 'button', class: 'button button--secondary', id: 'add-member',
    onClick() {
      state.members.push({ id: nextMemberId(state), label: '', roles: [], facts: {} });
      rerender(`member-${state.members.length}`);
    },
  }, say('addMember')),
  error.element,
  h('div', { class: 'actions' },
    h('button', { type: 'button', class: 'button button--secondary', onClick: () => ctx.go('region') }, say('back')),
    h('button', { type: 'submit', class: 'button button--primary' }, say('next'))));

  memberBlocks.forEach((block, i) => { if (i > 0) block.id = `member-${i + 1}`; });
  show(ctx.view, [form], (focusId && form.querySelector(`#${focusId}`)) || heading);
}
