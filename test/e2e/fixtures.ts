import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, test as base, expect, type Page } from '@playwright/test';
import { runBrowserHost } from '../../electron/browser-host.ts';
import { e2eClock } from './clock.ts';

/**
 * Each test gets its own browser host on a fresh, empty data folder; the page and the host both run on the suite's
 * fixed day (clock.ts). A test may move the page's clock on with `page.clock`.
 */
export const test = base.extend<{ host: { url: string; dataDir: string } }>({
  page: async ({ page }, use) => {
    await page.clock.install({ time: e2eClock() });
    await use(page);
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
  host: async ({}, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-e2e-'));
    const { core, host } = await runBrowserHost(
      { dataDir, demo: false, port: undefined, browser: true },
      e2eKey,
      e2eClock,
    );
    await use({ url: host.url, dataDir });
    await host.close();
    await core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };

/** A second window with its own session, on the suite's fixed day like the first. */
export async function secondWindow(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.clock.install({ time: e2eClock() });
  return page;
}

/** The database key of every e2e data folder (the browser host asks for it at start). */
export const e2eKey = 'e2e-sleutel voor de versleutelde database';

export const screenshotDir = path.resolve('test-results/screens');

/** What has to scroll sideways: 'pagina' for the page itself, else each table whose box does (by its label). */
export function sidewaysScrollers(page: Page): Promise<string[]> {
  return page.evaluate(() => [
    ...(document.documentElement.scrollWidth > window.innerWidth
      ? [
          `pagina (${document.documentElement.scrollWidth} > ${window.innerWidth}): ${[
            ...document.querySelectorAll('body *'),
          ]
            .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
            .slice(0, 5)
            .map((e) => `${e.tagName}.${e.className}`)
            .join(' | ')}`,
        ]
      : []),
    ...[...document.querySelectorAll('table')]
      .filter(
        (t) => t.parentElement !== null && t.parentElement.scrollWidth > t.parentElement.clientWidth + 1,
      )
      .map((t) => `tabel ${t.getAttribute('aria-label') ?? t.querySelector('th')?.textContent ?? ''}`),
  ]);
}

/** Screenshots at the two window sizes the desks use, neither scrolling sideways. */
export async function atBothSizes(page: Page, name: string): Promise<void> {
  for (const [width, height] of [
    [1366, 768],
    [1024, 700],
  ] as const) {
    await page.setViewportSize({ width, height });
    expect(await sidewaysScrollers(page), `${name} at ${width}×${height}`).toEqual([]);
    await screenshot(page, `${name}-${width}x${height}`);
  }
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });
}

/** Serious and critical WCAG 2.1 A/AA findings on the page as it is now, one line each. */
export async function seriousFindings(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
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

export const strongPassword = 'zomer fiets kaas molen';

/** First run: a projectleider creates the first account (and so becomes beheerder) through the setup screen. */
export async function setUp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Welkom bij Schakel' })).toBeVisible();
  await page.getByLabel('Naam organisatie').fill('Stichting Welzijn Oost');
  await page.getByLabel('Je naam').fill('Annelies de Vries');
  await page.getByLabel('Gebruikersnaam').fill('annelies');
  await page.getByRole('combobox', { name: 'Je rol' }).click();
  await page.getByRole('option', { name: 'Projectleider' }).click();
  await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(strongPassword);
  await page.getByLabel('Herhaal wachtwoord').fill(strongPassword);
  await page.getByRole('button', { name: 'Account aanmaken en beginnen' }).click();
  await expect(page.getByRole('heading', { name: 'Goedendag, Annelies' })).toBeVisible();
  await openMenu(page, 'Sleutelpersonen');
}

/** Opens a screen from the main menu and waits for its heading. */
export async function openMenu(page: Page, item: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: item }).click();
  await expect(page.getByRole('heading', { name: item, level: 1 })).toBeVisible();
}

/** Calls the browser host's API as the logged-in user of this page (for set-up the test does not look at). */
export async function api<T>(page: Page, name: string, input: unknown): Promise<T> {
  const result = await page.evaluate(
    async ([n, body]) => {
      const response = await fetch(`api/${n}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-schakel-token': sessionStorage.getItem('schakel-token') ?? '',
          'x-schakel-client': sessionStorage.getItem('schakel-client') ?? '',
        },
        body: JSON.stringify(body),
      });
      return response.json();
    },
    [name, input] as const,
  );
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as T;
}

/** From the register: a new sleutelpersoon entered by hand (Şükrü Çelik, Turks, Utrecht) and saved. */
export async function enterNewPerson(page: Page, iban: string): Promise<void> {
  await page.getByRole('link', { name: 'Nieuwe sleutelpersoon' }).click();
  await page.getByLabel('Voornaam').fill('Şükrü');
  await page.getByLabel('Achternaam').fill('Çelik');
  await page.getByLabel('Geboortedatum').fill('12-04-1988');
  await page.getByLabel('Geboortedatum').press('Tab');
  await page.getByRole('button', { name: 'Taal toevoegen' }).click();
  await page.getByRole('combobox', { name: 'Taal 1', exact: true }).fill('Turks');
  await page.getByLabel('Postcode').fill('3511ab');
  await page.getByLabel('Gemeente').fill('Utrecht');
  await page.getByLabel('IBAN').fill(iban);
  await page.getByRole('button', { name: 'Sleutelpersoon toevoegen' }).click();
}
