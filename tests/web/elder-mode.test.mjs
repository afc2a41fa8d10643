// 长辈版 (issue 12): a switch on the first screen, remembered on the phone, that makes every text at
// least 24px (the question and the results headline at least 30px), every control at least
// 60×60px, line spacing at least 1.5 and nothing moving; in both modes every control keeps its
// contrast (4.5:1) and axe finds nothing, on the question and the results screens of the
// Zhangjiakou family (张北县) on a 360×640 phone.
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ROOT, axeViolations, openPhone, browserAndEngine } from './browser.mjs';
import { ZHANGBEI_CARER, answerAll, chooseRegion, setFamily } from './family-flow.mjs';

const ctx = browserAndEngine();
const SHOTS = path.join(ROOT, 'tests/web/artifacts');
fs.mkdirSync(SHOTS, { recursive: true });

/** What each mode promises. Normal mode: the page's own floor (18px, 44px targets, 1.3). */
const MODES = {
  normal: { text: 18, big: 20, target: 44, lineHeight: 1.3 },
  elder: { text: 24, big: 30, target: 60, lineHeight: 1.5 },
};

/**
 * Measures, in the page, every visible control (button, link, field, fold) and every visible
 * piece of text: font size, line height as a ratio, the tap target (for a checkbox the row its
 * label covers), contrast of its text on the background behind it, and any motion.
 */
