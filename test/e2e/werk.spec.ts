import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { personInput, volunteerContract } from '../support/harness.ts';
import { api, expect, openMenu, screenshot, secondWindow, setUp, strongPassword, test } from './fixtures.ts';

/**
 * The work from end to end, across the areas: a request comes in from a ketenpartner, the proposals put the
 * sleutelpersoon who speaks the language first, she is linked, her inzet is recorded for the request, the claim her
 * contract pays waits in the administrateur's queue, and the quarter report counts it all.
 */
test('a request comes in, is matched, inzet is recorded, the claim waits for the administrateur, the quarter report shows it', async ({
  page,
  browser,
  host,
}) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1366, height: 800 });
  await setUp(page, host.url);
  const person = async (voornaam: string, achternaam: string, taal: string) => {
    const saved = await api<{ id: string }>(page, 'persons.create', {
      ...personInput({ email: null, telefoon: null, gemeente: 'Doetinchem', gender: 'vrouw' }),
      voornaam,
      achternaam,
      talen: [{ taal, niveau: 'moedertaal' }],
      status: 'actief',
      statusDatum: '2026-01-01',
    });
    // Paid € 5 an hour under a volunteer contract for this year.
    const contract = await api<{ id: string; version: number }>(
      page,
      'contracts.create',
      volunteerContract(saved.id, { startdatum: '2026-01-01' }),
    );
    await api(page, 'contracts.finalize', { id: contract.id, version: contract.version });
  };
  await person('Senait', 'Tesfay', 'Tigrinya');
  await person('Zahra', 'Ahmadi', 'Dari');
  await api(page, 'ketenpartners.save', {
    naam: 'GGD Noord- en Oost-Gelderland',
    soort: 'ggd',
    contactpersoon: null,
    telefoon: null,
    email: null,
    gemeente: 'Doetinchem',
  });

  // The request, typed in as the GGD phoned it through.
  await openMenu(page, 'Aanvragen');
  await page.getByRole('button', { name: 'Nieuwe aanvraag' }).click();
  const form = page.getByRole('dialog', { name: 'Nieuwe aanvraag' });
  await form.getByRole('combobox', { name: 'Ketenpartner' }).click();
  await page.getByRole('option', { name: 'GGD Noord- en Oost-Gelderland' }).click();
  await form.getByLabel('Ontvangen op').fill('16-11-2026');
  await form.getByLabel('Ontvangen op').press('Tab');
  await form.getByRole('combobox', { name: 'Soort hulp' }).click();
  await page.getByRole('option', { name: 'Huisbezoek' }).click();
  await form.getByLabel('Verwachte duur (uren:minuten)').fill('1:30');
  await form.getByLabel('Plaats').fill('Doetinchem');
  await form.getByLabel('Gemeente').fill('Doetinchem');
  await form.getByRole('combobox', { name: 'Talen die nodig zijn' }).fill('Tigrinya');
  await form.getByRole('combobox', { name: 'Talen die nodig zijn' }).press('Enter');
  await form.getByLabel('Korte omschrijving').fill('Moeder met baby; uitleg over het consultatiebureau');
  await form.getByRole('button', { name: 'Aanvraag vastleggen' }).click();

  // The proposals: Senait speaks Tigrinya; Zahra does not and is not proposed.
  await expect(page.getByRole('heading', { name: 'Huisbezoek', level: 1 })).toBeVisible();
  const proposals = page.getByRole('table', { name: 'Voorstellen' });
  await expect(proposals.getByRole('row').nth(1)).toContainText(
    /Senait Tesfay.*spreekt Tigrinya.*Doetinchem/,
  );
  await expect(proposals).not.toContainText('Zahra');
  await proposals.getByRole('checkbox', { name: 'Senait Tesfay kiezen' }).check();
  await page.getByRole('button', { name: 'Koppelen (1)' }).click();
  await expect(page.getByText('Gematcht', { exact: true })).toBeVisible();
  await expect(page.getByText('Gematcht na 9 dagen')).toBeVisible();
  await screenshot(page, '96-werk-aanvraag-gematcht');

  // Her inzet for the request, today: picking the request fills in the partner, the kind and Senait.
  await openMenu(page, 'Inzet');
  await page.getByRole('button', { name: 'Inzet vastleggen' }).click();
  const inzet = page.getByRole('dialog', { name: 'Inzet vastleggen' });
  await inzet.getByRole('combobox', { name: 'Aanvraag' }).click();
  await page.getByRole('option', { name: /Gematcht · GGD Noord- en Oost-Gelderland/ }).click();
  await inzet.getByLabel('Duur').fill('1:30');
  await inzet.getByText('Vertaler', { exact: true }).click();
  await inzet.getByLabel('Volwassenen').fill('1');
  await inzet.getByLabel('Kinderen').fill('1');
  await inzet.getByText('Opvoeding', { exact: true }).click();
  await inzet.getByRole('button', { name: 'Vastleggen' }).click();
  await expect(inzet).toHaveCount(0);
  await expect(
    page.getByRole('table', { name: 'Inzet' }).getByRole('row', { name: /Senait Tesfay/ }),
  ).toContainText(/25-11-2026.*Huisbezoek.*Senait Tesfay.*GGD Noord- en Oost-Gelderland.*1:30.*2.*€ 7,50/);

  // The request is done on the day of the inzet.
  await openMenu(page, 'Aanvragen');
  await expect(page.getByRole('table', { name: 'Aanvragen' }).getByRole('row').nth(1)).toContainText(
    /16-11-2026.*Huisbezoek.*GGD.*Uitgevoerd.*Senait Tesfay/,
  );

  // The administrateur finds the claim in the queue, at the contract's rate, without typing it.
  await api(page, 'accounts.create', {
    displayName: 'Johan Smit',
    username: 'johan',
    role: 'administrateur',
    isBeheerder: false,
    password: strongPassword,
  });
  const admin = await secondWindow(browser);
  await admin.goto(host.url);
  await admin.getByLabel('Gebruikersnaam').fill('johan');
  await admin.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(strongPassword);
  await admin.getByRole('button', { name: 'Inloggen' }).click();
  await openMenu(admin, 'Declaraties');
  await expect(admin.getByRole('row', { name: /Senait Tesfay/ })).toContainText(
    /25-11-2026.*Uren.*Inzet 25-11-2026: Huisbezoek voor GGD Noord- en Oost-Gelderland.*€ 7,50/,
  );
  await admin.close();

  // The quarter report: one request matched after 9 days and done the same day, one activity of 1,5 hours, two
  // people reached: exact on screen for the projectleider, "< 5" in the PDF.
  await openMenu(page, 'Verantwoording');
  await expect(page.getByRole('combobox', { name: 'Kwartaal' })).toHaveValue('Q4');
  const times = page.getByRole('table', { name: 'Reactietijden (dagen)' });
  await expect(times.getByRole('row', { name: /Ontvangen tot gematcht/ })).toContainText(/9.*9.*1/);
  await expect(times.getByRole('row', { name: /Gematcht tot uitgevoerd/ })).toContainText(/0.*0.*1/);
  const kinds = page.getByRole('table', { name: 'Inzet naar soort activiteit' });
  await expect(kinds.getByRole('row', { name: /Huisbezoek/ })).toContainText(/1.*1,5/);
  await expect(page.getByRole('table', { name: 'Mensen bereikt' })).toContainText(/Kinderen\s*1/);
  await expect(page.locator('[data-chart] svg')).toHaveCount(6);
  await screenshot(page, '97-werk-verantwoording');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'PDF downloaden' }).click();
  const file = await (await download).path();
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  expect(text).toContain('Huisbezoek');
  expect(text).toContain('< 5');
  expect(fs.statSync(file).size).toBeGreaterThan(10_000);
});
