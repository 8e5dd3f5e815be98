import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { runBrowserHost } from '../../electron/browser-host.ts';
import { demoPassphrase, demoPassword } from '../../electron/core/demo/seed.ts';
import { openMenu, screenshot } from './fixtures.ts';

const test = base.extend<{ demo: { url: string } }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
  demo: async ({}, use) => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-demo-'));
    const { core, host } = await runBrowserHost(
      {
        dataDir: path.join(base, 'demo'),
        demo: true,
        port: undefined,
        browser: true,
      },
      demoPassphrase,
    );
    await use({ url: host.url });
    await host.close();
    await core.close();
    fs.rmSync(base, { recursive: true, force: true });
  },
});

// Filling the demo data set is part of each test's set-up: allow for it on a busy machine.
test.describe.configure({ timeout: 180_000 });

test('the demo data set: a full register to page, filter and search', async ({ page, demo }) => {
  await page.goto(demo.url);
  await page.getByLabel('Gebruikersnaam').fill('marco');
  await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  // The projectleider's start: the attention list grouped by kind, each line with the step that resolves it.
  const noContract = page.getByRole('table', { name: 'Actief zonder lopend contract' });
  await expect(page.getByRole('heading', { name: 'Goedendag, Marco' })).toBeVisible();
  await expect(
    page
      .getByRole('table', { name: 'Actief zonder VOG' })
      .getByRole('link', { name: 'VOG-datum vastleggen' })
      .first(),
  ).toBeVisible();
  await expect(noContract.or(page.getByRole('table').first())).toBeVisible();
  await screenshot(page, '19-start-demo');
  await openMenu(page, 'Sleutelpersonen');
  await expect(page.getByText('1–25 van 180')).toBeVisible();
  await screenshot(page, '20-register-demo');

  await page.getByRole('button', { name: 'Naam ▲' }).click();
  await expect(page.getByRole('button', { name: 'Naam ▼' })).toBeVisible();
  await page.getByRole('button', { name: 'Volgende pagina' }).click();
  await expect(page.getByText('26–50 van 180')).toBeVisible();

  await page.getByRole('combobox', { name: 'Taal', exact: true }).click();
  await page.getByRole('option', { name: 'Tigrinya' }).click();
  await expect(page.getByText(/^1–\d+ van \d+$/)).toBeVisible();
  const rows = page.getByRole('row');
  await expect(rows.nth(1)).toContainText('Tigrinya');
  await screenshot(page, '21-register-filter-taal');

  await page.getByRole('button', { name: 'Filters wissen' }).click();
  await page.getByLabel('Zoeken').fill('sukru');
  await expect(page.getByRole('link', { name: /Şükrü/ }).first()).toBeVisible();
});

/** Whether the page or a table's scroll container has to scroll sideways. */
async function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(
    () =>
      document.documentElement.scrollWidth > window.innerWidth ||
      [...document.querySelectorAll('table')].some((t) => {
        const box = t.parentElement;
        return box !== null && box.scrollWidth > box.clientWidth + 1;
      }),
  );
}

for (const [width, height] of [
  [1366, 768],
  [1024, 700],
] as const) {
  test(`no screen scrolls sideways at ${width}×${height}`, async ({ page, demo }) => {
    await page.setViewportSize({ width, height });
    await page.goto(demo.url);
    await page.getByLabel('Gebruikersnaam').fill('marco');
    await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(demoPassword);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect(page.getByRole('heading', { name: 'Goedendag, Marco' })).toBeVisible();
    expect(await scrollsSideways(page), 'Start').toBe(false);
    for (const item of ['Sleutelpersonen', 'Caseload', 'Declaraties', 'Functieprofielen', 'Auditlog']) {
      await openMenu(page, item);
      await expect(page.getByRole('table').first()).toBeVisible();
      expect(await scrollsSideways(page), item).toBe(false);
      await screenshot(page, `22-${item.toLowerCase()}-${width}`);
    }
  });
}
