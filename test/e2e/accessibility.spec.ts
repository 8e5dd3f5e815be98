import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { runBrowserHost } from '../../electron/browser-host.ts';
import { demoPassphrase, demoPassword } from '../../electron/core/demo/seed.ts';
import { e2eClock } from './clock.ts';
import { test as base, expect, openMenu, seriousFindings } from './fixtures.ts';

const test = base.extend<{ demo: { url: string } }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
  demo: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-a11y-'));
    const { core, host } = await runBrowserHost(
      { dataDir: path.join(dir, 'demo'), demo: true, port: undefined, browser: true },
      demoPassphrase,
      e2eClock,
    );
    await use({ url: host.url });
    await host.close();
    await core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  },
});

// Filling the demo data set is part of each test's set-up: allow for it on a busy machine.
test.describe.configure({ timeout: 180_000 });

/** Findings per screen, collected so one run names them all. */
const found: string[] = [];
async function look(page: Page, screen: string) {
  for (const f of await seriousFindings(page)) found.push(`${screen}: ${f}`);
}

async function logIn(page: Page, url: string, username: string, greeting: string) {
  await page.goto(url);
  await look(page, 'Inloggen');
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('heading', { name: greeting })).toBeVisible();
  await look(page, `Start (${username})`);
}

test('the main screens have no serious or critical accessibility findings (axe)', async ({ page, demo }) => {
  // Twelve full axe runs over pages of demo data: minutes on a busy two-core machine.
  test.setTimeout(240_000);
  await logIn(page, demo.url, 'marco', 'Goedendag, Marco');
  for (const item of [
    'Sleutelpersonen',
    'Caseload',
    'Intervisie',
    'Scholing',
    'Declaraties',
    'Functieprofielen',
    'Auditlog',
  ]) {
    await openMenu(page, item);
    // The screen's data has arrived (its calls are done) before axe looks at it.
    await page.waitForLoadState('networkidle');
    await look(page, item);
  }
  await openMenu(page, 'Scholing');
  await page.getByRole('tab', { name: 'Groepstrainingen' }).click();
  await expect(page.getByRole('button', { name: 'Groepstraining plannen' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  await look(page, 'Groepstrainingen');
  await openMenu(page, 'Sleutelpersonen');
  await page.getByRole('link', { name: /Ş/ }).first().click();
  await expect(page.getByRole('tab', { name: 'Gegevens' })).toBeVisible();
  await look(page, 'Persoon');
  await page.getByRole('tab', { name: 'Scholing' }).click();
  await page.waitForLoadState('networkidle');
  await look(page, 'Persoon: scholing');
  await page.getByRole('link', { name: 'Bewerken' }).click();
  await expect(page.getByLabel('Voornaam')).toBeVisible();
  await look(page, 'Persoon bewerken');
  expect(found).toEqual([]);

  // A dialog puts the cursor in its first field, ready to type.
  await openMenu(page, 'Intervisie');
  await page.getByRole('button', { name: 'Nieuwe groep' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nieuwe intervisiegroep' });
  await expect(dialog.getByLabel('Naam')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});
