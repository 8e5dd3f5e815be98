import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { validatePain001 } from '../../electron/core/payouts/sepa.ts';
import { addDays } from '../../shared/dates.ts';
import { fiscalYear } from '../../shared/fiscal/fiscal-table.ts';
import { formatCents, formatDate } from '../../shared/format.ts';
import { volunteerContract } from '../support/harness.ts';
import { e2eToday } from './clock.ts';
import { api, expect, openMenu, screenshot, secondWindow, setUp, strongPassword, test } from './fixtures.ts';

/** An active sleutelpersoon with a volunteer contract for this year, set up through the API. */
async function personWithContract(
  page: Page,
  today: string,
  email: string | null = null,
  who: { voornaam?: string; achternaam?: string; iban?: string | null } = {},
): Promise<{ id: string }> {
  const person = await api<{ id: string }>(page, 'persons.create', {
    voornaam: who.voornaam ?? 'Gülşen',
    tussenvoegsel: null,
    achternaam: who.achternaam ?? 'Doğan',
    roepnaam: null,
    geboortedatum: '1985-02-02',
    gender: 'vrouw',
    herkomstland: 'Turkije',
    talen: [],
    niveauNederlands: 'B2',
    straat: null,
    huisnummer: null,
    postcode: null,
    plaats: null,
    gemeente: 'Utrecht',
    telefoon: null,
    email,
    iban: who.iban === undefined ? 'NL91ABNA0417164300' : who.iban,
    bijstand: false,
    toestemmingNodig: false,
    toestemmingDatum: null,
    vogAfgiftedatum: null,
    vogVernieuwdatum: null,
    begeleiderId: null,
    notities: null,
    status: 'actief',
    statusDatum: today,
  });
  const contract = await api<{ id: string; version: number }>(
    page,
    'contracts.create',
    volunteerContract(person.id, { startdatum: `${today.slice(0, 4)}-01-01` }),
  );
  await api(page, 'contracts.finalize', { id: contract.id, version: contract.version });
  return person;
}

/** A second account, an administrateur, logged in on a page of its own. */
async function administrateur(page: Page, browser: Browser, url: string): Promise<Page> {
  await api(page, 'accounts.create', {
    displayName: 'Johan Smit',
    username: 'johan',
    role: 'administrateur',
    isBeheerder: false,
    password: strongPassword,
  });
  const admin = await secondWindow(browser);
  await admin.goto(url);
  await admin.getByLabel('Gebruikersnaam').fill('johan');
  await admin.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(strongPassword);
  await admin.getByRole('button', { name: 'Inloggen' }).click();
  await openMenu(admin, 'Declaraties');
  return admin;
}

