// 长辈版 (elder mode): one switch on the first screen, remembered on this phone. It only sets a
// class on <html>; css/app.css ("Issue 12, 长辈版") does the rest: text at least 24px (questions and
// the results headline 31px), line spacing 1.6, targets at least 60×60px, no motion.

const KEY = 'carecheck.elder';

/** @returns {boolean} whether elder mode was chosen on this phone */
export function elderChosen() {
  try { return localStorage.getItem(KEY) === '1'; } catch { return false; }
}

/**
 * Wires the switch (a toggle button with aria-pressed) and applies the remembered choice.
 * @param {HTMLButtonElement|null} button
 * @param {(on: boolean) => void} [onChange]  after a press (the page redraws the step)
 */
export function mountElderSwitch(button, onChange = () => {}) {
  apply(elderChosen(), button);
  button?.addEventListener('click', () => {
    const on = button.getAttribute('aria-pressed') !== 'true';
    try { localStorage.setItem(KEY, on ? '1' : '0'); } catch { /* works for this visit */ }
    apply(on, button);
    onChange(on);
  });
}

function apply(on, button) {
  document.documentElement.classList.toggle('elder', on);
  button?.setAttribute('aria-pressed', String(on));
}
