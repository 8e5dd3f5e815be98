import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { inzetImportColumns } from '../../shared/inzet.ts';
import { personInput, volunteerContract } from '../support/harness.ts';
import { e2eToday } from './clock.ts';
import {
  api,
  atBothSizes,
  expect,
  openMenu,
  screenshot,
  secondWindow,
  setUp,
  strongPassword,
  test,
} from './fixtures.ts';

/**
 * Serious and critical WCAG 2.1 A/AA findings on the page as it is now, one line each. The "opgeslagen" notice is
 * left out: its close button (the app's notifications, not this screen) has no name yet.
 */
async function seriousFindings(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .exclude('.mantine-Notifications-root')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join('; ')})`,
    );
}

/** Gülşen Doğan, paid € 5 an hour under a volunteer contract for this year. */
async function volunteerPaidPerHour(page: Page) {
  const person = await api<{ id: string }>(page, 'persons.create', {
    ...personInput({ email: 'gulsen@example.org', telefoon: null }),
    voornaam: 'Gülşen',
    achternaam: 'Doğan',
    status: 'actief',
    statusDatum: '2026-01-01',
  });
  const contract = await api<{ id: string; version: number }>(
    page,
    'contracts.create',
    volunteerContract(person.id, { startdatum: '2026-01-01' }),
  );
  await api(page, 'contracts.finalize', { id: contract.id, version: contract.version });
  await api(page, 'ketenpartners.save', {
    naam: 'GGD Utrecht',
    soort: 'ggd',
    contactpersoon: null,
    telefoon: null,
    email: null,
    gemeente: 'Utrecht',
  });
}

test('inzet recorded in the form for a volunteer paid per hour: the administrateur finds the prepared claim in the queue, and no hulpvraag', async ({
  page,
  browser,
  host,
}) => {
  test.setTimeout(120_000);
  await setUp(page, host.url);
  await volunteerPaidPerHour(page);

  await openMenu(page, 'Inzet');
  await expect(page.getByText('Geen inzet in deze periode.')).toBeVisible();
  await page.getByRole('button', { name: 'Inzet vastleggen' }).click();
  const form = page.getByRole('dialog', { name: 'Inzet vastleggen' });
  // Today and an hour are filled in already.
  await expect(form.getByLabel('Datum')).toHaveValue('25-11-2026');
  await expect(form.getByLabel('Duur')).toHaveValue('1:00');
  await form.getByLabel('Duur').fill('1:30');
  await form.getByRole('combobox', { name: 'Soort activiteit' }).click();
  await page.getByRole('option', { name: 'Huisbezoek' }).click();
  await form.getByRole('combobox', { name: 'Sleutelpersonen' }).fill('Gül');
  await page.getByRole('option', { name: 'Gülşen Doğan' }).click();
  await form.getByRole('combobox', { name: 'Ketenpartner' }).click();
  await page.getByRole('option', { name: 'GGD Utrecht' }).click();
  await form.getByRole('textbox', { name: 'Gemeente' }).fill('Utrecht');
  await form.getByText('Voorlichter', { exact: true }).click();
  await form.getByText('Gezondheid', { exact: true }).click();
  await form.getByLabel('Volwassenen').fill('2');
  await form.getByLabel('Kinderen').fill('3');
  await form.getByLabel('Waarvan statushouders').fill('6');
  await form.getByText('Opvoeding', { exact: true }).click();
  await form.getByLabel('Notitie bij de hulpvraag').fill('Vraag over het consultatiebureau');
  await form.getByText('Huisarts', { exact: true }).click();
  await form.getByLabel('Uitkomst').fill('Afspraak gemaakt');
  // More statushouders than people reached: the main process refuses, at the field.
  await form.getByRole('button', { name: 'Vastleggen' }).click();
  await expect(form.getByText('Meer dan het aantal bereikte mensen (5)')).toBeVisible();
  await form.getByLabel('Waarvan statushouders').fill('2');
  expect(await seriousFindings(page)).toEqual([]);
  await atBothSizes(page, '80-inzet-formulier');
  await page.setViewportSize({ width: 1280, height: 800 });
  await form.getByRole('button', { name: 'Vastleggen' }).click();
  await expect(form).toHaveCount(0);

  const table = page.getByRole('table', { name: 'Inzet' });
  await expect(table.getByRole('row', { name: /Gülşen Doğan/ })).toContainText(
    /25-11-2026.*Huisbezoek.*Gülşen Doğan.*GGD Utrecht.*1:30.*5.*€ 7,50/,
  );
  await expect(page.getByText('1 activiteit, samen 1 uur 30')).toBeVisible();
  await atBothSizes(page, '81-inzet-lijst');
  expect(await seriousFindings(page)).toEqual([]);

  // On her own page, her latest inzet.
  await openMenu(page, 'Sleutelpersonen');
  await page.getByRole('link', { name: 'Gülşen Doğan' }).first().click();
  await page.getByRole('tab', { name: 'Inzet' }).click();
  await expect(page.getByRole('table', { name: 'Inzet van Gülşen Doğan' })).toContainText(
    /25-11-2026.*Huisbezoek.*GGD Utrecht.*1 uur 30 min.*€ 7,50/,
  );
  await screenshot(page, '85-inzet-persoon');
  await openMenu(page, 'Inzet');

  // The import dialog, with a file that has a wrong row: nothing is read, the row and field are named.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole('button', { name: 'Importeren' }).click();
  const dialog = page.getByRole('dialog', { name: 'Inzet importeren' });
  const csv = [
    inzetImportColumns.join(';'),
    '03-11-2026;60;Gülşen Doğan;groepsvoorlichting;GGD Utrecht;;Utrecht;voorlichter;;10;0;4;0;;;;',
    '04-11-2026;60;Gülşen Doğan;huisbezoek;;;Utrecht;;;1;0;0;3;;;;',
  ].join('\n');
  await dialog.locator('input[type=file]').setInputFiles({
    name: 'inzet-november.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv),
  });
  await expect(dialog.getByRole('alert')).toContainText(
    'Regel 3: Waarvan professionals: meer dan het aantal bereikte mensen (1). Er is niets ingelezen.',
  );
  await screenshot(page, '82-inzet-import');
  await dialog.getByRole('button', { name: 'Annuleren' }).click();

  // The administrateur: the prepared claim waits in the queue at the contract's rate.
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
  await expect(admin.getByRole('row', { name: /Gülşen Doğan/ })).toContainText(
    /25-11-2026.*Uren.*Inzet 25-11-2026: Huisbezoek voor GGD Utrecht.*€ 7,50/,
  );
  await screenshot(admin, '83-inzet-declaratie-in-wachtrij');

  // The administrateur reads the inzet's hours and costs, not what it was about.
  await openMenu(admin, 'Inzet');
  await expect(admin.getByRole('row', { name: /Gülşen Doğan/ })).toContainText('€ 7,50');
  await expect(admin.getByRole('button', { name: 'Inzet vastleggen' })).toHaveCount(0);
  await expect(admin.getByText('consultatiebureau')).toHaveCount(0);
  await screenshot(admin, '84-inzet-administrateur');
  expect(e2eToday).toBe('2026-11-25');
});
