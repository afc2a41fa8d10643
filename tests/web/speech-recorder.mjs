// A phone whose speechSynthesis is a recorder: the tests hear exactly the sentences the phone
// would say (tests/web/read-aloud.test.mjs, offline-elder.test.mjs).
import { openPhone } from './browser.mjs';

/** A Cantonese, a Mandarin and an English voice, as on a typical phone. */
export const VOICES = [
  { name: 'Sin-ji', lang: 'zh-HK', localService: true, default: false, voiceURI: 'Sin-ji' }, // Cantonese: never for 普通话
  { name: 'Tingting', lang: 'zh-CN', localService: true, default: false, voiceURI: 'Tingting' },
  { name: 'Samantha', lang: 'en-US', localService: true, default: true, voiceURI: 'Samantha' },
];

/** A phone whose speechSynthesis records what it is asked to say (null: the browser has none). */
export async function phoneWithVoices(browser, voices) {
  const phone = await openPhone(browser);
  await phone.context.addInitScript((list) => {
    window.__spoken = [];
    if (list === null) {
      delete window.speechSynthesis;
      delete window.SpeechSynthesisUtterance;
      Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true });
      Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: undefined, configurable: true });
      return;
    }
    class Utterance {
      constructor(text) { this.text = text; this.lang = ''; this.voice = null; }
    }
    const synth = {
      speaking: false,
      getVoices: () => list,
      speak(u) { window.__spoken.push({ text: u.text, lang: u.lang, voice: u.voice?.name ?? null }); },
      cancel() { window.__spoken.push({ cancel: true }); },
      addEventListener() {},
      removeEventListener() {},
    };
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
  }, voices);
  return phone;
}

export const spoken = (page) => page.evaluate(() => window.__spoken.filter((s) => !s.cancel));
