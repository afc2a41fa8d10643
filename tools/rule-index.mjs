// Writes rules/index.json for the staged site: the rule files the page loads, catalogue first,
// and for each pack the places its metadata says it is about (meta.jurisdiction: its code and
// its pilots' codes, with the jurisdiction's name), so the page can fetch only the packs that
// can apply to a family's county and name the covered places without loading every pack.
// Usage: node tools/rule-index.mjs rules/facts.json rules/000-….pack.json … > build/site/rules/index.json
import fs from 'node:fs';

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { within } from '../web/js/engine-core.js';

/** Every code an `in_region` test of the pack names, with the JSON pointer where it stands. */
function regionTests(value, pointer = '', found = []) {
  if (Array.isArray(value)) {
    value.forEach((item, i) => regionTests(item, `${pointer}/${i}`, found));
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const at = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (key === 'in_region' && Array.isArray(item)) item.forEach((code, i) => found.push({ code: String(code), at: `${at}/${i}` }));
      else regionTests(item, at, found);
    }
  }
  return found;
}

/**
 * One index entry: {name} for the catalogue, {name, regions, place} for a pack.
 * @throws {Error} naming the file and pointer when a pack tests a place outside the places its
 *   metadata lists: the page would not load that pack for a family there before its first question
 */
export function indexEntry(name, text) {
  const pack = JSON.parse(text);
  const jurisdiction = pack.meta?.jurisdiction;
  if (!jurisdiction) return { name };
  const regions = [jurisdiction.code, ...(jurisdiction.pilots || []).map((pilot) => pilot.code)].filter(Boolean);
  for (const { code, at } of regionTests(pack)) {
    if (!within(code, regions)) {
      throw new Error(`${name}#${at}: in_region "${code}" is outside the pack's places (${regions.join(', ')}) `
        + 'in meta.jurisdiction; list it there as a pilot, or the page will not load this pack for families there');
    }
  }
  return { name, regions, place: jurisdiction.name };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const files = process.argv.slice(2);
  try {
    const index = { format: 'carecheck-index/2', files: files.map((name) => indexEntry(name, fs.readFileSync(name, 'utf8'))) };
    process.stdout.write(`${JSON.stringify(index, null, 2)}\n`);
  } catch (error) {
    console.error(`rule-index: ${error.message}`);
    process.exit(1);
  }
}
