// Cadre mode: "导入扫到的链接 / Import a scanned link" (issue 12). The cadre scans a family's
// "给家人看 / 交给乡镇" QR code with the phone's camera app and pastes the link it gives; the
// household is added to the roster as a new household (a new id: nothing on the roster is
// overwritten), read with the same checks as opening the link on the family page.
import { errorLine, h, uniqueId } from './dom.js';
import { list, say } from './i18n.js';
import { decodeHousehold } from './handover.js';
import { otherRulesLine } from './handover-view.js';

/**
 * The fragment of a pasted link ("https://…/#cc2…", or the part after "#" alone); chat apps
 * and camera apps add spaces or line breaks around it.
 * @param {string} text @returns {string}
 */
export function fragmentOf(text) {
  const pasted = String(text).replace(/\s+/g, '');
  const at = pasted.indexOf('#');
  return at >= 0 ? pasted.slice(at + 1) : pasted;
}

/**
 * @param {ReturnType<import('./cadre-mode.js').createCadreMode>} cadre
 * @returns {HTMLElement}
 */
export function scanImportForm(cadre) {
  const { ctx } = cadre;
  const fieldId = uniqueId('scan-link');
  const titleId = uniqueId('scan-title');
  const problem = errorLine();
  let busy = false; // a double tap adds one household, not two
  return h('form', {
    class: 'scan-import', novalidate: true, 'aria-labelledby': titleId,
    async onSubmit(event) {
      event.preventDefault();
      const field = event.currentTarget.elements.link;
      const fragment = fragmentOf(field.value);
      const refuse = (text) => {
        field.setAttribute('aria-invalid', 'true');
        problem.set(text);
        field.focus();
      };
      if (!fragment) { refuse(say('scanImportEmpty')); return; }
      if (busy) return;
      busy = true;
      try {
        try { await ctx.engineReady; } catch { refuse(`${say('scanImportFailed')}${say('engineMissing')}`); return; }
        try { await ctx.engine.loadAll(); } catch { /* read leniently against what is there */ } // the link names the whole catalogue
        const read = decodeHousehold(fragment, ctx.engine.catalogue);
        if (!read.ok) { refuse(`${say('scanImportFailed')}${say(read.reason === 'version' ? 'handoverOld' : 'handoverDamaged')}`); return; }
        const labels = read.state.members.map((m) => m.label).filter(Boolean);
        const name = labels.length ? say('scanImportName', { people: list(labels) }) : say('scanImportNameNone');
        const record = await cadre.addFromLink(name, read.state);
        await cadre.showRoster(`open-${record.id}`);
        const answers = Object.keys(read.state.facts).length
          + read.state.members.reduce((n, m) => n + Object.keys(m.facts).length, 0);
        ctx.announce([say('scanImported', { name, people: read.state.members.length, answers }), otherRulesLine(read)]
          .filter(Boolean).join(' '));
      } catch (error) {
        refuse(`${say('rosterStorageFailed')}${error?.message ?? ''}`);
      } finally {
        busy = false;
      }
    },
  },
  h('h3', { id: titleId }, say('scanImport')),
  h('p', { class: 'hint' }, say('scanImportHelp')),
  h('div', { class: 'field' },
    h('label', { for: fieldId, class: 'field__label' }, say('scanImportLabel')),
    h('input', {
      id: fieldId, name: 'link', class: 'field__input', type: 'url', inputmode: 'url', autocomplete: 'off',
      spellcheck: 'false', 'aria-describedby': problem.element.id,
    })),
  problem.element,
  h('button', { type: 'submit', class: 'button button--secondary', id: 'scan-import' }, say('scanImportButton')));
}
