// The iframe variant: the portal names its own origin in emit-result (the summaries) and resize
// (the calculator's height, so the frame grows with it: no scroll inside a scroll), and accepts
// messages only from the calculator's origin and only from its own frame.
import { showApplyPanel } from './apply-panel.js';

const frame = document.getElementById('carecheck-frame');
// Where the calculator's site is: data-site on the frame (a real portal writes https://SITE/),
// else beside this demo.
const site = new URL(frame.dataset.site || '../', import.meta.url);
const embed = new URL('embed.html', site);
embed.search = new URLSearchParams({
  region: frame.dataset.region || '130722', lang: 'zh', 'emit-result': location.origin, resize: location.origin, brand: '00695c',
}).toString();
frame.src = embed.href;

window.addEventListener('message', (event) => {
  if (event.origin !== embed.origin || event.source !== frame.contentWindow) return;
  if (event.data?.type === 'carecheck-height' && Number.isFinite(event.data.height)) {
    // Through the CSS object model: the portal's CSP allows no inline style attributes.
    const borders = frame.offsetHeight - frame.clientHeight; // the frame's own border, outside the page
    frame.style.height = `${Math.max(320, Math.min(20000, Math.ceil(event.data.height))) + borders}px`;
    return;
  }
  if (event.data?.type !== 'carecheck-result') return;
  showApplyPanel(event.data.summary);
});
