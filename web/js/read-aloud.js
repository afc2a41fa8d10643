// 读给我听: a button that reads sentences aloud with the phone's own voice (Web Speech API,
// speechSynthesis): nothing is sent anywhere. Where the browser cannot speak, or has no voice
// for the page's language, the button says so beside itself instead of failing silently.
import { h } from './dom.js';
import { lang, say } from './i18n.js';

/** The voice for the page's language: Mandarin for Chinese (never Cantonese), any English. */
function voiceFor(voices, language) {
  const tag = (v) => String(v.lang || '').replace('_', '-').toLowerCase();
  if (language === 'en') {
    return voices.find((v) => tag(v) === 'en-us') || voices.find((v) => tag(v).startsWith('en')) || null;
  }
  return voices.find((v) => tag(v) === 'zh-cn') || voices.find((v) => /^(cmn|zh-hans|zh$|zh-sg|zh-tw)/.test(tag(v))) || null;
}

/** The voices, once the browser has listed them (Chrome lists them a moment after load). */
function voices(synth) {
  const now = synth.getVoices?.() || [];
  if (now.length > 0 || typeof synth.addEventListener !== 'function') return Promise.resolve(now);
  return new Promise((resolve) => {
    const done = () => resolve(synth.getVoices?.() || []);
    synth.addEventListener('voiceschanged', done, { once: true });
    setTimeout(done, 1500); // a browser with no voices at all never says so
  });
}

/**
 * A "读给我听" button and the line beside it where it says when it cannot read.
 * @param {() => string[]} sentences  what to read, built when pressed (js/spoken.js)
 * @returns {HTMLElement}
 */
export function readAloudButton(sentences) {
  const note = h('p', { class: 'read-aloud__note', role: 'status' });
  let reading = false;
  const label = h('span', {}, say('readAloud'));
  const button = h('button', {
    type: 'button', class: 'button button--secondary read-aloud__button',
    async onClick() {
      const synth = window.speechSynthesis;
      const Utterance = window.SpeechSynthesisUtterance;
      note.textContent = '';
      if (!synth || !Utterance) { note.textContent = say('readAloudNoSpeech'); return; }
      if (reading) { synth.cancel(); stopped(); return; }
      const language = lang();
      const voice = voiceFor(await voices(synth), language);
      if (!voice) { note.textContent = say('readAloudNoVoice'); return; }
      synth.cancel();
      const lines = sentences();
      reading = true;
      label.textContent = say('readAloudStop');
      lines.forEach((text, i) => {
        const u = new Utterance(text);
        u.lang = language === 'en' ? 'en-US' : 'zh-CN';
        u.voice = voice;
        u.rate = language === 'en' ? 0.9 : 0.85; // a little slower than the default
        if (i === lines.length - 1) { u.onend = stopped; u.onerror = stopped; }
        synth.speak(u);
      });
    },
  }, speakerIcon(), label);
  function stopped() {
    reading = false;
    label.textContent = say('readAloud');
  }
  return h('div', { class: 'read-aloud no-print' }, button, note);
}

/** A small speaker drawn as SVG (no emoji font needed, no inline style under the CSP). */
function speakerIcon() {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('class', 'read-aloud__icon');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', 'M3 9v6h4l5 4V5L7 9H3zm13.5 3a4.5 4.5 0 0 0-2.5-4v8a4.5 4.5 0 0 0 2.5-4zM14 3.2v2.1a7 7 0 0 1 0 13.4v2.1a9 9 0 0 0 0-17.6z');
  path.setAttribute('fill', 'currentColor');
  svg.append(path);
  return svg;
}
