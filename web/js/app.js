// The page: language, saved answers, the calculator, the offline copy and the switch between
// a family checking for itself and a cadre's household roster.
import { lang, langTag, preferredLang, say, setLang, translateShell } from './i18n.js';
import { mountCalculator, presetRegion } from './calculator.js';
import { clearSavedState, freshState, loadState, saveState } from './state.js';
import { stepHistory } from './step-history.js';
import { mountElderSwitch } from './elder.js';
import { receiveHandover, takeHandover } from './handover-view.js';

const LANG_KEY = 'carecheck.lang';
const MODE_KEY = 'carecheck.mode';

async function main() {
  const params = new URLSearchParams(location.search);
  // A language chosen here (the switch, or ?lang=) wins; else the browser's first language.
  setPageLang(params.get('lang') || readPref(LANG_KEY) || preferredLang(navigator.languages));
  mountElderSwitch(document.getElementById('elder-switch')); // issue 12: 长辈版

  const state = loadState();
  presetRegion(state, params.get('region'));
  const calculator = await mountCalculator({
    view: document.getElementById('view'),
    status: document.getElementById('status'),
    quiet: document.getElementById('announce'),
  }, { base: document.baseURI, handover: true });
  if (!calculator) return;

  // The family's answers have one owner, the family session; cadre mode asks the calculator for
  // a session per household (cadre-mode.js). Only the family's steps are browser history
  // entries: the Android back button walks back through them (step-history.js).
  const steps = stepHistory(window.history);
  const family = calculator.session({
    state,
    region: params.get('region') || '',
    store: { save: saveState, clear: clearSavedState },
    onStep(entry, how) {
      steps.record(entry, how);
      compactShell(entry.step !== 'region');
    },
  });
  let cadre = null;
  // Families never download cadre mode's code; the offline copy has it for cadres.
  const cadreMode = async () => {
    if (cadre) return cadre;
    const { createCadreMode } = await import('./cadre-mode.js');
    cadre ??= createCadreMode(calculator, document.getElementById('cadre-bar'), {
      region: /^\d{6}$/.test(params.get('region') || '') ? params.get('region') : '',
      // "Delete everything" empties storage; the family's answers held in memory go too.
      onDeletedAll() {
        Object.assign(state, freshState());
        writePref(MODE_KEY, mode);
      },
    });
    return cadre;
  };
  let mode = params.get('mode') || readPref(MODE_KEY) || 'family';
  /** Draws the current mode where it was left: a step, or the cadre's roster or household. */
  const redraw = async () => {
    markMode(mode);
    if (mode === 'cadre') {
      compactShell(true); // a cadre knows the page: the roster needs the room
      let roster;
      try {
        roster = await cadreMode();
      } catch (error) {
        calculator.announce(say('loadFailed'));
        console.warn('carecheck: cadre mode did not load', error);
        return;
      }
      if (mode === 'cadre') roster.resume(); // unless the family's switch was pressed meanwhile
    } else {
      family.go(state.step, { history: 'replace' });
    }
  };
  // Back (and forward) to a step of the family's: the question shown there is asked again with
  // its answer kept; nothing is forgotten by going back.
  steps.onBack((entry) => {
    if (mode !== 'family') return;
    state.editing = entry.step === 'questions' && entry.fact
      ? { fact: entry.fact, ...(entry.member ? { member: entry.member } : {}), returnTo: 'questions' }
      : null;
    family.go(entry.step, { history: 'none' });
  });
  const switchTo = (next) => {
    if (next === mode) return;
    mode = next;
    writePref(MODE_KEY, mode);
    if (mode === 'family') cadre?.suspend(); // the cadre's place is kept for coming back
    redraw();
  };
  document.getElementById('mode-family').addEventListener('click', () => switchTo('family'));
  document.getElementById('mode-cadre').addEventListener('click', () => switchTo('cadre'));
  document.getElementById('lang-switch').addEventListener('click', () => {
    setPageLang(lang() === 'zh' ? 'en' : 'zh');
    writePref(LANG_KEY, lang());
    calculator.regions.forLanguage(lang()).then(redraw); // place names in the new language first
  });
  // issue 12: a household handed over in the link's fragment opens on its results.
  const handed = takeHandover();
  if (handed) {
    mode = 'family';
    markMode(mode);
    receiveHandover(handed, { calculator, state, go: (step, options) => family.go(step, options), keep: redraw });
  } else {
    redraw();
  }
  registerServiceWorker();
}

/** One compact bar instead of header, privacy line and mode switch (after the first screen). */
function compactShell(on) {
  document.body.classList.toggle('shell--compact', on);
}

function markMode(mode) {
  document.getElementById('mode-family').setAttribute('aria-pressed', String(mode !== 'cadre'));
  document.getElementById('mode-cadre').setAttribute('aria-pressed', String(mode === 'cadre'));
}

function setPageLang(next) {
  setLang(next);
  document.documentElement.lang = langTag();
  translateShell(document);
  document.title = say('title');
  const button = document.getElementById('lang-switch');
  button.textContent = say('switchLang');
  button.lang = lang() === 'zh' ? 'en' : 'zh-CN'; // the button is in the other language
}

function readPref(key) {
  try { return localStorage.getItem(key); } catch { return null; }
}

function writePref(key, value) {
  try { localStorage.setItem(key, value); } catch { /* the switch still works this visit */ }
}

function registerServiceWorker() {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('sw.js').catch((error) => {
    // The page works online without it; offline use simply is not available.
    console.info('carecheck: offline copy not available', error?.message);
  });
}

main();
