// The engine in its own thread, so the page never freezes while the rules load or a
// household is evaluated on a slow phone. Messages: {id, method, args} → {id, result|error};
// 'start' loads the catalogue, 'use' the packs named, the others evaluate.
import { loadEngineCore } from './engine-core.js';

let core = null;

self.addEventListener('message', async ({ data }) => {
  const { id, method, args } = data;
  try {
    if (method === 'ping') {
      self.postMessage({ id, result: 'pong' });
    } else if (method === 'start') {
      core = await loadEngineCore(args.base);
      self.postMessage({ id, result: { index: core.index, described: core.describe() } });
    } else if (method === 'use') {
      self.postMessage({ id, result: await core.use(args.names) });
    } else {
      self.postMessage({ id, result: await core.call(method, args.household, args.today) });
    }
  } catch (error) {
    self.postMessage({ id, error: String(error?.message ?? error) });
  }
});
