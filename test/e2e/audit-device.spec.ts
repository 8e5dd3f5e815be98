import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { v7 } from 'uuid';
import { applyKey } from '../../electron/core/store/encryption.ts';
import { e2eClock } from './clock.ts';
import { api, e2eKey, expect, openMenu, screenshot, setUp, test } from './fixtures.ts';

test('the audit log shows the desk a change came from beside who made it, and nothing extra for one made here', async ({
  page,
  host,
}) => {
  await setUp(page, host.url);
  const me = await api<{ id: string }>(page, 'auth.me', {});

  // A change the server replayed from a desk, as a pull brings its audit row to this desk (a desk cannot connect to
  // a server from its screens yet, so the row is put where the pull would put it).
  const db = new Database(path.join(host.dataDir, 'schakel.sqlite'));
  applyKey(db, e2eKey);
  db.prepare(
    `insert into audit_log (id, at, account_id, call, record_type, record_id, record_version, summary, changes,
       input, context, version, device_id, device_naam, command_id)
     values (?, ?, ?, 'settings.update', 'settings', 'organisatie', 2, 'Instellingen gewijzigd', ?, 'null', 'null', 1,
       ?, 'Laptop administratie', ?)`,
  ).run(
    v7(),
    new Date(e2eClock().getTime() + 60_000).toISOString(),
    me.id,
    JSON.stringify([{ field: 'telefoon', before: null, after: '030 123 4567' }]),
    v7(),
    v7(),
  );
  db.close();

  await openMenu(page, 'Auditlog');
  const log = page.getByRole('table', { name: 'Auditlog' });
  const fromDesk = log.getByRole('row').filter({ hasText: 'Instellingen gewijzigd' });
  await expect(fromDesk.getByRole('cell').nth(1)).toHaveText('Annelies de Vriesop Laptop administratie');
  await expect(fromDesk.getByText('op Laptop administratie')).toBeVisible();
  // The first account was made on this desk: its entry names no desk.
  const local = log.getByRole('row').filter({ hasText: 'Eerste account aangemaakt' });
  await expect(local.getByRole('cell').nth(1)).toHaveText('Annelies de Vries');
  await screenshot(page, 'auditlog-apparaat');
});
