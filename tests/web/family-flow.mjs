// Drives the page the way a family would: choose the hukou, the family, then answer each
// question the page asks, from a plan keyed by fact id (and member).

/**
 * @typedef {Object} Plan
 * @property {string[]} region        [provinceCode, cityCode, countyCode] chosen in the selects
 * @property {string} [quickStart]    text of a quick-start button on the family step
 * @property {string[]} [labels]      what the family calls each member, in order
 * @property {Object<string, *>} household         answers to household facts
 * @property {Object<string, Object<string, *>>} members  member id -> answers
 */

/**
 * A mother of 68 caring for her son (intellectual disability, grade 2) in 张北县 (130722): she
 * qualifies for the Zhangjiakou "以老养残" pilot. Used by the page's and the widget's tests.
 */
export const ZHANGBEI_CARER = {
  family: { quickStart: '老人在家照顾残疾家人', labels: ['妈妈', '儿子'] },
  answers: {
    household: { economic_hardship: true, has_other_relatives: false, household_support: [], yilao_voluntary: true, rural: true },
    members: {
      p1: { age: 68, ability_level: 'moderate', medical_insurance: 'resident', disability_certificate: false },
      p2: { disability_certificate: true, disability_type: 'intellectual', disability_level: 2, medical_insurance: 'resident', age: 40 },
    },
  },
};

/** Chooses province, city and county in the three selects and goes on. */
export async function chooseRegion(page, [province, city, county]) {
  const selects = page.locator('.region-picker select');
  await selects.nth(0).selectOption(province);
  await selects.nth(1).selectOption(city);
  await selects.nth(2).selectOption(county);
  await page.getByRole('button', { name: /下一步|Next/ }).click();
}

/** Sets up the family on the family step and goes on to the questions. */
export async function setFamily(page, plan) {
  await page.getByRole('heading', { name: /家里有哪些人|who is in the family/ }).waitFor();
  if (plan.quickStart) await page.getByRole('button', { name: plan.quickStart }).click();
  const names = page.locator('.member input[type="text"]');
  for (const [index, label] of (plan.labels || []).entries()) await names.nth(index).fill(label);
  await page.getByRole('button', { name: /下一步|Next/ }).click();
}

/**
 * Answers questions until the results show. A fact missing from the plan is answered
 * "I'm not sure", as a family would. `page` may be a Playwright page or frame; the steps may be
 * in the document or in the widget's (open) shadow root.
 * @param {{limit?: number, beforeAnswer?: () => Promise<void>}} [options]  beforeAnswer runs once
 *   each question is drawn, before it is answered (e.g. until a portal has sized its frame)
 * @returns {Promise<string[]>} the questions asked, as "fact" or "fact@member"
 */
export async function answerAll(page, plan, { limit = 80, beforeAnswer } = {}) {
  const asked = [];
  for (let i = 0; i < limit; i += 1) {
    const next = page.locator('form.question, .results').first();
    await next.waitFor();
    if (await page.locator('.results').count()) return asked;
    const form = page.locator('form.question');
    const fact = await form.getAttribute('data-fact');
    const member = await form.getAttribute('data-member');
    asked.push(member ? `${fact}@${member}` : fact);
    const answers = member ? plan.members[member] || {} : plan.household;
    if (beforeAnswer) await beforeAnswer();
    await answerOne(page, fact in answers ? answers[fact] : null);
    try {
      await page.waitForFunction(([f, m]) => {
        // The page's own document, or the portal widget's shadow root inside it.
        const roots = [document, ...[...document.querySelectorAll('*')].map((e) => e.shadowRoot).filter(Boolean)];
        const current = roots.map((root) => root.querySelector('form.question')).find(Boolean);
        return !current || current.dataset.fact !== f || (current.dataset.member || '') !== (m || '');
      }, [fact, member]);
    } catch (error) {
      throw new Error(`the answer to ${asked.at(-1)} was not taken (asked so far: ${asked.join(', ')}): ${error.message}`);
    }
  }
  throw new Error(`still asking after ${limit} questions: ${asked.join(', ')}`);
}

async function answerOne(page, value) {
  const form = page.locator('form.question');
  const notSure = form.getByRole('button', { name: /我不确定|not sure/ });
  if (value === null) return notSure.click();
  if (value === true) return form.getByRole('button', { name: /^(✓ )?(是|Yes)$/ }).click();
  if (value === false) return form.getByRole('button', { name: /^(✓ )?(不是|No)$/ }).click();
  if (typeof value === 'number' || /^\d{4}-\d\d-\d\d$/.test(value)) {
    await form.locator('input').first().fill(String(value));
    return form.getByRole('button', { name: /下一步|Next/ }).click();
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return form.getByRole('button', { name: /都没有|None of these/ }).click();
    // The row's words are the target (the label covers the whole row), as a family taps them.
    for (const option of value) {
      const box = form.locator(`input[value="${option}"]`);
      if (!await box.isChecked()) await form.locator(`label[for="${await box.getAttribute('id')}"]`).click();
    }
    return form.getByRole('button', { name: /下一步|Next/ }).click();
  }
  // one_of: the option's button, found by its position among the catalogue's options.
  return form.locator(`button[data-option="${value}"]`).click();
}

/** The household the page (or, with the widget's key, the widget) keeps on the phone, as the engine reads it. */
export async function savedHousehold(page, key = 'carecheck.answers.v1') {
  return page.evaluate((storageKey) => {
    const state = JSON.parse(localStorage.getItem(storageKey));
    return {
      facts: { ...state.facts, ...(state.region ? { hukou_region: state.region } : {}) },
      members: state.members.map(({ id, roles, facts }) => ({ id, roles, facts })),
    };
  }, key);
}

/**
 * Households whose outcome stays the same while the rule packs are revised, as the page keeps
 * them (a saved state opening on the results), with the engine's household beside them.
 *
 * QIAODONG_CARER: the Zhangjiakou qualifying family in 桥东区 (130702): a carer of 68 with
 * moderate loss of capacity, her son with an intellectual disability, grade 2, certificate;
 * both resident-insured, economic hardship, voluntary, no other relatives, no 特困 or 低保.
 * BAOTOU_ELDER: a 70-year-old in 包头 (150203) in a 低保 household (the meal subsidy).
 */
export const QIAODONG_CARER = savedFamily('130702',
  { economic_hardship: true, has_other_relatives: false, household_support: [], yilao_voluntary: true },
  [
    { id: 'p1', label: '妈妈', roles: ['elder', 'carer'], facts: { age: 68, ability_level: 'moderate', medical_insurance: 'resident' } },
    { id: 'p2', label: '儿子', roles: ['cared_for'], facts: { disability_certificate: true, disability_type: 'intellectual', disability_level: 2, medical_insurance: 'resident' } },
  ]);
export const BAOTOU_ELDER = savedFamily('150203', { household_support: ['dibao'] },
  [{ id: 'p1', label: '爷爷', roles: ['elder'], facts: { age: 70 } }]);

function savedFamily(region, facts, members) {
  const state = { step: 'results', region, facts, members, history: [], editing: null, papers: {} };
  const household = {
    facts: { ...facts, hukou_region: region },
    members: members.map(({ id, roles, facts: own }) => ({ id, roles, facts: own })),
  };
  return { state, household };
}

/** Makes every new page of the context open with this saved state (the page's own key by default). */
export async function seedState(context, state, key = 'carecheck.answers.v1') {
  await context.addInitScript(([k, value]) => {
    if (!localStorage.getItem(k)) localStorage.setItem(k, value);
  }, [key, JSON.stringify(state)]);
}
