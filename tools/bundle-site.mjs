#!/usr/bin/env node
// Shrinks a staged site in place (tools/build.sh stage_site calls it), so a family's first visit
// downloads as little as possible (issue 11 item 9):
// - the page's entry points are bundled and minified with esbuild; code a family does not need
//   for the first question (results, handover, cadre mode, …) stays in chunks that the page's
//   dynamic import()s fetch only when used
// - every other script (the Emscripten glue, vendor/), stylesheet and JSON file is minified
// - sw.js gets the list of files to keep for offline use (PRECACHE)
// Knows no data file by name: it works on whatever the staging put there.
// Usage: node tools/bundle-site.mjs <staged site folder>
import fs from 'node:fs';
import crypto from 'node:crypto';
import path from 'node:path';
import * as esbuild from 'esbuild';

/**
 * The pages' scripts, relative to the site, one esbuild run per group: each page's first screen
 * is one file plus what it imports at once, not a dozen small chunks shared with pages it never
 * opens (every request costs a round trip on a village connection). The copies of shared code in
 * the widget's bundle only cost the offline copy, fetched in the background.
 */
const GROUPS = [
  ['js/app.js'],                 // index.html
  ['js/engine-worker.js'],       // the engine's worker, started by js/engine.js (page and widget)
  ['widget.js', 'js/embed.js'],  // the portal widget and embed.html
];
/** Not part of what the page runs: left as they are and never precached. */
const SKIPPED = /^(demo\/|.*\.(br|gz|map)$|.*LICENSE)/;
// The source's own syntax level (private fields, ??=): minified, never rewritten for older browsers.
const TARGET = 'es2022';

const site = path.resolve(process.argv[2] || '');
if (!process.argv[2] || !fs.existsSync(path.join(site, 'index.html'))) {
  console.error('usage: node tools/bundle-site.mjs <staged site folder with index.html>');
  process.exit(2);
}

/** Every file under the site, as site-relative paths with forward slashes. */
function filesOf(dir = site) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesOf(full) : [path.relative(site, full).split(path.sep).join('/')];
  });
}

/**
 * embed.js loads the widget (widget.js) as a module of its own: bundling it into embed.js's
 * graph would move the widget's `new URL('./', import.meta.url)` (the site root) into a chunk
 * under js/. The QR encoder stays the file the staging put in vendor/ (loaded when asked for).
 */
const keepSeparate = {
  name: 'keep-separate',
  setup(build) {
    build.onResolve({ filter: /(^|\/)widget\.js$/ }, (args) => (args.kind === 'entry-point' ? undefined : { path: args.path, external: true }));
    build.onResolve({ filter: /\/vendor\// }, (args) => ({ path: args.path, external: true }));
  },
};

/** Bundles one group; returns the site-relative names of what it read and what it wrote. */
async function bundleGroup(entries) {
  const entryPoints = entries.filter((entry) => fs.existsSync(path.join(site, entry)));
  if (entryPoints.length === 0) return { inputs: [], outputs: [] };
  const result = await esbuild.build({
    absWorkingDir: site,
    entryPoints,
    outdir: site,
    outbase: site,
    allowOverwrite: true,
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    target: TARGET,
    // Chunks sit beside the modules they came from, so engine.js's
    // new URL('engine-worker.js', import.meta.url) still names the bundled worker.
    chunkNames: 'js/[name]-[hash]',
    metafile: true,
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [keepSeparate],
  });
  const rel = (file) => path.relative(site, path.resolve(site, file)).split(path.sep).join('/');
  const staticImports = new Map(Object.entries(result.metafile.outputs).map(([file, output]) => [rel(file),
    output.imports.filter((i) => i.kind === 'import-statement' && (!i.external || i.path.startsWith('.')))
      // An external one (embed.js's ../widget.js) is written relative to the importing file.
      .map((i) => (i.external ? rel(path.join(path.dirname(file), i.path)) : rel(i.path)))]));
  return { inputs: Object.keys(result.metafile.inputs).map(rel), outputs: [...staticImports.keys()], staticImports };
}

/** Everything a module imports at once, directly or through its imports. */
function closure(staticImports, file, seen = new Set()) {
  for (const next of staticImports.get(file) || []) {
    if (!seen.has(next)) { seen.add(next); closure(staticImports, next, seen); }
  }
  return seen;
}

/**
 * Each page names the chunks its script imports at once (<link rel="modulepreload">), so the
 * browser asks for them beside the script instead of one round trip after it.
 */
function preloadChunks(staticImports) {
  for (const page of filesOf().filter((file) => file.endsWith('.html') && !SKIPPED.test(file))) {
    const full = path.join(site, page);
    const html = fs.readFileSync(full, 'utf8');
    const withLinks = html.replace(/^([ \t]*)<script type="module" src="([^"]+)"><\/script>\n/m, (tag, indent, src) => {
      const script = path.posix.normalize(path.posix.join(path.posix.dirname(page), src));
      const chunks = [...closure(staticImports, script)].sort();
      return tag + chunks.map((chunk) => `${indent}<link rel="modulepreload" href="${path.posix.relative(path.posix.dirname(page), chunk)}">\n`).join('');
    });
    if (withLinks !== html) fs.writeFileSync(full, withLinks);
  }
}

