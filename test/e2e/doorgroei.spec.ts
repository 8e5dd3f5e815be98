import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { personInput, volunteerContract } from '../support/harness.ts';
import { api, atBothSizes, enterNewPerson, expect, openMenu, screenshot, setUp, test } from './fixtures.ts';

async function choose(page: Page, combobox: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: combobox, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('education and a B1 level, the register filtered on it, a stop with its uitstroom on the Tijdlijn', async ({
  page,
  host,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await setUp(page, host.url);
  // Someone else in the register, without any Dutch level: the filter must leave them out.
  await api(page, 'persons.create', personInput({ voornaam: 'Hodan', achternaam: 'Warsame', email: null }));
  await enterNewPerson(page, 'NL91 ABNA 0417 1643 00');
  await expect(page.getByRole('heading', { name: 'Şükrü Çelik' })).toBeVisible();
  const personId = page.url().split('/personen/')[1]?.split('/')[0] ?? '';
  await api(page, 'contracts.create', volunteerContract(personId, { startdatum: '2026-01-01' }));

  await page.getByRole('tab', { name: 'Doorgroei' }).click();
  await expect(page.getByText('Nog geen opleiding vastgelegd.')).toBeVisible();
  await page.getByRole('button', { name: 'Opleiding en werkervaring bewerken' }).click();
  await page.getByRole('button', { name: 'Opleiding toevoegen' }).click();
  await choose(page, 'Niveau', 'Hbo (of vergelijkbaar)');
  await page.getByLabel('Richting').fill('Verpleegkunde');
  await page.getByLabel('Diploma behaald').check();
  await choose(page, 'Waardering IDW', 'Gewaardeerd');
  await choose(page, 'Niveau lezen', 'B1');
  await choose(page, 'Niveau spreken', 'A2');
  await choose(page, 'Examen lezen', 'Staatsexamen NT2 I');
  await page.getByRole('button', { name: 'Werkervaring toevoegen' }).click();
  await page.getByLabel('Functie').fill('Verpleegkundige');
  await page.getByRole('textbox', { name: 'Land', exact: true }).fill('Turkije');
  await page.getByRole('textbox', { name: 'Van', exact: true }).fill('01-09-2010');
  await page.getByRole('textbox', { name: 'Tot', exact: true }).fill('31-03-2015');
  await page.getByRole('textbox', { name: 'Tot', exact: true }).press('Tab');
  // An exam date in the future is refused by the main process, at that skill's field.
  await page.getByRole('textbox', { name: 'Examendatum lezen' }).fill('01-12-2026');
  await page.getByRole('textbox', { name: 'Examendatum lezen' }).press('Tab');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText('Ligt in de toekomst')).toBeVisible();
  // The refused field takes focus and opens its calendar: close it before looking at the form.
  await page.keyboard.press('Escape');
  await page.getByRole('heading', { name: 'Nederlands per vaardigheid' }).click();
  await expect(page.locator('.mantine-DateInput-calendarHeader')).toHaveCount(0);
  await atBothSizes(page, '90-doorgroei-bewerken');
  await page.getByRole('textbox', { name: 'Examendatum lezen' }).fill('12-06-2025');
  await page.getByRole('textbox', { name: 'Examendatum lezen' }).press('Tab');
  await page.getByRole('button', { name: 'Opslaan' }).click();

  await expect(page.getByText('Hbo (of vergelijkbaar), Verpleegkunde')).toBeVisible();
  await expect(page.getByText('IDW: gewaardeerd')).toBeVisible();
  const dutch = page.getByRole('table', { name: 'Niveau Nederlands' });
  await expect(dutch.getByRole('row', { name: /Lezen/ })).toContainText('B1');
  await expect(dutch.getByRole('row', { name: /Lezen/ })).toContainText('Staatsexamen NT2 I (12-06-2025)');
  await expect(page.getByText('01-09-2010 – 31-03-2015')).toBeVisible();
  await atBothSizes(page, '91-doorgroei');

  // The register: B1 or higher in reading finds Şükrü only; in all four skills nobody (speaking is A2).
  await page.getByRole('link', { name: '← Sleutelpersonen' }).click();
  await expect(page.getByRole('row')).toHaveCount(3);
  await choose(page, 'Nederlands B1 of hoger', 'Lezen');
  await expect(page.getByRole('row')).toHaveCount(2);
  await expect(page.getByRole('row').nth(1)).toContainText('Çelik');
  await atBothSizes(page, '92-register-nederlands-b1');
  await choose(page, 'Nederlands B1 of hoger', 'Alle vier vaardigheden');
  await expect(page.getByText('Niemand gevonden met deze zoekopdracht of filters.')).toBeVisible();
  await choose(page, 'Nederlands B1 of hoger', 'Lezen');
  // The filter is kept while a person is opened and left again.
  await page.getByRole('link', { name: /Çelik/ }).click();
  await expect(page.getByRole('heading', { name: 'Şükrü Çelik' })).toBeVisible();
  await page.getByRole('link', { name: '← Sleutelpersonen' }).click();
  await expect(page.getByRole('combobox', { name: 'Nederlands B1 of hoger' })).toHaveValue('Lezen');
  await expect(page.getByRole('row')).toHaveCount(2);

  // Stopping asks what Şükrü goes on to; the Tijdlijn shows it above the contract, newest first.
  await page.getByRole('link', { name: /Çelik/ }).click();
  await page.getByRole('button', { name: 'Status wijzigen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Status van Şükrü Çelik' });
  await choose(page, 'Status', 'Gestopt');
  await choose(page, 'Uitstroom: wat gaat de persoon doen?', 'Betaald werk');
  await dialog.getByLabel('Reden en toelichting uitstroom').fill('Helpende zorg bij Careyn');
  await screenshot(page, '93-status-gestopt-uitstroom');
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('tab', { name: 'Tijdlijn' }).click();
  const items = page.getByLabel('Tijdlijn').locator('.mantine-Timeline-item');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText('Uitstroom: betaald werk');
  await expect(items.nth(0)).toContainText('Gestopt per 25-11-2026');
  await expect(items.nth(0)).toContainText('Helpende zorg bij Careyn');
  await expect(items.nth(1)).toContainText('Vrijwilligersovereenkomst');
  await atBothSizes(page, '94-tijdlijn');

  // Editable afterwards, on the Doorgroei tab.
  await page.getByRole('tab', { name: 'Doorgroei' }).click();
  await expect(page.getByText('Betaald werk per 25-11-2026')).toBeVisible();
  await page.getByRole('button', { name: 'Uitstroom per 25-11-2026 wijzigen' }).click();
  const edit = page.getByRole('dialog', { name: 'Uitstroom wijzigen' });
  await choose(page, 'Uitstroom: wat gaat de persoon doen?', 'Studie of opleiding');
  await edit.getByLabel('Reden en toelichting uitstroom').fill('Mbo Verpleegkunde');
  await edit.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText('Studie of opleiding per 25-11-2026')).toBeVisible();
  await expect(page.getByText('Mbo Verpleegkunde')).toBeVisible();
  // One uitstroom per stop: recorded already, so there is nothing more to record.
  await expect(page.getByRole('button', { name: 'Uitstroom vastleggen' })).toHaveCount(0);
  await atBothSizes(page, '95-doorgroei-uitstroom');
  await openMenu(page, 'Sleutelpersonen');
});

