// rules/index.json tells the page which packs can apply to a county, so it loads only those
// before the first question (tools/rule-index.mjs). A pack that tests a place its metadata does
// not list would be left out for families there: the build refuses it, naming file and pointer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { indexEntry } from '../../tools/rule-index.mjs';
import { ROOT } from './browser.mjs';

const pack = (inRegion) => JSON.stringify({
  meta: { jurisdiction: { code: '130700', name: { zh: '张家口市' }, pilots: [{ code: '150203' }] } },
  programs: [{ id: 'p', eligible_when: { all: [{ fact: 'hukou_region', in_region: inRegion }] } }],
});

test('every pack of rules/ tests only places its metadata lists', () => {
  for (const file of fs.readdirSync(path.join(ROOT, 'rules')).filter((f) => f.endsWith('.pack.json'))) {
    const entry = indexEntry(`rules/${file}`, fs.readFileSync(path.join(ROOT, 'rules', file), 'utf8'));
    assert.ok(entry.regions.length > 0, `${file} lists its places`);
  }
});

test('a place inside the jurisdiction or a pilot is fine; one outside is refused with its pointer', () => {
  assert.deepEqual(indexEntry('x.pack.json', pack(['130722', '150203'])).regions, ['130700', '150203']);
  assert.throws(() => indexEntry('x.pack.json', pack(['130722', '410922'])),
    /x\.pack\.json#\/programs\/0\/eligible_when\/all\/0\/in_region\/1: in_region "410922" is outside/);
});
