// The engine in its own thread, so the page never freezes while the rules load or a
// household is evaluated on a slow phone. Messages: {id, method, args} → {id, result|error};
// 'start' loads the catalogue, 'use' the packs named, the others evaluate.
import { engineChannel } from './engine-core.js';

const handle = engineChannel();

self.addEventListener('message', async ({ data }) => {
  const { id, method, args } = data;
  try {
    self.postMessage({ id, result: method === 'ping' ? 'pong' : await handle(method, args) });
  } catch (error) {
    self.postMessage({ id, error: String(error?.message ?? error) });
  }
});
