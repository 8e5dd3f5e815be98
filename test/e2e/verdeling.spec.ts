import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { databaseFileName } from '../../electron/core/paths.ts';
import { openStore } from '../../electron/core/store/open-store.ts';
import { personInput, volunteerContract } from '../support/harness.ts';
import { insertAbsence, insertAvailability, insertInzet, insertRequest } from '../support/verdeling-store.ts';
import { api, atBothSizes, e2eKey, expect, openMenu, setUp, test } from './fixtures.ts';

/** Serious and critical WCAG 2.1 A/AA findings on the page as it is now (as accessibility.spec.ts asks). */
async function seriousFindings(page: Page): Promise<string[]> {
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

interface Seeded {
  name: string;
  gemeente: string;
  talen: string[];
  gender: 'vrouw' | 'man';
  /** Expected hours a month on a volunteer contract; null: no contract. */
  uren: number | null;
  /** Minutes of inzet in November 2026. */
  november: number[];
}

const pool: Seeded[] = [
  {
    name: 'Senait Tesfay',
    gemeente: 'Doetinchem',
    talen: ['Tigrinya', 'Amhaars'],
    gender: 'vrouw',
    uren: 16,
    november: [120, 240],
  },
  {
    name: 'Yonas Haile',
    gemeente: 'Zutphen',
    talen: ['Tigrinya', 'Arabisch'],
    gender: 'man',
    uren: 12,
    november: [],
  },
  {
    name: 'Mebrat Gebru',
    gemeente: 'Doetinchem',
    talen: ['Tigrinya'],
    gender: 'vrouw',
    uren: 8,
    november: [300, 300, 240],
  },
  {
    name: 'Farid Ahmadi',
    gemeente: 'Doetinchem',
    talen: ['Dari', 'Farsi'],
    gender: 'man',
    uren: 16,
    november: [60],
  },
  {
    name: 'Hala Haddad',
    gemeente: 'Winterswijk',
    talen: ['Arabisch', 'Koerdisch'],
    gender: 'vrouw',
    uren: 10,
    november: [180, 180],
  },
  {
    name: 'Olena Kovalenko',
    gemeente: 'Zutphen',
    talen: ['Oekraïens', 'Russisch'],
    gender: 'vrouw',
    uren: null,
    november: [90],
  },
  {
    name: 'Abdi Warsame',
    gemeente: 'Winterswijk',
    talen: ['Somalisch', 'Arabisch'],
    gender: 'man',
    uren: 16,
    november: [],
  },
  {
    name: 'Luwam Kidane',
    gemeente: 'Doetinchem',
    talen: ['Tigrinya'],
    gender: 'vrouw',
    uren: 16,
    november: [],
  },
];

async function seed(page: Page, dataDir: string): Promise<{ requestId: string; ids: Map<string, string> }> {
  const ids = new Map<string, string>();
  for (const p of pool) {
    const [voornaam = '', achternaam = ''] = p.name.split(' ');
    const { id } = await api<{ id: string }>(page, 'persons.create', {
      ...personInput({ email: null, iban: null, telefoon: null }),
      voornaam,
      achternaam,
      gender: p.gender,
      herkomstland: p.talen.includes('Tigrinya') ? 'Eritrea' : null,
      gemeente: p.gemeente,
      plaats: p.gemeente,
      talen: p.talen.map((taal) => ({ taal, niveau: 'moedertaal' })),
      status: 'actief',
      statusDatum: '2026-01-01',
    });
    ids.set(p.name, id);
    if (p.uren !== null) {
      const saved = await api<{ id: string }>(
        page,
        'contracts.create',
        volunteerContract(id, { verwachtUrenPerMaand: p.uren }),
      );
      await api(page, 'contracts.finalize', { id: saved.id, version: 1 });
    }
  }
  // Requests, availability, absences and inzet are other areas' calls; their rows go straight into the store.
  const store = await openStore(path.join(dataDir, databaseFileName), { key: e2eKey });
  try {
    const id = (name: string) => ids.get(name) ?? '';
    for (const p of pool) {
      for (const [i, minutes] of p.november.entries()) {
        const day = String(5 + 3 * i).padStart(2, '0');
        await insertInzet(store.db, `2026-11-${day}`, minutes, [id(p.name)]);
      }
    }
    await insertAvailability(store.db, id('Senait Tesfay'), 'di-avond do-avond za-ochtend');
    await insertAvailability(store.db, id('Yonas Haile'), 'ma-avond di-avond', true, 'Doetinchem|Lochem');
    await insertAvailability(store.db, id('Mebrat Gebru'), 'di-ochtend di-middag');
    await insertAbsence(store.db, id('Luwam Kidane'), '2026-12-01', '2026-12-20', 'verlof');
    const requestId = await insertRequest(
      store.db,
      {
        gemeente: 'Doetinchem',
        gewenst_van: '2026-12-08T19:00',
        verwachte_minuten: 120,
        omschrijving: 'Ouderavond basisschool: uitleg over het leerlingvolgsysteem voor Eritrese ouders',
      },
      [
        { taal: 'Tigrinya', verplicht: true },
        { taal: 'Arabisch', verplicht: false },
      ],
    );
    return { requestId, ids };
  } finally {
    await store.close();
  }
}

test('the pool is seen spread over a month, and the best fits for a request are proposed with reasons and linked', async ({
  page,
  host,
}) => {
  await setUp(page, host.url);
  const { requestId, ids } = await seed(page, host.dataDir);

  await openMenu(page, 'Verdeling');
  const table = page.getByRole('table', { name: 'Belasting per sleutelpersoon' });
  // Heaviest first: Mebrat did 14 of her 8 hours.
  await expect(table.getByRole('row').nth(1)).toContainText(
    /Mebrat Gebru.*Doetinchem.*3.*14.*8.*175%.*Overbelast/,
  );
  await expect(table.getByRole('row', { name: /Yonas Haile/ })).toContainText('Nauwelijks gevraagd');
  await expect(page.getByText(/overbelast$/)).toContainText('1');
  await atBothSizes(page, '90-verdeling-maand');
  expect(await seriousFindings(page)).toEqual([]);

  // Only those who speak Arabic, over the quarter.
  await page.getByText('Kwartaal', { exact: true }).click();
  await page.getByRole('combobox', { name: 'Taal', exact: true }).click();
  await page.getByRole('option', { name: 'Arabisch' }).click();
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(page.getByRole('table', { name: 'Per gemeente' })).toContainText('Winterswijk');
  await atBothSizes(page, '91-verdeling-kwartaal-arabisch');

  // The request's proposals: Tigrinya required, so Farid (Dari) is apart; Luwam is away; Mebrat overloaded.
  await page.goto(`${host.url.split('#')[0]}#/verdeling/aanvraag/${requestId}`);
  await expect(page.getByRole('heading', { name: 'Wie vragen we?' })).toBeVisible();
  const proposals = page.getByRole('table', { name: 'Voorstellen' });
  // Yonas also speaks the Arabic asked for and will come with his own car; Senait lives there, with 6 of 16 hours.
  await expect(proposals.getByRole('row').nth(1)).toContainText(
    /Yonas Haile.*spreekt Tigrinya en Arabisch, woont in Zutphen, wil naar Doetinchem, eigen vervoer, beschikbaar op dinsdagavond/,
  );
  await expect(proposals.getByRole('row').nth(2)).toContainText(
    /Senait Tesfay.*spreekt Tigrinya, woont in Doetinchem, beschikbaar op dinsdagavond, 6 van 16 uur ingezet, ruimte € 220/,
  );
  await expect(proposals.getByRole('row', { name: /Luwam Kidane/ })).toContainText(
    'afwezig 01-12-2026 t/m 20-12-2026 (verlof)',
  );
  await expect(proposals.getByRole('row', { name: /Mebrat Gebru/ })).toContainText(
    'overbelast: 14 van 8 uur ingezet',
  );
  await expect(proposals).not.toContainText('Farid');
  await page.getByRole('button', { name: /Toon wie de taal niet spreekt/ }).click();
  await expect(page.getByRole('table', { name: 'Spreekt de taal niet' })).toContainText(
    'spreekt geen Tigrinya',
  );

  await proposals.getByRole('checkbox', { name: 'Senait Tesfay kiezen' }).check();
  await proposals.getByRole('checkbox', { name: 'Yonas Haile kiezen' }).check();
  await atBothSizes(page, '92-verdeling-voorstellen');
  expect(await seriousFindings(page)).toEqual([]);
  await page.getByRole('button', { name: 'Koppelen (2)' }).click();
  await expect(page.getByText('2 sleutelpersonen gekoppeld')).toBeVisible();
  // Linked for real: the request is gematcht with both, and they are marked as going in the proposals.
  const linked = await api<{ status: string; personen: { personId: string }[] }>(page, 'aanvragen.get', {
    id: requestId,
  });
  expect(linked.status).toBe('gematcht');
  expect(linked.personen.map((p) => p.personId).sort()).toEqual(
    [ids.get('Senait Tesfay'), ids.get('Yonas Haile')].sort(),
  );
});
