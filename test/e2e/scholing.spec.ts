import type { Page } from '@playwright/test';
import { personInput } from '../support/harness.ts';
import { api, atBothSizes, expect, openMenu, setUp, test } from './fixtures.ts';

async function openStart(page: Page) {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Start' }).click();
  await expect(page.getByRole('heading', { name: 'Goedendag, Annelies' })).toBeVisible();
}

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n${text}\n%%EOF\n`);

test('a group training is planned, attended and completed; a certificate is uploaded and its expiry shows on the start screen', async ({
  page,
  host,
}) => {
  await setUp(page, host.url);
  for (const [voornaam, achternaam] of [
    ['Senait', 'Tesfay'],
    ['Farid', 'Ahmadi'],
  ]) {
    await api(page, 'persons.create', {
      ...personInput({ email: null, iban: null, telefoon: null }),
      voornaam,
      achternaam,
      status: 'actief',
      statusDatum: '2026-10-01',
    });
  }

  // The aanbod: a new training with a certificate valid for a year.
  await openMenu(page, 'Scholing');
  await expect(page.getByText('Nog geen trainingen in het aanbod.')).toBeVisible();
  await page.getByRole('button', { name: 'Nieuwe training' }).click();
  const editor = page.getByRole('dialog', { name: 'Nieuwe training' });
  await editor.getByLabel('Naam', { exact: true }).fill('EHBO-basis');
  await editor.getByRole('combobox', { name: 'Soort' }).click();
  await page.getByRole('option', { name: 'EHBO' }).click();
  await editor.getByRole('combobox', { name: 'Aanbieder' }).click();
  await page.getByRole('option', { name: 'Anders' }).click();
  // Without the provider's name the main process refuses, naming the field.
  await editor.getByRole('button', { name: 'Opslaan' }).click();
  await expect(editor.getByText('Vul de naam van de aanbieder in')).toBeVisible();
  await editor.getByLabel('Naam aanbieder').fill('Het Oranje Kruis');
  await editor.getByLabel('Duur', { exact: true }).fill('8');
  await editor.getByRole('combobox', { name: 'Duur in' }).click();
  await page.getByRole('option', { name: 'Uren' }).click();
  await editor.getByLabel('Geeft een certificaat').check();
  await editor.getByLabel('Geldigheid (maanden)').fill('12');
  await editor.getByLabel('Kosten per deelnemer').fill('95,00');
  await atBothSizes(page, '70-scholing-training');
  await editor.getByRole('button', { name: 'Opslaan' }).click();
  const catalogue = page.getByRole('table', { name: 'Trainingsaanbod' });
  await expect(catalogue.getByRole('row', { name: /EHBO-basis/ })).toContainText(
    /EHBO.*Het Oranje Kruis.*8 uur.*12 maanden geldig.*€ 95,00/,
  );
  await atBothSizes(page, '71-scholing-aanbod');

  // A group training today for both; only Farid comes.
  await page.getByRole('tab', { name: 'Groepstrainingen' }).click();
  await page.getByRole('button', { name: 'Groepstraining plannen' }).click();
  const plan = page.getByRole('dialog', { name: 'Groepstraining plannen' });
  await plan.getByRole('combobox', { name: 'Training' }).click();
  await page.getByRole('option', { name: 'EHBO-basis' }).click();
  await plan.getByLabel('Plaats').fill('Wijkcentrum De Leeuw');
  for (const name of ['Senait Tesfay', 'Farid Ahmadi']) {
    await plan.getByRole('combobox', { name: 'Deelnemers' }).fill(name.split(' ')[0] ?? '');
    await page.getByRole('option', { name }).click();
  }
  await plan.getByLabel('Plaats').click();
  await atBothSizes(page, '72-scholing-plannen');
  await plan.getByRole('button', { name: 'Plannen' }).click();
  await expect(page.getByText('2 deelnemers (minimaal 4 nodig): Farid Ahmadi, Senait Tesfay')).toBeVisible();
  await atBothSizes(page, '73-scholing-groepen');

  // Until it is given, the training is planned on each person's own page too; and the start screen warns.
  await openStart(page);
  await expect(page.getByRole('table', { name: 'Groepstraining met te weinig deelnemers' })).toContainText(
    'Gepland op 25 november 2026: 2 deelnemers, minimaal 4 nodig',
  );

  await openMenu(page, 'Scholing');
  await page.getByRole('tab', { name: 'Groepstrainingen' }).click();
  await page.getByRole('button', { name: 'Aanwezigheid vastleggen' }).click();
  const attendance = page.getByRole('dialog', { name: 'Aanwezigheid EHBO-basis' });
  await attendance.getByLabel('Senait Tesfay').uncheck();
  await atBothSizes(page, '74-scholing-aanwezigheid');
  await attendance.getByRole('button', { name: 'Vastleggen' }).click();
  await expect(page.getByText('Geen groepstrainingen gepland.')).toBeVisible();
  await page.getByText('Ook gegeven en geannuleerd').click();
  await expect(page.getByText('Farid Ahmadi, Senait Tesfay (afwezig)')).toBeVisible();

  // Farid's training is completed on the day, valid for a year; Senait's stays to follow.
  await openMenu(page, 'Sleutelpersonen');
  await page.getByRole('link', { name: 'Farid Ahmadi' }).click();
  await page.getByRole('tab', { name: 'Scholing' }).click();
  const faridRow = page.getByRole('table', { name: 'Trainingen' }).getByRole('row', { name: /EHBO-basis/ });
  await expect(faridRow).toContainText(/Afgerond.*25-11-2026.*8 uur.*25-11-2027/);

  await openMenu(page, 'Sleutelpersonen');
  await page.getByRole('link', { name: 'Senait Tesfay' }).click();
  await page.getByRole('tab', { name: 'Scholing' }).click();
  await expect(page.getByRole('table', { name: 'Trainingen' })).toContainText('Gepland');
  // She followed it elsewhere last December: her certificate runs out in two weeks.
  await page.getByRole('button', { name: 'EHBO-basis wijzigen' }).click();
  const own = page.getByRole('dialog', { name: 'EHBO-basis' });
  await own.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Afgerond' }).click();
  await own.getByLabel('Afgerond op').fill('10-12-2025');
  await own.getByLabel('Afgerond op').press('Tab');
  await expect(own.getByLabel('Certificaat geldig tot')).toHaveAttribute('placeholder', '10-12-2026');
  await own.getByRole('button', { name: 'Opslaan' }).click();
  const senaitRow = page.getByRole('table', { name: 'Trainingen' }).getByRole('row', { name: /EHBO-basis/ });
  await expect(senaitRow).toContainText(/Afgerond.*10-12-2025.*nog niet.*10-12-2026/);

  // A certificate is typed by its content: a text file named .pdf is refused, a real PDF kept.
  const upload = async (name: string, buffer: Buffer) => {
    const chooser = page.waitForEvent('filechooser');
    await senaitRow.getByRole('button', { name: 'Certificaat EHBO-basis uploaden' }).click();
    await (await chooser).setFiles({ name, mimeType: 'application/pdf', buffer });
  };
  await upload('certificaat.pdf', Buffer.from('gewoon tekst, geen PDF'));
  await expect(page.getByText('Certificaat: alleen een foto (JPEG, PNG) of een PDF')).toBeVisible();
  await upload('certificaat.pdf', pdf('Certificaat EHBO-basis Senait Tesfay'));
  await expect(senaitRow.getByRole('button', { name: 'Openen' })).toBeVisible();
  await atBothSizes(page, '75-scholing-persoon');
  const download = page.waitForEvent('download');
  await senaitRow.getByRole('button', { name: 'Openen' }).click();
  expect((await download).suggestedFilename()).toBe('certificaat.pdf');

  // The start screen names the expiry, with the step that leads to it.
  await openStart(page);
  const expiring = page.getByRole('table', { name: 'Certificaat verloopt of is verlopen' });
  await expect(expiring.getByRole('row')).toHaveCount(1);
  await expect(expiring).toContainText('Senait Tesfay');
  await expect(expiring).toContainText('Certificaat EHBO-basis verloopt op 10 december 2026');
  await atBothSizes(page, '76-scholing-start');
  await expiring.getByRole('link', { name: 'Scholing bekijken' }).click();
  await expect(page.getByRole('tab', { name: 'Scholing', selected: true })).toBeVisible();
});
