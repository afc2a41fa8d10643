// The portal widget (web/widget.js) inside the pretend portal (web/demo/portal.html), and its
// iframe variant (web/embed.html in web/demo/portal-iframe.html), all served with the strict CSP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, openPhone, screenshot, startSession } from './browser.mjs';
import { ZHANGBEI_CARER, answerAll, savedHousehold, setFamily } from './family-flow.mjs';

const WIDGET_KEY = 'carecheck.widget.answers.v1';
const PAGE_KEY = 'carecheck.answers.v1';
// What the event may carry: the summary of results, nothing the family typed or answered.
const SUMMARY_FIELDS = ['as_of', 'format', 'groups', 'missing_papers', 'open_questions', 'papers', 'programs', 'region', 'worth_asking'];
const BRIEF_FIELDS = ['pack', 'program', 'member', 'status', 'kind', 'exclusive_group', 'name', 'amount', 'yearly', 'paid_to', 'suggested', 'where'];

let session;
before(async () => { session = await startSession(); });
after(() => session?.close());

/** A phone whose pages record every `carecheck-result` event and every message they receive. */
async function portalPhone() {
  const phone = await openPhone(session.browser);
  await phone.context.addInitScript(() => {
    window.__events = [];
    window.__messages = [];
    document.addEventListener('carecheck-result', (event) => {
      window.__events.push({ from: event.target.id || 'demo', detail: event.detail });
    });
    window.addEventListener('message', (event) => {
      window.__messages.push({ origin: event.origin, from: event.source?.frameElement?.id || '', data: event.data });
    });
  });
  return phone;
}

/** The qualifying family's answers as the widget keeps them, so a visit opens on the results. */
async function seedAnswers(phone) {
  const { household, members } = ZHANGBEI_CARER.answers;
  const saved = {
    step: 'results', region: '130722', facts: household, history: [], editing: null,
    members: [
      { id: 'p1', label: '妈妈', roles: ['elder', 'carer'], facts: members.p1 },
      { id: 'p2', label: '儿子', roles: ['cared_for'], facts: members.p2 },
    ],
  };
  await phone.context.addInitScript(([key, value]) => {
    if (!localStorage.getItem(key)) localStorage.setItem(key, value);
  }, [WIDGET_KEY, JSON.stringify(saved)]);
}

/**
 * axe on a page holding the widget. axe-core copies a shadow root's stylesheets into <style>
 * elements (for its css-orientation-lock check), which the strict CSP blocks and reports: those
 * reports are axe's own and are forgotten; any other problem meanwhile still fails the test.
 */
async function axeInPortal(phone, target = phone.page) {
  const frames = phone.page.frames(); // axe also runs in the frames of the page it checks
  const counts = await Promise.all(frames.map((f) => f.evaluate(() => window.__cspViolations.length)));
  const problems = phone.problems.length;
  const violations = await axeViolations(target);
  const axeOwn = /inline style violates|style-src-elem inline/;
  phone.problems.push(...phone.problems.splice(problems).filter((line) => !axeOwn.test(line)));
  await Promise.all(frames.map((f, i) => f.evaluate(([n, pattern]) => {
    window.__cspViolations.push(...window.__cspViolations.splice(n).filter((line) => !new RegExp(pattern).test(line)));
  }, [counts[i], axeOwn.source])));
  return violations;
}

async function assertClean(phone) {
  assert.deepEqual(phone.problems, [], 'no console errors and no request leaving localhost');
  for (const frame of phone.page.frames()) {
    assert.deepEqual(await frame.evaluate(() => window.__cspViolations), [], `no CSP violations in ${frame.url()}`);
  }
}

/** The demo portal, opened fresh, with its widget on the family step (region preset). */
async function openPortalOnFamilyStep() {
  const phone = await openPhone(session.browser);
  await phone.page.goto(`${session.url}demo/portal.html`);
  await phone.page.getByRole('heading', { name: '第二步：家里有哪些人？' }).waitFor();
  return phone;
}

/** Runs in the page: texts under 18px and controls under 48px inside a widget's shadow root. */
function smallThingsInside(selector) {
  const root = document.querySelector(selector).shadowRoot;
  const visible = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
  const tinyText = [...root.querySelectorAll('p, label, legend, button, span, li, h2, h3, summary')]
    .filter((e) => visible(e) && e.textContent.trim() && parseFloat(getComputedStyle(e).fontSize) < 18)
    .map((e) => `${e.textContent.trim().slice(0, 30)} ${getComputedStyle(e).fontSize}`);
  const smallTargets = [...root.querySelectorAll('button, select, input, summary')]
    .filter(visible)
    .map((e) => ({ e, box: (e.type === 'checkbox' ? e.closest('.choice') : e).getBoundingClientRect() }))
    .filter(({ box }) => box.width < 48 || box.height < 48)
    .map(({ e }) => e.outerHTML.slice(0, 60));
  return { tinyText, smallTargets };
}

