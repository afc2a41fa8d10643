// embed.html: the portal widget alone, for portals that would rather use an iframe.
// URL parameters are the element's attributes: region, lang, and emit-result=<the portal's
// origin>. Only when the portal names its origin is each result summary posted to the parent
// frame, as {type: 'carecheck-result', summary}, and only to that origin (never '*'): the
// browser drops the message when the parent is anything else.
import { EVENT } from '../widget.js';

/** The message telling the portal the calculator's height (with the resize parameter). */
export const HEIGHT = 'carecheck-height';

/**
 * The origin a portal named, or null for anything that is not a plain http(s) origin.
 * @param {string|null} value  e.g. "https://portal.example"
 * @returns {string|null}
 */
export function namedOrigin(value) {
  if (!value) return null;
  try {
    const url = new URL(value);
    if (!['https:', 'http:'].includes(url.protocol) || url.origin !== value.replace(/\/$/, '')) return null;
    return url.origin;
  } catch {
    return null;
  }
}

const params = new URLSearchParams(location.search);
// Made here, attributes first, so the widget starts with them (it reads them when it connects).
const widget = document.createElement('carecheck-calculator');
const lang = params.get('lang') === 'en' ? 'en' : 'zh';
document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
widget.setAttribute('lang', lang);
if (/^\d{6}$/.test(params.get('region') || '')) widget.setAttribute('region', params.get('region'));

// Theme: the element's --carecheck-* properties, which a portal cannot set across the frame.
// Colours as hex (with or without '#'), the text size in px; anything else is ignored.
const THEME = { brand: 'colour', 'brand-ink': 'colour', ink: 'colour', paper: 'colour', muted: 'colour', focus: 'colour', 'font-size': 'px' };
for (const [name, kind] of Object.entries(THEME)) {
  const value = params.get(name) || '';
  if (kind === 'colour' && /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.test(value)) {
    widget.style.setProperty(`--carecheck-${name}`, `#${value.replace(/^#/, '')}`);
  } else if (kind === 'px' && /^\d{2}(px)?$/.test(value) && Number.parseInt(value, 10) >= 18) {
    widget.style.setProperty(`--carecheck-${name}`, `${Number.parseInt(value, 10)}px`);
  }
}

const target = namedOrigin(params.get('emit-result'));
if (target && window.parent !== window) {
  widget.setAttribute('emit-result', '');
  widget.addEventListener(EVENT, (event) => {
    window.parent.postMessage({ type: EVENT, summary: event.detail }, target);
  });
}
const main = document.getElementById('main');
main.append(widget);

// resize=<the portal's origin>: the calculator's height, {type: 'carecheck-height', height} in
// CSS px, each time it changes, posted to that origin only (never '*'), so the portal can size
// the frame to it and the family never scrolls inside a scroll.
const resizeTo = namedOrigin(params.get('resize'));
if (resizeTo && window.parent !== window && typeof ResizeObserver === 'function') {
  let last = 0;
  new ResizeObserver(() => {
    const height = Math.ceil(main.getBoundingClientRect().height);
    if (height === last || height === 0) return;
    last = height;
    window.parent.postMessage({ type: HEIGHT, height }, resizeTo);
  }).observe(main);
}
