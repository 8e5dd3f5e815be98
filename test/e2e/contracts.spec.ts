import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { knownFiscalYears } from '../../shared/fiscal/fiscal-table.ts';
import { expect, openMenu, screenshot, secondWindow, setUp, strongPassword, test } from './fixtures.ts';

test('a projectleider drafts a volunteer contract from the template, confirms the over-cap warning and prints it', async ({
  page,
  browser,
  host,
}) => {
  await setUp(page, host.url);
  await page.getByRole('link', { name: 'Nieuwe sleutelpersoon' }).click();
  await page.getByLabel('Voornaam').fill('Nguyễn Thị');
  await page.getByLabel('Achternaam').fill('Hương');
  await page.getByLabel('Geboortedatum').fill('03-03-1990');
  await page.getByLabel('Geboortedatum').press('Tab');
  await page.getByRole('button', { name: 'Sleutelpersoon toevoegen' }).click();
  await expect(page.getByRole('heading', { name: 'Nguyễn Thị Hương' })).toBeVisible();

  await page.getByRole('tab', { name: 'Tijdlijn' }).click();
  await page.getByRole('link', { name: 'Nieuw contract' }).click();
  await expect(page.getByRole('heading', { name: 'Nieuw contract voor Nguyễn Thị Hương' })).toBeVisible();
  await page.getByLabel('Begindatum').fill('01-02-2027');
  await page.getByLabel('Begindatum').press('Tab');
  await page.getByLabel('Begindatum').fill('01-02-2026');
  await page.getByLabel('Begindatum').press('Tab');
  await page.getByLabel('Einddatum').fill('31-12-2026');
  await page.getByLabel('Einddatum').press('Tab');
  await page.getByLabel('Uren per week').fill('8');
  await page.getByLabel('Gemeente of regio').fill('Utrecht');
  await page.getByLabel('Doelgroep').fill('Vietnamese gezinnen in Overvecht');
  await page.getByRole('combobox', { name: 'Vereiste talen' }).fill('Vietnamees');
  await page.getByRole('combobox', { name: 'Vereiste talen' }).press('Enter');
  await page.getByLabel('Bedrag vergoeding').fill('7,50');
  await page.getByLabel('Verwachte uren per maand').fill('32');
  const fiscal = page.getByLabel('Fiscale controle');
  await expect(fiscal).toContainText('over een grens');
  await expect(fiscal).toContainText('hele vergoeding');
  await expect(page.getByLabel('Voorbeeld van het document')).toContainText(
    'Vietnamese gezinnen in Overvecht',
  );
  await screenshot(page, '30-contract-concept');
  await page.getByRole('button', { name: 'Concept aanmaken' }).click();
  await expect(page.getByRole('heading', { name: /Vrijwilligersovereenkomst 20\d\d-0001/ })).toBeVisible();
  const contractUrl = page.url();

  // A begeleider may read the contract but the main process refuses to make it definitief.
  await openMenu(page, 'Accounts');
  await page.getByRole('button', { name: 'Nieuw account' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nieuw account' });
  await dialog.getByLabel('Naam', { exact: true }).fill('Pieter van Dijk');
  await dialog.getByLabel('Gebruikersnaam').fill('pieter');
  await dialog.getByRole('textbox', { name: 'Eerste wachtwoord' }).fill(strongPassword);
  await dialog.getByRole('button', { name: 'Aanmaken' }).click();
  await expect(page.getByRole('cell', { name: 'Pieter van Dijk', exact: true })).toBeVisible();
  const other = await secondWindow(browser);
  await other.goto(host.url);
  await other.getByLabel('Gebruikersnaam').fill('pieter');
  await other.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(strongPassword);
  await other.getByRole('button', { name: 'Inloggen' }).click();
  // Logged in, on their own start screen, before going to the contract by its address.
  await expect(other.getByRole('heading', { name: 'Goedendag, Pieter' })).toBeVisible();
  await other.goto(contractUrl);
  await expect(other.getByRole('heading', { name: /Vrijwilligersovereenkomst/, level: 1 })).toBeVisible();
  await expect(other.getByRole('button', { name: 'Definitief maken' })).toHaveCount(0);
  const contractId = contractUrl.split('/').at(-1) ?? '';
  const refused = await other.evaluate(async (id) => {
    const response = await fetch('api/contracts.finalize', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-schakel-token': sessionStorage.getItem('schakel-token') ?? '',
        'x-schakel-client': sessionStorage.getItem('schakel-client') ?? '',
      },
      body: JSON.stringify({ id, version: 1, fiscaleReden: 'probeer' }),
    });
    return { status: response.status, body: await response.json() };
  }, contractId);
  expect(refused.status).toBe(403);
  expect(refused.body.error.message).toMatch(/^Geen toegang/);

  await page.goto(contractUrl);
  await page.getByRole('button', { name: 'Definitief maken' }).click();
  const finalize = page.getByRole('dialog', { name: 'Definitief maken' });
  await finalize.getByRole('button', { name: 'Definitief maken' }).click();
  await expect(finalize).toContainText('Geef een reden');
  await finalize
    .getByLabel('Reden om toch definitief te maken')
    .fill('Afgestemd met de gemeente: eenmalig extra uren');
  await screenshot(page, '31-contract-definitief-maken');
  await finalize.getByRole('button', { name: 'Definitief maken' }).click();
  await expect(page.getByText('Definitief', { exact: true })).toBeVisible();
  await expect(
    page.getByText('Ondanks fiscale grens definitief gemaakt: Afgestemd met de gemeente'),
  ).toBeVisible();
  await screenshot(page, '32-contract-definitief');

  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'PDF downloaden' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^contract-20\d\d-0001-v1-nguyen-thi-huong\.pdf$/);
  const file = path.join(host.dataDir, 'download.pdf');
  await download.saveAs(file);
  const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
  expect(text).toContain('Vrijwilligersovereenkomst');
  expect(text).toContain('Nguyễn Thị Hương');
  expect(text).toContain('€ 7,50 per uur');
  expect(text).toContain('1 februari 2026');
  expect(text).toContain('Vietnamese gezinnen in Overvecht');
  expect(text).toContain('Handtekening');
  expect(text).not.toContain('CONCEPT');
  fs.mkdirSync('test-results/screens', { recursive: true });
  fs.copyFileSync(file, 'test-results/screens/33-contract.pdf');

  await page.getByRole('button', { name: 'Ondertekening vastleggen' }).click();
  await page
    .getByRole('dialog', { name: 'Ondertekening vastleggen' })
    .getByRole('button', { name: 'Vastleggen' })
    .click();
  await expect(page.getByText('Getekend', { exact: true })).toBeVisible();
  await page.getByRole('link', { name: '← Nguyễn Thị Hương' }).click();
  await expect(page.getByRole('link', { name: /Vrijwilligersovereenkomst 20\d\d-0001/ })).toBeVisible();
  await screenshot(page, '34-contracten-tijdlijn');
});

