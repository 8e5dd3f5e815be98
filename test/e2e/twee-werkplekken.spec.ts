/**
 * Two desks on one Schakel server, through their screens (issue 13): a real server process on an embedded
 * PostgreSQL, and two browser hosts with their own encrypted stores, each connected from Instellingen. Both edit the
 * same person while the server is away; the one that syncs first wins, the other finds a conflict in Te verwerken,
 * changes what they typed and sends it again, and the first desk then shows it. The audit log names the desk a change came from, and a user
 * whose password hash no desk holds signs in on one through the server.
 *
 * The desks' background rounds run on timers that never fire by themselves, so each round comes from a click on
 * "Nu bijwerken" and the order of the story is the test's, not the clock's.
 */
import type { Page } from '@playwright/test';
import { password, personInput } from '../support/harness.ts';
import { asBeheerder, serverProcess } from '../support/server-process.ts';
import { connect, deskHost, signIn, statusLine, syncNow } from './desks.ts';
import { expect, openMenu, screenshot, secondWindow, seriousFindings, test } from './fixtures.ts';

test.describe.configure({ timeout: 240_000 });

async function setPhone(page: Page, telefoon: string) {
  await openMenu(page, 'Sleutelpersonen');
  await page.getByRole('link', { name: 'Hodan Warsame' }).click();
  await page.getByRole('link', { name: 'Bewerken' }).click();
  await page.getByLabel('Telefoon').fill(telefoon);
  await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
  await expect(page.getByRole('heading', { name: 'Hodan Warsame' })).toBeVisible();
}

test('two desks on one server: offline edits of one person, the conflict changed and sent again from Te verwerken', async ({
  browser,
}) => {
  const server = await serverProcess();
  const desks: { close(): Promise<void> }[] = [];
  try {
    let listening = await server.start();
    const codes = await asBeheerder(server, true, async (call) => {
      await call('persons.create', personInput({ voornaam: 'Hodan', achternaam: 'Warsame', telefoon: null }));
      await call('accounts.create', {
        displayName: 'Ada Admin',
        username: 'ada',
        role: 'administrateur',
        isBeheerder: false,
        password,
      });
      const code = async () => ((await call('sync.pairingCode', {})) as { code: string }).code;
      return [await code(), await code()];
    });
    const [kantoor, laptop] = [await deskHost(), await deskHost()];
    desks.push(kantoor, laptop);
    const a = await secondWindow(browser);
    const b = await secondWindow(browser);
    await connect(a, kantoor.url, listening, codes[0] as string, 'Kantoor');
    await connect(b, laptop.url, listening, codes[1] as string, 'Laptop');
    await openMenu(b, 'Sleutelpersonen');
    await expect(b.getByRole('link', { name: 'Hodan Warsame' })).toBeVisible();

    // The server goes away; each desk changes the same person, and keeps its change.
    await server.stop();
    await setPhone(a, '06 1111 1111');
    await syncNow(a);
    await expect(statusLine(a)).toContainText('Offline · 1 wijziging wacht');
    await screenshot(a, 'sync-offline-wacht');
    await setPhone(b, '06 2222 2222');
    await syncNow(b);
    await expect(statusLine(b)).toContainText('Offline · 1 wijziging wacht');
    await expect(b.getByText('06 2222 2222')).toBeVisible();

    // Back: the office desk syncs first, and its change counts.
    listening = await server.start();
    await syncNow(a);
    await expect(statusLine(a)).toHaveText(/^Bijgewerkt om \d\d:\d\d$/);
    // The laptop's change was made on the version before: it waits in Te verwerken, not lost.
    await syncNow(b);
    const inbox = b.getByRole('link', { name: /Te verwerken/ });
    await expect(inbox).toContainText('1');
    await inbox.click();
    const row = b
      .getByRole('table', { name: 'Te verwerken' })
      .getByRole('row')
      .filter({ hasText: 'Conflict' });
    await expect(row).toContainText('Sleutelpersoon gewijzigd');
    await expect(row).toContainText('Bea Beheer');
    await screenshot(b, 'sync-te-verwerken-echt');
    expect(await seriousFindings(b)).toEqual([]);
    await row.getByRole('button', { name: /^Bekijken/ }).click();
    const dialog = b.getByRole('dialog', { name: 'Sleutelpersoon gewijzigd' });
    await expect(dialog.getByRole('listitem').filter({ hasText: 'Telefoon: 06 2222 2222' })).toBeVisible();
    // The user changes what they typed before sending it again; the desk checks it as the form would.
    await dialog.getByRole('button', { name: 'Aanpassen…' }).click();
    const telefoon = dialog.getByLabel('Telefoon');
    await expect(telefoon).toHaveValue('06 2222 2222');
    await telefoon.fill('bel me');
    await dialog.getByRole('button', { name: 'Aangepast versturen' }).click();
    await expect(dialog.getByRole('alert').filter({ hasText: 'Telefoon:' })).toBeVisible();
    await expect(telefoon).toHaveAttribute('aria-invalid', 'true');
    await telefoon.fill('06 3333 3333');
    await screenshot(b, 'sync-te-verwerken-aanpassen');
    await dialog.getByRole('button', { name: 'Aangepast versturen' }).click();
    await expect(b.getByText('Niets te verwerken')).toBeVisible();
    await syncNow(b);
    await expect(statusLine(b)).toHaveText(/^Bijgewerkt om \d\d:\d\d$/);
    await expect(b.getByRole('link', { name: /Te verwerken/ })).not.toContainText('1');

    // The office desk now shows the laptop's number as changed, and its audit log says where it came from.
    await syncNow(a);
    await openMenu(a, 'Sleutelpersonen');
    await a.getByRole('link', { name: 'Hodan Warsame' }).click();
    await expect(a.getByText('06 3333 3333')).toBeVisible();
    await openMenu(a, 'Auditlog');
    const log = a.getByRole('table', { name: 'Auditlog' });
    await expect(log.getByRole('row').filter({ hasText: 'op Laptop' }).first()).toBeVisible();
    await expect(log.getByRole('row').filter({ hasText: 'op Kantoor' }).first()).toBeVisible();
    await screenshot(a, 'sync-auditlog-apparaat');

    // Ada's password hash is on no desk: the server checks her first sign-in on the laptop.
    await b.getByRole('button', { name: 'Uitloggen' }).click();
    await signIn(b, 'ada', 'Ada');
    await syncNow(b);
    await expect(statusLine(b)).toHaveText(/^Bijgewerkt om \d\d:\d\d$/);
  } finally {
    for (const desk of desks) await desk.close();
    await server.close();
  }
});
