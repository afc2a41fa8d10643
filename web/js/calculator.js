// The calculator itself, mounted into a shell of elements: the page (app.js), the portal widget
// (widget.js) and cadre mode all run these same steps on the same engine.
import { h, show } from './dom.js';
import { say } from './i18n.js';
import { startEngine } from './engine.js';
import { loadRegions } from './regions.js';
import { freshState } from './state.js';
import { renderRegionStep } from './region-view.js';
import { renderFamilyStep } from './family-view.js';
import { renderQuestionStep } from './question-view.js';
import { renderResults } from './results-view.js';

/**
 * Everything a step needs; passed to each render function.
 * @typedef {Object} Context
 * @property {import('./state.js').State} state  the household being asked about (cadre mode swaps it)
 * @property {import('./engine.js').Engine|null} engine  null while it loads (only step 1 runs without it)
 * @property {import('./regions.js').RegionTree} regions
 * @property {HTMLElement} view              where steps are drawn
 * @property {() => void} save               keeps answers across reloads
 * @property {(step: string) => void} go     shows a step
 * @property {(message: string) => void} announce  shows and says a message (loading, errors)
 * @property {(message: string) => void} announceQuietly  says it to screen readers only
 * @property {(envelope: Object) => void} fail     shows an engine error without losing answers
 * @property {() => void} startOver
 * @property {(result: Object, open: Object) => void} resultShown  called with check() and
 *   questions() whenever the results step is drawn
 * @property {AnswerStore} store  where the answers being asked about are kept (cadre mode swaps it)
 * @property {Promise<void>} engineReady  settles when the engine has started (or failed to)
 * @property {number} visit  counts steps shown; a step that waited for the engine draws only if
 *   no other step was shown meanwhile
 */

/**
 * Where answers are kept between visits.
 * @typedef {Object} AnswerStore
 * @property {(state: import('./state.js').State) => void} save
 * @property {() => void} clear
 * @property {string} [region]  the county "start over" keeps (else the preset one, if any)
 */

/**
 * The elements the calculator draws into.
 * @typedef {Object} Shell
 * @property {HTMLElement} view     steps are drawn here
 * @property {HTMLElement} status   visible messages (role=status)
 * @property {HTMLElement} quiet    screen-reader-only messages
 */

const STEPS = {
  region: renderRegionStep,
  family: renderFamilyStep,
  questions: renderQuestionStep,
  results: renderResults,
};

/**
 * Loads the region list, starts the engine meanwhile, and shows the state's step.
 * @param {Shell} shell
 * @param {Object} options
 * @param {URL|string} options.base   where the site's files are (rules, wasm, region list)
 * @param {import('./state.js').State} options.state  answers to start from (kept and changed in place)
 * @param {AnswerStore} options.store
 * @param {Object<string, (ctx: Context) => void>} [options.extraSteps]  more steps by name
 * @param {(result: Object, open: Object) => void} [options.onResult]
 * @returns {Promise<Context|null>} null when the region list could not be loaded (already said)
 */
export async function mountCalculator(shell, options) {
  const { view, status, quiet } = shell;
  const steps = { ...STEPS, ...options.extraSteps };
  const announce = (message) => { status.textContent = message; };
  const announceQuietly = (message) => { status.textContent = ''; quiet.textContent = message; };
  const failed = (error) => {
    announce(say('loadFailed'));
    console.warn('carecheck: start failed', error);
  };

  // The first step needs only the region list (20 KB); the engine and rules load meanwhile.
  let regions;
  try {
    regions = await loadRegions(options.base);
  } catch (error) {
    failed(error);
    return null;
  }

  /** @type {Context} */
  const ctx = {
    state: options.state, engine: null, regions, view, announce, announceQuietly, visit: 0,
    store: options.store,
    save: () => ctx.store.save(ctx.state),
    go(step) {
      ctx.visit += 1;
      announce('');
      ctx.state.step = steps[step] ? step : 'region';
      ctx.save();
      if (!ctx.engine && ctx.state.step !== 'region') {
        announce(say('loading'));
        const waiting = ctx.visit;
        engineReady.then(() => {
          if (waiting === ctx.visit) ctx.go(ctx.state.step); // unless something else was shown meanwhile
        }, () => announce(say('loadFailed')));
        return;
      }
      steps[ctx.state.step](ctx);
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
      ctx.store.clear();
      Object.assign(ctx.state, freshState(), { region: ctx.store.region ?? (options.region || '') });
      ctx.go(ctx.state.region ? 'family' : 'region');
    },
    resultShown(result, open) { options.onResult?.(result, open); },
  };
  const engineReady = startEngine(options.base)
    .then((engine) => { ctx.engine = engine; })
    .catch((error) => { failed(error); throw error; });
  engineReady.catch(() => {}); // reported by failed(); steps that need it say so
  ctx.engineReady = engineReady;
  return ctx;
}

/**
 * Puts a preset county (from a URL or a widget attribute) into answers that have none yet,
 * and skips the region step for it.
 * @param {import('./state.js').State} state
 * @param {string|null|undefined} region  six digits, anything else is ignored
 */
export function presetRegion(state, region) {
  if (!/^\d{6}$/.test(region || '') || state.region) return;
  state.region = region;
  if (state.step === 'region') state.step = 'family';
}
