// "给家人看 / 交给乡镇" (issue 12): a QR code and a link that carry this household's answers to
// another phone, with no server: the answers are in the link's fragment (js/handover.js). The QR
// encoder (npm qrcode-generator) is loaded from our own origin only when the button is pressed,
// and drawn on a <canvas> (no inline style or script under the page's CSP). Opening such a link
// puts the household on the phone (asking first when it already holds other answers).
import { h, show } from './dom.js';
import { list, say } from './i18n.js';
import { decodeHousehold, encodeHousehold } from './handover.js';

/** The largest QR code a phone camera reads at arm's length, at error correction M. */
export const QR_MAX_VERSION = 10;

/** The link that opens this page with the household, on this page's own address. */
export function handoverLink(state, catalogue, where = location) {
  return `${where.origin}${where.pathname}#${encodeHousehold(state, catalogue)}`;
}

/**
 * The button and, once pressed, the panel under it (in the page, not a pop-up).
 * @param {import('./calculator.js').Context} ctx
 * @returns {HTMLElement}
 */
export function handoverButton(ctx) {
  const panel = h('div', { class: 'handover', hidden: true });
  const button = h('button', {
    type: 'button', class: 'button button--secondary', 'aria-expanded': 'false',
    async onClick() {
      if (!panel.hidden) { panel.hidden = true; button.setAttribute('aria-expanded', 'false'); return; }
      button.setAttribute('aria-expanded', 'true');
      panel.hidden = false;
      await drawPanel(panel, handoverLink(ctx.state, ctx.engine.catalogue));
    },
  }, say('handover'));
  return h('div', { class: 'handover-box no-print' }, button, panel);
}

async function drawPanel(panel, link) {
  const title = h('h3', { class: 'handover__title', tabindex: '-1' }, say('handoverTitle'));
  const field = h('input', { class: 'field__input handover__link', type: 'text', readonly: true, value: link, 'aria-label': say('handoverLinkLabel') });
  const copied = h('p', { class: 'handover__copied', role: 'status' });
  const copy = h('button', {
    type: 'button', class: 'button button--secondary',
    async onClick() {
      field.select();
      try {
        await navigator.clipboard.writeText(link);
        copied.textContent = say('handoverCopied');
      } catch {
        copied.textContent = say('handoverCopyByHand'); // the link is selected: long-press to copy
      }
    },
  }, say('handoverCopy'));
  let code;
  try {
    code = await qrCanvas(link);
  } catch (error) {
    console.warn('carecheck: QR code not drawn', error);
    code = h('p', { class: 'error' }, say('handoverNoQr'));
  }
  panel.replaceChildren(title,
    h('p', {}, say('handoverHelp')),
    code,
    h('p', { class: 'handover__label' }, say('handoverLinkLabel')),
    field, copy, copied,
    h('p', { class: 'handover__privacy' }, say('handoverPrivacy')));
  title.focus(); // the panel is where the family is now (and scrolled into view)
}

/** The link as a QR code on a canvas (version ≤ 10 at M, or it refuses). */
async function qrCanvas(link) {
  const { default: qrcode } = await import('../vendor/qrcode-generator.mjs');
  const qr = qrcode(0, 'M');
  qr.addData(link, 'Byte');
  qr.make();
  const modules = qr.getModuleCount();
  const version = (modules - 17) / 4;
  if (version > QR_MAX_VERSION) throw new Error(`QR version ${version} is too dense to scan`);
  const quiet = 4; // the white border a camera needs
  const cell = Math.max(4, Math.floor(560 / (modules + 2 * quiet)));
  const size = cell * (modules + 2 * quiet);
  const canvas = h('canvas', {
    class: 'handover__qr', width: size, height: size, role: 'img',
    'aria-label': say('handoverQrLabel'), 'data-version': version, 'data-link': link,
  });
  const g = canvas.getContext('2d');
  g.fillStyle = '#fff';
  g.fillRect(0, 0, size, size);
  g.fillStyle = '#000';
  for (let r = 0; r < modules; r += 1) {
    for (let c = 0; c < modules; c += 1) {
      if (qr.isDark(r, c)) g.fillRect((c + quiet) * cell, (r + quiet) * cell, cell, cell);
    }
  }
  return canvas;
}

/**
 * What a link made under other rules brought: the answers these rules no longer ask (not used),
 * or that every answer was kept. '' for a link made under these rules.
 * @param {{otherRules: boolean, dropped: import('./handover.js').Dropped[]}} read  decodeHousehold's
 * @returns {string}
 */
export function otherRulesLine(read) {
  if (!read.otherRules) return '';
  if (read.dropped.length === 0) return say('handoverOtherRulesKept');
  const whose = read.dropped.map((d) => say('handoverDroppedOf', {
    who: d.member === null ? say('handoverHousehold') : (d.member || say('handoverPersonN', { n: d.index })), n: d.n,
  }));
  return say('handoverDropped', { n: read.dropped.reduce((sum, d) => sum + d.n, 0), whose: list(whose) });
}

/**
 * Reads and removes a household link's fragment from the address (so a reload or the history
 * does not bring it back).
 * @returns {string} the fragment, or '' when the address has none
 */
export function takeHandover(where = location, history = window.history) {
  const fragment = /^#cc\d+\./.test(where.hash) ? where.hash.slice(1) : '';
  if (fragment) history.replaceState(history.state, '', `${where.pathname}${where.search}`);
  return fragment;
}

/**
 * Puts a handed-over household on this phone and shows its results; when the phone already
 * holds answers, asks first in the page.
 * @param {string} fragment
 * @param {Object} page
 * @param {import('./calculator.js').Calculator} page.calculator
 * @param {import('./state.js').State} page.state   the family's answers (replaced in place)
 * @param {(step: string, options?: {notice?: string}) => void} page.go  shows a family step
 * @param {() => void} page.keep                   draws what was there before
 */
export async function receiveHandover(fragment, { calculator, state, go, keep }) {
  try { await calculator.engineReady; } catch { return; } // already said
  // The link names its rule set's catalogue: the whole one, every pack loaded.
  try { await calculator.engine.loadAll(); } catch { /* read leniently against what is there */ }
  const read = decodeHousehold(fragment, calculator.engine.catalogue);
  if (!read.ok) {
    keep();
    calculator.announce(say(read.reason === 'version' ? 'handoverOld' : 'handoverDamaged'));
    return;
  }
  const take = () => {
    Object.assign(state, read.state);
    go('results', { notice: otherRulesLine(read) }); // shown above the results
  };
  const hasOwn = state.history.length > 0 || state.members.some((m) => Object.keys(m.facts).length > 0);
  if (!hasOwn) { take(); return; }
  calculator.release();
  const question = h('h2', { class: 'step__title', tabindex: '-1' }, say('handoverReplace'));
  show(calculator.view, [h('div', { class: 'step handover-receive' },
    question,
    h('p', {}, say('handoverReplaceHelp')),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'button button--primary', onClick: take }, say('handoverReplaceYes')),
      h('button', { type: 'button', class: 'button button--secondary', onClick: keep }, say('handoverReplaceNo'))))], question);
}
