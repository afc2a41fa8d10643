// The portal widget: <carecheck-calculator> runs the page's own steps and engine inside a shadow
// root on a portal's page (docs/widget.md). One script tag brings it:
//   <script type="module" src="https://SITE/widget.js"></script>
//   <carecheck-calculator region="130722" lang="zh" emit-result></carecheck-calculator>
// Everything else (steps, engine, rules, region list, stylesheet) is found beside this file, so
// the portal's page may live anywhere on the same origin.
//
// The shadow root is open: a closed one hides nothing from a script on the same page (the portal
// could wrap attachShadow), while an open one lets the portal's own accessibility checks and
// tests look inside. Privacy comes from what the widget sends, not from hiding its markup.
import { mountCalculator, presetRegion } from './js/calculator.js';
import { h } from './js/dom.js';
import { lang, langTag, say, setLang, translateShell } from './js/i18n.js';
import { summarise } from './js/result-summary.js';
import { WIDGET_STORAGE_KEY, clearSavedState, loadState, saveState } from './js/state.js';

const BASE = new URL('./', import.meta.url);
export const EVENT = 'carecheck-result';

/** 'zh' or 'en' from an attribute value such as "zh", "zh-CN", "en-GB"; null when neither. */
function langOf(value) {
  const code = String(value || '').toLowerCase();
  if (code.startsWith('en')) return 'en';
  return code.startsWith('zh') ? 'zh' : null;
}

/**
 * <carecheck-calculator>: the calculator inside a portal's page.
 * Attributes: region (six-digit county code: skips the hukou step), lang (zh | en), emit-result
 * (present: a `carecheck-result` event with the summary each time results are shown),
 * answers-key (a name, read once: this widget's answers are kept apart from other widgets').
 * Answers are kept in the portal's localStorage under their own key (WIDGET_STORAGE_KEY).
 */
export class CarecheckCalculator extends HTMLElement {
  static observedAttributes = ['lang', 'region'];

  #shadow = this.attachShadow({ mode: 'open' });
  #ctx = null;
  #mounting = null;
  #wrapper = null;
  #switch = null;
  #options = null;

  /** @returns {string} the preset county code ('' when none) */
  get region() { return this.getAttribute('region') || ''; }
  set region(value) {
    if (value) this.setAttribute('region', value);
    else this.removeAttribute('region');
  }

  /** @returns {boolean} whether results are announced to the portal with a `carecheck-result` event */
  get emitResult() { return this.hasAttribute('emit-result'); }
  set emitResult(on) { this.toggleAttribute('emit-result', Boolean(on)); }

  connectedCallback() {
    this.#mounting ??= this.#mount();
  }

