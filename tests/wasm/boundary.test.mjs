// The JavaScript boundary never throws: bad input comes back as {"ok": false, ...}.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { newCarecheck, ruleFiles } from './carecheck-module.mjs';

let carecheck;
before(async () => {
  carecheck = await newCarecheck();
  carecheck.load(JSON.stringify(ruleFiles()));
});

const parse = (text) => {
  assert.equal(typeof text, 'string');
  return JSON.parse(text);
};

test('a household that is not JSON is an error envelope, not a throw', () => {
  for (const method of ['check', 'questions']) {
    const result = parse(carecheck[method]('{"members": [', '2026-11-23'));
    assert.equal(result.ok, false, method);
    assert.equal(typeof result.error.code, 'string');
    assert.equal(typeof result.error.message, 'string');
  }
  assert.equal(parse(carecheck.validateHousehold('not json')).ok, false);
});

test('an answer of the wrong type is reported with where it is', () => {
  const household = { as_of: '2026-11-23', facts: {}, members: [{ id: 'm', roles: ['elder'], facts: { age: 'sixty-eight' } }] };
  const result = parse(carecheck.validateHousehold(JSON.stringify(household)));
  assert.equal(result.ok, false);
  assert.match(JSON.stringify(result), /\/members\/0\/facts\/age/);
});

test('an age out of range is refused', () => {
  const household = { as_of: '2026-11-23', facts: {}, members: [{ id: 'm', roles: ['elder'], facts: { age: 400 } }] };
  assert.equal(parse(carecheck.check(JSON.stringify(household), '2026-11-23')).ok, false);
});

test('a file list that is not a list of {name, text} is refused and the rules stay loaded', () => {
  for (const bad of ['nonsense', '{}', '[1]', '[{"name": 3, "text": ""}]']) {
    assert.equal(parse(carecheck.load(bad)).ok, false, bad);
  }
  const household = { as_of: '2026-11-23', facts: { hukou_region: '431225' }, members: [{ id: 'm', roles: ['elder'], facts: { age: 85 } }] };
  assert.equal(parse(carecheck.check(JSON.stringify(household), '2026-11-23')).ok, true);
});

test('a rule file that is not JSON is a load error naming the file', () => {
  const result = parse(carecheck.load(JSON.stringify([{ name: 'rules/broken.pack.json', text: '{"format": ' }])));
  assert.equal(result.ok, false);
  assert.match(JSON.stringify(result), /broken\.pack\.json/);
});

test('describe lists the loaded packs', () => {
  const described = parse(carecheck.describe());
  assert.equal(described.ok, true);
  assert.ok(JSON.stringify(described).includes('zhangjiakou'), 'the Zhangjiakou pack is described');
});

test('questions for an empty family ask something and say how many remain', () => {
  const result = parse(carecheck.questions(JSON.stringify({ as_of: '2026-11-23', facts: {}, members: [] }), '2026-11-23'));
  assert.equal(result.ok, true);
  assert.ok(Array.isArray(result.questions));
});
