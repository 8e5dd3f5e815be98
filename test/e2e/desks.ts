/**
 * Desks on a Schakel server as the e2e specs drive them: each a browser host with its own data folder and core,
 * its background rounds on timers that never fire by themselves (a round comes from a click on "Nu bijwerken"),
 * connected from Instellingen as a beheerder does it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { rendererDir } from '../../electron/browser-host.ts';
import { startCore } from '../../electron/core/app-core.ts';
import { startBrowserHost } from '../../electron/core/http/browser-host.ts';
import { password } from '../support/harness.ts';
import { manualTimers } from '../support/manual-timers.ts';
import type { Listening } from '../support/server-process.ts';
import { e2eClock } from './clock.ts';
import { e2eKey, expect, openMenu, setUp } from './fixtures.ts';

/** A desk: its own data folder, core and browser host, its rounds only on request. */
export async function deskHost() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-e2e-desk-'));
  const core = await startCore(dataDir, { key: e2eKey, clock: e2eClock, timers: manualTimers().timers });
  const host = await startBrowserHost({ dispatcher: core.dispatcher, staticDir: rendererDir });
  return {
    url: host.url,
    async close() {
      await host.close();
      await core.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function signIn(page: Page, username: string, greeting: string) {
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('heading', { name: `Goedendag, ${greeting}` })).toBeVisible();
}

/** As a beheerder does it: a first account of this computer's own, then Instellingen → Werken met een server. */
export async function connect(page: Page, url: string, server: Listening, code: string, naam: string) {
  await setUp(page, url);
  await openMenu(page, 'Instellingen');
  const section = page.getByRole('region', { name: 'Werken met een server' });
  await section.getByLabel('Serveradres').fill(server.url);
  await section.getByLabel('Vingerafdruk van het certificaat').fill(server.fingerprint);
  await section.getByLabel('Koppelcode').fill(code);
  await section.getByLabel('Naam van deze computer').fill(naam);
  await section.getByLabel('Gebruikersnaam').fill('bea');
  await section.getByRole('textbox', { name: 'Wachtwoord' }).fill(password);
  await section.getByRole('radio', { name: 'Vervangen door de gegevens van de server' }).check();
  await section.getByRole('button', { name: 'Verbinden' }).click();
  await expect(page.getByText(/Verbonden met Welzijn Oost/)).toBeVisible();
  // Annelies's account here made way for the server's: bea signs in with her server password.
  await signIn(page, 'bea', 'Bea');
  await expect(page.getByRole('status').filter({ hasText: /Bijgewerkt om/ })).toBeVisible();
}

export const statusLine = (page: Page) =>
  page.getByRole('status').filter({ hasText: /Bijgewerkt|Offline|Niet aangemeld/ });

export async function syncNow(page: Page) {
  await page.getByRole('button', { name: 'Nu bijwerken' }).click();
  await expect(page.getByRole('button', { name: 'Nu bijwerken' })).toBeEnabled();
}
