// The roster's file actions: export a table (CSV) and a backup (JSON), import a backup, and
// delete everything on this device. Files go to the phone's downloads; nothing is uploaded.
import { errorLine, h, uniqueId } from './dom.js';
import { list, pick, say } from './i18n.js';
import { rosterFromJson, rosterToJson, toCsv } from './roster-file.js';

/**
 * @param {ReturnType<import('./cadre-mode.js').createCadreMode>} cadre
 * @param {Array<{record: Object, screened: import('./cadre-mode.js').Screened}>} rows
 * @returns {HTMLElement}
 */
export function rosterFileActions(cadre, rows) {
  const importId = uniqueId('import');
  const problem = errorLine();
  const day = new Date().toISOString().slice(0, 10);
  const hasRows = rows.length > 0;
  return h('section', { class: 'roster__files', 'aria-labelledby': 'roster-files-title' },
    h('h3', { id: 'roster-files-title' }, say('rosterFiles')),
    hasRows && h('button', {
      type: 'button', class: 'button button--secondary', id: 'export-csv',
      onClick: () => download(`登记名单-${day}.csv`, 'text/csv', rosterCsv(cadre, rows)),
    }, say('exportCsv')),
    hasRows && h('button', {
      type: 'button', class: 'button button--secondary', id: 'export-json',
      onClick: () => download(`登记备份-${day}.json`, 'application/json', rosterToJson(cadre.records)),
    }, say('exportJson')),
    // A real file input, styled as a button through its label: keyboard and screen readers
    // reach it as "choose a file".
    h('label', { for: importId, class: 'button button--secondary file-button' }, say('importJson')),
    h('input', {
      id: importId, type: 'file', accept: '.json,application/json', class: 'file-button__input',
      async onChange(event) {
        const file = event.target.files?.[0];
        event.target.value = '';
        if (!file) return;
        const read = rosterFromJson(await file.text());
        if (!read.ok) {
          problem.set(`${say('importFailed')}${read.problems.map((p) => `${p.path || '/'} ${p.message}`).join('; ')}`);
          return;
        }
        try {
          const { added, replaced } = await cadre.importRecords(read.households);
          cadre.showRoster();
          cadre.ctx.announce(say('imported', { added, replaced }));
        } catch (error) {
          problem.set(`${say('rosterStorageFailed')}${error?.message ?? ''}`);
        }
      },
    }),
    problem.element,
    hasRows && deleteAll(cadre));
}

/** "Delete everything", asked twice in the page itself (a dialog box is easy to tap through). */
function deleteAll(cadre) {
  const confirmBox = h('div', { class: 'confirm', role: 'group', 'aria-labelledby': 'delete-all-question', hidden: true },
    h('p', { id: 'delete-all-question', class: 'confirm__question' }, say('deleteAllQuestion', { n: cadre.records.length })),
    h('button', {
      type: 'button', class: 'button button--danger', id: 'delete-all-confirm',
      async onClick() {
        await cadre.deleteAll();
        cadre.showRoster();
        cadre.ctx.announce(say('deletedAll'));
      },
    }, say('deleteAllYes')),
    h('button', {
      type: 'button', class: 'button button--secondary',
      onClick() { confirmBox.hidden = true; ask.focus(); },
    }, say('deleteAllNo')));
  const ask = h('button', {
    type: 'button', class: 'button button--quiet', id: 'delete-all',
    onClick() { confirmBox.hidden = false; confirmBox.querySelector('button').focus(); },
  }, say('deleteAll'));
  return h('div', { class: 'roster__danger' }, ask, confirmBox);
}

/** One row per household, in the roster's current language. */
function rosterCsv(cadre, rows) {
  const header = ['colHousehold', 'colNote', 'colRegion', 'colPeople', 'colEligible', 'colDepends',
    'colOpen', 'colMissing', 'colPapers', 'colUpdated'].map((key) => say(key));
  const names = (summary, status) => list((summary?.programs || []).filter((p) => p.status === status).map((p) => pick(p.name)));
  const body = [...rows].sort((a, b) => a.record.created.localeCompare(b.record.created)).map(({ record, screened }) => {
    const { summary } = screened;
    return [
      record.name, record.note,
      cadre.ctx.regions.fullName(record.state.region) || record.state.region,
      record.state.members.length,
      summary ? names(summary, 'eligible') : say('householdUnreadable'),
      names(summary, 'depends_on_local_decision'),
      summary?.open_questions ?? '',
      list((summary?.missing_papers || []).map(pick)),
      list((summary?.papers || []).map(pick)),
      record.updated.slice(0, 10),
    ];
  });
  return toCsv(header, body);
}

function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = h('a', { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
