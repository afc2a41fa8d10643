// 读给我听: the sentences the page reads aloud, built in this one place from the words of
// i18n.js ("Issue 12" block) and the rule files. Read as a person says them: "1500 元" (no
// thousands comma in Chinese), "不少于" for a floor, no brackets, no clause codes (§二, 第3项),
// no marks (✓ → ≈). Pure functions: no speech here (read-aloud.js speaks).
import { lang, pick, say } from './i18n.js';

const CJK = '\\u3400-\\u9fff\\uff00-\\uffef\\u3000-\\u303f';

/**
 * A text as it is said: brackets become pauses, clause codes and marks go, signs become words.
 * @param {string} text
 * @returns {string}
 * @example spokenText('每户每年 1,500 元（§三(一)1）') // '每户每年1500元'
 */
export function spokenText(text) {
  const zh = lang() !== 'en';
  let t = String(text ?? '');
  // Clause codes, with or without the brackets around them: §二(二)5, 第12项, 附件第3项, Section 3(1).
  t = t.replace(/[（(]\s*(?:§|第|附件|Section|Article|Annex|item)[^（）()]*[）)]/g, '')
    .replace(/(?:附件\s*)?第[一二三四五六七八九十百\d]+[条款项点]/g, '')
    .replace(/§[一二三四五六七八九十\d]+(?:[（(][一二三四五六七八九十\d]+[）)])*(?:\s*\d+(?:\s*[–、,]\s*\d+)*)?/g, '');
  t = t.replace(/≥\s*/g, zh ? '不少于' : 'at least ').replace(/≤\s*/g, zh ? '不超过' : 'at most ')
    .replace(/[✓✔☐≈→←·•]/g, ' ');
  // In English, a Chinese aside (the Chinese name in brackets) is not said by an English voice.
  if (!zh) t = t.replace(new RegExp(`\\s*[（(][${CJK}\\s]+[）)]`, 'g'), '');
  // Units as said: "1500元/户/年" → "每户每年1500元"; "20 yuan/month" → "20 yuan per month".
  t = t.replace(/(\d[\d.,]*\s*元)((?:\s*\/\s*[户人天日月年])+)/g, (_, sum, per) => `${per.replace(/[\s/]/g, '').replace(/日/g, '天').replace(/./g, '每$&')}${sum}`)
    .replace(/\byuan\s*\/\s*(household|person|day|month|year)/g, 'yuan per $1');
  // Brackets left are asides: said after a pause; a slash is "or".
  t = t.replace(/\s*[（(]\s*/g, zh ? '，' : ', ').replace(/\s*[）)]/g, zh ? '，' : ', ')
    .replace(/\s*\/\s*/g, zh ? '或' : ' or ')
    .replace(/[【】「」『』《》“”"‘’[\]]/g, '').replace(/(?<![A-Za-z])'|'(?![A-Za-z])/g, '');
  if (zh) {
    t = t.replace(/(\d),(?=\d{3})/g, '$1') // 1,500 → 1500
      .replace(/(\d)\s*[–—~～]\s*(?=\d)/g, '$1到') // 80–89 → 80到89
      .replace(new RegExp(`\\s+(?=[${CJK}\\d])|(?<=[${CJK}\\d])\\s+`, 'g'), '')
      .replace(/[，、]+([。？！；：])/g, '$1').replace(/([。？！；：])[，、]+/g, '$1')
      .replace(/[，、]{2,}/g, '，').replace(/^[，、]+|[，、：]+$/g, '');
  } else {
    t = t.replace(/\s*,\s*([.?!;:])/g, '$1').replace(/([.?!;:])\s*,/g, '$1').replace(/(,\s*){2,}/g, ', ')
      .replace(/\s{2,}/g, ' ').replace(/^[\s,]+|[\s,:]+$/g, '');
  }
  return t.trim();
}

/** A sentence ends with its stop ("。" / "."), once. */
function sentence(text) {
  const t = spokenText(text);
  if (!t) return '';
  return /[。？！.?!]$/.test(t) ? t : `${t}${lang() === 'en' ? '.' : '。'}`;
}

const join = (items) => items.map(spokenText).filter(Boolean).join(lang() === 'en' ? ', ' : '，');
/** Answer options: a longer pause between two options than inside one ("低保户，领低保；五保"). */
const options = (items) => items.map(spokenText).filter(Boolean).join(lang() === 'en' ? '; ' : '；');

/**
 * The question, then its answer options, as sentences.
 * @param {Object} question  an entry of questions()
 * @param {string} who  whom it asks about ('' for the whole family)
 * @returns {string[]}
 */
export function questionSentences(question, who) {
  const answers = {
    bool: () => say('speakChoose', { options: options([say('yes'), say('no'), say('notSure')]) }),
    one_of: () => say('speakChoose', { options: options([...(question.options || []).map((o) => pick(o.name)), say('notSure')]) }),
    many_of: () => say('speakChooseMany', { options: options((question.options || []).map((o) => pick(o.name))), none: say('none'), notSure: say('notSure') }),
    number: () => say(pick(question.unit) ? 'speakNumberUnit' : 'speakNumber', { unit: pick(question.unit), notSure: say('notSure') }),
    date: () => say('speakDate', { notSure: say('notSure') }),
    region: () => say('speakRegion', { notSure: say('notSure') }),
  }[question.type];
  return [
    who ? say('speakWho', { who }) : say('speakFamily'),
    pick(question.question),
    question.help && pick(question.help),
    answers?.(),
  ].map(sentence).filter(Boolean);
}

/**
 * The results headline, the money, then each decision (eligible, up to a local body, still open):
 * its name, its status and, for one program, what it is worth, who is paid and where to go.
 * @param {Object} parts
 * @param {string} parts.headline  the headline's words
 * @param {string} [parts.money]   the money line's words
 * @param {string[]} [parts.counts]
 * @param {import('./result-summary.js').Decision[]} parts.decisions
 * @param {(amount: Object) => string} parts.amountWords  figure and payee of an amount, in words
 * @returns {string[]}
 */
export function resultSentences({ headline, money, counts = [], decisions, amountWords }) {
  const out = [headline, money, ...counts];
  for (const decision of decisions) {
    if (decision.group) {
      out.push(say('speakGroup', { name: pick(decision.group.name), status: say(`groupStatus_${decision.status}`) }));
      for (const program of decision.programs) {
        out.push(program.amount ? say('speakOption', { name: spokenText(pick(program.name)), amount: amountWords(program.amount) }) : pick(program.name));
      }
      const where = [...new Set(decision.programs.map((p) => pick(p.apply?.where)).filter(Boolean))];
      if (where.length === 1) out.push(say('speakWhere', { where: where[0] }));
    } else {
      const [program] = decision.programs;
      out.push(say('speakProgram', { name: pick(program.name), status: pick(program.status_text) }));
      if (program.amount) out.push(amountWords(program.amount));
      const where = pick(program.apply?.where);
      if (where && program.status !== 'needs_answers') out.push(say('speakWhere', { where }));
    }
  }
  return out.map(sentence).filter(Boolean);
}
