/**
 * The beheerder manages the server's computers from a desk, through the screens (issue 13): a real server process
 * on an embedded PostgreSQL and two desks connected from Instellingen. On the office desk the beheerder sees both
 * computers in Werkplekken, makes a pairing code (with the address and fingerprint to type beside it) that a new
 * computer pairs with, and revokes the laptop; the laptop's next round is refused and its copy wiped.
 */
import { serverClient } from '../../electron/core/sync/server-client.ts';
import { asBeheerder, serverProcess } from '../support/server-process.ts';
import { connect, deskHost, statusLine } from './desks.ts';
import { expect, openMenu, screenshot, secondWindow, seriousFindings, test } from './fixtures.ts';

test.describe.configure({ timeout: 240_000 });

test('the beheerder sees the computers, makes a pairing code and revokes a lost laptop', async ({
  browser,
}) => {
  const server = await serverProcess();
  const desks: { close(): Promise<void> }[] = [];
  try {
    const listening = await server.start();
    const codes = await asBeheerder(server, true, async (call) => {
      const code = async () => ((await call('sync.pairingCode', {})) as { code: string }).code;
      return [await code(), await code()];
    });
    const [kantoor, laptop] = [await deskHost(), await deskHost()];
    desks.push(kantoor, laptop);
    const a = await secondWindow(browser);
    const b = await secondWindow(browser);
    await connect(b, laptop.url, listening, codes[1] as string, 'Laptop');
    await connect(a, kantoor.url, listening, codes[0] as string, 'Kantoor');

    await openMenu(a, 'Instellingen');
    const section = a.getByRole('region', { name: 'Werkplekken' });
    const table = section.getByRole('table', { name: 'Werkplekken' });
    const row = (naam: string) => table.getByRole('row').filter({ hasText: naam });
    await expect(row('Kantoor')).toContainText('deze computer');
    await expect(row('Kantoor')).toContainText('door Bea Beheer');
    await expect(row('Kantoor')).toContainText('Actief');
    await expect(row('Laptop')).toContainText('Actief');
    await expect(row('Laptop')).toContainText(/\d{1,2}-\d{1,2}-\d{4} \d\d:\d\d/);
    // This computer is not revoked from here; the laptop is.
    await expect(row('Kantoor').getByRole('button', { name: /Intrekken/ })).toHaveCount(0);
    await section.scrollIntoViewIfNeeded();
    await screenshot(a, 'werkplekken');
    expect(await seriousFindings(a)).toEqual([]);

    // A pairing code, with what the new computer needs beside it; a computer pairs with it.
    await section.getByRole('button', { name: 'Koppelcode maken' }).click();
    const shown = section.getByRole('table', { name: 'Nieuwe koppelcode' });
    await expect(shown.getByRole('row').filter({ hasText: 'Serveradres' })).toContainText(listening.url);
    await expect(shown.getByRole('row').filter({ hasText: 'Vingerafdruk' })).toContainText(
      listening.fingerprint,
    );
    await expect(shown.getByRole('row').filter({ hasText: 'Geldig tot' })).toContainText(
      /\d\d:\d\d \(15 minuten/,
    );
    const code =
      (
        await shown.getByRole('row').filter({ hasText: 'Koppelcode' }).getByRole('cell').textContent()
      )?.trim() ?? '';
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    await shown.scrollIntoViewIfNeeded();
    await screenshot(a, 'werkplekken-koppelcode');
    expect(await seriousFindings(a)).toEqual([]);
    const paired = await serverClient(listening).pair({ code, naam: 'Balie' });
    expect(paired.ok).toBe(true);
    await section.getByRole('button', { name: 'Lijst bijwerken' }).click();
    await expect(row('Balie')).toContainText('Actief');

    // The laptop is lost: revoked, after the dialog says what that means.
    await row('Laptop').getByRole('button', { name: 'Intrekken: Laptop' }).click();
    const dialog = a.getByRole('dialog', { name: 'Laptop intrekken?' });
    await expect(dialog).toContainText('gegevens van Schakel op die computer gewist');
    await screenshot(a, 'werkplekken-intrekken');
    expect(await seriousFindings(a)).toEqual([]);
    await dialog.getByRole('button', { name: 'Intrekken' }).click();
    await expect(dialog).toBeHidden();
    await expect(row('Laptop')).toContainText(/Ingetrokken\s*op \d{1,2}-\d{1,2}-\d{4} \d\d:\d\d/);
    await expect(row('Laptop').getByRole('button')).toHaveCount(0);
    await screenshot(a, 'werkplekken-ingetrokken');

    // The laptop's next round is refused: everyone there is signed out and its copy wiped, as a fresh install.
    // The window goes straight to the first-start screen, which says why.
    await b.getByRole('button', { name: 'Nu bijwerken' }).click();
    await expect(b.getByRole('heading', { name: 'Welkom bij Schakel' })).toBeVisible();
    await expect(b.getByRole('alert').filter({ hasText: 'Deze computer is ingetrokken' })).toContainText(
      'ingetrokken',
    );
    await screenshot(b, 'werkplek-ingetrokken-welkom');
    await expect(statusLine(a)).toBeVisible();
  } finally {
    for (const desk of desks) await desk.close();
    await server.close();
  }
});
