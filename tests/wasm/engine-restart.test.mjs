// The module is built without C++ exceptions, so a failure inside it (memory exhausted, or a bug)
// is a trap that leaves the instance unusable. The page's engine (web/js/engine-core.js) then
// starts a new instance with the same rules: the call that trapped says so, the next one answers
// as before. The trap is simulated (no input reaches one; the fuzz targets look for them).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { ROOT, wasmDir } from './carecheck-module.mjs';
import { loadEngineCore } from '../../web/js/engine-core.js';
import { indexEntry } from '../../tools/rule-index.mjs';
import { startServer } from '../../tools/serve.mjs';

let site;
let server;
before(async () => {
  // The rule files as the site serves them, with their index.
  site = fs.mkdtempSync(path.join(os.tmpdir(), 'carecheck-restart-'));
  fs.mkdirSync(path.join(site, 'rules'));
  const names = ['facts.json', ...fs.readdirSync(path.join(ROOT, 'rules')).filter((f) => f.endsWith('.pack.json')).sort()];
  for (const name of names) fs.copyFileSync(path.join(ROOT, 'rules', name), path.join(site, 'rules', name));
  const files = names.map((name) => indexEntry(`rules/${name}`, fs.readFileSync(path.join(site, 'rules', name), 'utf8')));
  fs.writeFileSync(path.join(site, 'rules/index.json'), JSON.stringify({ format: 'carecheck-index/2', files }));
  server = await startServer({ port: 0, root: site });
});
after(async () => {
  await server?.closeAll();
  fs.rmSync(site, { recursive: true, force: true });
});

/** The real glue, whose first instance traps on a household marked "trap". */
function trappingGlue(instances) {
  return async () => {
    const dir = wasmDir();
    globalThis.__dirname ??= dir;
    globalThis.require ??= createRequire(import.meta.url);
    const { default: create } = await import(pathToFileURL(path.join(dir, 'carecheck.js')).href);
    const wasmBinary = fs.readFileSync(path.join(dir, 'carecheck.wasm'));
    return {
      default: async () => {
        const module = await create({ wasmBinary });
        const n = instances.push(module);
        function Carecheck() {
          const real = new module.Carecheck();
          let trapped = false;
          const guard = (call) => (household, ...rest) => {
            if (trapped || (n === 1 && household.includes('"trap"'))) {
              trapped = true; // as after a real trap: every later call fails too
              throw new WebAssembly.RuntimeError('unreachable');
            }
            return call(household, ...rest);
          };
          return {
            load: (files) => real.load(files), describe: () => real.describe(),
            check: guard((h, t) => real.check(h, t)), questions: guard((h, t) => real.questions(h, t)),
            screen: guard((h, t) => real.screen(h, t)), validateHousehold: guard((h) => real.validateHousehold(h)),
          };
        }
        return { Carecheck };
      },
    };
  };
}

test('after a trap inside the module, the engine restarts with the same rules and answers as before', async () => {
  const instances = [];
  const core = await loadEngineCore(server.url, { loadGlue: trappingGlue(instances) });
  await core.use(['000-zhangjiakou.pack.json']);
  const household = JSON.stringify({ facts: { hukou_region: '130722' }, members: [{ id: 'p1', roles: ['elder'], facts: { age: 68 } }] });
  const before = await core.call('check', household, '2026-11-23');
  assert.equal(JSON.parse(before).ok, true);

  const trapped = JSON.parse(await core.call('check', household.replace('"p1"', '"trap"'), '2026-11-23'));
  assert.deepEqual([trapped.ok, trapped.error.code], [false, 'internal'], 'the call that trapped is an error envelope, not a throw');

  const afterTrap = await core.call('check', household, '2026-11-23');
  assert.equal(afterTrap, before, 'the next call answers exactly as before the trap');
  assert.equal(instances.length, 2, 'a new instance took the place of the one that trapped');
  assert.equal(JSON.parse(await core.call('questions', household, '2026-11-23')).ok, true);
});