test('the widget in a portal page: shadow root, a family\'s visit to results, the opt-in event, answers kept', async () => {
  const phone = await portalPhone();
  const { page } = phone;
  const response = await page.goto(`${session.url}demo/portal.html`);
  assert.match(response.headers()['content-security-policy'], /default-src 'self'; script-src 'self' 'wasm-unsafe-eval'/);

  // region="130722" skips the hukou step; the steps are drawn inside the element's shadow root.
  await page.getByRole('heading', { name: '第二步：家里有哪些人？' }).waitFor();
  const where = await page.evaluate(() => {
    const widget = document.querySelector('carecheck-calculator');
    return {
      inShadow: Boolean(widget.shadowRoot?.querySelector('.step__title')),
      inPortal: Boolean(document.querySelector('.step__title')),
      focusStayed: document.activeElement === document.body,
      scrollY: window.scrollY,
    };
  });
  assert.deepEqual(where, { inShadow: true, inPortal: false, focusStayed: true, scrollY: 0 },
    'the step is inside the shadow root, and the widget neither takes focus nor scrolls the portal on load');
  await screenshot(page, 'widget-portal-family');
  assert.deepEqual(await axeInPortal(phone), [], 'the portal with the widget passes axe');
  assert.deepEqual(await page.evaluate(smallThingsInside, 'carecheck-calculator'), { tinyText: [], smallTargets: [] },
    'inside the widget: text >= 18px and touch targets >= 48px');
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, 'nothing wider than the phone');

  await setFamily(page, ZHANGBEI_CARER.family);
  const asked = await answerAll(page, ZHANGBEI_CARER.answers);
  assert.ok(asked.length > 0 && !asked.includes('hukou_region'), 'questions asked, the preset hukou is not');
  await page.getByRole('heading', { name: '查询结果' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.textContent), '查询结果',
    'once the family uses the widget, focus moves to each new step\'s heading');

  await page.waitForFunction(() => window.__events.length > 0);
  const [{ detail }] = await page.evaluate(() => window.__events);
  assert.deepEqual(Object.keys(detail).sort(), SUMMARY_FIELDS);
  assert.equal(detail.format, 'carecheck-summary/1');
  assert.equal(detail.region, '130722');
  const eligible = detail.programs.filter((p) => p.status === 'eligible');
  assert.ok(eligible.length > 0, 'a qualifying family\'s summary names programs it can apply for');
  assert.ok(eligible.some((p) => /居家托养/.test(p.name.zh) && p.yearly === 1500), 'home foster care, 1500 yuan a year');
  // The four services are alternatives: the summary says so, with the policy's own words.
  assert.deepEqual(detail.groups.map((g) => g.name.zh), ['四种服务只能选一种']);
  assert.equal(detail.programs.filter((p) => p.exclusive_group === detail.groups[0].id).length, 4);
  for (const program of [...detail.programs, ...detail.worth_asking]) {
    assert.deepEqual(Object.keys(program).filter((k) => !BRIEF_FIELDS.includes(k)), []);
  }
  assert.equal(eligible.find((p) => /居家托养/.test(p.name.zh)).paid_to, 'service_provider', 'the summary says who receives the money');
  // Related policies the family may ask about: their own list, never among what it may get.
  assert.ok(detail.worth_asking.length > 0, 'the qualifying family has related policies to ask about');
  assert.ok(detail.worth_asking.every((p) => p.status === 'worth_asking' && p.kind === 'related_policy'));
  const asking = new Set(detail.worth_asking.map((p) => p.program));
  assert.deepEqual(detail.programs.filter((p) => asking.has(p.program) || p.status === 'worth_asking'), [],
    'none of them is listed among the programs the family may get');
  const sent = JSON.stringify(detail);
  for (const typed of ['妈妈', '儿子', 'economic_hardship', 'disability_type', 'intellectual', '"age"']) {
    assert.ok(!sent.includes(typed), `the event carries no answer: ${typed}`);
  }

  // The portal's own "apply now" reads the event.
  const apply = page.locator('#apply');
  await apply.waitFor();
  assert.match(await apply.innerText(), /居家托养/);
  const applyList = await page.locator('#apply-list').innerText();
  for (const p of detail.worth_asking) assert.ok(!applyList.includes(p.name.zh), `"${p.name.zh}" is not offered to apply for`);
  assert.match(await page.locator('#ask-list').innerText(), /可以去问问的政策（不一定能享受）/);
  await page.getByRole('button', { name: '去申请' }).click();
  assert.match(await page.locator('#apply-note').innerText(), /家里填的回答不会带过去/);
  await apply.evaluate((e) => e.scrollIntoView());
  await screenshot(page, 'widget-portal-apply');

  const stored = await page.evaluate(([w, p]) => [Boolean(localStorage.getItem(w)), localStorage.getItem(p)], [WIDGET_KEY, PAGE_KEY]);
  assert.deepEqual(stored, [true, null], 'answers are kept under the widget\'s own key, never the page\'s');
  assert.equal((await savedHousehold(page, WIDGET_KEY)).facts.hukou_region, '130722');
  assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0,
    'the widget registers no service worker on the portal\'s origin');

  await page.locator('.results').evaluate((e) => e.scrollIntoView());
  await screenshot(page, 'widget-portal-results');
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'widget-portal-results-full', true);
  assert.deepEqual(await axeInPortal(phone), [], 'the results in the portal pass axe');

  await page.reload();
  await page.getByRole('heading', { name: '查询结果' }).waitFor();
  await page.waitForFunction(() => window.__events.length > 0);
  assert.ok((await page.evaluate(() => window.__events[0].detail.programs.length)) > 0, 'a reload keeps the answers and tells the portal again');
  await assertClean(phone);
  await phone.context.close();
});

