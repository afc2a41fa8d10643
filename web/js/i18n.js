// Words of the page itself (policy words come from the rule files as {zh, en} pairs).
// zh-CN first, in words a villager understands; English for the switch.

/** @typedef {{zh: string, en: string}} Text  a text pair from the rule files */

const WORDS = {
  zh: {
    title: '养老助残待遇查询',
    skip: '跳到正文',
    privacy: '您填写的内容只保存在这部手机上，不会发给任何人。',
    disclaimer: '这里的结果只是按政策原文算出的参考，最终由村委会、民政、残联等部门审核认定。',
    switchLang: 'English',
    loading: '正在准备，请稍等……',
    loadFailed: '没能打开查询程序。请检查网络后刷新页面再试。',
    engineError: '出了点问题，没能算出结果：',
    answerRefused: '这个回答没法用，请换一个再试：',
    regionTitle: '第一步：家里的户口在哪里？',
    regionHelp: '看户口本第一页的住址，选省、市、县（区）。',
    province: '省（自治区、直辖市）',
    city: '市（地区、州）',
    county: '县（区、县级市）',
    choose: '请选择',
    covered: '目前收录了这些地方的政策：',
    regionMissing: '请选到县（区）这一级。',
    next: '下一步',
    back: '上一步',
    familyTitle: '第二步：家里有哪些人？',
    familyHelp: '把要查的人都加上。每个人选一个或几个身份。',
    quickOneElder: '只查一位老人',
    quickCarer: '老人在家照顾残疾家人',
    memberLegend: '家人 {n}',
    memberName: '怎么称呼这个人？（可以不填，例如：妈妈、儿子）',
    memberRoles: '这个人是：',
    removeMember: '删掉这个人',
    addMember: '再加一位家人',
    needRole: '每个人至少选一个身份。',
    needMember: '至少要有一位家人。',
    questionOf: '问的是：{who}',
    aboutFamily: '问的是：全家',
    officialWord: '政策里叫：',
    decidedBy: '最终以谁为准：',
    yes: '是',
    no: '不是',
    notSure: '我不确定',
    none: '都没有',
    prevQuestion: '上一题',
    showResults: '先看结果',
    progress: '已回答 {done} 题，大约还有 {left} 题',
    numberRange: '请填 {min} 到 {max} 之间的数。',
    numberInteger: '请填整数。',
    dateInvalid: '请选一个日期。',
    unitLabel: '单位：{unit}',
    resultsTitle: '查询结果',
    resultsIntro: '根据您的回答，您家：',
    countEligible: '可以申请 {n} 项',
    countDepends: '要看当地怎么定 {n} 项',
    countNeeds: '还定不下来 {n} 项（有的问题没回答或不确定）',
    keepAnswering: '继续回答问题（还有 {n} 题）',
    nothingYet: '按现在的回答，还没有找到能申请的项目。',
    notCovered: '这里还没有收录您户口所在地（{place}）的政策。目前收录的地方：',
    checklistTitle: '去哪里办、要带什么',
    checkedFor: '{date} 查询 · 户口：{place}',
    checklistWhere: '去哪里办',
    checklistTick: '已经准备好的材料，在前面打个勾。',
    print: '打印或保存这份清单',
    changeAnswers: '修改回答',
    changeAnswer: '改',
    startOver: '全部重新填',
    changeFamily: '修改家里人',
    startOverConfirm: '确定要清空所有回答，重新开始吗？',
    kind_service_mode: '照护方式',
    kind_subsidy: '补贴和补助',
    kind_service_item: '基本养老服务',
    kind_related_policy: '还可以去问问的政策',
    kind_provider_subsidy: '给服务机构的补贴（不用家庭申请）',
    chooseOne: '下面这些方式只能选一种，按每年能得到的钱从多到少排：',
    why: '为什么',
    howToApply: '怎么申请、要带什么',
    countRelated: '还可以去问问的相关政策 {n} 项',
    chooseOneOf: '{name}：',
    quote: '看文件原话',
    wouldChange: '什么情况下可以：',
    decider: '由谁决定：',
    missing: '还需要知道：',
    answerThese: '去回答这些问题',
    documents: '要带的材料：',
    where: '去哪里办：',
    how: '怎么办：',
    lead: '负责部门：',
    notes: '要知道的事：',
    notEligibleFold: '不符合的 {n} 项（点开看为什么）',
    otherPlacesFold: '其他地方的政策（{n} 个，您家户口不在那里）',
    policyDates: '时间：',
    issued: '发布 {d}',
    period: '执行 {a} 至 {b}',
    target: '目标 {d}',
    perYearExact: '每年 {n} 元',
    perYearAtLeast: '每年至少 {n} 元',
    perYearUpTo: '每年最多 {n} 元',
    forMember: '（{who}）',
    statusMark_eligible: '✓',
    statusMark_not_eligible: '✗',
    statusMark_needs_answers: '？',
    statusMark_depends_on_local_decision: '➜',
    trace_true: '符合',
    trace_false: '不符合',
    trace_unknown: '还不知道',
    answerYes: '是',
    answerNo: '不是',
    answerNotSure: '不确定',
    yourAnswers: '您的回答',
    household: '全家',
    offlineReady: '已经存到手机上，没有网也能用。',
  },
  en: {
    title: 'Care benefits check',
    skip: 'Skip to content',
    privacy: 'What you enter stays on this phone. Nothing is sent to anyone.',
    disclaimer: 'These results are a guide worked out from the policy texts; the village committee, civil affairs and the Disabled Persons\' Federation make the official decision.',
    switchLang: '中文',
    loading: 'Getting ready, please wait…',
    loadFailed: 'The calculator could not start. Check the connection and reload the page.',
    engineError: 'Something went wrong; no result could be worked out: ',
    answerRefused: 'That answer cannot be used; please try another: ',
    regionTitle: 'Step 1: where is the family\'s household registration (hukou)?',
    regionHelp: 'See the address on the first page of the hukou booklet; choose province, city, county.',
    province: 'Province',
    city: 'City / prefecture',
    county: 'County / district',
    choose: 'Please choose',
    covered: 'Policies included so far come from: ',
    regionMissing: 'Please choose down to the county or district.',
    next: 'Next',
    back: 'Back',
    familyTitle: 'Step 2: who is in the family?',
    familyHelp: 'Add everyone to check. Give each person one or more roles.',
    quickOneElder: 'Just one older person',
    quickCarer: 'An older person caring for a disabled relative',
    memberLegend: 'Family member {n}',
    memberName: 'What do you call this person? (optional, e.g. mother, son)',
    memberRoles: 'This person is:',
    removeMember: 'Remove this person',
    addMember: 'Add a family member',
    needRole: 'Give every person at least one role.',
    needMember: 'Add at least one family member.',
    questionOf: 'About: {who}',
    aboutFamily: 'About: the whole family',
    officialWord: 'Official term: ',
    decidedBy: 'Officially decided by: ',
    yes: 'Yes',
    no: 'No',
    notSure: 'I\'m not sure',
    none: 'None of these',
    prevQuestion: 'Previous question',
    showResults: 'See results now',
    progress: '{done} answered, about {left} to go',
    numberRange: 'Please enter a number from {min} to {max}.',
    numberInteger: 'Please enter a whole number.',
    dateInvalid: 'Please choose a date.',
    unitLabel: 'Unit: {unit}',
    resultsTitle: 'Results',
    resultsIntro: 'From your answers, your family:',
    countEligible: 'can apply for {n}',
    countDepends: 'depends on a local decision: {n}',
    countNeeds: 'not yet known: {n} (some answers missing or unsure)',
    keepAnswering: 'Keep answering ({n} questions left)',
    nothingYet: 'With the answers so far, nothing you can apply for was found.',
    notCovered: 'No policy for your place of registration ({place}) is included yet. Places included so far: ',
    checklistTitle: 'Where to apply, what to bring',
    checkedFor: 'Checked on {date} · hukou: {place}',
    checklistWhere: 'Where to apply',
    checklistTick: 'Tick each paper once it is ready.',
    print: 'Print or save this checklist',
    changeAnswers: 'Change answers',
    changeAnswer: 'Change',
    startOver: 'Start again',
    changeFamily: 'Change family members',
    startOverConfirm: 'Clear all answers and start again?',
    kind_service_mode: 'Ways of care',
    kind_subsidy: 'Subsidies and allowances',
    kind_service_item: 'Basic elderly services',
    kind_related_policy: 'Other policies worth asking about',
    kind_provider_subsidy: 'Subsidies paid to providers (families do not apply)',
    chooseOne: 'Only one of these can be chosen; listed by yearly value, highest first:',
    why: 'Why',
    howToApply: 'How to apply, what to bring',
    countRelated: 'related policies worth asking about: {n}',
    chooseOneOf: '{name}:',
    quote: 'Read the policy text',
    wouldChange: 'What would make it possible:',
    decider: 'Who decides: ',
    missing: 'Still needed: ',
    answerThese: 'Answer these questions',
    documents: 'Papers to bring:',
    where: 'Where to apply: ',
    how: 'How: ',
    lead: 'Office in charge: ',
    notes: 'Good to know:',
    notEligibleFold: '{n} not available (open to see why)',
    otherPlacesFold: 'Policies of other places ({n}; your hukou is not there)',
    policyDates: 'Dates: ',
    issued: 'issued {d}',
    period: 'in force {a} to {b}',
    target: 'target {d}',
    perYearExact: '{n} yuan a year',
    perYearAtLeast: 'at least {n} yuan a year',
    perYearUpTo: 'up to {n} yuan a year',
    forMember: ' ({who})',
    statusMark_eligible: '✓',
    statusMark_not_eligible: '✗',
    statusMark_needs_answers: '?',
    statusMark_depends_on_local_decision: '➜',
    trace_true: 'met',
    trace_false: 'not met',
    trace_unknown: 'not known yet',
    answerYes: 'yes',
    answerNo: 'no',
    answerNotSure: 'not sure',
    yourAnswers: 'Your answers',
    household: 'whole family',
    offlineReady: 'Saved on this phone; it now works without a connection.',
  },
};

