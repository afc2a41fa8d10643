// The calculator itself, mounted into a shell of elements: the page (app.js), the portal widget
// (widget.js) and cadre mode all run these same steps on the same engine. Each owner of answers
// (the family page, the widget, each cadre household) gets its own Context from session(): no
// mode overwrites another's state or store.
import { h, show } from './dom.js';
import { say } from './i18n.js';
import { startEngine } from './engine.js';
import { loadRegions, placesIn } from './regions.js';
import { freshState, householdOf } from './state.js';
import { renderRegionStep } from './region-view.js';
import { renderFamilyStep } from './family-view.js';
import { renderQuestionStep } from './question-view.js';
import { renderCoverageStep } from './coverage-view.js';

/**
 * Everything a step needs; passed to each render function. One Context per owner of answers
 * (the family page, the widget, one cadre household): its `state` and `store` never change, and
 * a mode that wants other answers asks the calculator for its own Context (session()).
 * @typedef {Object} Context
 * @property {import('./state.js').State} state  the household being asked about (this owner's)
 * @property {import('./engine.js').Engine|null} engine  null while it loads (only step 1 runs without it)
 * @property {import('./regions.js').RegionTree} regions
 * @property {HTMLElement} view              where steps are drawn
 * @property {() => void} save               keeps answers across reloads
 * @property {(step: string, how?: {history?: 'push'|'replace'|'none'}) => void} go  shows a step
 *   (and makes this owner the one drawing)
 * @property {(entry: StepEntry) => void} stepShown  a step says what it drew (for the back button)
 * @property {(message: string) => void} announce  shows and says a message (loading, errors)
 * @property {(message: string) => void} announceQuietly  says it to screen readers only
 * @property {(envelope: Object) => void} fail     shows an engine error without losing answers
 * @property {() => void} startOver
 * @property {(result: Object, open: Object) => void} resultShown  called with check() and
 *   questions() whenever the results step is drawn
 * @property {AnswerStore} store  where this owner's answers are kept
 * @property {Promise<void>} engineReady  settles when the engine has started (or failed to)
 * @property {string} notice  a line shown above the results of the step last gone to (go's options.notice)
 * @property {boolean} handover  results offer "给家人看 / 交给乡镇" (the page; never the portal widget)
 * @property {number} visit  counts draws of the shared view (any owner's); a step that waited
 *   for the engine draws only if nothing else was shown meanwhile
 */

/**
 * What a step drew, as a history entry: the step, and on the question step which question.
 * @typedef {{step: string, fact?: string, member?: string}} StepEntry
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

/**
 * What the owners share: the engine, the region list and the view. Only one owner draws at a
 * time; release() puts every owner aside (e.g. cadre mode drawing its roster).
 * @typedef {Object} Calculator
 * @property {import('./engine.js').Engine|null} engine
 * @property {Promise<void>} engineReady
 * @property {import('./regions.js').RegionTree} regions
 * @property {HTMLElement} view
 * @property {number} visit   counts draws of the view; steps and other screens compare it
 * @property {(message: string) => void} announce
 * @property {(message: string) => void} announceQuietly
 * @property {(owner: Owner) => Context} session  a Context for these answers
 * @property {() => void} release  whatever is still waiting to draw (any owner's) draws nothing
 *
 * @typedef {Object} Owner
 * @property {import('./state.js').State} state  answers to start from (kept and changed in place)
 * @property {AnswerStore} store
 * @property {string} [region]  the preset county "start over" keeps
 * @property {(result: Object, open: Object) => void} [onResult]
 * @property {(entry: StepEntry, how: 'push'|'replace'|'none') => void} [onStep]  each step drawn
 */

const STEPS = {
  region: renderRegionStep,
  coverage: renderCoverageStep,
  family: renderFamilyStep,
  questions: renderQuestionStep,
  results: renderResultsWithActions,
};