test('the portal themes the widget with --carecheck-* properties on the element', async () => {
  const phone = await openPortalOnFamilyStep();
  const { page } = phone;
  const inside = () => page.evaluate(() => {
    const root = document.querySelector('carecheck-calculator').shadowRoot;
    return {
      header: getComputedStyle(root.querySelector('.top')).backgroundColor,
      next: getComputedStyle(root.querySelector('.button--primary')).backgroundColor,
      size: getComputedStyle(root.querySelector('.carecheck')).fontSize,
    };
  });
  assert.deepEqual(await inside(), { header: 'rgb(0, 105, 92)', next: 'rgb(0, 105, 92)', size: '20px' }, 'the demo portal\'s green');
  // CSSOM, as a portal's script would do it (style attributes in markup are blocked by the CSP).
  await page.evaluate(() => {
    const widget = document.querySelector('carecheck-calculator');
    widget.style.setProperty('--carecheck-brand', '#6a1b9a');
    widget.style.setProperty('--carecheck-font-size', '24px');
  });
  assert.deepEqual(await inside(), { header: 'rgb(106, 27, 154)', next: 'rgb(106, 27, 154)', size: '24px' });
  await assertClean(phone);
  await phone.context.close();
});

test('the lang attribute and the widget\'s own switch change its language', async () => {
  const phone = await openPortalOnFamilyStep();
  const { page } = phone;
  await page.evaluate(() => document.querySelector('carecheck-calculator').setAttribute('lang', 'en'));
  await page.getByRole('heading', { name: 'Step 2: who is in the family?' }).waitFor();
  assert.equal(await page.evaluate(() => document.querySelector('carecheck-calculator').shadowRoot.querySelector('.carecheck').lang), 'en');
  await page.getByRole('button', { name: '中文' }).click();
  await page.getByRole('heading', { name: '第二步：家里有哪些人？' }).waitFor();
  assert.equal(await page.evaluate(() => document.querySelector('carecheck-calculator').getAttribute('lang')), 'zh',
    'the switch sets the attribute, so the portal knows the language');
  await assertClean(phone);
  await phone.context.close();
});

test('without emit-result the widget tells the portal nothing', async () => {
  const phone = await portalPhone();
  await seedAnswers(phone);
  const { page } = phone;
  await page.goto(`${session.url}demo/portal.html`);
  // A second widget, as a portal would write it without the attribute.
  await page.evaluate(() => {
    const plain = document.createElement('carecheck-calculator');
    plain.id = 'plain';
    plain.setAttribute('region', '130722');
    document.querySelector('main').append(plain);
  });
  const plain = page.locator('#plain');
  await plain.getByRole('heading', { name: '查询结果' }).waitFor();
  await page.waitForFunction(() => window.__events.some((e) => e.from === 'demo')); // the demo's widget has the attribute
  await page.waitForTimeout(500);
  assert.deepEqual(await page.evaluate(() => window.__events.filter((e) => e.from === 'plain')), [], 'no event without emit-result');

  // The same widget once the portal opts in: the next results it shows are announced.
  await page.evaluate(() => { document.getElementById('plain').emitResult = true; });
  await plain.getByRole('button', { name: 'English' }).click();
  await plain.getByRole('heading', { name: 'Results' }).waitFor();
  await page.waitForFunction(() => window.__events.some((e) => e.from === 'plain'));
  await assertClean(phone);
  await phone.context.close();
});

