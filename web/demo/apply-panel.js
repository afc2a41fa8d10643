// The pretend portal's own part: "去申请" with the programs the calculator found worth applying
// for. It sees only the summary the widget chose to send, never the family's answers.
const WORTH_APPLYING = new Set(['eligible', 'depends_on_local_decision']);
const STATUS = { eligible: '可以申请', depends_on_local_decision: '要看当地怎么定' };

/**
 * The summary's programs in blocks: one per choose-one group (named by the rules, e.g.
 * "四种服务只能选一种"), the others to apply for, and related policies to ask about.
 */
function blocksOf(summary) {
  const programs = summary.programs.filter((p) => WORTH_APPLYING.has(p.status));
  const inGroup = (group) => (p) => p.pack === group.pack && p.exclusive_group === group.id;
  const blocks = summary.groups
    .map((group) => ({ title: group.name.zh, programs: programs.filter(inGroup(group)) }));
  const grouped = (p) => summary.groups.some((group) => inGroup(group)(p));
  blocks.push({ title: '补贴和服务', programs: programs.filter((p) => !grouped(p) && p.kind !== 'related_policy') });
  blocks.push({ title: '还可以去问问', programs: programs.filter((p) => !grouped(p) && p.kind === 'related_policy') });
  return blocks.filter((block) => block.programs.length > 0);
}

function item(program) {
  const li = document.createElement('li');
  const name = document.createElement('strong');
  name.textContent = program.name.zh;
  li.append(name, `（${STATUS[program.status]}${program.yearly ? `，每年约 ${program.yearly} 元` : ''}）`);
  return li;
}

/** Builds (once) the portal's "apply" box after the calculator. */
function panel() {
  const existing = document.getElementById('apply');
  if (existing) return existing;
  const make = (tag, props, ...children) => {
    const element = Object.assign(document.createElement(tag), props);
    element.append(...children);
    return element;
  };
  const box = make('section', { id: 'apply', className: 'portal-apply', hidden: true },
    make('h2', { id: 'apply-title', className: 'portal-apply__title' }, '可以在一网通办申请'),
    make('div', { id: 'apply-list', className: 'portal-apply__list' }),
    make('button', { id: 'apply-button', className: 'portal-apply__button', type: 'button' }, '去申请'),
    make('p', { id: 'apply-note', className: 'portal-apply__note' }));
  box.setAttribute('aria-labelledby', 'apply-title');
  box.querySelector('#apply-note').setAttribute('role', 'status');
  document.querySelector('.portal-main').append(box);
  return box;
}

/** @param {Object} summary  the widget's summary ("carecheck-summary/1", docs/widget.md) */
export function showApplyPanel(summary) {
  const box = panel();
  const blocks = blocksOf(summary);
  box.querySelector('#apply-list').replaceChildren(...blocks.flatMap(({ title, programs }) => {
    const heading = Object.assign(document.createElement('h3'), { className: 'portal-apply__group', textContent: title });
    const list = document.createElement('ul');
    list.append(...programs.map(item));
    return [heading, list];
  }));
  box.hidden = blocks.length === 0;
  box.querySelector('#apply-button').onclick = () => {
    box.querySelector('#apply-note').textContent =
      `（演示）这里会打开一网通办的申请表，带上要申请的项目；家里填的回答不会带过去。${summary.papers.length ? `要带的材料有 ${summary.papers.length} 样。` : ''}`;
  };
}
