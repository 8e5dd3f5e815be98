import { enterNewPerson, expect, openMenu, screenshot, setUp, strongPassword, test } from './fixtures.ts';

test('first run, login, add a person with a wrong IBAN, correct it, find them without accents, log out', async ({
  page,
  host,
}) => {
  await setUp(page, host.url);
  await expect(page.getByText('Nog geen sleutelpersonen in het register.')).toBeVisible();
  await screenshot(page, '01-register-leeg');

  // Log out and in again: the account made at first run works.
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await expect(page.getByRole('button', { name: 'Inloggen' })).toBeVisible();
  await page.getByLabel('Gebruikersnaam').fill('annelies');
  await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill('fout wachtwoord');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('alert')).toContainText('Gebruikersnaam of wachtwoord klopt niet');
  await screenshot(page, '02-login-fout');
  await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(strongPassword);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await openMenu(page, 'Sleutelpersonen');

  // A wrong check digit in the IBAN.
  await enterNewPerson(page, 'NL91 ABNA 0417 1643 01');

  // The main process names the field; the message shows at the IBAN field and nothing is stored.
  const ibanError = page
    .locator('[data-path="iban"]')
    .locator('xpath=ancestor::div[contains(@class,"mantine-InputWrapper-root")]');
  await expect(ibanError).toContainText('Controlecijfer klopt niet');
  await screenshot(page, '03-persoon-iban-fout');

  await page.getByLabel('IBAN').fill('NL91 ABNA 0417 1643 00');
  await page.getByRole('button', { name: 'Sleutelpersoon toevoegen' }).click();
  await expect(page.getByRole('heading', { name: 'Şükrü Çelik' })).toBeVisible();
  await expect(page.getByText('NL91 ABNA 0417 1643 00')).toBeVisible();
  await expect(page.getByText('3511 AB')).toBeVisible();
  await screenshot(page, '04-persoon-pagina');

  await page.getByRole('link', { name: '← Sleutelpersonen' }).click();
  // One person in all: the refused attempt stored nothing.
  await expect(page.getByText('1–1 van 1')).toBeVisible();
  await page.getByLabel('Zoeken').fill('sukru celik');
  await expect(page.getByRole('link', { name: 'Şükrü Çelik' })).toBeVisible();
  await page.getByLabel('Zoeken').fill('sukru jansen');
  await expect(page.getByText('Niemand gevonden met deze zoekopdracht of filters.')).toBeVisible();
  await page.getByLabel('Zoeken').fill('CELIK');
  await expect(page.getByRole('link', { name: 'Şükrü Çelik' })).toBeVisible();
  await screenshot(page, '05-register-gezocht');

  // The whole header cell sorts (here its far right edge), and search and sort survive opening a person.
  const naam = page.getByRole('columnheader', { name: /Naam/ });
  const box = await naam.boundingBox();
  await naam.click({ position: { x: (box?.width ?? 100) - 3, y: (box?.height ?? 20) / 2 } });
  await expect(naam).toHaveAttribute('aria-sort', 'descending');
  await page.getByRole('link', { name: 'Şükrü Çelik' }).click();
  await expect(page.getByRole('heading', { name: 'Şükrü Çelik' })).toBeVisible();
  await page.getByRole('link', { name: '← Sleutelpersonen' }).click();
  await expect(page.getByLabel('Zoeken')).toHaveValue('CELIK');
  await expect(naam).toHaveAttribute('aria-sort', 'descending');

  // The next person to log in starts on a clean register.
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await expect(page.getByRole('button', { name: 'Inloggen' })).toBeVisible();
  await page.getByLabel('Gebruikersnaam').fill('annelies');
  await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(strongPassword);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await openMenu(page, 'Sleutelpersonen');
  await expect(page.getByLabel('Zoeken')).toHaveValue('');
  await expect(naam).toHaveAttribute('aria-sort', 'ascending');
});