/**
 * Loads the region list and starts the engine meanwhile.
 * @param {Shell} shell
 * @param {Object} options
 * @param {URL|string} options.base   where the site's files are (rules, wasm, region list)
 * @param {boolean} [options.handover]  offer "给家人看 / 交给乡镇" on the results (the page, not the widget)
 * @param {() => void} [options.beforeDraw]  called before every step draws, also after the
 *   engine answered (the widget sets its own language there: two widgets may share a page)
 * @returns {Promise<Calculator|null>} null when the region list could not be loaded (already said)
 */
export async function mountCalculator(shell, options) {
  const { view, status, quiet } = shell;
  const announce = (message) => { status.textContent = message; };
  const announceQuietly = (message) => { status.textContent = ''; quiet.textContent = message; };
  const failed = (error) => {
    announce(say('loadFailed'));
    console.warn('carecheck: start failed', error);
  };

  // The first step needs only the province list; the engine and the catalogue load meanwhile
  // (started first: they are the larger downloads), a province's places when it is chosen, and
  // the packs for the family's county before its first question.
  const engineStarting = startEngine(options.base);
  engineStarting.catch(() => {}); // handled below once the calculator exists
  let regions;
  try {
    regions = await loadRegions(options.base);
  } catch (error) {
    failed(error);
    return null;
  }

  const beforeDraw = options.beforeDraw ?? (() => {});
  /** @type {Calculator} */
  const calc = {
    engine: null, regions, view, announce, announceQuietly, visit: 0,
    release() { calc.visit += 1; },
    session: (owner) => session(calc, owner, beforeDraw),
    handover: Boolean(options.handover), // issue 12: links open on this page, not in a portal
  };
  const engineReady = engineStarting
    .then((engine) => { calc.engine = withHook(engine, beforeDraw); })
    .catch((error) => { failed(error); throw error; });
  engineReady.catch(() => {}); // reported by failed(); steps that need it say so
  calc.engineReady = engineReady;
  return calc;
}

/** The engine, calling `hook` as each answer comes back (before the step that asked draws). */
function withHook(engine, hook) {
  const wrap = (call) => async (household) => {
    const answer = await call(household);
    hook();
    return answer;
  };
  // Object.create keeps the engine's `catalogue` getter live (it grows as packs load).
  return Object.assign(Object.create(engine), {
    check: wrap(engine.check), questions: wrap(engine.questions), validate: wrap(engine.validate),
  });
}