async function bundleEntries() {
  const inputs = new Set();
  const outputs = new Set();
  const staticImports = new Map();
  // One after another: a group reads sources an earlier group's outputs must not have replaced.
  // Entry files are the only sources that are also outputs, and no group imports another's entry.
  for (const group of GROUPS) {
    const built = await bundleGroup(group);
    built.inputs.forEach((file) => inputs.add(file));
    built.outputs.forEach((file) => outputs.add(file));
    built.staticImports?.forEach((imports, file) => staticImports.set(file, imports));
  }
  preloadChunks(staticImports);
  // Sources now inside a bundle are not served on their own.
  for (const input of inputs) {
    if (!outputs.has(input) && !input.startsWith('..')) fs.rmSync(path.join(site, input), { force: true });
  }
  return outputs;
}

async function minifyRest(bundled) {
  for (const file of filesOf()) {
    if (SKIPPED.test(file) || bundled.has(file) || file === 'sw.js') continue;
    const full = path.join(site, file);
    const ext = path.extname(file);
    if (ext === '.js' || ext === '.mjs' || ext === '.css') {
      // Module syntax is kept as it is (the glue stays an ES module exporting createCarecheck).
      const { code } = await esbuild.transform(fs.readFileSync(full, 'utf8'), {
        loader: ext === '.css' ? 'css' : 'js', minify: true, target: TARGET, legalComments: ext === '.mjs' ? 'inline' : 'none',
      });
      fs.writeFileSync(full, code);
    } else if (ext === '.json' || ext === '.webmanifest') {
      fs.writeFileSync(full, JSON.stringify(JSON.parse(fs.readFileSync(full, 'utf8'))));
    }
  }
}

/** The offline copy: every file the page may use, written into sw.js's PRECACHE. */
function writePrecacheList() {
  const swFile = path.join(site, 'sw.js');
  if (!fs.existsSync(swFile)) return 0;
  const files = filesOf().filter((file) => !SKIPPED.test(file) && file !== 'sw.js').sort();
  // Each with its hash (subresource integrity), so the worker can tell this deploy's copy from
  // an older one left in the browser's HTTP cache.
  const integrity = (file) => `sha256-${crypto.createHash('sha256').update(fs.readFileSync(path.join(site, file))).digest('base64')}`;
  const list = files.map((file) => [file, integrity(file)]);

  const sw = fs.readFileSync(swFile, 'utf8');
  const marker = 'const PRECACHE = [];';
  if (!sw.includes(marker)) throw new Error(`sw.js has no "${marker}" line for the precache list`);
  fs.writeFileSync(swFile, sw.replace(marker, `const PRECACHE = ${JSON.stringify(list)};`));
  return list.length;
}

const bundled = await bundleEntries();
await minifyRest(bundled);
const precached = writePrecacheList();
console.log(`[bundle] ${bundled.size} bundled scripts, ${precached} files for the offline copy`);
