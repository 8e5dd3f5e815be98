import { personInput } from '../support/harness.ts';
import { api, expect, openMenu, screenshot, setUp, test } from './fixtures.ts';

test('an intervisie session writes an entry in the log of each attendee, not of the absent', async ({
  page,
  host,
}) => {
  await setUp(page, host.url);
  for (const [voornaam, achternaam] of [
    ['Senait', 'Tesfay'],
    ['Farid', 'Ahmadi'],
  ]) {
    await openMenu(page, 'Sleutelpersonen');
    await page.getByRole('link', { name: 'Nieuwe sleutelpersoon' }).click();
    await page.getByLabel('Voornaam').fill(voornaam as string);
    await page.getByLabel('Achternaam').fill(achternaam as string);
    await page.getByRole('button', { name: 'Sleutelpersoon toevoegen' }).click();
    await expect(page.getByRole('heading', { name: `${voornaam} ${achternaam}` })).toBeVisible();
  }
  const faridUrl = page.url();

  await openMenu(page, 'Intervisie');
  await page.getByRole('button', { name: 'Nieuwe groep' }).click();
  const group = page.getByRole('dialog', { name: 'Nieuwe intervisiegroep' });
  await group.getByLabel('Naam').fill('Groep Overvecht');
  for (const name of ['Senait Tesfay', 'Farid Ahmadi']) {
    await group.getByRole('combobox', { name: 'Leden' }).fill(name.split(' ')[0] ?? '');
    await page.getByRole('option', { name }).click();
  }
  await group.getByLabel('Naam').click();
  await group.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText('2 leden: Farid Ahmadi, Senait Tesfay')).toBeVisible();

  await page.getByRole('button', { name: 'Bijeenkomst vastleggen' }).click();
  const session = page.getByRole('dialog', { name: 'Bijeenkomst Groep Overvecht' });
  await session.getByLabel('Thema').fill('Grenzen stellen bij hulpvragen in de avond');
  await session.getByLabel('Senait Tesfay').uncheck();
  await screenshot(page, '54-intervisie-bijeenkomst');
  await session.getByRole('button', { name: 'Vastleggen' }).click();
  await expect(page.getByText(/Grenzen stellen bij hulpvragen in de avond \(1 aanwezig\)/)).toBeVisible();
  await screenshot(page, '55-intervisie');

  await page.goto(`${faridUrl}/begeleiding`);
  await expect(
    page.getByText('Intervisie Groep Overvecht: Grenzen stellen bij hulpvragen in de avond'),
  ).toBeVisible();
  await openMenu(page, 'Sleutelpersonen');
  await page.getByRole('link', { name: 'Senait Tesfay' }).click();
  await page.getByRole('tab', { name: 'Begeleiding' }).click();
  await expect(page.getByText('Nog niets vastgelegd.')).toBeVisible();
});

test('a group member is found by typing, however far down the register they are', async ({ page, host }) => {
  await setUp(page, host.url);
  // More people than any picker could list at once; the last one by name is the one wanted.
  for (let i = 0; i < 210; i++) {
    await api(page, 'persons.create', {
      ...personInput({ email: null, iban: null, telefoon: null }),
      voornaam: `Lid${String(i).padStart(3, '0')}`,
      achternaam: i === 209 ? 'Zewdu' : 'Abebe',
    });
  }
  await openMenu(page, 'Intervisie');
  await page.getByRole('button', { name: 'Nieuwe groep' }).click();
  const group = page.getByRole('dialog', { name: 'Nieuwe intervisiegroep' });
  await group.getByLabel('Naam').fill('Groep Kanaleneiland');
  await group.getByRole('combobox', { name: 'Leden' }).fill('zewdu');
  await page.getByRole('option', { name: 'Lid209 Zewdu' }).click();
  await group.getByLabel('Naam').click();
  await group.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText('1 lid: Lid209 Zewdu')).toBeVisible();
});