/** One owner's Context over the shared calculator. */
function session(calc, owner, beforeDraw) {
  let how = 'push';
  const placesTried = new Set(); // county codes whose province's list was asked for
  /** @type {Context} */
  const ctx = {
    notice: '',
    state: owner.state,
    store: owner.store,
    regions: calc.regions,
    view: calc.view,
    announce: calc.announce,
    announceQuietly: calc.announceQuietly,
    get engine() { return calc.engine; },
    get engineReady() { return calc.engineReady; },
    get visit() { return calc.visit; },
    get handover() { return calc.handover; },
    save: () => owner.store.save(owner.state),
    go(step, options = {}) {
      calc.visit += 1;
      how = options.history ?? 'push';
      ctx.notice = options.notice ?? ''; // a line shown above this step's results, this once
      calc.announce('');
      ctx.state.step = STEPS[step] ? step : 'region';
      ctx.save();
      beforeDraw();
      if (!calc.engine && ctx.state.step !== 'region') {
        calc.announce(say('loading'));
        const waiting = calc.visit;
        calc.engineReady.then(() => {
          if (waiting === calc.visit) ctx.go(ctx.state.step, { history: how }); // unless something else was shown meanwhile
        }, () => calc.announce(say('loadFailed')));
        return;
      }
      // The names of the places the answers hold (their provinces' lists) before a step shows them.
      // Each is waited for once: a list that cannot be fetched leaves the code shown as it is.
      const places = placesIn(ctx.state).filter((code) => !calc.regions.has(code) && !placesTried.has(code));
      if (places.length > 0) {
        places.forEach((code) => placesTried.add(code));
        const waiting = calc.visit;
        calc.regions.forCodes(places).catch((error) => console.info('carecheck: region list not available', error?.message))
          .then(() => { // unless something else was shown meanwhile
            if (waiting === calc.visit) ctx.go(ctx.state.step, { history: how, notice: ctx.notice });
          });
        return;
      }
      if (ctx.state.step !== 'region') calc.engine.prepare(householdOf(ctx.state)); // its county's packs, ahead
      // The question step says which question it drew; the others are one entry each.
      if (ctx.state.step !== 'questions') ctx.stepShown({ step: ctx.state.step });
      STEPS[ctx.state.step](ctx);
    },
    stepShown(entry) {
      // Once a question is on screen, the rest of the rules come in the background, so the
      // results (which weigh every pack) do not wait for them.
      // The results' code too, while there is signal (a failure here is met again at the results).
      if (entry.step === 'questions') {
        calc.engine?.loadAll().catch(() => {});
        resultsCode(calc.handover).catch(() => {});
      }
      owner.onStep?.(entry, how);
      how = 'replace'; // a redraw of the same step (a language switch) is no new entry
    },
    fail(envelope) {
      // Answers the engine cannot read (e.g. edited storage): say so and offer a way out
      // instead of a dead page. The saved answers stay until the family chooses.
      calc.announce(`${say('engineError')}${envelope.error?.message ?? ''}`);
      show(calc.view, [h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'button button--secondary', onClick: () => ctx.go('family') }, say('changeFamily')),
        h('button', { type: 'button', class: 'button button--quiet', onClick: () => ctx.startOver() }, say('startOver')))]);
    },
    startOver() {
      owner.store.clear();
      Object.assign(ctx.state, freshState(), { region: owner.store.region ?? (owner.region || '') });
      ctx.go(ctx.state.region ? 'family' : 'region');
    },
    resultShown(result, open) { owner.onResult?.(result, open); },
  };
  return ctx;
}

/** The results step, with "change answers" and "start again" right after what was found (the
 * result itself stays within three phone screens; these two come once it has been read).
 * Its code loads when first shown: the first visit's first question does not wait for it. */
async function renderResultsWithActions(ctx) {
  const visit = ctx.visit;
  // The results weigh every pack (the others say "not for this place"), as the rules stand;
  // their code loads meanwhile. Without signal and without the offline copy yet, the code may
  // not come: the family is told so and can try again; the answers stay.
  let views;
  try {
    views = await Promise.all([
      ctx.engine.loadAll().catch((error) => console.info('carecheck: some rules not available', error?.message)),
      resultsCode(ctx.handover),
    ]);
  } catch (error) {
    console.info('carecheck: the results could not load', error?.message);
    if (visit !== ctx.visit) return;
    ctx.view.replaceChildren(h('div', { class: 'step' },
      h('p', { class: 'notice', role: 'alert' }, say('resultsLoadFailed')),
      h('button', { type: 'button', class: 'button', onClick: () => ctx.go('results', { history: 'replace' }) }, say('tryAgain'))));
    return;
  }
  const [, [{ renderResults }, { resultsActions }, { handoverButton }]] = views;
  if (visit !== ctx.visit) return; // the family moved on while it loaded
  await renderResults(ctx);
  if (visit !== ctx.visit) return;
  // e.g. the answers a link made under older rules brought that these rules no longer ask
  if (ctx.notice) ctx.view.querySelector('.results')?.before(h('p', { class: 'notice results-notice' }, ctx.notice));
  ctx.view.querySelector('.results')?.after(resultsActions(ctx),
    ...(ctx.handover ? [handoverButton(ctx)] : [])); // issue 12: 给家人看 / 交给乡镇 (the page only)
}

/** The results' code (and the handover button's on the page), loaded once when first needed. */
function resultsCode(handover) {
  return Promise.all([import('./results-view.js'), import('./results-actions.js'),
    handover ? import('./handover-view.js') : {}]);
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
