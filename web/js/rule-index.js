// rules/index.json (written by tools/rule-index.mjs): the rule files, and for each pack the
// region codes its metadata says it covers. The page uses it to fetch only the packs that can
// apply to a family's places first; what applies is still the engine's to decide.

/**
 * @typedef {{name: string, regions?: string[], place?: Object}} IndexEntry  a pack has regions
 *   (GB/T 2260 codes) and place (its jurisdiction's name, {zh, en})
 */

/** The prefix a region code covers, as the engine reads `in_region`: "130700" → "1307". */
export function regionPrefix(code) {
  let prefix = String(code);
  while (prefix.length > 2 && prefix.endsWith('00')) prefix = prefix.slice(0, -2);
  return prefix;
}

/** Whether a county code lies within one of `regions`. */
export function within(code, regions) {
  return regions.some((region) => code.startsWith(regionPrefix(region)));
}

/** Files that are no pack (the catalogue): loaded always. */
export const catalogueFiles = (entries) => entries.filter((entry) => !entry.regions);

/** Packs whose regions hold one of `codes`. */
export function packsFor(entries, codes) {
  return entries.filter((entry) => entry.regions && codes.some((code) => within(code, entry.regions)));
}

/** Every pack. */
export const allPacks = (entries) => entries.filter((entry) => entry.regions);

/**
 * The index's entries, whichever shape it has (a list of paths, or {files: [path|entry]}).
 * @returns {IndexEntry[]} names without the leading "rules/"
 */
export function indexEntries(index) {
  return (Array.isArray(index) ? index : index.files || [])
    .map((entry) => (typeof entry === 'string' ? { name: entry } : entry))
    .map((entry) => ({ ...entry, name: entry.name.replace(/^rules\//, '') }));
}
