// Starts the page: language, saved answers, the engine and the region list; then shows a step.
import { h, show } from './dom.js';
import { say, setLang, translateShell, lang } from './i18n.js';
import { startEngine } from './engine.js';
import { loadRegions } from './regions.js';
import { clearSavedState, freshState, loadState, saveState } from './state.js';
import { renderRegionStep } from './region-view.js';
import { renderFamilyStep } from './family-view.js';
import { renderQuestionStep } from './question-view.js';
import { renderResults } from './results-view.js';

/**
 * Everything a step needs; passed to each render function.
 * @typedef {Object} Context
 * @property {import('./state.js').State} state
 * @property {import('./engine.js').Engine|null} engine  null while it loads (only step 1 runs without it)
 * @property {import('./regions.js').RegionTree} regions
 * @property {HTMLElement} view              where steps are drawn
 * @property {() => void} save               keeps answers across reloads
 * @property {(step: string) => void} go     shows a step
 * @property {(message: string) => void} announce  shows and says a message (loading, errors)
 * @property {(message: string) => void} announceQuietly  says it to screen readers only
 * @property {(envelope: Object) => void} fail     shows an engine error without losing answers
 * @property {() => void} startOver
 * @property {number} visit  counts steps shown; a step that waited for the engine draws only if
 *   no other step was shown meanwhile
 */

const STEPS = {
  region: renderRegionStep,
  family: renderFamilyStep,
  questions: renderQuestionStep,
  results: renderResults,
};
const LANG_KEY = 'carecheck.lang';

async function main() {
  const params = new URLSearchParams(location.search);
  setLang(params.get('lang') || readLang() || 'zh');
  translateShell();
  const view = document.getElementById('view');
  const status = document.getElementById('status');
  const quiet = document.getElementById('announce');
  const announce = (message) => { status.textContent = message; };
  const announceQuietly = (message) => { status.textContent = ''; quiet.textContent = message; };

  const state = loadState();
  const presetRegion = params.get('region');
  if (/^\d{6}$/.test(presetRegion || '') && !state.region) {
    state.region = presetRegion;
    if (state.step === 'region') state.step = 'family';
  }

  // The first step needs only the region list (20 KB); the engine and rules load meanwhile.
  const failed = (error) => {
    announce(say('loadFailed'));
    console.warn('carecheck: start failed', error);
  };
  let regions;
  try {
    regions = await loadRegions(document.baseURI);
  } catch (error) {
    failed(error);
    return;
  }

  /** @type {Context} */
  const ctx = {
    state, engine: null, regions, view, announce, announceQuietly, visit: 0,
    save: () => saveState(state),
    go(step) {
      ctx.visit += 1;
      announce('');
      state.step = STEPS[step] ? step : 'region';
      saveState(state);
      if (!ctx.engine && state.step !== 'region') {
        announce(say('loading'));
        engineReady.then(() => ctx.go(state.step), () => announce(say('loadFailed')));
        return;
      }
      STEPS[state.step](ctx);
    },
    fail(envelope) {
      // Answers the engine cannot read (e.g. edited storage): say so and offer a way out
      // instead of a dead page. The saved answers stay until the family chooses.
      announce(`${say('engineError')}${envelope.error?.message ?? ''}`);
      show(view, [h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'button button--secondary', onClick: () => ctx.go('family') }, say('changeFamily')),
        h('button', { type: 'button', class: 'button button--quiet', onClick: () => ctx.startOver() }, say('startOver')))]);
    },
    startOver() {
      clearSavedState();
      Object.assign(state, freshState());
      ctx.go('region');
    },
  };
  const engineReady = startEngine(document.baseURI)
    .then((engine) => { ctx.engine = engine; })
    .catch((error) => { failed(error); throw error; });
  engineReady.catch(() => {}); // reported by failed(); steps that need it say so

  document.getElementById('lang-switch').addEventListener('click', () => {
    setLang(lang() === 'zh' ? 'en' : 'zh');
    writeLang(lang());
    translateShell();
    updateLangButton();
    ctx.go(state.step);
  });
  updateLangButton();
  ctx.go(state.step);
  registerServiceWorker();
}

function updateLangButton() {
  const button = document.getElementById('lang-switch');
  button.textContent = say('switchLang');
  button.lang = lang() === 'zh' ? 'en' : 'zh-CN';
}

function readLang() {
  try { return localStorage.getItem(LANG_KEY); } catch { return null; }
}

function writeLang(value) {
  try { localStorage.setItem(LANG_KEY, value); } catch { /* the switch still works this visit */ }
}

function registerServiceWorker() {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('sw.js').catch((error) => {
    // The page works online without it; offline use simply is not available.
    console.info('carecheck: offline copy not available', error?.message);
  });
}

main();
