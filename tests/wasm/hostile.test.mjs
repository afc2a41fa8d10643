// Hostile input cannot poison the wasm engine: every call returns an envelope (never a throw
// into JavaScript), memory stays flat over thousands of calls, and good households keep getting
// the same answers throughout (issue 13).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newCarecheckModule, ruleFiles } from './carecheck-module.mjs';

const { module, carecheck } = await newCarecheckModule();
assert.equal(JSON.parse(carecheck.load(JSON.stringify(ruleFiles()))).ok, true);

const good = JSON.stringify({
  as_of: '2026-11-23',
  facts: { hukou_region: '431225', household_support: [] },
  members: [{ id: 'gran', roles: ['elder'], facts: { age: 85, person_hukou_region: '431225' } }],
});
const hostile = [
  `{"as_of":"2026-11-23","facts":{"economic_hardship":${'['.repeat(100000)}${']'.repeat(100000)}},"members":[]}`,
  `{"as_of":"2026-11-23","facts":{"hukou_region":"431225","hukou_region":"130702"},"members":[]}`,
  `{"as_of":"2026-11-23","facts":{},"members":[{"id":"${'x'.repeat(200000)}","roles":[],"facts":{}}]}`,
  `{"as_of":"2026-11-23","facts":{"hukou_region":"${'4'.repeat(3000000)}"},"members":[]}`,
  `{"as_of":"2026-11-23","facts":{"age":1e400}}`,
  '\u0000\u0001not json',
];
const codes = ['too_deep', 'duplicate_key', 'too_long', 'too_large', 'json_syntax', 'json_syntax'];

function call(text) {
  let out;
  assert.doesNotThrow(() => { out = carecheck.check(text, ''); });
  return JSON.parse(out);
}

test('each hostile household is an error envelope with its own code', () => {
  hostile.forEach((text, i) => {
    const result = call(text);
    assert.equal(result.ok, false);
    assert.equal(result.error.code, codes[i], `input ${i}: ${result.error.message}`);
    assert.ok(result.error.message.length < 300, 'messages quote only the start of what was sent');
  });
});

test('10 000 calls mixing hostile and good households keep memory flat and answers right', () => {
  const expected = carecheck.check(good, '');
  assert.equal(JSON.parse(expected).ok, true);
  let heapAfterWarmUp = 0;
  for (let i = 0; i < 10000; i++) {
    if (i % 10 === 0) {
      assert.equal(carecheck.check(good, ''), expected, `call ${i}: a good household's answer changed`);
    } else {
      assert.equal(call(hostile[i % hostile.length]).ok, false);
    }
    if (i === 999) heapAfterWarmUp = module.HEAP8.buffer.byteLength;
  }
  const grown = module.HEAP8.buffer.byteLength - heapAfterWarmUp;
  assert.ok(grown <= 1 << 20, `the heap grew by ${grown} bytes between call 1 000 and call 10 000`);
  assert.equal(carecheck.check(good, ''), expected);
});