const unknownYear = Math.max(...knownFiscalYears) + 1;

test('the fiscal check never reads as passed when a limit could not be checked: a year without figures, unknown hours', async ({
  page,
  host,
}) => {
  await setUp(page, host.url);
  await page.getByRole('link', { name: 'Nieuwe sleutelpersoon' }).click();
  await page.getByLabel('Voornaam').fill('Amina');
  await page.getByLabel('Achternaam').fill('Haddad');
  await page.getByLabel('Geboortedatum').fill('14-03-1985');
  await page.getByLabel('Geboortedatum').press('Tab');
  await page.getByRole('button', { name: 'Sleutelpersoon toevoegen' }).click();
  await expect(page.getByRole('heading', { name: 'Amina Haddad' })).toBeVisible();
  await page.getByRole('tab', { name: 'Tijdlijn' }).click();
  await page.getByRole('link', { name: 'Nieuw contract' }).click();
  await page.getByLabel('Begindatum').fill(`01-01-${unknownYear}`);
  await page.getByLabel('Begindatum').press('Tab');
  await page.getByLabel('Einddatum').fill(`31-12-${unknownYear}`);
  await page.getByLabel('Einddatum').press('Tab');
  await page.getByLabel('Bedrag vergoeding').fill('5,00');
  await page.getByLabel('Verwachte uren per maand').fill('20');

  // The year after the table's last has no figures: the check says so, and its verdict is not 'binnen de grenzen'.
  const fiscal = page.getByLabel('Fiscale controle');
  await expect(fiscal).toContainText(`geen bedragen voor ${unknownYear}`);
  await expect(fiscal).toContainText('niet volledig gecontroleerd');
  await expect(fiscal).not.toContainText('binnen de grenzen');
  await fiscal.scrollIntoViewIfNeeded();
  await screenshot(page, '29-contract-2027-niet-gecontroleerd');

  // A fixed amount per month in a year with figures: the hourly limit needs the expected hours.
  await page.getByLabel('Begindatum').fill('01-01-2026');
  await page.getByLabel('Begindatum').press('Tab');
  await page.getByLabel('Einddatum').fill('31-12-2026');
  await page.getByLabel('Einddatum').press('Tab');
  await page.getByRole('combobox', { name: 'Vergoeding', exact: true }).click();
  await page.getByRole('option', { name: 'per maand' }).click();
  await page.getByLabel('Bedrag vergoeding').fill('100,00');
  await page.getByLabel('Verwachte uren per maand').fill('');
  await expect(fiscal).toContainText('uurgrens niet controleren');
  await expect(fiscal).toContainText('niet volledig gecontroleerd');
  // Ten hours for € 100 a month is € 10 an hour: over the hourly maximum.
  await page.getByLabel('Verwachte uren per maand').fill('10');
  await expect(fiscal).toContainText('over een grens');
  await expect(fiscal).toContainText('€ 10,00 per uur');
  // Twenty hours is € 5 an hour: every limit checked and held.
  await page.getByLabel('Verwachte uren per maand').fill('20');
  await expect(fiscal).toContainText('binnen de grenzen');
});
