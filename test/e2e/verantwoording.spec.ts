import fs from 'node:fs';
import { api, atBothSizes, expect, openMenu, setUp, test } from './fixtures.ts';

// The inzet calls come from another area; until they are merged the report is seeded through the calls that exist
// (a partner and a project with its budget), and the report's figures are covered by the unit and property tests.
test('the quarter report for a project: headline figures, six charts, the budget, PDF and Excel', async ({
  page,
  host,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await setUp(page, host.url);
  const partner = await api<{ id: string }>(page, 'ketenpartners.save', {
    naam: 'Gemeente Doetinchem',
    soort: 'gemeente',
    contactpersoon: null,
    telefoon: null,
    email: null,
    gemeente: 'Doetinchem',
  });
  await api(page, 'ketenpartners.saveProject', {
    naam: 'Samen Gezond',
    partnerId: partner.id,
    gemeente: 'Doetinchem',
    startdatum: '2026-01-01',
    einddatum: null,
    budgetCents: 1_250_000,
  });

  await openMenu(page, 'Verantwoording');
  // The e2e clock stands at 25 November 2026: the fourth quarter is chosen.
  await expect(page.getByRole('combobox', { name: 'Kwartaal' })).toHaveValue('Q4');
  await expect(page.getByText('Hele organisatie · 01-10-2026 t/m 31-12-2026.')).toBeVisible();
  await page.getByRole('combobox', { name: 'Voor' }).click();
  await page.getByRole('option', { name: 'Project of subsidie' }).click();
  await expect(page.getByText('Kies voor wie het verslag is.')).toBeVisible();
  await page.getByRole('combobox', { name: 'Project of subsidie' }).click();
  await page.getByRole('option', { name: 'Samen Gezond' }).click();

  await expect(page.getByText('Project Samen Gezond · 01-10-2026 t/m 31-12-2026.')).toBeVisible();
  await expect(page.getByText('Je ziet de precieze aantallen')).toBeVisible();
  await expect(page.locator('[data-chart] svg')).toHaveCount(6);
  const budget = page.getByRole('table', { name: 'Budget van het project' });
  await expect(budget.getByRole('row', { name: /Nog over van het budget/ })).toContainText('€ 12.500,00');
  await atBothSizes(page, '95-verantwoording');

  const pdf = page.waitForEvent('download');
  await page.getByRole('button', { name: 'PDF downloaden' }).click();
  const pdfFile = await pdf;
  expect(pdfFile.suggestedFilename()).toBe('verantwoording-2026-10-01-tot-2026-12-31.pdf');
  expect(
    fs
      .readFileSync(await pdfFile.path())
      .subarray(0, 5)
      .toString(),
  ).toBe('%PDF-');
  const xlsx = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Excel downloaden' }).click();
  expect((await xlsx).suggestedFilename()).toBe('verantwoording-2026-10-01-tot-2026-12-31.xlsx');
});