  attributeChangedCallback(name, before, after) {
    if (!this.#wrapper || before === after) return;
    if (name === 'lang') {
      this.#applyLanguage();
      // Place names in the new language first (English ones load once, on first use).
      const shown = this.#ctx?.regions.forLanguage(lang()) ?? Promise.resolve();
      shown.then(() => { this.#applyLanguage(); this.#ctx?.go(this.#ctx.state.step); });
    }
    if (name === 'region' && this.#ctx && /^\d{6}$/.test(after || '') && after !== this.#ctx.state.region) {
      // The portal moved to another county: the family's other answers stay, the hukou changes.
      this.#options.region = after;
      this.#ctx.state.region = after;
      this.#ctx.go(this.#ctx.state.step === 'region' ? 'family' : this.#ctx.state.step);
    }
  }

  async #mount() {
    const status = h('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
    const quiet = h('div', { class: 'visually-hidden', 'aria-live': 'polite' });
    const view = h('div', { class: 'view' }, h('p', { class: 'step__help', 'data-i18n': 'loading' }));
    this.#switch = h('button', { type: 'button', class: 'top__lang', onClick: () => this.#switchLanguage() });
    const title = h('h2', { class: 'top__title', id: 'carecheck-title', 'data-i18n': 'title' });
    // Hidden until the stylesheet is in, so the portal never shows the steps unstyled.
    this.#wrapper = h('section', { class: 'carecheck', 'aria-labelledby': 'carecheck-title', hidden: true },
      h('header', { class: 'top' }, title, this.#switch),
      h('p', { class: 'privacy', 'data-i18n': 'privacy' }),
      h('div', { class: 'carecheck__body' }, status, quiet, view),
      h('p', { class: 'foot', 'data-i18n': 'disclaimer' }));
    const styles = h('link', { rel: 'stylesheet', href: new URL('css/app.css', BASE).href });
    const reveal = () => { this.#wrapper.hidden = false; };
    styles.addEventListener('load', reveal);
    styles.addEventListener('error', reveal);
    // The page's printout (the checklist on one sheet) when the family prints from the widget.
    const print = h('link', { rel: 'stylesheet', media: 'print', href: new URL('css/print.css', BASE).href });
    this.#shadow.replaceChildren(styles, print, this.#wrapper);
    // Focus follows the steps only once the family uses the widget (see dom.js show()).
    for (const type of ['pointerdown', 'keydown', 'focusin']) {
      this.#wrapper.addEventListener(type, () => this.#wrapper.setAttribute('data-engaged', ''), { once: true });
    }
    // Steps also redraw themselves on a tap (a family member added, a box ticked): before any of
    // the widget's own handlers runs, its language is the one in use (two widgets, one page).
    for (const type of ['click', 'input', 'change', 'keydown', 'submit', 'focusin']) {
      this.#wrapper.addEventListener(type, () => this.#useLanguage(), { capture: true });
    }
    this.#applyLanguage();

    // Two widgets on one page keep their answers apart when the portal names them (answers-key).
    const name = this.getAttribute('answers-key') || '';
    const key = /^[\w-]{1,40}$/.test(name) ? `${WIDGET_STORAGE_KEY}#${name}` : WIDGET_STORAGE_KEY;
    const state = loadState(key);
    // The portal's county wins over one saved from another of its pages: this page serves it.
    if (/^\d{6}$/.test(this.region)) state.region = '';
    presetRegion(state, this.region);
    this.#options = {
      state,
      region: this.region,
      store: { save: (s) => saveState(s, key), clear: () => clearSavedState(key) },
      onResult: (result, open) => this.#resultShown(result, open),
    };
    // The page's words are one module-wide setting: this widget sets its own language before
    // each of its draws, also after the engine answered, so widgets on one page keep theirs.
    const calculator = await mountCalculator({ view, status, quiet }, { base: BASE, beforeDraw: () => this.#useLanguage() });
    this.#ctx = calculator?.session(this.#options) ?? null;
    this.#ctx?.go(this.#ctx.state.step);
  }

  /** The language asked for: the lang attribute, else the portal page's, else Chinese. */
  #wantedLanguage() {
    return langOf(this.getAttribute('lang')) || langOf(this.closest('[lang]')?.getAttribute('lang')) || 'zh';
  }

  #useLanguage() {
    setLang(this.#wantedLanguage());
  }

  #applyLanguage() {
    // The page's words are one module-wide setting: the widget sets its language before each draw.
    this.#useLanguage();
    this.#wrapper.lang = langTag();
    translateShell(this.#wrapper);
    this.#switch.textContent = say('switchLang');
    this.#switch.lang = lang() === 'zh' ? 'en' : 'zh-CN'; // the button is in the other language
  }

  /** The widget's own switch sets the lang attribute, so the portal sees the language too. */
  #switchLanguage() {
    this.setAttribute('lang', lang() === 'zh' ? 'en' : 'zh');
  }

  #resultShown(result, open) {
    if (!this.emitResult) return;
    // The summary of what the family may get (docs/widget.md "The event"), never their answers.
    const detail = summarise(result, open, this.#ctx.state);
    this.dispatchEvent(new CustomEvent(EVENT, { bubbles: true, composed: true, detail }));
  }
}

if (!customElements.get('carecheck-calculator')) customElements.define('carecheck-calculator', CarecheckCalculator);
