import { personInput } from '../support/harness.ts';
import { api, expect, openMenu, screenshot, secondWindow, setUp, strongPassword, test } from './fixtures.ts';

test('the beheerder makes a backup, looks at it and brings it back; a second window blocks the restore', async ({
  page,
  browser,
  host,
}) => {
  await setUp(page, host.url);
  await api(page, 'persons.create', personInput({ achternaam: 'Yılmaz', email: 'y@example.org' }));

  await openMenu(page, 'Reservekopieën');
  // The daily backup of today was made at start.
  await expect(page.getByRole('cell', { name: 'Dagelijks' })).toBeVisible();
  await page.getByRole('button', { name: 'Nu een reservekopie maken' }).click();
  // The copy is made in a worker thread while the screen shows its progress.
  await expect(page.getByText('Reservekopie gemaakt')).toBeVisible({ timeout: 30_000 });
  const manual = page.getByRole('row').filter({ hasText: 'Handmatig' });
  await expect(manual.getByRole('cell').nth(2)).toHaveText('1');

  // After the backup, a second person is added; the restore must take it away again.
  await api(page, 'persons.create', personInput({ achternaam: 'Nowak', email: 'n@example.org' }));

  // Another window is logged in: the restore waits for it.
  const other = await secondWindow(browser);
  await other.goto(host.url);
  await other.getByLabel('Gebruikersnaam').fill('annelies');
  await other.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(strongPassword);
  await other.getByRole('button', { name: 'Inloggen' }).click();
  await expect(other.getByRole('heading', { name: 'Goedendag, Annelies' })).toBeVisible();

  await manual.getByRole('button', { name: /Bekijken/ }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Stichting Welzijn Oost');
  await expect(dialog).toContainText('Sleutelpersonen');
  await screenshot(page, '40-backup-preview');
  await dialog.getByRole('button', { name: 'Deze kopie terugzetten…' }).click();
  await dialog.getByRole('button', { name: 'Ja, terugzetten' }).click();
  await expect(dialog).toContainText('nog 1 ander venster ingelogd');

  await other.getByRole('button', { name: 'Uitloggen' }).click();
  await other.context().close();
  await dialog.getByRole('button', { name: 'Ja, terugzetten' }).click();
  await expect(page.getByRole('button', { name: 'Inloggen' })).toBeVisible();
  await screenshot(page, '41-after-restore');

  await page.getByLabel('Gebruikersnaam').fill('annelies');
  await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(strongPassword);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await openMenu(page, 'Sleutelpersonen');
  await expect(page.getByText('Yılmaz')).toBeVisible();
  await expect(page.getByText('Nowak')).toHaveCount(0);

  await openMenu(page, 'Reservekopieën');
  await expect(page.getByRole('cell', { name: 'Voor terugzetten' })).toBeVisible();

  // The recovery code, after the beheerder's own password: in the browser host it is the passphrase of the start.
  await page.getByRole('button', { name: 'Herstelcode tonen…' }).click();
  const ask = page.getByRole('dialog', { name: 'Herstelcode tonen' });
  await ask.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill('niet goed');
  await ask.getByRole('button', { name: 'Tonen', exact: true }).click();
  await expect(ask).toContainText('Dat wachtwoord klopt niet.');
  await ask.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(strongPassword);
  await ask.getByRole('button', { name: 'Tonen', exact: true }).click();
  await expect(page.getByText('De herstelcode is de wachtwoordzin die bij het starten')).toBeVisible();
  await expect(ask).toBeHidden();
  await screenshot(page, '42-backups');
});