test('the begeleider writes the portfolio text and prints the portfolio', async ({ page, host }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await setUp(page, host.url);
  const { id: personId } = await api<{ id: string }>(
    page,
    'persons.create',
    personInput({
      voornaam: 'Senait',
      achternaam: 'Tesfay',
      email: null,
      status: 'actief',
      statusDatum: '2026-01-05',
    }),
  );
  const { id: trainingId } = await api<{ id: string }>(page, 'scholing.saveTraining', {
    naam: 'Basistraining Sleutelpersonen',
    aanbieder: 'pharos',
    aanbiederAnders: null,
    soort: 'basistraining',
    duurEenheid: 'uren',
    duur: 12,
    certificaat: true,
    geldigheidMaanden: 24,
    kostenCents: 0,
  });
  await api(page, 'scholing.saveForPerson', {
    personId,
    trainingId,
    status: 'afgerond',
    startdatum: '2026-03-05',
    einddatum: '2026-03-12',
    minuten: 720,
    verloopdatum: null,
    notitie: null,
  });

  // The register was shown before Senait was added through the API.
  await page.reload();
  await page.getByRole('link', { name: /Tesfay/ }).click();
  await page.getByRole('tab', { name: 'Doorgroei' }).click();
  await expect(page.getByText('Nog geen tekst geschreven.')).toBeVisible();
  await page.getByRole('button', { name: 'Opleiding en werkervaring bewerken' }).click();
  const text = page.getByLabel('Tekst voor het portfolio');
  // Too long a text is refused by the main process, with its message at the field.
  await text.fill('Betrouwbaar. '.repeat(100));
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText('Maximaal 1200 tekens')).toBeVisible();
  await screenshot(page, '96-portfoliotekst-te-lang');
  await text.fill('Senait brengt ouders en school bij elkaar en houdt zich aan afspraken.');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText('Senait brengt ouders en school bij elkaar')).toBeVisible();
  await atBothSizes(page, '96-doorgroei-portfoliotekst');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Portfolio (PDF)' }).click();
  const file = path.join(host.dataDir, 'portfolio.pdf');
  await (await download).saveAs(file);
  const printed = execFileSync('pdftotext', [file, '-']).toString().replace(/\s+/g, ' ');
  for (const expected of [
    'Stichting Welzijn Oost',
    'Portfolio',
    'Senait Tesfay',
    'Senait brengt ouders en school bij elkaar en houdt zich aan afspraken.',
    'Basistraining Sleutelpersonen',
    '12 maart 2026',
    'geldig tot 12 maart 2028',
  ])
    expect(printed, expected).toContain(expected);
});
