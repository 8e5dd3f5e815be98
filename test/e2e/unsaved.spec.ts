import { expect, openMenu, screenshot, setUp, test } from './fixtures.ts';

test('leaving an editor with unsaved changes asks first; staying keeps what was typed', async ({
  page,
  host,
}) => {
  await setUp(page, host.url);
  await openMenu(page, 'Sleutelpersonen');
  await page.getByRole('link', { name: 'Nieuwe sleutelpersoon' }).click();
  // Nothing typed yet: leaving does not ask.
  await openMenu(page, 'Functieprofielen');
  await page.goBack();
  await page.getByLabel('Voornaam').fill('Mariam');

  // A menu item: the dialog asks, and staying keeps the form as it was.
  await page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('link', { name: 'Functieprofielen' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Wijzigingen niet opgeslagen' });
  await expect(dialog).toBeVisible();
  await page.waitForTimeout(300); // the dialog's opening transition
  await screenshot(page, '16-niet-opgeslagen');
  await dialog.getByRole('button', { name: 'Blijven', exact: true }).click();
  await expect(page.getByLabel('Voornaam')).toHaveValue('Mariam');
  await expect(page.getByRole('heading', { name: 'Functieprofielen' })).toHaveCount(0);

  // Logging out asks too.
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Blijven', exact: true }).click();
  await expect(page.getByLabel('Voornaam')).toHaveValue('Mariam');

  // Leaving on purpose goes where was asked.
  await page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('link', { name: 'Functieprofielen' })
    .click();
  await dialog.getByRole('button', { name: 'Weggaan zonder opslaan' }).click();
  await expect(page.getByRole('heading', { name: 'Functieprofielen', level: 1 })).toBeVisible();
});
