// The page: language, saved answers, the calculator, the offline copy and cadre mode's switch.
import { lang, langTag, say, setLang, translateShell } from './i18n.js';
import { mountCalculator, presetRegion } from './calculator.js';
import { clearSavedState, loadState, saveState } from './state.js';

const LANG_KEY = 'carecheck.lang';

async function main() {
  const params = new URLSearchParams(location.search);
  setPageLang(params.get('lang') || readLang() || 'zh');

  const state = loadState();
  presetRegion(state, params.get('region'));
  const ctx = await mountCalculator({
    view: document.getElementById('view'),
    status: document.getElementById('status'),
    quiet: document.getElementById('announce'),
  }, {
    base: document.baseURI,
    state,
    region: params.get('region'),
    store: { save: saveState, clear: clearSavedState },
  });
  if (!ctx) return;

  document.getElementById('lang-switch').addEventListener('click', () => {
    setPageLang(lang() === 'zh' ? 'en' : 'zh');
    writeLang(lang());
    ctx.go(ctx.state.step);
  });
  ctx.go(ctx.state.step);
  registerServiceWorker();
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
