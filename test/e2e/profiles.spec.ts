import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, openMenu, screenshot, setUp, test } from './fixtures.ts';

test('the projectleider edits the starter profile into a new version, reads the old one and prints it', async ({
  page,
  host,
}) => {
  await setUp(page, host.url);
  await openMenu(page, 'Functieprofielen');
  await expect(page.getByRole('cell', { name: 'Sleutelpersoon vrijwilliger' })).toBeVisible();
  await screenshot(page, '40-functieprofielen');
  await page.getByRole('link', { name: 'Sleutelpersoon vrijwilliger' }).click();
  await expect(page.getByRole('heading', { name: 'Sleutelpersoon vrijwilliger', level: 1 })).toBeVisible();
  await screenshot(page, '41-functieprofiel');

  await page.getByLabel('Titel').fill('');
  await page.getByRole('button', { name: 'Opslaan als nieuwe versie' }).click();
  await expect(
    page
      .locator('[data-path="titel"]')
      .locator('xpath=ancestor::div[contains(@class,"mantine-InputWrapper-root")]'),
  ).toContainText('Verplicht');
  await page.getByLabel('Titel').fill('Sleutelpersoon gezondheid');
  await page.getByRole('button', { name: 'Veld toevoegen' }).click();
  const rows = page.getByLabel('Label');
  await rows.last().fill('Wijk');
  await page.getByLabel('Naam (techn.)').last().fill('wijk');
  await page.getByRole('button', { name: 'Opslaan als nieuwe versie' }).click();
  await expect(page.getByText('versie 2', { exact: true })).toBeVisible();

  await page.getByRole('combobox', { name: 'Versie' }).click();
  await page.getByRole('option', { name: /^Versie 1/ }).click();
  await expect(page.getByText('Je bekijkt een oudere versie.')).toBeVisible();
  await expect(page.getByLabel('Titel')).toHaveValue('Sleutelpersoon vrijwilliger');

  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'PDF' }).click();
  const file = path.join(host.dataDir, 'profiel.pdf');
  await (await downloadPromise).saveAs(file);
  const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
  expect(text).toContain('Functieprofiel');
  expect(text).toContain('Sleutelpersoon vrijwilliger');
  expect(text).toContain('Als voorlichter');
  expect(text).toContain('versie 1');
});
