import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { runBrowserHost } from '../../electron/browser-host.ts';
import { demoPassphrase, demoPassword } from '../../electron/core/demo/seed.ts';
import { e2eClock } from './clock.ts';
import { test as base, expect, openMenu, screenshot, sidewaysScrollers } from './fixtures.ts';

// One demo per worker, as `scripts/schakel start --demo` makes it: the tests only look, each in its own session.
// biome-ignore lint/complexity/noBannedTypes: Playwright's type for "no test-scoped fixtures".
const test = base.extend<{}, { demo: { url: string } }>({
  demo: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
    async ({}, use) => {
      const base = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-demo-'));
      const { core, host } = await runBrowserHost(
        {
          dataDir: path.join(base, 'demo'),
          demo: true,
          port: undefined,
          browser: true,
        },
        demoPassphrase,
        e2eClock,
      );
      await use({ url: host.url });
      await host.close();
      await core.close();
      fs.rmSync(base, { recursive: true, force: true });
    },
    // Filling the demo renders a PDF for every contract: more than a test's own time on a busy machine.
    { scope: 'worker', timeout: 180_000 },
  ],
});

/** Logs in on the demo at 1366×768 and waits for the start screen's greeting. */
async function logIn(page: Page, url: string, username: string): Promise<void> {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(url);
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

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
    expect(await sidewaysScrollers(page), 'Start').toEqual([]);
    for (const item of [
      'Sleutelpersonen',
      'Caseload',
      'Scholing',
      'Declaraties',
      'Functieprofielen',
      'Auditlog',
    ]) {
      await openMenu(page, item);
      await expect(page.getByRole('table').first()).toBeVisible();
      expect(await sidewaysScrollers(page), item).toEqual([]);
      await screenshot(page, `22-${item.toLowerCase()}-${width}`);
    }
  });
}

test('the projectleider starts on the attention list and sees the team at work', async ({ page, demo }) => {
  await logIn(page, demo.url, 'marco');
  await expect(page.getByRole('heading', { name: 'Goedendag, Marco' })).toBeVisible();
  for (const heading of [
    'VOG verloopt of is verlopen',
    'Actief zonder VOG',
    'Bijstand: toestemming gemeente ontbreekt',
  ]) {
    await expect(page.getByRole('table', { name: heading }).getByRole('row').first(), heading).toBeVisible();
  }
  await screenshot(page, '23-demo-start-marco');
  await openMenu(page, 'Caseload');
  const caseload = page.getByRole('table', { name: 'Caseload' });
  await expect(caseload.getByRole('cell', { name: 'ja', exact: true }).first()).toBeVisible();
  await openMenu(page, 'Intervisie');
  await expect(page.getByText('Intervisie dinsdagochtend').first()).toBeVisible();
  await openMenu(page, 'Declaraties');
  await expect(
    page.getByRole('table', { name: 'Declaraties' }).getByText('Boven fiscale grens').first(),
  ).toBeVisible();
  await screenshot(page, '24-demo-declaraties-marco');
});

for (const [username, name] of [
  ['samira', 'Samira'],
  ['pieter', 'Pieter'],
  ['esther', 'Esther'],
] as const) {
  test(`begeleider ${name} starts on their own caseload's conversations, signals and goals`, async ({
    page,
    demo,
  }) => {
    await logIn(page, demo.url, username);
    await expect(page.getByRole('heading', { name: `Goedendag, ${name}` })).toBeVisible();
    for (const heading of ['Gesprek te laat', 'Open signalen', 'Leerdoelen over de streefdatum']) {
      await expect(
        page.getByRole('table', { name: heading }).getByRole('row').first(),
        heading,
      ).toBeVisible();
    }
    await screenshot(page, `25-demo-start-${username}`);
    // The signal is there to follow up, and the plan has goals with their progress.
    await page
      .getByRole('table', { name: 'Open signalen' })
      .getByRole('link', { name: 'Opvolgen' })
      .first()
      .click();
    await expect(page.getByText(/^Signaal: /).first()).toBeVisible();
    await expect(page.getByText('open', { exact: true }).first()).toBeVisible();
    await page.getByRole('tab', { name: 'POP' }).click();
    await expect(page.getByText(/^\d\d-\d\d-\d{4} · bezig: /).first()).toBeVisible();
    await openMenu(page, 'Caseload');
    await expect(
      page.getByRole('table', { name: 'Caseload' }).getByRole('cell', { name: 'ja', exact: true }).first(),
    ).toBeVisible();
  });
}

for (const username of ['annelies', 'johan']) {
  test(`administrateur ${username} finds claims to decide, with their checks, and batches to pay`, async ({
    page,
    demo,
  }) => {
    await logIn(page, demo.url, username);
    // Their own start: claims waiting and those that block, and the batches to send.
    const first = username.charAt(0).toUpperCase() + username.slice(1);
    await expect(page.getByRole('heading', { name: `Goedendag, ${first}` })).toBeVisible();
    await expect(page.getByText('declaraties wachten op beoordeling')).toBeVisible();
    await expect(
      page.getByRole('table', { name: 'Declaraties die niet goedgekeurd kunnen worden' }),
    ).toBeVisible();
    await expect(page.getByRole('table', { name: 'Betaalbatches' })).toContainText(
      'Nog aanbieden bij de bank',
    );
    await screenshot(page, `26-demo-start-${username}`);
    await openMenu(page, 'Declaraties');
    const queue = page.getByRole('table', { name: 'Declaraties' });
    for (const check of ['Boven fiscale grens', 'Bon ontbreekt', 'Niet in contract', 'Geen contract']) {
      await expect(queue.getByText(check).first(), check).toBeVisible();
    }
    await expect(queue.getByRole('button', { name: 'Bon bekijken' }).first()).toBeVisible();
    await screenshot(page, `27-demo-declaraties-${username}`);
    await page.getByText('Betalen', { exact: true }).click();
    const batches = page.getByRole('table', { name: 'Betaalbatches' });
    await expect(batches.getByText('Betaald', { exact: true })).toBeVisible();
    await expect(batches.getByText('Concept', { exact: true })).toBeVisible();
    await screenshot(page, `28-demo-betalen-${username}`);

    // Time is typed as hours and minutes, or as hours with a decimal comma.
    await page.getByRole('button', { name: 'Nieuwe declaratie' }).click();
    const form = page.getByRole('dialog', { name: 'Nieuwe declaratie' });
    await form.getByRole('combobox', { name: 'Soort' }).click();
    await page.getByRole('option', { name: 'Uren (vrijwilligersvergoeding)' }).click();
    const time = form.getByRole('textbox', { name: 'Tijd (uren:minuten)' });
    await time.fill('1,5');
    await time.blur();
    await expect(time).toHaveValue('1:30');
    await time.fill('anderhalf');
    await expect(form.getByText('vul uren en minuten in, bijvoorbeeld 1:30 of 1,5')).toBeVisible();
    await form.getByRole('button', { name: 'Annuleren' }).click();
  });
}
