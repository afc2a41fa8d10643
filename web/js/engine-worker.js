// The engine in its own thread, so the page never freezes while the rules load or a
// household is evaluated on a slow phone. Messages: {id, method, args} → {id, result|error}.
import { loadEngineCore } from './engine-core.js';

let core = null;

self.addEventListener('message', async ({ data }) => {
  const { id, method, args } = data;
  try {
    if (method === 'ping') {
      self.postMessage({ id, result: 'pong' });
    } else if (method === 'start') {
      core = await loadEngineCore(args.base);
      self.postMessage({ id, result: core.describe() });
    } else {
      self.postMessage({ id, result: core.call(method, args.household, args.today) });
    }
  } catch (error) {
    self.postMessage({ id, error: String(error?.message ?? error) });
  }
});
