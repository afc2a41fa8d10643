// The roster's file actions: export a table (CSV) and a backup (JSON), import a backup, and
// delete everything on this device. Files go to the phone's downloads; nothing is uploaded.
import { errorLine, h, uniqueId } from './dom.js';
import { pick, say } from './i18n.js';
import { BACKUP_LIMITS, localDate, rosterFromJson, rosterToJson, toCsv } from './roster-file.js';
import { confirmAction } from './confirm-action.js';
import { applyForLines, programLabel } from './brief-words.js';
import { familyMoney, familyYearly, toApplyFor, worthAsking } from './result-summary.js';

/**
 * @param {ReturnType<import('./cadre-mode.js').createCadreMode>} cadre
 * @param {Array<{record: Object, screened: import('./cadre-mode.js').Screened}>} rows
 * @returns {HTMLElement}
 */
export function rosterFileActions(cadre, rows) {
  const importId = uniqueId('import');
  const problem = errorLine();
  const day = localDate(new Date().toISOString());
  const hasRows = rows.length > 0;
  return h('section', { class: 'roster__files', 'aria-labelledby': 'roster-files-title' },
    h('h3', { id: 'roster-files-title' }, say('rosterFiles')),
    hasRows && h('button', {
      type: 'button', class: 'button button--secondary', id: 'export-csv',
      onClick: () => download(say('csvFileName', { day }), 'text/csv', rosterCsv(cadre, rows)),
    }, say('exportCsv')),
    hasRows && h('button', {
      type: 'button', class: 'button button--secondary', id: 'export-json',
      async onClick() {
        await cadre.load(); // what another tab added since is in the backup too
        download(say('backupFileName', { day }), 'application/json', rosterToJson(cadre.records));
      },
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
        // Checked before reading: a 50 MB file froze the page for 15 s.
        if (file.size > BACKUP_LIMITS.bytes) {
          problem.set(`${say('importFailed')}${say('importTooBig', { size: megabytes(file.size), max: megabytes(BACKUP_LIMITS.bytes) })}`);
          return;
        }
        const read = rosterFromJson(await file.text());
        if (!read.ok) {
          problem.set(`${say('importFailed')}${read.problems.map(problemText).join('; ')}`);
          return;
        }
        try {
          const counts = await cadre.importRecords(read.households);
          await cadre.showRoster();
          cadre.ctx.announce([say('imported', counts), counts.kept > 0 && say('importKept', counts)].filter(Boolean).join(''));
        } catch (error) {
          problem.set(`${say('rosterStorageFailed')}${error?.message ?? ''}`);
        }
      },
    }),
    problem.element,
    hasRows && deleteAll(cadre));
}

/** A problem of a backup: the limits in the cadre's words, the rest by JSON pointer. */
function problemText(problem) {
  if (problem.limit === 'too_many_households') {
    return say('importTooManyHouseholds', { max: BACKUP_LIMITS.households, n: problem.count });
  }
  if (problem.limit === 'too_deep') {
    return say('importTooDeep', { name: problem.household, max: BACKUP_LIMITS.depth, path: problem.path });
  }
  return `${problem.path || '/'} ${problem.message}`;
}

/** @param {number} bytes @returns {string} e.g. "5 MB", "52.4 MB" */
function megabytes(bytes) {
  return `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;
}

/** "Delete everything", asked again in the page before it acts. */
function deleteAll(cadre) {
  return confirmAction({
    ask: say('deleteAll'),
    question: say('deleteAllQuestion', { n: cadre.records.length }),
    yes: say('deleteAllYes'),
    no: say('deleteAllNo'),
  }, async () => {
    await cadre.deleteAll();
    await cadre.showRoster();
    cadre.ctx.announce(say('deletedAll'));
  }, 'delete-all');
}

/** One row per household, oldest first, in the page's current language. */
function rosterCsv(cadre, rows) {
  const { catalogue } = cadre.ctx.engine ?? { catalogue: null };
  const header = ['colHousehold', 'colNote', 'colRegion', 'colPeople', 'colEligible', 'colDepends', 'colAsk',
    'colOpen', 'colMissing', 'colPapers', 'colUpdated'].map((key) => say(key));
  const money = moneyColumns(rows.map((row) => row.screened.summary).filter(Boolean));
  header.push(...money.header);
  // Program names hold 、 themselves, so items are parted with ；.
  const items = (texts) => texts.join('；');
  const body = [...rows].sort((a, b) => a.record.created.localeCompare(b.record.created)).map(({ record, screened }) => {
    const { summary } = screened;
    const { state } = record;
    const lines = (status) => items(applyForLines(catalogue, state, summary, (p) => p.status === status).map((l) => l.text));
    return [
      { text: record.name }, { text: record.note },
      cadre.ctx.regions.fullName(state.region) || state.region,
      state.members.length,
      summary ? lines('eligible') : screened.error || say('householdUnreadable'),
      summary ? lines('depends_on_local_decision') : '',
      summary ? items(worthAsking(summary).map((p) => programLabel(catalogue, state, p))) : '',
      summary?.open_questions ?? '',
      items((summary?.missing_papers || []).map(pick)),
      items((summary?.papers || []).map(pick)),
      localDate(record.updated),
      ...money.cells(summary),
    ];
  });
  return toCsv(header, body);
}

/**
 * The family's money in the CSV (issue 11): a column per program that pays the family itself
 * in some household of the roster, and the household's total. Which money counts as the family's
 * is result-summary.js's rule (familyYearly, familyMoney): never a care home's, a service
 * provider's or a meal point's; the total counts what the household can apply for now, and of
 * a choose-one group only the program worth most to the family.
 */
function moneyColumns(summaries) {
  const keyOf = (p) => `${p.pack}/${p.program}`;
  const programs = new Map();
  for (const summary of summaries) {
    for (const p of toApplyFor(summary)) if (familyYearly(p) != null && !programs.has(keyOf(p))) programs.set(keyOf(p), p);
  }
  const columns = [...programs.values()];
  return {
    header: [...columns.map((p) => say('csvFamilyMoney', { program: pick(p.name) })), say('csvFamilyTotal')],
    cells(summary) {
      if (!summary) return [...columns.map(() => ''), ''];
      const mine = toApplyFor(summary);
      const perProgram = columns.map((column) => {
        const own = mine.filter((p) => keyOf(p) === keyOf(column)).map(familyYearly).filter((n) => n != null);
        return own.length ? own.reduce((a, b) => a + b, 0) : '';
      });
      return [...perProgram, familyMoney(packsOf(summary)).yearly];
    },
  };
}

/** A summary's programs in the shape of check()'s packs, for familyMoney(). */
function packsOf(summary) {
  const packs = new Map();
  for (const p of summary.programs) {
    if (!packs.has(p.pack)) packs.set(p.pack, { id: p.pack, programs: [] });
    packs.get(p.pack).programs.push({
      status: p.status, kind: p.kind, exclusive_group: p.exclusive_group,
      amount: p.yearly == null && p.paid_to == null ? null : { yearly: p.yearly, paid_to: p.paid_to },
    });
  }
  return [...packs.values()];
}

function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = h('a', { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
