// The family's steps as browser history entries, so the Android (or browser) back button goes
// to the previous question instead of leaving the page. Entries hold only which step and which
// question ({step, fact, member}), never an answer: answers stay in the page's own storage.

const MARK = 'carecheck-step';

/**
 * @param {History} history  window.history
 * @returns {{record: (entry: import('./calculator.js').StepEntry, how: 'push'|'replace'|'none') => void,
 *   onBack: (listener: (entry: import('./calculator.js').StepEntry) => void) => void}}
 */
export function stepHistory(history) {
  const same = (a, b) => a && b && a.step === b.step && (a.fact || '') === (b.fact || '') && (a.member || '') === (b.member || '');
  return {
    record(entry, how) {
      if (how === 'none') return;
      const current = history.state?.[MARK];
      const next = { ...history.state, [MARK]: { step: entry.step, ...(entry.fact ? { fact: entry.fact } : {}), ...(entry.member ? { member: entry.member } : {}) } };
      // The first step of a visit, a redraw and a step that only passes through replace the entry.
      if (how === 'replace' || !current || same(current, entry)) history.replaceState(next, '');
      else history.pushState(next, '');
    },
    onBack(listener) {
      window.addEventListener('popstate', (event) => {
        const entry = event.state?.[MARK];
        if (entry) listener(entry);
      });
    },
  };
}