function measure(page) {
  return page.evaluate(() => {
    const visible = (el) => {
      const r = el.getBoundingClientRect();
      if (r.width <= 1 || r.height <= 1) return false;
      for (let e = el; e; e = e.parentElement) {
        const s = getComputedStyle(e);
        if (s.display === 'none' || s.visibility === 'hidden') return false;
        if (s.clip === 'rect(0px, 0px, 0px, 0px)') return false;
      }
      return r.right > 0 && r.left >= -1; // the skip link waits off screen until focused
    };
    const rgb = (c) => (c.match(/[\d.]+/g) || []).map(Number);
    const lum = ([r, g, b]) => {
      const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = (el) => {
      for (let e = el; e; e = e.parentElement) {
        const c = rgb(getComputedStyle(e).backgroundColor);
        if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const contrast = (el) => {
      const a = lum(rgb(getComputedStyle(el).color).slice(0, 3));
      const b = lum(background(el));
      return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    };
    const name = (el) => `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''} "${(el.innerText || el.value || el.getAttribute('aria-label') || '').trim().slice(0, 24)}"`;
    const lineRatio = (s) => (s.lineHeight === 'normal' ? 1.2 : parseFloat(s.lineHeight) / parseFloat(s.fontSize));

    const controls = [...document.querySelectorAll('button, a[href], input, select, textarea, summary')].filter(visible).map((el) => {
      // A checkbox has no text of its own: its words are its label's, its target the row the label covers.
      const tick = el.matches('input[type="checkbox"], input[type="radio"]');
      const words = (tick && el.labels?.[0]) || el;
      const s = getComputedStyle(words);
      const box = ((tick && el.closest('.choice')) || el).getBoundingClientRect();
      return { name: name(el), font: parseFloat(s.fontSize), line: lineRatio(s), width: box.width, height: box.height, contrast: contrast(words) };
    });
    const texts = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!node.textContent.trim() || !el || el.closest('script, style, noscript') || !visible(el)) continue;
      const s = getComputedStyle(el);
      texts.push({ name: name(el), font: parseFloat(s.fontSize), line: lineRatio(s), contrast: contrast(el) });
    }
    const moving = [...document.querySelectorAll('*')].filter((el) => {
      const s = getComputedStyle(el);
      return s.animationName !== 'none' || s.transitionDuration.split(',').some((d) => parseFloat(d) > 0);
    }).map(name);
    const big = (selector) => [...document.querySelectorAll(selector)].filter(visible).map((el) => ({ name: name(el), font: parseFloat(getComputedStyle(el).fontSize) }));
    return { controls, texts, moving, big: big('.question__text, .summary__headline') };
  });
}

function assertSizes(m, mode, screen) {
  const want = MODES[mode];
  const small = (list, min) => list.filter((x) => x.font < min - 0.01).map((x) => `${x.name} ${x.font}px`);
  const tight = (list) => list.filter((x) => x.line < want.lineHeight - 0.01).map((x) => `${x.name} ${x.line.toFixed(2)}`);
  assert.ok(m.controls.length >= 3, `${screen}: controls were found`);
  assert.deepEqual(small(m.controls, want.text), [], `${mode} ${screen}: every control's text is at least ${want.text}px`);
  assert.deepEqual(tight(m.controls), [], `${mode} ${screen}: every control's line spacing is at least ${want.lineHeight}`);
  assert.deepEqual(m.controls.filter((c) => c.width < want.target - 0.5 || c.height < want.target - 0.5)
    .map((c) => `${c.name} ${Math.round(c.width)}×${Math.round(c.height)}`), [], `${mode} ${screen}: every target is at least ${want.target}×${want.target}px`);
  assert.deepEqual(m.controls.filter((c) => c.contrast < 4.5).map((c) => `${c.name} ${c.contrast.toFixed(2)}`), [], `${mode} ${screen}: every control has contrast 4.5:1`);
  assert.ok(m.big.length >= 1, `${screen}: the question or the headline is shown`);
  assert.deepEqual(small(m.big, want.big), [], `${mode} ${screen}: the question or headline is at least ${want.big}px`);
  if (mode === 'elder') {
    assert.deepEqual(small(m.texts, want.text), [], `elder ${screen}: every text on the screen is at least 24px`);
    assert.deepEqual(tight(m.texts), [], `elder ${screen}: every text has line spacing 1.5`);
    assert.deepEqual(m.texts.filter((c) => c.contrast < 4.5).map((c) => `${c.name} ${c.contrast.toFixed(2)}`), [], `elder ${screen}: every text has contrast 4.5:1`);
    assert.deepEqual(m.moving, [], 'elder: nothing moves');
  }
}

async function walkThrough(mode) {
  const phone = await openPhone(ctx.session.browser);
  const { page } = phone;
  await page.goto(ctx.session.url);
  const elder = page.getByRole('button', { name: /长辈版/ });
  await elder.waitFor();
  assert.equal(await elder.getAttribute('aria-pressed'), 'false', 'the switch starts off');
  if (mode === 'elder') {
    await elder.click();
    assert.equal(await elder.getAttribute('aria-pressed'), 'true');
    await page.reload(); // remembered on the phone
    await page.getByRole('button', { name: /长辈版/ }).waitFor();
    assert.equal(await page.getByRole('button', { name: /长辈版/ }).getAttribute('aria-pressed'), 'true', 'the phone remembers 长辈版');
    await page.screenshot({ path: path.join(SHOTS, 'elder-0-first.png') });
  }
  await chooseRegion(page, ['13', '1307', '130722']);
  await setFamily(page, ZHANGBEI_CARER.family);
  await page.locator('form.question').waitFor();
  if (mode === 'elder') await page.screenshot({ path: path.join(SHOTS, 'elder-1-question.png') });
  assertSizes(await measure(page), mode, 'question');
  assert.deepEqual(await axeViolations(page), [], `${mode}: the question screen passes axe`);

  await answerAll(page, ZHANGBEI_CARER.answers);
  await page.locator('.results').waitFor();
  if (mode === 'elder') {
    await page.screenshot({ path: path.join(SHOTS, 'elder-2-results.png') });
    await page.screenshot({ path: path.join(SHOTS, 'elder-2-results-full.png'), fullPage: true });
  }
  assertSizes(await measure(page), mode, 'results');
  assert.deepEqual(await axeViolations(page), [], `${mode}: the results screen passes axe`);
  assert.deepEqual(phone.problems, [], 'no console errors and no request leaving localhost');
  assert.deepEqual(await phone.cspViolations(), [], 'no CSP violations');
  await phone.context.close();
}

test('Normal mode: every control on the question and results screens is readable, large enough and passes axe', () => walkThrough('normal'));

test('长辈版, switched on the first screen and remembered: 24px text, 30px headline, 60×60 targets, spacing 1.5, no motion, contrast, axe', () => walkThrough('elder'));
