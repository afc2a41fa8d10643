// The iframe variant: the portal names its own origin in emit-result, and accepts messages only
// from the calculator's origin and only from its own frame.
import { showApplyPanel } from './apply-panel.js';

const frame = document.getElementById('carecheck-frame');
const embed = new URL('../embed.html', import.meta.url); // a real portal writes https://SITE/embed.html
embed.search = new URLSearchParams({
  region: '130722', lang: 'zh', 'emit-result': location.origin, brand: '00695c',
}).toString();
frame.src = embed.href;

window.addEventListener('message', (event) => {
  if (event.origin !== embed.origin || event.source !== frame.contentWindow) return;
  if (event.data?.type !== 'carecheck-result') return;
  showApplyPanel(event.data.summary);
});
