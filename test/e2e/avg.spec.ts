import fs from 'node:fs';
import path from 'node:path';
import type { Download } from '@playwright/test';
import { personInput } from '../support/harness.ts';
import { e2eToday } from './clock.ts';
import { api, expect, openMenu, screenshot, screenshotDir, setUp, test } from './fixtures.ts';

test('inzage export from the person page, then anonymising after the retention period', async ({
  page,
  host,
}) => {
  await setUp(page, host.url);
  await page.getByRole('link', { name: 'Nieuwe sleutelpersoon' }).click();
  await page.getByLabel('Voornaam').fill('Zerihun');
  await page.getByLabel('Achternaam').fill('Tesfamariam');
  await page.getByLabel('Gemeente').fill('Utrecht');
  await page.getByLabel('E-mail').fill('zerihun.t@example.org');
  await page.getByRole('button', { name: 'Sleutelpersoon toevoegen' }).click();
  await expect(page.getByRole('heading', { name: 'Zerihun Tesfamariam' })).toBeVisible();

  // Stopped three years ago: due for anonymisation.
  await page.getByRole('button', { name: 'Status wijzigen' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Gestopt' }).click();
  const stopped = `01-03-${Number(e2eToday.slice(0, 4)) - 3}`;
  await dialog.getByLabel('Per datum').fill(stopped);
  await dialog.getByLabel('Per datum').press('Tab');
  await dialog.getByLabel('Toelichting', { exact: true }).fill('Verhuisd naar Duitsland');
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(dialog).toBeHidden();

  // The inzage export: a PDF and a JSON file, both downloaded by one click.
  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await page.getByRole('button', { name: 'Inzage-export' }).click();
  await expect.poll(() => downloads.length).toBe(2);
  const names = downloads.map((d) => d.suggestedFilename()).sort();
  expect(names[0]).toMatch(/^inzage-zerihun-tesfamariam-\d{4}-\d{2}-\d{2}\.json$/);
  expect(names[1]).toMatch(/^inzage-zerihun-tesfamariam-\d{4}-\d{2}-\d{2}\.pdf$/);
  fs.mkdirSync(screenshotDir, { recursive: true });
  for (const d of downloads) await d.saveAs(path.join(screenshotDir, `avg-${d.suggestedFilename()}`));
  const json = downloads.find((d) => d.suggestedFilename().endsWith('.json'));
  const data = JSON.parse(
    fs.readFileSync(path.join(screenshotDir, `avg-${json?.suggestedFilename()}`), 'utf8'),
  );
  expect(data.persoon).toMatchObject({
    voornaam: 'Zerihun',
    email: 'zerihun.t@example.org',
    status: 'Gestopt',
  });
  const pdf = downloads.find((d) => d.suggestedFilename().endsWith('.pdf'));
  expect(
    fs
      .readFileSync(path.join(screenshotDir, `avg-${pdf?.suggestedFilename()}`))
      .subarray(0, 5)
      .toString(),
  ).toBe('%PDF-');
  await expect(page.getByText('Inzage-export gemaakt')).toBeVisible();
  await screenshot(page, 'avg-01-inzage-export');

  // A colleague's notes mention him by first name: not replaced, but counted for the beheerder to read.
  await api(
    page,
    'persons.create',
    personInput({
      voornaam: 'Rahaf',
      achternaam: 'Haddad',
      email: null,
      iban: null,
      notities: 'Werkt samen met Zerihun bij de taalcafés.',
      status: 'actief',
      statusDatum: `${Number(e2eToday.slice(0, 4))}-01-01`,
    }),
  );

  // The retention screen lists him; the beheerder anonymises after a confirmation that says what happens.
  await openMenu(page, 'Bewaartermijnen');
  const row = page.getByRole('row', { name: /Zerihun Tesfamariam/ });
  await expect(row).toBeVisible();
  await screenshot(page, 'avg-02-bewaartermijnen');
  await row.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Anonimiseren (1)' }).click();
  const confirm = page.getByRole('dialog', { name: 'Sleutelpersoon anonimiseren' });
  await expect(confirm).toContainText('Je anonimiseert: Zerihun Tesfamariam.');
  await expect(confirm).toContainText('Dit kan niet ongedaan worden gemaakt.');
  await expect(confirm).toContainText('die vóór deze verwijdering is gemaakt, bevat de gegevens nog');
  await page.waitForTimeout(400); // the dialog's fade-in, for the screenshot only
  await screenshot(page, 'avg-03-bevestigen');
  await confirm.getByRole('button', { name: 'Definitief anonimiseren' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByText('Niemand is langer dan twee jaar gestopt.')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Nog nakijken' })).toContainText(
    /Verwijderd persoon \d{4}-0001: nog 1 vermelding van de voornaam \(‘Zerihun’\) in vrije tekst van anderen; controleer die\./,
  );
  const removed = page.getByRole('table', { name: 'Eerder verwijderd' });
  await expect(removed).toContainText(/Verwijderd persoon \d{4}-0001/);
  await expect(removed).toContainText('1 vermelding van de voornaam in vrije tekst van anderen (nakijken)');
  await page.waitForTimeout(400); // the dialog's fade-out, for the screenshot only
  await screenshot(page, 'avg-04-geanonimiseerd');

  // The person page now shows the neutral name and nothing of what was stored.
  await openMenu(page, 'Sleutelpersonen');
  await page.getByRole('link', { name: /Verwijderd persoon \d{4}-0001/ }).click();
  await expect(page.getByRole('heading', { name: /Verwijderd persoon \d{4}-0001/ })).toBeVisible();
  await expect(page.getByText('zerihun.t@example.org')).toHaveCount(0);
  await screenshot(page, 'avg-05-persoon-geanonimiseerd');
  await page.getByRole('tab', { name: 'Geschiedenis' }).click();
  await expect(page.getByText(/Geanonimiseerd na de bewaartermijn/)).toBeVisible();
  await expect(page.getByText(/Zerihun|Tesfamariam|Verhuisd naar Duitsland/)).toHaveCount(0);
  await screenshot(page, 'avg-06-geschiedenis');
});
