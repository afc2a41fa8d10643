// Writes rules/index.json for the staged site: the rule files the page loads, catalogue first,
// and for each pack the places its metadata says it is about (meta.jurisdiction: its code and
// its pilots' codes, with the jurisdiction's name), so the page can fetch only the packs that
// can apply to a family's county and name the covered places without loading every pack.
// Usage: node tools/rule-index.mjs rules/facts.json rules/000-….pack.json … > build/site/rules/index.json
import fs from 'node:fs';

/** One index entry: {name} for the catalogue, {name, regions, place} for a pack. */
export function indexEntry(name, text) {
  const jurisdiction = JSON.parse(text).meta?.jurisdiction;
  if (!jurisdiction) return { name };
  return {
    name,
    regions: [jurisdiction.code, ...(jurisdiction.pilots || []).map((pilot) => pilot.code)].filter(Boolean),
    place: jurisdiction.name,
  };
}

const files = process.argv.slice(2);
const index = { format: 'carecheck-index/2', files: files.map((name) => indexEntry(name, fs.readFileSync(name, 'utf8'))) };
process.stdout.write(`${JSON.stringify(index, null, 2)}\n`);
