// A household's result in brief: what it may get, how many questions are still open, which
// papers it needs and which of those it has not got yet. The cadre roster, its CSV export and
// the portal widget's event all use this one shape.

/** Statuses worth applying for: the family should go and ask. */
export const WORTH_APPLYING = new Set(['eligible', 'depends_on_local_decision']);

/**
 * @typedef {Object} ProgramBrief
 * @property {string} pack      pack id
 * @property {string} program   program id
 * @property {string} [member]  member id for per-person programs
 * @property {string} status    eligible | depends_on_local_decision | needs_answers
 * @property {string} kind
 * @property {{zh: string, en: string}} name
 * @property {{zh: string, en: string}|null} amount  the engine's words for the amount
 * @property {number|null} yearly
 * @property {{zh: string, en: string}|null} where   where to apply
 *
 * @typedef {Object} Summary
 * @property {string} format        "carecheck-summary/1"
 * @property {string} as_of
 * @property {string} region
 * @property {ProgramBrief[]} programs  every program not ruled out, worth applying first
 * @property {number} open_questions   questions still worth asking
 * @property {Array<{zh: string, en: string}>} papers  papers to bring for the programs worth applying for
 * @property {Array<{zh: string, en: string}>} missing_papers  those not ticked as ready
 */

/**
 * @param {Object} result  check() output (ok)
 * @param {Object} open    questions() output
 * @param {import('./state.js').State} state  for the region and the papers ticked as ready
 * @returns {Summary}
 */
export function summarise(result, open, state) {
  const programs = [];
  for (const pack of result.packs || []) {
    for (const program of pack.programs) {
      if (program.status === 'not_eligible' || program.kind === 'provider_subsidy') continue;
      programs.push({
        pack: pack.id,
        program: program.id,
        ...(program.member ? { member: program.member } : {}),
        status: program.status,
        kind: program.kind,
        name: program.name,
        amount: program.amount?.text ?? null,
        yearly: program.amount?.yearly ?? null,
        where: program.apply?.where ?? null,
        documents: program.apply?.documents ?? [],
      });
    }
  }
  const worth = programs.filter((p) => WORTH_APPLYING.has(p.status));
  programs.sort((a, b) => Number(WORTH_APPLYING.has(b.status)) - Number(WORTH_APPLYING.has(a.status)));
  const papers = uniqueTexts(worth.flatMap((p) => p.documents));
  const ready = state.papers || {};
  return {
    format: 'carecheck-summary/1',
    as_of: result.as_of,
    region: state.region,
    programs: programs.map(({ documents, ...brief }) => brief),
    open_questions: open?.ok ? (open.remaining ?? open.questions.length) : 0,
    papers,
    missing_papers: papers.filter((paper) => !ready[paperKey(paper)]),
  };
}

/**
 * The key a paper is ticked under in state.papers: its Chinese words, which stay the same when
 * the page's language changes.
 * @param {{zh: string, en: string}} paper
 * @returns {string}
 */
export function paperKey(paper) {
  return paper.zh || paper.en || '';
}

function uniqueTexts(texts) {
  const seen = new Map();
  for (const text of texts) if (!seen.has(paperKey(text))) seen.set(paperKey(text), text);
  return [...seen.values()];
}
