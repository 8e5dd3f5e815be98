import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { personInput } from '../support/harness.ts';
import { api, atBothSizes, expect, openMenu, screenshotDir, setUp, test } from './fixtures.ts';

/** Serious and critical WCAG 2.1 A/AA findings on the screen as it is now (as accessibility.spec.ts). */
const found: string[] = [];
async function look(page: Page, screen: string) {
  await page.waitForLoadState('networkidle');
  const result = await new AxeBuilder({ page })
    // The notices' close buttons belong to the shell, not to these screens.
    .exclude('.mantine-Notifications-root')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  for (const v of result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'))
    found.push(
      `${screen}: ${v.id}: ${v.help} (${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join('; ')})`,
    );
}

test('a projectleider adds a ketenpartner, a request comes in, is matched and done, another is not feasible; availability is set on a person', async ({
  page,
  host,
}) => {
  await setUp(page, host.url);
  for (const [voornaam, achternaam] of [
    ['Senait', 'Tesfay'],
    ['Farid', 'Ahmadi'],
  ] as const) {
    await api(page, 'persons.create', {
      ...personInput({ email: null, iban: null, telefoon: null, gemeente: 'Doetinchem' }),
      voornaam,
      achternaam,
      status: 'actief',
      statusDatum: '2026-10-01',
    });
  }

  // The register of ketenpartners, and a project funded by one of them.
  await openMenu(page, 'Ketenpartners');
  await expect(page.getByText('Nog geen ketenpartners vastgelegd.')).toBeVisible();
  await page.getByRole('button', { name: 'Nieuwe ketenpartner' }).click();
  const partner = page.getByRole('dialog', { name: 'Nieuwe ketenpartner' });
  await partner.getByRole('textbox', { name: 'Naam', exact: true }).fill('GGD Noord- en Oost-Gelderland');
  await partner.getByRole('button', { name: 'Opslaan' }).click();
  await expect(partner.getByText('Kies een soort organisatie')).toBeVisible();
  await partner.getByRole('combobox', { name: 'Soort organisatie' }).click();
  await page.getByRole('option', { name: 'GGD' }).click();
  await partner.getByLabel('Gemeente').fill('Doetinchem');
  await partner.getByLabel('Contactpersoon').fill('Jeugdverpleegkundige team Oost');
  await partner.getByLabel('Telefoon').fill('0314 123456');
  await partner.getByRole('button', { name: 'Opslaan' }).click();
  const partners = page.getByRole('table', { name: 'Ketenpartners' });
  await expect(partners.getByRole('row', { name: /GGD Noord/ })).toContainText(
    /GGD.*Doetinchem.*Jeugdverpleegkundige/,
  );
  await atBothSizes(page, '80-ketenpartners');
  await look(page, 'Ketenpartners');

  await page.getByRole('tab', { name: 'Projecten en subsidies' }).click();
  await page.getByRole('button', { name: 'Nieuw project' }).click();
  const project = page.getByRole('dialog', { name: 'Nieuw project of subsidie' });
  await project.getByRole('textbox', { name: 'Naam', exact: true }).fill('Sleutelpersonen Achterhoek 2026');
  await project.getByRole('combobox', { name: 'Financier' }).click();
  await page.getByRole('option', { name: 'GGD Noord- en Oost-Gelderland' }).click();
  await project.getByLabel('Begindatum').fill('01-01-2026');
  await project.getByLabel('Begindatum').press('Tab');
  await project.getByLabel('Budget').fill('25.000,00');
  await project.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('table', { name: 'Projecten en subsidies' })).toContainText(
    /Sleutelpersonen Achterhoek 2026.*GGD Noord- en Oost-Gelderland.*01-01-2026 – doorlopend.*€ 25\.000,00/,
  );
  await atBothSizes(page, '81-projecten');

  // A request comes in from the GGD.
  await openMenu(page, 'Aanvragen');
  await expect(page.getByText('Geen aanvragen.')).toBeVisible();
  await page.getByRole('button', { name: 'Nieuwe aanvraag' }).click();
  const form = page.getByRole('dialog', { name: 'Nieuwe aanvraag' });
  await form.getByRole('combobox', { name: 'Ketenpartner' }).click();
  await page.getByRole('option', { name: 'GGD Noord- en Oost-Gelderland' }).click();
  await form.getByLabel('Ontvangen op').fill('20-11-2026');
  await form.getByLabel('Ontvangen op').press('Tab');
  await form.getByRole('combobox', { name: 'Soort hulp' }).click();
  await page.getByRole('option', { name: 'Huisbezoek' }).click();
  await form.getByLabel('Verwachte duur (uren:minuten)').fill('1:30');
  await form.getByLabel('Plaats').fill('Doetinchem');
  await form.getByLabel('Gemeente').fill('Doetinchem');
  await form.getByRole('combobox', { name: 'Talen die nodig zijn' }).fill('Tigrinya');
  await form.getByRole('combobox', { name: 'Talen die nodig zijn' }).press('Enter');
  await form.getByRole('combobox', { name: 'Voorkeur geslacht' }).click();
  await page.getByRole('option', { name: 'Vrouw' }).click();
  await form.getByLabel('Korte omschrijving').fill('Moeder met baby; uitleg over het consultatiebureau');
  await expect(form.getByText('Zonder namen van cliënten')).toBeVisible();
  await atBothSizes(page, '82-aanvraag-nieuw');
  await form.getByRole('button', { name: 'Aanvraag vastleggen' }).click();

  // Its detail: matched by hand (the proposals come from the verdeling), then done.
  await expect(page.getByRole('heading', { name: 'Huisbezoek', level: 1 })).toBeVisible();
  await expect(page.getByText('GGD Noord- en Oost-Gelderland · ontvangen op 20-11-2026')).toBeVisible();
  await expect(page.getByText('Nieuw', { exact: true })).toBeVisible();
  await page.getByRole('combobox', { name: 'Zelf kiezen' }).fill('Senait');
  await page.getByRole('option', { name: 'Senait Tesfay' }).click();
  // The Koppelen beside "Zelf kiezen" (the proposals above have their own).
  await page.getByRole('button', { name: 'Koppelen', exact: true }).last().click();
  await expect(page.getByText('Gematcht', { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Senait Tesfay' })).toBeVisible();
  await expect(page.getByText('Gematcht na 5 dagen')).toBeVisible();
  await atBothSizes(page, '83-aanvraag-gematcht');
  await look(page, 'Aanvraag');
  await page.getByRole('button', { name: 'Uitgevoerd' }).click();
  await expect(page.getByText('Uitgevoerd', { exact: true })).toBeVisible();
  await expect(page.getByText(/Gematcht na 5 dagen · uitgevoerd 0 dagen later/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Afsluiten' })).toBeVisible();

  // A walk-in that cannot be done: the reason is required.
  await api(page, 'aanvragen.save', {
    partnerId: null,
    projectId: null,
    ontvangenOp: '2026-11-24',
    gewenstVan: '2026-11-26',
    gewenstTot: null,
    plaats: 'Winterswijk',
    gemeente: 'Winterswijk',
    talen: [{ taal: 'Oeigoers', verplicht: true }],
    voorkeurGender: null,
    voorkeurHerkomst: null,
    leefgebieden: ['wonen'],
    soortHulp: 'bemiddeling',
    verwachteMinuten: 60,
    omschrijving: 'Gesprek met de woningcorporatie over een huurachterstand',
  });
  await openMenu(page, 'Aanvragen');
  const list = page.getByRole('table', { name: 'Aanvragen' });
  await expect(list.getByRole('row')).toHaveCount(3);
  await expect(list.getByRole('row').nth(1)).toContainText(
    /24-11-2026.*Bemiddeling.*Winterswijk · gewenst 26-11-2026.*Inloop.*Oeigoers.*Nieuw/,
  );
  await expect(list.getByRole('row').nth(2)).toContainText(
    /20-11-2026.*Huisbezoek.*GGD.*Uitgevoerd.*Senait Tesfay/,
  );
  await atBothSizes(page, '84-aanvragen');
  await look(page, 'Aanvragen');
  await list.getByRole('link', { name: /Bemiddeling/ }).click();
  await page.getByRole('button', { name: 'Niet uitvoerbaar' }).click();
  const reason = page.getByRole('dialog', { name: 'Niet uitvoerbaar' });
  await reason.getByRole('button', { name: 'Vastleggen' }).click();
  await expect(reason.getByText('Schrijf waarom dit niet uitvoerbaar is')).toBeVisible();
  await reason.getByLabel('Reden').fill('Niemand in de pool spreekt Oeigoers');
  await reason.getByRole('button', { name: 'Vastleggen' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'Niemand in de pool spreekt Oeigoers' }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Heropenen' })).toBeVisible();
  await atBothSizes(page, '85-aanvraag-niet-uitvoerbaar');
  await look(page, 'Niet uitvoerbaar');

  // The filter on status finds it.
  await openMenu(page, 'Aanvragen');
  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Niet uitvoerbaar' }).click();
  await page.keyboard.press('Escape');
  await expect(list.getByRole('row')).toHaveCount(2);

  // Farid's availability: two dagdelen, own transport, another gemeente, and a week away.
  await openMenu(page, 'Sleutelpersonen');
  await page.getByRole('link', { name: 'Farid Ahmadi' }).click();
  await page.getByRole('tab', { name: 'Beschikbaarheid' }).click();
  await expect(page.getByText('Nog niet gekoppeld aan een aanvraag.')).toBeVisible();
  await page.getByRole('button', { name: 'Maandag ochtend' }).click();
  await page.getByRole('button', { name: 'Woensdag avond' }).click();
  await page.getByRole('switch', { name: /Eigen vervoer/ }).check();
  await page.getByRole('combobox', { name: 'Gaat ook naar deze gemeenten' }).fill('Zutphen');
  await page.getByRole('combobox', { name: 'Gaat ook naar deze gemeenten' }).press('Enter');
  await page.getByRole('button', { name: 'Beschikbaarheid opslaan' }).click();
  await expect(page.getByText('Beschikbaarheid opgeslagen')).toBeVisible();
  await page.getByLabel('Afwezig van').fill('21-12-2026');
  await page.getByLabel('Afwezig van').press('Tab');
  await page.getByLabel('tot en met').fill('03-01-2027');
  await page.getByLabel('tot en met').press('Tab');
  await page.getByLabel('Reden').fill('Familiebezoek');
  await page.getByRole('button', { name: 'Afwezigheid toevoegen' }).click();
  await expect(page.getByRole('table', { name: 'Afwezigheid' })).toContainText(
    '21-12-2026 t/m 03-01-2027Familiebezoek',
  );
  await page.reload();
  await expect(page.getByRole('button', { name: 'Maandag ochtend' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: 'Dinsdag ochtend' })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
  await expect(page.getByRole('switch', { name: /Eigen vervoer/ })).toBeChecked();
  await atBothSizes(page, '86-beschikbaarheid');
  await look(page, 'Beschikbaarheid');
  await page.screenshot({
    path: path.join(screenshotDir, '87-beschikbaarheid-hele-pagina.png'),
    fullPage: true,
  });
  expect(found).toEqual([]);
});
