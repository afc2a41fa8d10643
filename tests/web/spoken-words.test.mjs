// The words 读给我听 says (web/js/spoken.js), without a browser: as a person says them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setLang } from '../../web/js/i18n.js';
import { questionSentences, spokenText } from '../../web/js/spoken.js';

test('Chinese: no thousands comma, floors as 不少于, brackets as pauses, clause codes and marks dropped', () => {
  setLang('zh');
  assert.equal(spokenText('每户每年 1,500 元'), '每户每年1500元');
  assert.equal(spokenText('80–89 岁 ≥20 元/月'), '80到89岁不少于每月20元');
  assert.equal(spokenText('1500元/户/年'), '每户每年1500元');
  assert.equal(spokenText('村/社区'), '村或社区');
  assert.equal(spokenText('符合条件（§二 1–6）'), '符合条件');
  assert.equal(spokenText('符合§二 1–6 的家庭'), '符合的家庭');
  assert.equal(spokenText('见附件第12项。'), '见。');
  assert.equal(spokenText('依据§三(一)4，只能选一种'), '依据，只能选一种');
  assert.equal(spokenText('✓ 集中共养（住进养老机构）'), '集中共养，住进养老机构');
});

test('English: the Chinese aside is left out, clause words go, the sentence keeps its commas', () => {
  setLang('en');
  assert.equal(spokenText('Living together in a care home (集中共养): 1,500 yuan'), 'Living together in a care home: 1,500 yuan');
  assert.equal(spokenText('Qualifies (Section 2, point 1)'), 'Qualifies');
  assert.equal(spokenText("the family's money"), "the family's money");
  assert.equal(spokenText('20 yuan/month'), '20 yuan per month');
  setLang('zh');
});

test('A yes-or-no question is read with its three answers', () => {
  setLang('zh');
  assert.deepEqual(questionSentences({ type: 'bool', question: { zh: '家里是不是经济困难？' } }, '妈妈'),
    ['这一题问的是妈妈。', '家里是不是经济困难？', '可以选：是；不是；我不确定。']);
  assert.deepEqual(questionSentences({ type: 'number', question: { zh: '今年多少岁？' }, unit: { zh: '岁' } }, ''),
    ['这一题问的是全家。', '今年多少岁？', '请填一个数，单位是岁。不知道就选我不确定。']);
});
