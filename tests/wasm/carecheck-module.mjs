// Loads the one wasm build (the page's) into Node, and the rule files the way the CLI reads them.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = process.env.CARECHECK_ROOT || path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Folder holding carecheck.js + carecheck.wasm: $CARECHECK_WASM_DIR, build/wasm/wasm or build/site. */
export function wasmDir() {
  const candidates = [process.env.CARECHECK_WASM_DIR, path.join(ROOT, 'build/wasm/wasm'), path.join(ROOT, 'build/site')];
  const found = candidates.find((dir) => dir && fs.existsSync(path.join(dir, 'carecheck.wasm')));
  if (!found) throw new Error(`no carecheck.wasm in ${candidates.filter(Boolean).join(', ')} (run tools/build.sh wasm)`);
  return found;
}

/**
 * Instantiates the module and returns a new Carecheck object.
 * Emscripten 3.1.6's ES6 output still reads `__dirname`/`require` in Node, which ES modules
 * lack; they are provided here, and the bytes passed directly (toolchain.md trap 4).
 */
export async function newCarecheck() {
  return (await newCarecheckModule()).carecheck;
}

/** The same, with the module itself (its memory, for tests that watch the heap). */
export async function newCarecheckModule() {
  const dir = wasmDir();
  globalThis.__dirname ??= dir;
  globalThis.require ??= createRequire(import.meta.url);
  const { default: createCarecheck } = await import(pathToFileURL(path.join(dir, 'carecheck.js')).href);
  const module = await createCarecheck({ wasmBinary: fs.readFileSync(path.join(dir, 'carecheck.wasm')) });
  return { module, carecheck: new module.Carecheck() };
}

/** Every rule file the engine loads (all rules/*.json except cases), named as the CLI names them. */
export function ruleFiles() {
  return fs.readdirSync(path.join(ROOT, 'rules'))
    .filter((name) => name.endsWith('.json') && !name.endsWith('.cases.json') && name !== 'index.json')
    .sort()
    .map((name) => ({ name: `rules/${name}`, text: fs.readFileSync(path.join(ROOT, 'rules', name), 'utf8') }));
}

/** Every case file: [{file, pack, cases}]. */
export function caseFiles() {
  return fs.readdirSync(path.join(ROOT, 'rules'))
    .filter((name) => name.endsWith('.cases.json'))
    .sort()
    .map((name) => ({ file: name, ...JSON.parse(fs.readFileSync(path.join(ROOT, 'rules', name), 'utf8')) }));
}

/** The native CLI: $CARECHECK_CLI or build/native/cli/carecheck; null when not built. */
export function cliPath() {
  const candidate = process.env.CARECHECK_CLI || path.join(ROOT, 'build/native/cli/carecheck');
  return fs.existsSync(candidate) ? candidate : null;
}

/** Today as YYYY-MM-DD in local time, as the CLI and the page compute it. */
export { today } from '../../web/js/engine.js';
