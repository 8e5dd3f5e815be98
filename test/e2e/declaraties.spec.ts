import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { validatePain001 } from '../../electron/core/payouts/sepa.ts';
import { volunteerContract } from '../support/harness.ts';
import { api, expect, openMenu, screenshot, setUp, strongPassword, test } from './fixtures.ts';

/** An active sleutelpersoon with a volunteer contract for this year, set up through the API. */
async function personWithContract(
  page: Page,
  today: string,
  email: string | null = null,
): Promise<{ id: string }> {
  const person = await api<{ id: string }>(page, 'persons.create', {
    voornaam: 'Gülşen',
    tussenvoegsel: null,
    achternaam: 'Doğan',
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
    iban: 'NL91ABNA0417164300',
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
  const admin = await (await browser.newContext()).newPage();
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
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
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

  // Approving everything at once is refused whole: the over-cap claim blocks it and nothing changes.
  await admin.getByRole('checkbox', { name: 'Alle ingediende kiezen' }).check();
  await admin.getByRole('button', { name: 'Goedkeuren (3)' }).click();
  await expect(admin.getByText(/Niet goedgekeurd: Gülşen Doğan/)).toBeVisible();
  await expect(admin.getByRole('button', { name: 'Goedkeuren (3)' })).toBeVisible();

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
  await admin.getByRole('button', { name: 'Betaalbatch maken' }).click();
  await admin
    .getByRole('dialog', { name: 'Betaalbatch maken' })
    .getByRole('button', { name: 'Batch maken' })
    .click();
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
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
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
