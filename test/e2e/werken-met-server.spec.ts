import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runBrowserHost } from '../../electron/browser-host.ts';
import type { Core } from '../../electron/core/app-core.ts';
import { personInput } from '../support/harness.ts';
import { e2eClock } from './clock.ts';
import {
  api,
  atBothSizes,
  test as base,
  e2eKey,
  expect,
  openMenu,
  screenshot,
  secondWindow,
  seriousFindings,
  setUp,
  strongPassword,
} from './fixtures.ts';

// The desk's core beside its window, to put in place what only a server's answer makes (Te verwerken items).
const test = base.extend<{ desk: { url: string; core: Core } }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
  desk: async ({}, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-e2e-'));
    const { core, host } = await runBrowserHost(
      { dataDir, demo: false, port: undefined, browser: true },
      e2eKey,
      e2eClock,
    );
    await use({ url: host.url, core });
    await host.close();
    await core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
});

test.describe.configure({ timeout: 120_000 });

test('the beheerder connects this computer from Instellingen; what the main process refuses stands at its field', async ({
  page,
  host,
}) => {
  await setUp(page, host.url);
  await openMenu(page, 'Instellingen');
  const section = page.getByRole('region', { name: 'Werken met een server' });
  await expect(section.getByRole('heading', { name: 'Werken met een server' })).toBeVisible();
  // A desk working alone shows no status line and no Te verwerken.
  await expect(page.getByRole('button', { name: 'Nu bijwerken' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /Te verwerken/ })).toHaveCount(0);

  // Neither answer about this computer's records is assumed: one sends them, the other removes them.
  await section.getByLabel('Serveradres').fill('http://schakel.example.nl');
  await section.getByLabel('Vingerafdruk van het certificaat').fill('AB:CD:12');
  await section.getByLabel('Koppelcode').fill('K7Q');
  await section.getByRole('button', { name: 'Verbinden' }).click();
  await expect(section.getByText('Kies wat er met de gegevens van deze computer gebeurt')).toBeVisible();
  await section.getByRole('radio', { name: 'Vervangen door de gegevens van de server' }).check();
  await expect(section.getByText('De gegevens op deze computer verdwijnen')).toBeVisible();

  await section.getByRole('button', { name: 'Verbinden' }).click();
  const error = (label: string) => section.getByLabel(label).and(page.locator('[aria-invalid="true"]'));
  await expect(error('Serveradres')).toBeVisible();
  await expect(section.getByText('Het adres begint met https://')).toBeVisible();
  await expect(section.getByText('Een vingerafdruk is 64 tekens 0-9 en A-F')).toBeVisible();
  await expect(error('Koppelcode')).toBeVisible();
  await expect(section.getByText('Geef de computer een naam')).toBeVisible();
  await expect(section.getByText('Vul je gebruikersnaam in')).toBeVisible();
  await expect(section.getByText('Vul je wachtwoord in')).toBeVisible();
  // The cursor goes to the first field the main process named.
  await expect(section.getByLabel('Serveradres')).toBeFocused();
  await atBothSizes(page, 'sync-verbinden-fouten');
  expect(await seriousFindings(page)).toEqual([]);

  // Put right, the input passes; a server that does not answer (nothing listens on port 9) is a notice, not a
  // field error, and this computer stays as it was: signed in, working alone.
  await section.getByLabel('Serveradres').fill('https://127.0.0.1:9');
  await section.getByLabel('Vingerafdruk van het certificaat').fill('ab'.repeat(32));
  await section.getByLabel('Koppelcode').fill('K7QD-M3XW-9HTP');
  await section.getByLabel('Naam van deze computer').fill('Laptop kantoor');
  await section.getByLabel('Gebruikersnaam').fill('annelies');
  await section.getByRole('textbox', { name: 'Wachtwoord' }).fill(strongPassword);
  await section.getByRole('radio', { name: 'Gegevens van deze computer meenemen naar de server' }).check();
  await page.setViewportSize({ width: 1366, height: 768 });
  await section.getByRole('button', { name: 'Verbinden' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Niet gelukt' })).toBeVisible();
  await expect(page.locator('[aria-invalid="true"]')).toHaveCount(0);
  await expect(section.getByRole('button', { name: 'Verbinden' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Uitloggen' })).toBeVisible();
});

test('only a beheerder sees Werken met een server', async ({ page, browser, host }) => {
  await setUp(page, host.url);
  await api(page, 'accounts.create', {
    displayName: 'Marco Jansen',
    username: 'marco',
    role: 'projectleider',
    isBeheerder: false,
    password: strongPassword,
  });
  const other = await secondWindow(browser);
  await other.goto(host.url);
  await other.getByLabel('Gebruikersnaam').fill('marco');
  await other.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(strongPassword);
  await other.getByRole('button', { name: 'Inloggen' }).click();
  await expect(other.getByRole('heading', { name: 'Goedendag, Marco' })).toBeVisible();
  await other.goto(`${host.url.split('#')[0]}#/instellingen`);
  await expect(other.getByRole('heading', { name: 'Instellingen', level: 1 })).toBeVisible();
  await expect(other.getByRole('heading', { name: 'Bankrekening voor uitbetalingen' })).toBeVisible();
  await expect(other.getByText('Werken met een server')).toHaveCount(0);
  await expect(other.getByLabel('Koppelcode')).toHaveCount(0);
});

test('Te verwerken: what the server did not take, in words; a conflict applied again, a refusal let go', async ({
  page,
  desk,
}) => {
  await setUp(page, desk.url);
  const me = await api<{ id: string }>(page, 'auth.me', {});
  const saved = await api<{ id: string }>(
    page,
    'persons.create',
    personInput({ voornaam: 'Hodan', achternaam: 'Warsame' }),
  );
  const { id, version } = await api<{ id: string; version: number }>(page, 'persons.get', { id: saved.id });
  // As desk-push.ts files them when the server answers: a conflict on this person, a refused account change.
  const item = (id: string, call: string, input: unknown, madeAt: string) => ({
    id,
    account_id: me.id,
    call,
    input: JSON.stringify(input),
    context: JSON.stringify({ now: madeAt, ids: [] }),
    created_at: '2026-11-25T09:30:00.000Z',
    resolved_at: null,
    resolution: null,
  });
  await desk.core.store.db
    .insertInto('sync_inbox')
    .values([
      {
        ...item(
          '019ab000-0000-7000-8000-000000000001',
          'persons.update',
          {
            ...personInput({ voornaam: 'Hodan', achternaam: 'Warsame', telefoon: '06 1234 5678' }),
            id,
            version,
          },
          '2026-11-25T08:12:00.000Z',
        ),
        outcome: 'conflict',
        message:
          'Dit is intussen gewijzigd door Marco Jansen op 25-11-2026 09:20 (gewijzigd: Telefoon, IBAN). Je wijziging is niet opgeslagen.',
        details: JSON.stringify({
          recordType: 'persons',
          recordId: id,
          changedBy: 'Marco Jansen',
          changedAt: '2026-11-25T08:20:00.000Z',
          fields: ['Telefoon', 'IBAN'],
        }),
      },
      {
        ...item(
          '019ab000-0000-7000-8000-000000000002',
          'accounts.resetPassword',
          { id: me.id, version: 1, password: 'geheim wachtwoord van mij' },
          '2026-11-25T08:40:00.000Z',
        ),
        outcome: 'afgewezen',
        message: 'Geen toegang: je rol mag dit niet.',
        details: null,
      },
    ])
    .execute();

  await page.goto(`${desk.url.split('#')[0]}#/te-verwerken`);
  await expect(page.getByRole('heading', { name: 'Te verwerken', level: 1 })).toBeVisible();
  const table = page.getByRole('table', { name: 'Te verwerken' });
  const conflictRow = table.getByRole('row').filter({ hasText: 'Sleutelpersoon gewijzigd' });
  await expect(conflictRow).toContainText('Hodan Warsame');
  await expect(conflictRow).toContainText('25-11-2026 09:12');
  await expect(conflictRow).toContainText('Conflict');
  const refusedRow = table.getByRole('row').filter({ hasText: 'Wachtwoord van een account ingesteld' });
  await expect(refusedRow).toContainText('Afgewezen');
  await expect(refusedRow).toContainText('Geen toegang: je rol mag dit niet.');
  await atBothSizes(page, 'sync-te-verwerken');
  expect(await seriousFindings(page)).toEqual([]);

  // The conflict: who changed which fields and when, and what was entered.
  await conflictRow.getByRole('button', { name: /^Bekijken/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Sleutelpersoon gewijzigd' });
  await expect(dialog.getByText('Door Marco Jansen op 25-11-2026 09:20.')).toBeVisible();
  await expect(dialog.getByRole('listitem').filter({ hasText: /^IBAN$/ })).toBeVisible();
  await expect(dialog.getByText('Achternaam: Warsame')).toBeVisible();
  await expect(dialog.getByText('Taal: Koerdisch (Kurmanci) · Niveau: goed')).toBeVisible();
  // What was left empty is not listed; a field the other also changed is marked.
  await expect(dialog).not.toContainText('Tussenvoegsel');
  await expect(dialog.getByRole('listitem').filter({ hasText: 'Telefoon: 06 1234 5678' })).toContainText(
    'ook intussen gewijzigd',
  );
  await expect(dialog).not.toContainText(id);
  // The ways out, in words: what was typed can be changed first; amounts, dates and choices on their own screen.
  await expect(dialog.getByText(/je wijzigt wat je typte en verstuurt het opnieuw/)).toBeVisible();
  await expect(
    dialog.getByText(/Bedragen, datums, keuzes en bestanden pas je aan op het scherm/),
  ).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Aanpassen…' })).toBeVisible();
  await screenshot(page, 'sync-conflict-1366x768');
  expect(await seriousFindings(page)).toEqual([]);
  // The whole dialog at once, to look at.
  await page.setViewportSize({ width: 1366, height: 1200 });
  await screenshot(page, 'sync-conflict-heel');
  await page.setViewportSize({ width: 1366, height: 768 });
  await dialog.getByRole('button', { name: 'Opnieuw toepassen' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(conflictRow).toHaveCount(0);
  // Back at the end of the outbox, on the record's version as this computer holds it now.
  const again = await desk.core.store.db.selectFrom('sync_outbox').selectAll().execute();
  expect(again.map((row) => [row.call, JSON.parse(row.input).version])).toEqual([
    ['persons.update', version],
  ]);

  // The refusal: passwords never shown or offered to change; only letting it go.
  await refusedRow.getByRole('button', { name: /^Bekijken/ }).click();
  const refused = page.getByRole('dialog', { name: 'Wachtwoord van een account ingesteld' });
  await expect(refused.getByText('Wachtwoord: [verborgen]')).toBeVisible();
  await expect(refused).not.toContainText('geheim');
  await expect(refused.getByRole('button', { name: 'Opnieuw toepassen' })).toHaveCount(0);
  // Nothing in it was typed text to change: no password is ever offered for editing.
  await expect(refused.getByRole('button', { name: 'Aanpassen…' })).toHaveCount(0);
  await refused.getByRole('button', { name: 'Laten vervallen' }).click();
  await expect(page.getByText('Niets te verwerken')).toBeVisible();
  const resolved = await desk.core.store.db
    .selectFrom('sync_inbox')
    .select(['call', 'resolution'])
    .orderBy('id')
    .execute();
  expect(resolved).toEqual([
    { call: 'persons.update', resolution: 'opnieuw' },
    { call: 'accounts.resetPassword', resolution: 'verworpen' },
  ]);
  await openMenu(page, 'Auditlog');
  await expect(page.getByText('Te verwerken: verworpen')).toBeVisible();
});
