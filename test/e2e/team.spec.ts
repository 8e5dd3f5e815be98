import { expect, screenshot, secondWindow, setUp, strongPassword, test } from './fixtures.ts';

test('the beheerder adds a begeleider, who sees only what the role allows; the main process refuses the rest', async ({
  page,
  browser,
  host,
}) => {
  await setUp(page, host.url);
  await page.getByRole('link', { name: 'Accounts' }).click();
  await page.getByRole('button', { name: 'Nieuw account' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nieuw account' });
  await dialog.getByLabel('Naam', { exact: true }).fill('Samira Bouali');
  await dialog.getByLabel('Gebruikersnaam').fill('samira');
  await dialog.getByRole('combobox', { name: 'Rol' }).click();
  await page.getByRole('option', { name: 'Begeleider' }).click();
  await dialog.getByRole('textbox', { name: 'Eerste wachtwoord' }).fill('kort');
  await dialog.getByRole('button', { name: 'Aanmaken' }).click();
  await expect(dialog).toContainText('Minimaal 10 tekens');
  await dialog.getByRole('textbox', { name: 'Eerste wachtwoord' }).fill(strongPassword);
  await dialog.getByRole('button', { name: 'Aanmaken' }).click();
  await expect(page.getByRole('cell', { name: 'Samira Bouali', exact: true })).toBeVisible();
  await screenshot(page, '10-accounts');

  await page.getByRole('link', { name: 'Auditlog' }).click();
  await expect(page.getByText('Account aangemaakt: Samira Bouali')).toBeVisible();
  await screenshot(page, '11-auditlog');

  // A second window: the begeleider.
  const begeleider = await secondWindow(browser);
  await begeleider.goto(host.url);
  await begeleider.getByLabel('Gebruikersnaam').fill('samira');
  await begeleider.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(strongPassword);
  await begeleider.getByRole('button', { name: 'Inloggen' }).click();
  await expect(begeleider.getByRole('heading', { name: 'Goedendag, Samira' })).toBeVisible();
  await expect(begeleider.getByRole('link', { name: 'Accounts' })).toHaveCount(0);
  await expect(begeleider.getByRole('link', { name: 'Auditlog' })).toHaveCount(0);

  // Hidden is not enough: the same call made by hand is refused by the main process.
  const refused = await begeleider.evaluate(async () => {
    const response = await fetch('api/accounts.create', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-schakel-token': sessionStorage.getItem('schakel-token') ?? '',
        'x-schakel-client': sessionStorage.getItem('schakel-client') ?? '',
      },
      body: JSON.stringify({
        displayName: 'X',
        username: 'xxx',
        role: 'projectleider',
        isBeheerder: true,
        password: 'lang genoeg wachtwoord',
      }),
    });
    return { status: response.status, body: await response.json() };
  });
  expect(refused.status).toBe(403);
  expect(refused.body.error.message).toMatch(/^Geen toegang/);
  await begeleider.goto(`${host.url.split('#')[0]}#/accounts`);
  await expect(begeleider.getByRole('heading', { name: 'Accounts' })).toBeVisible();
  await expect(begeleider.getByText('Je hebt geen toegang tot deze pagina.')).toBeVisible();
  await expect(begeleider.getByRole('button', { name: 'Nieuw account' })).toHaveCount(0);
  await screenshot(begeleider, '12-begeleider-geen-toegang');

  // Deactivated by the beheerder: the begeleider's next action returns to the login screen.
  await page.getByRole('link', { name: 'Accounts' }).click();
  await page.getByRole('button', { name: 'Acties voor Samira Bouali' }).click();
  await page.getByRole('menuitem', { name: 'Deactiveren' }).click();
  await expect(page.getByRole('row', { name: /Samira Bouali/ })).toContainText('Gedeactiveerd');
  await begeleider.goto(`${host.url.split('#')[0]}#/personen`);
  await begeleider.reload();
  await expect(begeleider.getByRole('button', { name: 'Inloggen' })).toBeVisible();
  await begeleider.context().close();
});

test('settings: a wrong KvK number is named at its field and nothing is saved; a good one is', async ({
  page,
  host,
}) => {
  await setUp(page, host.url);
  await page.getByRole('link', { name: 'Instellingen' }).click();
  await expect(page.getByRole('textbox', { name: 'Naam', exact: true })).toHaveValue(
    'Stichting Welzijn Oost',
  );
  await page.getByLabel('KvK-nummer').fill('1234');
  await page.getByLabel('IBAN').fill('NL91ABNA0417164300');
  await page.getByLabel('BIC').fill('ABNANL2A');
  await page.getByRole('button', { name: 'Instellingen opslaan' }).click();
  await expect(page.getByText('Een KvK-nummer heeft 8 cijfers', { exact: true })).toBeVisible();
  await screenshot(page, '13-instellingen-fout');
  await page.reload();
  await expect(page.getByLabel('IBAN')).toHaveValue('');
  await page.getByLabel('KvK-nummer').fill('41234567');
  await page.getByLabel('Postcode').fill('3511 ab');
  await page.getByRole('button', { name: 'Instellingen opslaan' }).click();
  await expect(page.getByText('Instellingen opgeslagen')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('KvK-nummer')).toHaveValue('41234567');
  await expect(page.getByLabel('Postcode')).toHaveValue('3511 AB');
});

test('two windows editing the same person: the second save is refused and says who changed what', async ({
  page,
  browser,
  host,
}) => {
  await setUp(page, host.url);
  await page.getByRole('link', { name: 'Nieuwe sleutelpersoon' }).click();
  await page.getByLabel('Voornaam').fill('Hương');
  await page.getByLabel('Achternaam').fill('Nguyễn Thị');
  await page.getByRole('button', { name: 'Sleutelpersoon toevoegen' }).click();
  await expect(page.getByRole('heading', { name: 'Hương Nguyễn Thị' })).toBeVisible();
  const personUrl = page.url();

  const second = await secondWindow(browser);
  await second.goto(host.url);
  await second.getByLabel('Gebruikersnaam').fill('annelies');
  await second.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(strongPassword);
  await second.getByRole('button', { name: 'Inloggen' }).click();
  await expect(second.getByRole('heading', { name: 'Goedendag, Annelies' })).toBeVisible();
  await second.goto(`${personUrl}/bewerken`);
  // The second window has read the person (version 1) before the first one saves.
  await expect(second.getByLabel('Voornaam')).toHaveValue('Hương');
  await page.goto(`${personUrl}/bewerken`);
  await expect(page.getByLabel('Voornaam')).toHaveValue('Hương');

  await page.getByLabel('Telefoon').fill('06 12345678');
  await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
  await expect(page.getByRole('heading', { name: 'Hương Nguyễn Thị' })).toBeVisible();

  await second.getByLabel('Gemeente').fill('Zeist');
  await second.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
  const alert = second.getByRole('alert').filter({ hasText: 'iemand anders was je voor' });
  await expect(alert).toContainText('Annelies de Vries');
  await expect(alert).toContainText('Telefoon');
  await screenshot(second, '14-conflict');
  await page.reload();
  await expect(page.getByText('06 12345678')).toBeVisible();
  await page.getByRole('tab', { name: 'Geschiedenis' }).click();
  await expect(page.getByText('Gegevens gewijzigd: Hương Nguyễn Thị')).toBeVisible();
  await screenshot(page, '15-geschiedenis');
});
