// Right after the hukou step: when no rule pack is about the family's places, say so plainly
// before the family spends time on questions, name the places that are covered, and let them
// go on anyway or choose another place. Which places are covered is the engine's word: the
// packs' jurisdictions (rules/index.json lists them, so no pack is fetched for that), and for
// the family's own places check()'s result.
import { h, show } from './dom.js';
import { list, pick, say } from './i18n.js';
import { packElsewhere } from './engine.js';
import { householdOf } from './state.js';

/**
 * Whether some pack can apply to the family's places, as the engine's result says: a pack is
 * about other places when each of its programs fails on a place (packElsewhere).
 * @param {import('./calculator.js').Context} ctx
 * @returns {Promise<{covered: boolean, places: string[]}|null>} null when the engine refused
 *   the answers (said by ctx.fail); places: the covered places' names, from the packs
 */
export async function coverageOf(ctx) {
  const result = await ctx.engine.check(householdOf(ctx.state));
  if (!result.ok) {
    ctx.fail(result);
    return null;
  }
  const packs = (result.packs || []).filter((p) => p.programs?.length > 0);
  const covered = packs.some((p) => !packElsewhere(ctx.engine.catalogue, p));
  return { covered, places: coveredPlaces(ctx) };
}

/** The names of the places the packs are about, as their jurisdictions name them. */
function coveredPlaces(ctx) {
  return [...new Set(ctx.engine.places.map(pick).filter(Boolean))];
}

/**
 * The coverage step: drawn only when nothing is covered (the hukou step goes straight to the
 * family step otherwise); after a reload on it, a covered place goes on to the family step.
 * @param {import('./calculator.js').Context} ctx
 */
export async function renderCoverageStep(ctx) {
  const visit = ctx.visit;
  const coverage = await coverageOf(ctx);
  if (visit !== ctx.visit || !coverage) return;
  if (coverage.covered) {
    ctx.go('family', { history: 'replace' });
    return;
  }
  const { state } = ctx;
  const place = (code) => ctx.regions.fullName(code) || code;
  const home = state.facts.home_region;
  const ours = list([...new Set([state.region, home].filter((c) => typeof c === 'string' && c))].map(place));
  const heading = h('h2', { class: 'step__title' }, say('coverageTitle'));
  show(ctx.view, [h('section', { class: 'step coverage', 'aria-labelledby': 'coverage-title' },
    heading,
    h('p', { class: 'coverage__text' }, say('coverageText', { place: ours })),
    h('p', { class: 'coverage__listed', id: 'coverage-places' }, say('coveragePlaces')),
    h('ul', { class: 'coverage__places', 'aria-labelledby': 'coverage-places' }, coverage.places.map((p) => h('li', {}, p))),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'button button--primary', onClick: () => ctx.go('family') }, say('coverageGoOn')),
      h('button', {
        type: 'button', class: 'button button--secondary',
        onClick() { state.editing = null; ctx.go('region'); },
      }, say('coverageChange'))),
    h('p', { class: 'step__help' }, say('coverageAsk')))], heading);
  heading.id = 'coverage-title';
}
