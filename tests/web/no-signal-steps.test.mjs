// A first visit that loses its signal half way, before the offline copy is made: the steps whose
// files come later (the results' code, a province's places) say so plainly and try again when
// asked, and no answer is lost. Before, the results step stayed blank and the city list empty.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPhone, browserAndEngine } from './browser.mjs';
import { ZHANGBEI_CARER, savedHousehold, setFamily } from './family-flow.mjs';

const ctx = browserAndEngine();

test('The signal goes after the family step: the results say they could not open, the answers stay, and 再试一次 shows them', async () => {
  const phone = await openPhone(ctx.session.browser);
  const { page } = phone;
  let noSignal = false;
  await page.route('**/*', (route) => (noSignal ? route.abort('internetdisconnected') : route.continue()));
  await page.goto(`${ctx.session.url}?region=130722`);
  await page.getByRole('heading', { name: '家里有哪些人' }).waitFor();
  noSignal = true; // everything the questions need is here; the results' code is not
  await setFamily(page, ZHANGBEI_CARER.family);
  await page.locator('form.question').waitFor();
  await page.getByRole('button', { name: '我不确定' }).click();
  await page.getByRole('button', { name: '先看结果' }).click();
  const alert = page.getByRole('alert').filter({ hasText: '结果没能打开' });
  await alert.waitFor();
  assert.match(await alert.innerText(), /您的回答都还在/);
  const kept = await savedHousehold(page);
  assert.equal(kept.facts.hukou_region, '130722', 'the answers are still on the phone');

  noSignal = false;
  await page.getByRole('button', { name: '再试一次' }).click();
  await page.locator('.results').waitFor();
  assert.match(await page.locator('.summary').innerText(), /户口：河北省 张家口市 张北县/, 'the results of this household');
  assert.deepEqual(await savedHousehold(page), kept, 'the same answers after trying again');
  await phone.context.close();
});

test('With no signal, a province whose places never came says so; choosing it again with signal fills the cities', async () => {
  const phone = await openPhone(ctx.session.browser);
  const { page } = phone;
  let noSignal = false;
  await page.route('**/*', (route) => (noSignal ? route.abort('internetdisconnected') : route.continue()));
  await page.goto(ctx.session.url);
  const selects = page.locator('.region-picker select');
  await selects.first().waitFor();
  noSignal = true;
  await selects.nth(0).selectOption('13');
  const alert = page.getByRole('alert').filter({ hasText: '这个省的地名没能打开' });
  await alert.waitFor();
  assert.equal(await selects.nth(0).inputValue(), '', 'the province is unchosen, so choosing it again tries again');

  noSignal = false;
  await selects.nth(0).selectOption('13');
  await page.locator('.region-picker select').nth(1).locator('option[value="1307"]').waitFor({ state: 'attached' });
  assert.equal(await alert.isVisible(), false, 'the message goes once the places come');
  await phone.context.close();
});