test('the administrateur enters claims, sees the duplicate and the over-cap one, approves the rest in one go and rejects with a reason', async ({
  page,
  browser,
  host,
}) => {
  test.setTimeout(120_000);
  await setUp(page, host.url);
  const today = e2eToday;
  await personWithContract(page, today);
  const { updatedAt: _u, ...settings } = await api<Record<string, unknown>>(page, 'settings.get', {});
  await api(page, 'settings.update', { ...settings, iban: 'NL91ABNA0417164300', bic: 'ABNANL2A' });
  const admin = await administrateur(page, browser, host.url);

  const enter = async (omschrijving: string, km: string) => {
    await admin.getByRole('button', { name: 'Nieuwe declaratie' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Nieuwe declaratie' });
    await dialog.getByRole('combobox', { name: 'Sleutelpersoon' }).fill('Gül');
    await admin.getByRole('option', { name: 'Gülşen Doğan' }).click();
    await dialog.getByLabel('Omschrijving').fill(omschrijving);
    await dialog.getByLabel('Kilometers').fill(km);
    await dialog.getByRole('button', { name: 'Vastleggen' }).click();
    await expect(dialog).toHaveCount(0);
  };
  await enter('Voorlichting wijkcentrum', '20');
  await enter('Voorlichting wijkcentrum', '20');
  await enter('Training in Amsterdam, tien keer heen en terug', '1000');
  await expect(admin.getByRole('row', { name: /Training in Amsterdam/ })).toContainText(
    'Boven fiscale grens',
  );
  await expect(admin.getByRole('row', { name: /Voorlichting wijkcentrum/ }).first()).toContainText(
    'Lijkt dubbel',
  );
  await screenshot(admin, '60-declaraties');
  // The queue on a common laptop screen and on a small one.
  for (const [width, height] of [
    [1366, 768],
    [1024, 700],
  ] as const) {
    await admin.setViewportSize({ width, height });
    await screenshot(admin, `60-declaraties-${width}x${height}`);
  }
  await admin.setViewportSize({ width: 1280, height: 800 });

  // A correction before approval keeps the first amount visible.
  await admin
    .getByRole('row', { name: /Training in Amsterdam/ })
    .getByRole('button', { name: 'Corrigeren' })
    .click();
  const correct = admin.getByRole('dialog', { name: 'Declaratie corrigeren' });
  await correct.getByLabel('Kilometers').fill('900');
  await correct.getByRole('button', { name: 'Corrigeren' }).click();
  await expect(admin.getByRole('row', { name: /Training in Amsterdam/ })).toContainText('was € 230,00');

  // Choosing everything: the two that look alike block, marked at their rows with the reason; approving them all
  // would be refused, so the other one is offered instead.
  await admin.getByRole('checkbox', { name: 'Alle ingediende kiezen' }).check();
  await expect(admin.getByText('2 van de 3 gekozen blokkeren')).toBeVisible();
  await expect(admin.getByRole('button', { name: 'De andere 1 goedkeuren' })).toBeEnabled();
  await expect(admin.getByRole('row', { name: /Voorlichting wijkcentrum/ }).first()).toContainText(
    'Blokkeert goedkeuring: Lijkt dubbel',
  );
  await expect(admin.getByRole('button', { name: /^Goedkeuren/ })).toHaveCount(0);

  // Reject the over-cap claim and one of the duplicates, each with the reason; approve the remaining one.
  await admin.getByRole('checkbox', { name: 'Alle ingediende kiezen' }).uncheck();
  const rows = admin.getByRole('row', { name: /Gülşen Doğan/ });
  await rows.filter({ hasText: 'Training in Amsterdam' }).getByRole('checkbox').check();
  await rows.filter({ hasText: 'Voorlichting wijkcentrum' }).first().getByRole('checkbox').check();
  await admin.getByRole('button', { name: 'Afwijzen (2)' }).click();
  const reject = admin.getByRole('dialog', { name: '2 declaraties afwijzen' });
  await reject.getByRole('button', { name: 'Afwijzen' }).click();
  await expect(reject).toContainText('Reden');
  await reject
    .getByLabel('Reden (de sleutelpersoon leest deze)')
    .fill('Dubbel ingediend of boven het maximum; graag opnieuw indienen in delen');
  await reject.getByRole('button', { name: 'Afwijzen' }).click();
  await expect(admin.getByText('2 afgewezen')).toBeVisible();
  await admin.getByRole('checkbox', { name: 'Alle ingediende kiezen' }).check();
  await admin.getByRole('button', { name: 'Goedkeuren (1)' }).click();
  await expect(admin.getByText('1 declaratie goedgekeurd')).toBeVisible();
  await admin.getByRole('combobox', { name: 'Status' }).click();
  await admin.getByRole('option', { name: 'Afgewezen' }).click();
  await expect(admin.getByRole('row', { name: /Gülşen Doğan/ })).toHaveCount(2);
  await screenshot(admin, '61-declaraties-afgewezen');

  // Pay the approved claim: a batch, its SEPA file (validated against the XSD), then offered and paid.
  await admin.getByText('Betalen', { exact: true }).click();
  await expect(admin.getByText('1 goedgekeurde declaratie, € 4,60')).toBeVisible();
  await admin.getByRole('button', { name: 'Betaalbatch maken (1)' }).click();
  const batchRow = admin.getByRole('row', { name: /B20\d\d-0001/ });
  await expect(batchRow).toContainText('Concept');
  const downloadPromise = admin.waitForEvent('download');
  await batchRow.getByRole('button', { name: 'SEPA-bestand' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^sepa-B20\d\d-0001\.xml$/);
  const file = path.join(host.dataDir, 'sepa.xml');
  await download.saveAs(file);
  const xml = fs.readFileSync(file, 'utf8');
  expect(await validatePain001(xml)).toEqual({ valid: true });
  expect(xml).toContain('<Nm>Gulsen Dogan</Nm>');
  expect(xml).toContain('<InstdAmt Ccy="EUR">4.60</InstdAmt>');
  await batchRow.getByRole('button', { name: 'Specificaties' }).click();
  const specDownload = admin.waitForEvent('download');
  await admin
    .getByRole('dialog', { name: 'Specificaties per persoon' })
    .getByRole('button', { name: 'PDF' })
    .click();
  expect((await specDownload).suggestedFilename()).toMatch(/^specificatie-B20\d\d-0001-gulsen-dogan\.pdf$/);
  await admin
    .getByRole('dialog', { name: 'Specificaties per persoon' })
    .getByRole('button', { name: 'Sluiten' })
    .click();
  // Each step that cannot be undone asks first, saying what it means.
  await batchRow.getByRole('button', { name: 'Aangeboden aan bank' }).click();
  const submit = admin.getByRole('dialog', { name: 'Aangeboden aan de bank?' });
  await expect(submit).toContainText('Daarna kan de batch niet meer worden geannuleerd');
  await submit.getByRole('button', { name: 'Annuleren' }).click();
  await expect(batchRow).toContainText('Concept');
  await batchRow.getByRole('button', { name: 'Aangeboden aan bank' }).click();
  await submit.getByRole('button', { name: 'Ja, aangeboden' }).click();
  await expect(batchRow).toContainText('Aangeboden aan bank');
  await batchRow.getByRole('button', { name: 'Betaald' }).click();
  await admin.getByRole('dialog', { name: 'Betaald?' }).getByRole('button', { name: 'Ja, betaald' }).click();
  await expect(batchRow).toContainText('Betaald');
  await screenshot(admin, '62-betaalbatches');
  await admin.getByText('Overzicht', { exact: true }).click();
  await expect(admin.getByRole('table', { name: 'Per persoon' })).toContainText('Gülşen Doğan');
  await expect(admin.getByRole('table', { name: 'Per persoon' })).toContainText(/4,60/);
  await screenshot(admin, '63-declaraties-overzicht');
});

test('the administrateur reads a month of claims from a CSV file; a wrong row refuses the whole file', async ({
  page,
  browser,
  host,
}) => {
  await setUp(page, host.url);
  const today = e2eToday;
  await personWithContract(page, today, 'gulsen@example.org');
  const admin = await administrateur(page, browser, host.url);
  const header = 'e-mail;soort;datum;omschrijving;van;naar;km;minuten;bedrag';
  const date = today.split('-').reverse().join('-');
  const upload = async (lines: string[]) => {
    const chooser = admin.waitForEvent('filechooser');
    await admin.getByRole('button', { name: 'Importeren' }).click();
    await (await chooser).setFiles({
      name: 'declaraties.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from([header, ...lines].join('\r\n')),
    });
  };

  await upload([
    `gulsen@example.org;km;${date};Huisbezoek;Utrecht;Zeist;20;;`,
    `iemand@example.org;km;${date};Huisbezoek;;;5;;`,
  ]);
  await expect(
    admin.getByText('Regel 3: geen sleutelpersoon met e-mail iemand@example.org. Er is niets ingelezen.'),
  ).toBeVisible();
  await expect(admin.getByRole('row', { name: /Huisbezoek/ })).toHaveCount(0);
  // The notice stands over the buttons until it closes itself (it stays while the mouse rests on it).
  await admin.mouse.move(400, 500);
  await expect(admin.getByText(/Regel 3/)).toBeHidden({ timeout: 10_000 });

  await upload([
    `gulsen@example.org;km;${date};Huisbezoek;Utrecht;Zeist;20;;`,
    `gulsen@example.org;uren;${date};Taalcafé;;;;90;`,
  ]);
  await expect(admin.getByText('2 declaraties ingelezen')).toBeVisible();
  await expect(admin.getByRole('row', { name: /Huisbezoek/ })).toContainText(/4,60/);
  await expect(admin.getByRole('row', { name: /Taalcafé/ })).toContainText(/7,50/);
  // Sorted in the main process: by amount, low to high, then high to low.
  const table = admin.getByRole('table', { name: 'Declaraties' });
  await table.getByRole('button', { name: 'Bedrag' }).click();
  await expect(table.getByRole('row').nth(1)).toContainText('Huisbezoek');
  await table.getByRole('button', { name: /Bedrag/ }).click();
  await expect(table.getByRole('row').nth(1)).toContainText('Taalcafé');
  await admin.mouse.move(400, 500);
  await screenshot(admin, '64-declaraties-import');
});

test('five claims that each fit but cross the month cap together: the room counts the ones above, the fifth is marked, the others are approved', async ({
  page,
  browser,
  host,
}) => {
  test.setTimeout(120_000);
  await setUp(page, host.url);
  const today = e2eToday;
  const person = await personWithContract(page, today);
  const admin = await administrateur(page, browser, host.url);
  // About a quarter of the month cap each (whole km, a km apart so none looks like another): four fit, the fifth
  // crosses it.
  const cap = fiscalYear(Number(today.slice(0, 4)))?.maxPerMonth ?? 0;
  const cents = [1, 2, 3, 4, 5].map((i) => (Math.floor(cap / 4 / 23) - i) * 23);
  for (const [i, amount] of cents.entries()) {
    await api(admin, 'claims.create', {
      personId: person.id,
      soort: 'km',
      datum: today,
      omschrijving: `Rit ${i + 1}`,
      van: null,
      naar: null,
      km: amount / 23,
      minuten: null,
      bedragCents: null,
      bonnen: [],
    });
  }
  const before = (n: number) => cents.slice(0, n).reduce((a, b) => a + b, 0);
  await openMenu(admin, 'Sleutelpersonen');
  await openMenu(admin, 'Declaraties');
  const row = (i: number) => admin.getByRole('row', { name: new RegExp(`Rit ${i}`) });
  // Oldest first; each row's room is what is left after the rows above it.
  await expect(row(1)).toContainText(`ruimte ${formatCents(cap)}`);
  await expect(row(2)).toContainText(`ruimte ${formatCents(cap - before(1))}`);
  await expect(row(5)).toContainText(`ruimte ${formatCents(cap - before(4))}`);
  await expect(row(5)).toContainText('Blokkeert goedkeuring: Na goedkeuring');
  await expect(row(5)).toHaveAttribute('data-blocking', 'true');
  for (const i of [1, 2, 3, 4]) await expect(row(i)).not.toHaveAttribute('data-blocking', 'true');

  await admin.getByRole('checkbox', { name: 'Alle ingediende kiezen' }).check();
  await expect(admin.getByText('1 van de 5 gekozen blokkeert')).toBeVisible();
  await admin.setViewportSize({ width: 1366, height: 768 });
  await admin.mouse.move(0, 0);
  await screenshot(admin, '65-declaraties-samen-boven-grens-1366x768');
  await admin.getByRole('button', { name: 'De andere 4 goedkeuren' }).click();
  await expect(admin.getByText('4 declaraties goedgekeurd')).toBeVisible();
  // The fifth stays, with nothing left of the month's room.
  await expect(admin.getByRole('row', { name: /Rit \d/ })).toHaveCount(1);
  await expect(row(5)).toContainText(`ruimte ${formatCents(cap - before(4))}`);
  await expect(row(5)).toContainText('Boven fiscale grens');
});

/** A 1×1 PNG: what a photo of a receipt is, as far as Schakel checks. */
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

test("a receipt added later; a missing IBAN flagged at approval, kept out of the batch at its claim; claims left out; who fills in the organisation's IBAN", async ({
  page,
  browser,
  host,
}) => {
  test.setTimeout(120_000);
  await setUp(page, host.url);
  const today = e2eToday;
  const gulsen = await personWithContract(page, today);
  const farid = await personWithContract(page, today, null, {
    voornaam: 'Farid',
    achternaam: 'Ahmadi',
    iban: null,
  });
  const admin = await administrateur(page, browser, host.url);
  const enter = (personId: string, fields: Record<string, unknown>) =>
    api(admin, 'claims.create', {
      personId,
      datum: today,
      van: null,
      naar: null,
      km: null,
      minuten: null,
      bedragCents: null,
      bonnen: [],
      ...fields,
    });
  // Entered (or imported) without the receipt, which comes in later.
  await enter(gulsen.id, {
    soort: 'parkeren',
    omschrijving: 'Parkeren bij het wijkcentrum',
    bedragCents: 3_50,
  });
  await enter(gulsen.id, { soort: 'km', omschrijving: 'Huisbezoek Zeist', km: 20 });
  await enter(farid.id, { soort: 'km', omschrijving: 'Taalcafé', km: 10 });
  await openMenu(admin, 'Sleutelpersonen');
  await openMenu(admin, 'Declaraties');

  const parking = admin.getByRole('row', { name: /Parkeren bij het wijkcentrum/ });
  await expect(parking).toContainText('Bon ontbreekt');
  await parking.getByRole('button', { name: 'Bon toevoegen' }).click();
  const dialog = admin.getByRole('dialog', { name: 'Bon toevoegen' });
  const choose = async (name: string, mimeType: string, buffer: Buffer) => {
    const chooser = admin.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: 'Bon (foto of PDF)' }).click();
    await (await chooser).setFiles({ name, mimeType, buffer });
  };
  // Typed by its content in the main process: a GIF is named at the field.
  await choose('bon.gif', 'image/gif', Buffer.from('GIF89a...'));
  await dialog.getByRole('button', { name: 'Toevoegen' }).click();
  await expect(dialog).toContainText('bon.gif: alleen een foto (JPEG, PNG) of een PDF');
  await choose('bon.png', 'image/png', png);
  await dialog.getByRole('button', { name: 'Toevoegen' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(parking).toContainText('Bon bekijken');
  await expect(parking).not.toContainText('Bon ontbreekt');
  // A wrong one is replaced from where it is looked at.
  await parking.getByRole('button', { name: 'Bon bekijken' }).click();
  const view = admin.getByRole('dialog', { name: 'Bonnen' });
  await expect(view.getByRole('img', { name: 'bon-1.png' })).toBeVisible();
  await view.getByRole('button', { name: 'Bon vervangen' }).click();
  await expect(admin.getByRole('dialog', { name: 'Bon vervangen' })).toContainText('Vervangt de bon');
  await admin
    .getByRole('dialog', { name: 'Bon vervangen' })
    .getByRole('button', { name: 'Annuleren' })
    .click();

  // A missing IBAN speaks at approval time, without stopping it: the claim is owed all the same.
  const taalcafe = admin.getByRole('row', { name: /Taalcafé/ });
  await expect(taalcafe).toContainText('Geen geldig IBAN');
  await admin.setViewportSize({ width: 1366, height: 768 });
  await admin.mouse.move(0, 0);
  await screenshot(admin, '65-declaraties-bon-en-iban-1366x768');
  await admin.getByRole('checkbox', { name: 'Alle ingediende kiezen' }).check();
  await admin.getByRole('button', { name: 'Goedkeuren (3)' }).click();
  await expect(admin.getByText('3 declaraties goedgekeurd')).toBeVisible();

  // In the payout it keeps the claim out of a batch, said at the claim; the organisation's IBAN is missing too,
  // and the administrateur reads who fills it in.
  await admin.getByText('Betalen', { exact: true }).click();
  const ready = admin.getByRole('table', { name: 'Klaar voor betaling' });
  await expect(ready.getByRole('row', { name: /Farid Ahmadi/ })).toContainText(
    'IBAN ontbreekt of klopt niet (geen IBAN bekend)',
  );
  await expect(ready.getByRole('checkbox', { name: /In de batch: Farid Ahmadi/ })).toBeDisabled();
  await expect(
    admin.getByText(/de beheerder vult het IBAN van de organisatie in bij Instellingen/),
  ).toBeVisible();
  await expect(admin.getByRole('link', { name: 'Naar Instellingen' })).toHaveCount(0);
  await expect(admin.getByRole('button', { name: 'Betaalbatch maken (2)' })).toBeDisabled();
  await admin.mouse.move(0, 0);
  await screenshot(admin, '66-betalen-iban-ontbreekt-1366x768');

  // The beheerder fills it in; the parking claim is left out of this batch.
  const { updatedAt: _u, ...settings } = await api<Record<string, unknown>>(page, 'settings.get', {});
  await api(page, 'settings.update', { ...settings, iban: 'NL91ABNA0417164300', bic: 'ABNANL2A' });
  await admin.getByText('Beoordelen', { exact: true }).click();
  await admin.getByText('Betalen', { exact: true }).click();
  await expect(admin.getByText(/IBAN van de organisatie ontbreekt/)).toHaveCount(0);
  await ready
    .getByRole('row', { name: /Parkeren/ })
    .getByRole('checkbox')
    .uncheck();
  await expect(admin.getByText('1 declaratie voor 1 persoon, samen € 4,60.')).toBeVisible();
  // A date in the past is refused at the date.
  await admin.getByLabel('Uitvoerdatum').fill(formatDate(addDays(today, -1)));
  await admin.getByRole('button', { name: 'Betaalbatch maken (1)' }).click();
  await expect(admin.getByText('Ligt in het verleden')).toBeVisible();
  await admin.keyboard.press('Escape');
  await admin.mouse.move(0, 0);
  // Only for the picture: the calendar's closing fade.
  await admin.waitForTimeout(400);
  await screenshot(admin, '67-betalen-kiezen-1366x768');
  await admin.getByLabel('Uitvoerdatum').fill(formatDate(addDays(today, 1)));
  await admin.getByRole('button', { name: 'Betaalbatch maken (1)' }).click();
  await expect(admin.getByText('Betaalbatch gemaakt; het SEPA-bestand is gecontroleerd')).toBeVisible();
  await expect(admin.getByRole('row', { name: /B20\d\d-0001/ })).toContainText('€ 4,60');
  // What was left out waits for the next batch.
  await expect(ready.getByRole('row', { name: /Parkeren/ })).toBeVisible();
  await expect(ready.getByRole('row', { name: /Farid Ahmadi/ })).toBeVisible();
  await expect(admin.getByRole('button', { name: 'Betaalbatch maken (1)' })).toBeEnabled();
});
