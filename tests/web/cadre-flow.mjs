// Drives cadre mode the way a village cadre would: register households, come back to the
// roster, download its files. Shared by the cadre tests.
import fs from 'node:fs';
import { answerAll, chooseRegion, setFamily } from './family-flow.mjs';

// An 85-year-old in Huitong (docs/examples/huitong-85-year-old.json): the county's basic
// elderly-service list gives her several items, each with papers to bring.
export const HUITONG_ELDER = {
  quickStart: '只查一位老人',
  household: { household_support: [], economic_hardship: false },
  members: { p1: { age: 85, ability_level: 'mild', lives_alone: true } },
};
export const HUITONG_66 = { ...HUITONG_ELDER, members: { p1: { age: 66 } } };

export async function openCadreMode(page) {
  await page.getByRole('button', { name: '入户登记（村干部用）' }).click();
  await page.getByRole('heading', { name: '入户登记名单' }).waitFor();
}

/** Registers one household from the roster and comes back to the roster. */
export async function registerHousehold(page, name, note, plan, { chooseCounty = false, answer = true } = {}) {
  await page.getByLabel('户名（户主姓名或门牌号）').fill(name);
  await page.getByLabel('备注（可以不填，例如：三组、电话）').fill(note);
  await page.getByRole('button', { name: '开始登记这一户' }).click();
  await page.getByText(`正在登记：${name}`).waitFor();
  if (chooseCounty) await chooseRegion(page, ['43', '4312', '431225']);
  await setFamily(page, plan);
  if (answer) await answerAll(page, plan);
  else await page.locator('form.question').waitFor();
  await page.getByRole('button', { name: '回到名单' }).click();
  await page.getByRole('heading', { name: '入户登记名单' }).waitFor();
}

export function rowOf(page, name) {
  return page.locator('.roster-table tbody tr').filter({ has: page.getByRole('button', { name, exact: true }) });
}

export async function rosterNames(page) {
  return page.locator('.roster-table tbody th .link-button').allInnerTexts();
}

export async function download(page, buttonName) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: buttonName }).click()]);
  return { name: file.suggestedFilename(), text: fs.readFileSync(await file.path(), 'utf8') };
}

/** Every household as IndexedDB holds it (what survives a reload). */
export function storedHouseholds(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const opening = indexedDB.open('carecheck');
    opening.onerror = () => reject(opening.error);
    opening.onsuccess = () => {
      const request = opening.result.transaction('households').objectStore('households').getAll();
      request.onsuccess = () => resolve(request.result);
    };
  }));
}
