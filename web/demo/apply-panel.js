// The pretend portal's own part: "去申请" with the programs the calculator found worth applying
// for. It sees only the summary the widget chose to send, never the family's answers. A portal
// reads the statuses the summary gives; it decides nothing itself (docs/widget.md).
const WORTH_APPLYING = new Set(['eligible', 'depends_on_local_decision']);
const STATUS = { eligible: '可以申请', depends_on_local_decision: '要看当地怎么定', worth_asking: '可以去问问，不一定能享受' };
// Who receives the money: only money paid to the family is the family's.
const PAID_TO = {
  family: '钱给您家',
  institution: '钱给养老机构，您家得到的是服务',
  service_provider: '钱给服务机构，上门服务不收您家这部分钱',
  meal_point: '钱给供餐点，老人吃饭便宜一些',
};

/**
 * The summary's programs in blocks: one per choose-one group (named by the rules, e.g.
 * "四种服务只能选一种"), the others to apply for, and apart from them the related policies the
 * summary lists as only worth asking about.
 */
function blocksOf(summary) {
  const programs = summary.programs.filter((p) => WORTH_APPLYING.has(p.status));
  const inGroup = (group) => (p) => p.pack === group.pack && p.exclusive_group === group.id;
  // In the engine's ranking (the order the calculator's own results show), best first.
  const rank = (group) => (p) => {
    const at = group.ranked.findIndex((r) => r.program === p.program && (r.member || '') === (p.member || ''));
    return at < 0 ? group.ranked.length : at;
  };
  const blocks = summary.groups
    .map((group) => ({
      title: group.name.zh,
      programs: programs.filter(inGroup(group)).sort((a, b) => rank(group)(a) - rank(group)(b)),
    }));
  const grouped = (p) => summary.groups.some((group) => inGroup(group)(p));
  blocks.push({ title: '补贴和服务', programs: programs.filter((p) => !grouped(p)) });
  return blocks.filter((block) => block.programs.length > 0);
}

function item(program) {
  const li = document.createElement('li');
  const name = document.createElement('strong');
  name.textContent = program.name.zh;
  const money = program.yearly ? `，每年约 ${program.yearly} 元${PAID_TO[program.paid_to] ? `，${PAID_TO[program.paid_to]}` : ''}` : '';
  li.append(name, `（${STATUS[program.status]}${money}${program.suggested ? '，建议标准，当地可以调整' : ''}）`);
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
    make('p', { id: 'apply-note', className: 'portal-apply__note' }),
    make('div', { id: 'ask-list', className: 'portal-apply__list' }));
  box.setAttribute('aria-labelledby', 'apply-title');
  box.querySelector('#apply-note').setAttribute('role', 'status');
  document.querySelector('.portal-main').append(box);
  return box;
}

/** @param {Object} summary  the widget's summary ("carecheck-summary/1", docs/widget.md) */
export function showApplyPanel(summary) {
  const box = panel();
  const blocks = blocksOf(summary);
  const asking = summary.worth_asking || [];
  const drawn = ({ title, programs }) => {
    const heading = Object.assign(document.createElement('h3'), { className: 'portal-apply__group', textContent: title });
    const list = document.createElement('ul');
    list.append(...programs.map(item));
    return [heading, list];
  };
  box.querySelector('#apply-list').replaceChildren(...blocks.flatMap(drawn));
  // Not to apply for: policies the family may go and ask about, after the button, in their own words.
  box.querySelector('#ask-list').replaceChildren(...(asking.length ? drawn({ title: '可以去问问的政策（不一定能享受）', programs: asking }) : []));
  box.querySelector('#apply-button').hidden = blocks.length === 0;
  box.hidden = blocks.length === 0 && asking.length === 0;
  box.querySelector('#apply-button').onclick = () => {
    box.querySelector('#apply-note').textContent =
      `（演示）这里会打开一网通办的申请表，带上要申请的项目；家里填的回答不会带过去。${summary.papers.length ? `要带的材料有 ${summary.papers.length} 样。` : ''}`;
  };
}
