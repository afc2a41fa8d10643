// Step 1: where the family's hukou is.
import { errorLine, h, show } from './dom.js';
import { list, pick, say } from './i18n.js';
import { regionPicker } from './region-picker.js';

/**
 * @param {import('./app.js').Context} ctx
 */
export function renderRegionStep(ctx) {
  const picker = regionPicker(ctx.regions, ctx.state.region);
  const error = errorLine();
  const heading = h('h2', { class: 'step__title' }, say('regionTitle'));
  const places = (ctx.engine?.catalogue.packs ?? []).map((p) => pick(p.jurisdiction?.name)).filter(Boolean);

  const form = h('form', {
    class: 'step', novalidate: true,
    onSubmit(event) {
      event.preventDefault();
      const code = picker.value();
      if (!code) {
        error.set(say('regionMissing'));
        return;
      }
      ctx.state.region = code;
      ctx.go('family');
    },
  },
  heading,
  h('p', { class: 'step__help' }, say('regionHelp')),
  picker.element,
  error.element,
  places.length > 0 && h('p', { class: 'hint' }, say('covered'), list([...new Set(places)])),
  h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'button button--primary' }, say('next'))));

  show(ctx.view, [form], heading);
}