test('the iframe variant posts the summary to the portal that named its origin, and to no one else', async () => {
  const phone = await portalPhone();
  await seedAnswers(phone);
  const { page } = phone;
  await page.goto(`${session.url}demo/portal-iframe.html`);
  const frame = page.frameLocator('#carecheck-frame');
  await frame.getByRole('heading', { name: '查询结果' }).waitFor();
  // The demo also asks for the calculator's height (resize=): those messages are not summaries.
  await page.waitForFunction(() => window.__messages.some((m) => m.data?.type === 'carecheck-result'));
  const [message] = (await page.evaluate(() => window.__messages)).filter((m) => m.data?.type === 'carecheck-result');
  assert.equal(message.origin, new URL(session.url).origin, 'from the calculator\'s origin');
  assert.equal(message.from, 'carecheck-frame');
  assert.equal(message.data.type, 'carecheck-result');
  assert.deepEqual(Object.keys(message.data.summary).sort(), SUMMARY_FIELDS);
  assert.ok(message.data.summary.programs.some((p) => p.status === 'eligible'), 'with the programs the family can apply for');
  await page.locator('#apply').waitFor();
  assert.match(await page.locator('#apply').innerText(), /居家托养/);
  await screenshot(page, 'widget-iframe-results');
  assert.equal(await frame.locator('.top').evaluate((e) => getComputedStyle(e).backgroundColor), 'rgb(0, 105, 92)',
    'the brand parameter themes the framed widget');
  const embedded = page.frame({ url: /embed\.html/ });
  assert.deepEqual(await axeInPortal(phone, embedded), [], 'the widget page in the frame passes axe');
  assert.deepEqual(await axeInPortal(phone), [], 'the iframe portal passes axe');

  // Without the parameter, or naming another origin, nothing arrives here.
  await page.evaluate(() => {
    for (const [id, query] of [['plain', 'region=130722'], ['other', 'region=130722&emit-result=https://portal.example'], ['star', 'region=130722&emit-result=*']]) {
      const frame = document.createElement('iframe');
      frame.id = id;
      frame.title = id;
      frame.src = `../embed.html?${query}`;
      document.querySelector('main').append(frame);
    }
  });
  for (const id of ['plain', 'other', 'star']) {
    await page.frameLocator(`#${id}`).getByRole('heading', { name: '查询结果' }).waitFor();
  }
  const emittedIn = (id) => page.evaluate((frameId) => document.getElementById(frameId).contentWindow.__events.length, id);
  // The frame naming https://portal.example did send (its widget emitted); the browser dropped it.
  await page.waitForFunction(() => document.getElementById('other').contentWindow.__events.length > 0);
  await page.waitForTimeout(500);
  assert.deepEqual(await page.evaluate(() => window.__messages.filter((m) => m.from !== 'carecheck-frame').map((m) => m.from)), [],
    'nothing arrives from a frame without emit-result, with "*", or naming another origin');
  assert.deepEqual([await emittedIn('plain'), await emittedIn('star')], [0, 0], 'without a named origin the widget does not even emit');
  await assertClean(phone);
  await phone.context.close();
});

test('keyboard only inside the widget: Tab reaches its controls, Enter goes on, focus lands on the new question', async () => {
  const phone = await openPhone(session.browser, { viewport: { width: 1024, height: 768 }, isMobile: false, hasTouch: false });
  const { page } = phone;
  await page.goto(`${session.url}demo/portal.html`);
  await page.getByRole('heading', { name: '第二步：家里有哪些人？' }).waitFor();
  const focused = () => page.evaluate(() => {
    const inner = document.activeElement?.shadowRoot?.activeElement;
    return inner ? `${inner.tagName} ${inner.textContent.trim()}` : `portal ${document.activeElement?.tagName}`;
  });
  const tabTo = async (wanted) => {
    for (let i = 0; i < 40; i += 1) {
      await page.keyboard.press('Tab');
      if ((await focused()) === wanted) return;
    }
    throw new Error(`Tab never reached ${wanted}; last: ${await focused()}`);
  };
  await tabTo('BUTTON 老人在家照顾残疾家人');
  await page.keyboard.press('Enter');
  await tabTo('BUTTON 下一步');
  await page.keyboard.press('Enter');
  await page.locator('form.question').waitFor();
  const question = await page.locator('form.question .question__text').innerText();
  assert.match(await focused(), new RegExp(`^H\\d .*${question.slice(0, 8).replace(/[()（）?？]/g, '.')}`), 'focus is on the question, read out first');
  await assertClean(phone);
  await phone.context.close();
});
