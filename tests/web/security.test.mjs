// The page runs under the strict CSP and sends nothing anywhere.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, openPhone, screenshot, startSession } from './browser.mjs';

let session;
before(async () => { session = await startSession(); });
after(() => session?.close());

test('the page is served with the CSP and starts under it without a violation', async () => {
  const phone = await openPhone(session.browser);
  const { page } = phone;
  const response = await page.goto(session.url);
  assert.match(response.headers()['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'/);
  await page.getByRole('heading', { name: '第一步：家里的户口在哪里？' }).waitFor();
  assert.deepEqual(await phone.cspViolations(), []);
  assert.deepEqual(phone.problems, []);
  assert.deepEqual(await axeViolations(page), [], 'the first step passes axe');
  await phone.context.close();
});

test('the CSP is really enforced: an injected inline script does not run and is reported', async () => {
  const phone = await openPhone(session.browser);
  const { page } = phone;
  await page.goto(session.url);
  await page.getByRole('heading', { name: '第一步：家里的户口在哪里？' }).waitFor();
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.body.append(script);
  });
  await page.waitForFunction(() => window.__cspViolations.length > 0);
  assert.equal(await page.evaluate(() => window.__inlineRan), undefined);
  await phone.context.close();
});

for (const lang of ['zh', 'en']) test(`the family step at 360px (${lang}): touch targets >= 48px, text >= 18px, nothing too wide`, async () => {
  const phone = await openPhone(session.browser);
  const { page } = phone;
  await page.goto(`${session.url}?region=130722&lang=${lang}`);
  await page.getByRole('heading', { name: lang === 'zh' ? '第二步：家里有哪些人？' : 'Step 2: who is in the family?' }).waitFor();
  await screenshot(page, `family-step-${lang}`);
  const small = await page.evaluate(() => [...document.querySelectorAll('button, select, input, summary')]
    .filter((e) => e.offsetParent !== null)
    .map((e) => {
      const box = (e.type === 'checkbox' ? e.closest('.choice') : e).getBoundingClientRect();
      return { what: e.outerHTML.slice(0, 60), w: box.width, h: box.height };
    })
    .filter((b) => b.w < 48 || b.h < 48));
  assert.deepEqual(small, []);
  const tinyText = await page.evaluate(() => [...document.querySelectorAll('p, label, legend, button, span, li')]
    .filter((e) => e.offsetParent !== null && e.textContent.trim())
    .filter((e) => parseFloat(getComputedStyle(e).fontSize) < 18)
    .map((e) => e.textContent.trim().slice(0, 30)));
  assert.deepEqual(tinyText, []);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  assert.equal(overflow, false, 'nothing wider than the phone');
  await phone.context.close();
});

test('damaged saved answers never leave a dead page', async () => {
  const phone = await openPhone(session.browser);
  const { page, context } = phone;
  await context.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('carecheck.answers.v1', '{"step":"results","region":"130722","facts":{},'
        + '"members":[{"id":"p1","label":"","roles":["elder"],"facts":{"age":"old"}}],"history":[]}');
    }
  });
  await page.goto(session.url);
  await page.getByRole('button', { name: '全部重新填' }).waitFor();
  assert.match(await page.locator('#status').innerText(), /出了点问题/);
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: '全部重新填' }).click();
  await page.getByRole('heading', { name: '第一步：家里的户口在哪里？' }).waitFor();

  await page.evaluate(() => localStorage.setItem('carecheck.answers.v1', '{not json'));
  await page.reload();
  await page.getByRole('heading', { name: '第一步：家里的户口在哪里？' }).waitFor();
  assert.deepEqual(phone.problems, []);
  await context.close();
});
