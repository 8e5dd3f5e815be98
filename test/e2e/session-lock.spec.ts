import { api, expect, screenshot, setUp, strongPassword, test } from './fixtures.ts';

test('an idle window locks, the main process refuses its calls, and the password brings back the half-filled form', async ({
  page,
  host,
}) => {
  // The window's own clock (installed by the fixture), so fifteen idle minutes pass in a moment; the main process
  // is told by the window.
  await setUp(page, host.url);
  await page.getByRole('link', { name: 'Nieuwe sleutelpersoon' }).click();
  await page.getByLabel('Voornaam').fill('Amina');
  await page.getByLabel('Achternaam').fill('Haddad');

  await page.clock.fastForward('16:00');
  const lock = page.getByRole('dialog', { name: 'Schakel is vergrendeld' });
  await expect(lock).toBeVisible();
  // The screen underneath is covered and out of reach: no click lands on it, the keyboard stays in the lock.
  await expect(page.getByLabel('Voornaam').click({ trial: true, timeout: 1000 })).rejects.toThrow();
  for (let i = 0; i < 6; i++) await page.keyboard.press('Tab');
  expect(await lock.evaluate((dialog) => dialog.contains(document.activeElement))).toBe(true);
  await screenshot(page, '43-locked');

  // Hidden is not enough: a call made by hand is refused by the main process while locked.
  await expect(api(page, 'persons.list', {})).rejects.toThrow(/vergrendeld/);

  await lock.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill('niet mijn wachtwoord');
  await lock.getByRole('button', { name: 'Ontgrendelen' }).click();
  await expect(lock.getByRole('alert')).toHaveText('Dat wachtwoord klopt niet.');
  await lock.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(strongPassword);
  await lock.getByRole('button', { name: 'Ontgrendelen' }).click();
  await expect(lock).toHaveCount(0);

  await expect(page.getByLabel('Voornaam')).toHaveValue('Amina');
  await expect(page.getByLabel('Achternaam')).toHaveValue('Haddad');
  expect((await api<{ total: number }>(page, 'persons.list', {})).total).toBe(0);

  // A locked window that is reloaded comes back locked, with the password field, not as an error page.
  await api(page, 'auth.lock', {});
  await page.reload();
  await expect(lock).toBeVisible();
  await lock.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(strongPassword);
  await lock.getByRole('button', { name: 'Ontgrendelen' }).click();
  await expect(lock).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Nieuwe sleutelpersoon', level: 1 })).toBeVisible();
});
