/**
 * The audit log names the desk a change came from (issue 13): a command a desk pushed over HTTPS is replayed on the
 * server under the signed-in user and the desk's name, and so are the desk's pairing and the user's sign-in. A
 * change made where it is read (the beheerder on the server, anyone on a single desk) names no desk.
 */

import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/audit.ts';
import { personInput } from '../../../test/support/harness.ts';
import { pulledRows } from '../../../test/support/pulled-rows.ts';
import { commandDesk, type InProcessServer, inProcessServer } from '../../../test/support/sync-server.ts';

let server: InProcessServer;
let desk: Awaited<ReturnType<typeof commandDesk>>;

beforeAll(async () => {
  server = await inProcessServer('2026-06-01T10:30:00.000Z');
  desk = await commandDesk('2026-06-01T08:00:00.000Z');
});
afterAll(async () => {
  await desk?.desk.close();
  await server?.close();
});

/** Who and on which desk, as the audit screen shows each entry of this call. */
async function shown(call: string): Promise<Pick<AuditEntry, 'accountName' | 'deviceName' | 'summary'>[]> {
  const page = (await server.beheer('audit.list', { call, pageSize: 200 })) as { rows: AuditEntry[] };
  return page.rows.map(({ accountName, deviceName, summary }) => ({ accountName, deviceName, summary }));
}

it('names the desk and the user of a pushed command, of the desk’s pairing and of a sign-in on it', async () => {
  const credentials = await server.pairedDesk('projectleider', 'Laptop administratie');
  const command = await desk.madeOnDesk('projectleider', 'persons.create', personInput({ voornaam: 'Yara' }));
  const pushed = await server.client.push(credentials, [command]);
  expect(pushed).toMatchObject({ ok: true, value: { results: [{ outcome: 'toegepast' }] } });

  expect(await shown('persons.create')).toEqual([
    { accountName: 'Priya Projectleider', deviceName: 'Laptop administratie', summary: expect.any(String) },
  ]);
  const stored = await server.db
    .selectFrom('audit_log')
    .select(['device_id', 'device_naam', 'command_id'])
    .where('call', '=', 'persons.create')
    .execute();
  // Every row of the command, with its id in the server's command log.
  expect(stored.length).toBeGreaterThan(0);
  for (const row of stored)
    expect(row).toEqual({
      device_id: credentials.deviceId,
      device_naam: 'Laptop administratie',
      command_id: command.id,
    });

  // The beheerder who made the code let the desk in; the user signed in on it.
  expect(await shown('sync.pair')).toEqual([
    {
      accountName: 'Bea Beheer',
      deviceName: 'Laptop administratie',
      summary: 'Werkplek gekoppeld: Laptop administratie',
    },
  ]);
  expect(await shown('sync.signIn')).toEqual([
    {
      accountName: 'Priya Projectleider',
      deviceName: 'Laptop administratie',
      summary: 'Aangemeld bij de server: Priya Projectleider',
    },
  ]);
  const signIn = await server.db
    .selectFrom('audit_log')
    .select(['input', 'record_type', 'record_id'])
    .where('call', '=', 'sync.signIn')
    .executeTakeFirstOrThrow();
  expect(signIn).toEqual({
    input: '{"username":"projectleider"}',
    record_type: 'werkplek',
    record_id: credentials.deviceId,
  });

  // The desk's user reads the same names in the log its pull brings: the desk has no list of devices.
  const pulled = await server.client.pull(credentials, 0);
  if (!pulled.ok) throw new Error(pulled.error.message);
  const entry = pulledRows(pulled.value).find(
    (r) => r.table === 'audit_log' && r.row?.call === 'persons.create',
  )?.row;
  expect(entry).toMatchObject({ device_naam: 'Laptop administratie', command_id: command.id });
});

it('names no desk for a change made where it is read: by the beheerder on the server, or on a desk itself', async () => {
  await server.beheer('sync.pairingCode', {});
  const codes = await shown('sync.pairingCode');
  // The first test's code and this one.
  expect(codes).toHaveLength(2);
  for (const code of codes)
    expect(code).toEqual({
      accountName: 'Bea Beheer',
      deviceName: null,
      summary: expect.stringMatching(/^Koppelcode gemaakt/),
    });
  // Revoking a desk names it in the summary; the beheerder did it on the server, not on that desk.
  const [device] = (await server.beheer('sync.devices', {})) as { id: string; version: number }[];
  await server.beheer('sync.revokeDevice', { id: device?.id, version: device?.version });
  expect(await shown('sync.revokeDevice')).toEqual([
    { accountName: 'Bea Beheer', deviceName: null, summary: 'Werkplek ingetrokken: Laptop administratie' },
  ]);

  // On the desk (SQLite), its own writes name no desk, in the log and in the screen's answer.
  const local = await desk.desk.ok('projectleider', 'audit.list', { call: 'persons.create' });
  expect(local.rows.length).toBeGreaterThan(0);
  expect(local.rows.map((r) => r.deviceName)).toEqual(local.rows.map(() => null));
  const rows = await desk.desk.core.store.db
    .selectFrom('audit_log')
    .select(['device_id', 'device_naam', 'command_id'])
    .execute();
  expect(new Set(rows.map((r) => JSON.stringify(r)))).toEqual(
    new Set([JSON.stringify({ device_id: null, device_naam: null, command_id: null })]),
  );
});
