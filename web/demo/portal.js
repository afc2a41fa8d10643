// The pretend portal listens for the widget's opt-in event and offers to apply for what it found.
import { showApplyPanel } from './apply-panel.js';

const widget = document.querySelector('carecheck-calculator');
widget.addEventListener('carecheck-result', (event) => {
  showApplyPanel(event.detail);
});
