import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openMenu, screenshot, secondWindow, setUp, strongPassword, test } from './fixtures.ts';

async function addAccount(page: Page, name: string, username: string, role: string) {
  await openMenu(page, 'Accounts');
  await page.getByRole('button', { name: 'Nieuw account' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nieuw account' });
  await dialog.getByLabel('Naam', { exact: true }).fill(name);
  await dialog.getByLabel('Gebruikersnaam').fill(username);
  await dialog.getByRole('combobox', { name: 'Rol' }).click();
  await page.getByRole('option', { name: role }).click();
  await dialog.getByRole('textbox', { name: 'Eerste wachtwoord' }).fill(strongPassword);
  await dialog.getByRole('button', { name: 'Aanmaken' }).click();
  await expect(page.getByRole('cell', { name, exact: true })).toBeVisible();
}

async function logIn(page: Page, url: string, username: string) {
  await page.goto(url);
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(strongPassword);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

test('a begeleider sets up a POP, records a conversation that reaches a goal, sees the caseload update and prints the POP', async ({
  page,
  browser,
  host,
}) => {
  await setUp(page, host.url);
  await addAccount(page, 'Samira Bouali', 'samira', 'Begeleider');
  await addAccount(page, 'Johan Smit', 'johan', 'Administrateur');
  await openMenu(page, 'Sleutelpersonen');
  await page.getByRole('link', { name: 'Nieuwe sleutelpersoon' }).click();
  await page.getByLabel('Voornaam').fill('Łukasz');
  await page.getByLabel('Achternaam').fill('Dąbrowski');
  await page.getByRole('combobox', { name: 'Vaste begeleider' }).click();
  await page.getByRole('option', { name: 'Samira Bouali' }).click();
  await page.getByRole('button', { name: 'Sleutelpersoon toevoegen' }).click();
  await expect(page.getByRole('heading', { name: 'Łukasz Dąbrowski' })).toBeVisible();
  const personUrl = page.url();

  const samira = await secondWindow(browser);
  await logIn(samira, host.url, 'samira');
  await openMenu(samira, 'Caseload');
  await expect(samira.getByRole('row', { name: /Łukasz Dąbrowski/ })).toContainText('nog niet');
  await samira.goto(`${personUrl}/pop`);
  await samira.getByRole('button', { name: 'Leerdoel toevoegen' }).click();
  await samira.getByLabel('Wat').fill('Voorlichting geven aan een groep ouders');
  await samira
    .getByLabel('Kwaliteiten')
    .fill('Spreekt Pools en Russisch; kent de Poolse gemeenschap in Utrecht');
  await samira.getByLabel('Ambitie').fill('Mbo-opleiding Sociaal Werk');
  await samira.getByRole('button', { name: 'POP vastleggen' }).click();
  await expect(samira.getByText('Voorlichting geven aan een groep ouders')).toBeVisible();
  await screenshot(samira, '50-pop');

  await samira.getByRole('tab', { name: 'Begeleiding' }).click();
  await samira.getByRole('button', { name: 'Gesprek of notitie vastleggen' }).click();
  await samira
    .getByLabel('Samenvatting')
    .fill('Eerste voorlichting op de basisschool gegeven, goed ontvangen.');
  await samira.getByLabel('Voorlichting geven aan een groep ouders').check();
  await samira
    .getByRole('combobox', { name: 'Nieuwe status Voorlichting geven aan een groep ouders' })
    .click();
  await samira.getByRole('option', { name: 'Behaald' }).click();
  await samira
    .getByRole('textbox', { name: 'Voortgang Voorlichting geven aan een groep ouders' })
    .fill('Twaalf ouders bereikt');
  await screenshot(samira, '51-gesprek-vastleggen');
  await samira.getByRole('button', { name: 'Vastleggen', exact: true }).click();
  await expect(samira.getByText('Eerste voorlichting op de basisschool gegeven')).toBeVisible();
  await expect(
    samira.getByText('Voorlichting geven aan een groep ouders: Twaalf ouders bereikt'),
  ).toBeVisible();
  await screenshot(samira, '52-begeleidingslog');

  await openMenu(samira, 'Caseload');
  const row = samira.getByRole('row', { name: /Łukasz Dąbrowski/ });
  await expect(row).toContainText('Op schema');
  await expect(row).toContainText('ja');
  await screenshot(samira, '53-caseload');

  // A signal of overload: the begeleider's own start screen lists it with the step to follow it up.
  await samira.goto(`${personUrl}/begeleiding`);
  await samira.getByRole('button', { name: 'Gesprek of notitie vastleggen' }).click();
  await samira.getByRole('combobox', { name: 'Soort' }).click();
  await samira.getByRole('option', { name: 'Signaal' }).click();
  await samira.getByRole('combobox', { name: 'Wat voor signaal' }).click();
  await samira.getByRole('option').first().click();
  await samira.getByLabel('Samenvatting').fill('Wordt ook in de avond vaak gebeld.');
  await samira.getByRole('button', { name: 'Vastleggen', exact: true }).click();
  await expect(samira.getByText('Wordt ook in de avond vaak gebeld.')).toBeVisible();
  await samira.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Start' }).click();
  await expect(samira.getByRole('heading', { name: 'Goedendag, Samira' })).toBeVisible();
  const signals = samira.getByRole('table', { name: 'Open signalen' });
  await expect(signals.getByRole('row', { name: /Łukasz Dąbrowski/ })).toContainText(
    '1 signaal nog niet gesloten',
  );
  await signals.getByRole('link', { name: 'Opvolgen' }).click();
  await expect(samira.getByRole('tab', { name: 'Begeleiding', selected: true })).toBeVisible();
  await screenshot(samira, '55-start-begeleider');

  await samira.goto(`${personUrl}/pop`);
  await expect(
    samira.getByRole('tabpanel', { name: 'POP' }).getByText('Behaald', { exact: true }),
  ).toBeVisible();
  const downloadPromise = samira.waitForEvent('download');
  await samira.getByRole('button', { name: 'POP als PDF' }).click();
  const file = path.join(host.dataDir, 'begeleiding.popPdf');
  await (await downloadPromise).saveAs(file);
  const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
  expect(text).toContain('Persoonlijk ontwikkelingsplan');
  expect(text).toContain('Łukasz Dąbrowski');
  expect(text).toContain('Voorlichting geven aan een groep ouders');
  expect(text).toContain('Behaald');
  expect(text).toContain('Twaalf ouders bereikt');
  expect(text).toContain('Samira Bouali');

  // The administrateur does not see begeleiding, not in the menu and not by calling the host directly.
  const johan = await secondWindow(browser);
  await logIn(johan, host.url, 'johan');
  // The administrateur's own start: claims and payments, nothing of begeleiding.
  await expect(johan.getByRole('heading', { name: 'Goedendag, Johan' })).toBeVisible();
  await expect(johan.getByText('declaraties wachten op beoordeling')).toBeVisible();
  await expect(johan.getByRole('link', { name: 'Caseload' })).toHaveCount(0);
  const personId = personUrl.split('/').at(-1) ?? '';
  const refused = await johan.evaluate(async (id) => {
    const response = await fetch('api/begeleiding.log', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-schakel-token': sessionStorage.getItem('schakel-token') ?? '',
        'x-schakel-client': sessionStorage.getItem('schakel-client') ?? '',
      },
      body: JSON.stringify({ personId: id }),
    });
    return { status: response.status, body: await response.json() };
  }, personId);
  expect(refused.status).toBe(403);
  expect(refused.body.error.message).toMatch(/^Geen toegang/);
  await johan.goto(personUrl);
  await expect(johan.getByRole('tab', { name: 'Begeleiding' })).toHaveCount(0);
  await expect(johan.getByRole('tab', { name: 'POP' })).toHaveCount(0);
});