/** @type {'zh'|'en'} */
let current = 'zh';

/** @returns {'zh'|'en'} the language in use */
export function lang() { return current; }

/**
 * Switches the language of every word said from now on (the caller marks its own root's lang).
 * @param {string} next 'zh' or 'en'; anything else means 'zh'
 */
export function setLang(next) {
  current = next === 'en' ? 'en' : 'zh';
}

/** @returns {string} the BCP 47 tag of the language in use, for lang attributes */
export function langTag() { return current === 'en' ? 'en' : 'zh-CN'; }

/**
 * A page word, with {placeholders} filled in.
 * @param {string} key  a key of WORDS
 * @param {Object<string, string|number>} [vars]
 * @returns {string}
 * @example say('answered', {n: 3}) // '已回答 3 题'
 */
export function say(key, vars = {}) {
  const template = WORDS[current][key] ?? WORDS.zh[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ''));
}

/**
 * Picks the current language from a rule-file text pair.
 * @param {Text|string|null|undefined} pair
 * @returns {string} '' when absent
 */
export function pick(pair) {
  if (pair == null) return '';
  if (typeof pair === 'string') return pair;
  return pair[current] || pair.zh || pair.en || '';
}

/** @param {string[]} items @returns {string} "甲、乙" in Chinese, "A, B" in English */
export function list(items) {
  return items.join(current === 'en' ? ', ' : '、');
}

/** @param {string} label @param {string} text @returns {string} "妈妈：问题" / "Mother: question" */
export function labelled(label, text) {
  return current === 'en' ? `${label}: ${text}` : `${label}：${text}`;
}

/** @param {string} text @returns {string} "（3）" / " (3)" */
export function paren(text) {
  return current === 'en' ? ` (${text})` : `（${text}）`;
}

/**
 * Fills every [data-i18n] element of a shell (the page, or a widget's shadow root).
 * @param {ParentNode} root
 */
export function translateShell(root) {
  for (const element of root.querySelectorAll('[data-i18n]')) {
    element.textContent = say(element.dataset.i18n);
  }
}
