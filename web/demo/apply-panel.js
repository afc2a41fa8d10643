// The pretend portal's own part: "去申请" with the programs the calculator found worth applying
// for. It sees only the summary the widget chose to send, never the family's answers.
const WORTH_APPLYING = new Set(['eligible', 'depends_on_local_decision']);
const STATUS = { eligible: '可以申请', depends_on_local_decision: '要看当地怎么定' };
// Ways of care are alternatives (Zhangjiakou: only one may be chosen); related policies are
// only worth asking about, so the portal lists them apart.
const GROUPS = [
  { title: '照护方式（只能选一种，到窗口再定）', kinds: ['service_mode'] },
  { title: '补贴和服务', kinds: ['subsidy', 'service_item'] },
  { title: '还可以去问问', kinds: ['related_policy'] },
];

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
  const programs = summary.programs.filter((p) => WORTH_APPLYING.has(p.status));
  const blocks = GROUPS.map(({ title, kinds }) => {
    const mine = programs.filter((p) => kinds.includes(p.kind));
    if (mine.length === 0) return null;
    const heading = Object.assign(document.createElement('h3'), { className: 'portal-apply__group', textContent: title });
    const list = document.createElement('ul');
    list.append(...mine.map(item));
    return [heading, list];
  }).filter(Boolean).flat();
  box.querySelector('#apply-list').replaceChildren(...blocks);
  box.hidden = programs.length === 0;
  box.querySelector('#apply-button').onclick = () => {
    box.querySelector('#apply-note').textContent =
      `（演示）这里会打开一网通办的申请表，带上要申请的项目；家里填的回答不会带过去。${summary.papers.length ? `要带的材料有 ${summary.papers.length} 样。` : ''}`;
  };
}
