/**
 * The Schakel server as a beheerder runs it: real processes (`electron/server/main.ts`) on an embedded PostgreSQL in
 * a data folder, set up from the command line before it serves and asked for a pairing code while it serves (the
 * command then works beside it on the same PostgreSQL); a desk pairs over HTTPS with the printed fingerprint pinned,
 * signs in, pushes a command made on it and pulls the result, also after PostgreSQL ended the server's connections.
 */
import { sql } from 'kysely';
import { v7 } from 'uuid';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Harness, harness, personInput } from '../../test/support/harness.ts';
import { pulledRows } from '../../test/support/pulled-rows.ts';
import {
  type Listening,
  pairedDesk,
  type ServerProcess,
  serverProcess,
} from '../../test/support/server-process.ts';

let server: ServerProcess;
let desk: Harness;
let listening: Listening;

beforeAll(async () => {
  server = await serverProcess();
  desk = await harness('2026-05-04T09:00:00.000Z', 'sqlite');
  await desk.withTeam();
});
afterAll(async () => {
  await server.close();
  await desk.close();
});

it('is set up, hands out a pairing code while it serves, and serves a paired desk its own work back', async () => {
  const setup = await server.cli(
    'inrichten',
    ...['--organisatie', 'Welzijn Oost', '--naam', 'Bea Beheer', '--gebruiker', 'bea'],
    ...['--rol', 'projectleider'],
  );
  expect(setup.stdout).toContain('Ingericht: Welzijn Oost');

  listening = await server.start();
  // The pairing code comes from `koppelcode` beside the running server, with the fingerprint it shows.
  const { client, credentials, organisatie } = await pairedDesk(server, listening, { setUp: false });
  expect(organisatie).toBe('Welzijn Oost');

  // A person registered on the desk travels as a command: the server creates the same record.
  const person = await desk.ok('projectleider', 'persons.create', personInput({ voornaam: 'Nguyễn' }));
  const entry = await desk.core.store.db
    .selectFrom('audit_log')
    .select(['input', 'context'])
    .where('call', '=', 'persons.create')
    .executeTakeFirstOrThrow();
  const command = {
    id: v7(),
    call: 'persons.create',
    input: JSON.parse(entry.input),
    ...JSON.parse(entry.context),
  };
  const pushed = await client.push(credentials, [command]);
  expect(pushed).toEqual({
    ok: true,
    value: { results: [{ id: command.id, outcome: 'toegepast', message: null, details: null }] },
  });

  // PostgreSQL ends the server's connections (a restart, an administrator): the server opens new ones.
  const ended = await sql`select pg_terminate_backend(pid) from pg_stat_activity
    where datname = 'schakel' and pid <> pg_backend_pid()`.execute(await server.db());
  expect(ended.rows.length).toBeGreaterThan(0);
  await new Promise((resolve) => setTimeout(resolve, 200));

  const pulled = await client.pull(credentials, 0);
  if (!pulled.ok) throw new Error(pulled.error.message);
  const row = pulledRows(pulled.value).find((r) => r.table === 'persons' && r.id === person.id);
  expect(row?.row).toMatchObject({ voornaam: 'Nguyễn' });
  expect(pulled.value.cursor).toBeGreaterThan(0);
  const again = await client.pull(credentials, pulled.value.cursor);
  expect(again).toEqual({ ok: true, value: { cursor: pulled.value.cursor, tables: [], more: false } });
}, 60_000);

/** A command the beheerder mistyped: exit code 2 and the Dutch refusal on standard error, nothing more. */
async function refused(...args: string[]): Promise<string> {
  const failed = await server.cli(...args).then(
    () => null,
    (e: { code: number; stderr: string }) => e,
  );
  expect(failed?.code, args.join(' ')).toBe(2);
  return failed?.stderr.trim() ?? '';
}

it('lists the paired desks and revokes a lost one by name from the command line, for a beheerder', async () => {
  const lost = await pairedDesk(server, listening, { setUp: false, naam: 'Laptop kwijt' });
  const listed = (await server.cli('werkplekken', '--gebruiker', 'bea')).stdout.split('\n');
  expect(listed[0]).toMatch(/^Naam +Gekoppeld op +Door +Laatste contact +Status +Id$/);
  const row = listed.find((line) => line.startsWith('Laptop kwijt'));
  expect(row).toMatch(
    /^Laptop kwijt +\d{1,2}-\d{1,2}-\d{4} \d\d:\d\d +Bea Beheer +\d{1,2}-\d{1,2}-\d{4} \d\d:\d\d +actief +[0-9a-f-]{36}$/,
  );
  expect(listed.some((line) => line.startsWith('Laptop administratie'))).toBe(true);

  expect(await refused('werkplekken')).toBe('Geef met --gebruiker een actieve beheerder op.');
  expect(await refused('intrekken', 'Onbekend', '--gebruiker', 'bea')).toMatch(
    /geen werkplek met de naam of het id ‘Onbekend’/,
  );

  const revoked = await server.cli('intrekken', 'laptop KWIJT', '--gebruiker', 'bea');
  expect(revoked.stdout).toMatch(/^Ingetrokken: Laptop kwijt\./);
  expect(await lost.client.pull(lost.credentials, 0)).toMatchObject({
    ok: false,
    error: { code: 'device_revoked' },
  });
  const after = (await server.cli('werkplekken', '--gebruiker', 'bea')).stdout;
  expect(after).toMatch(/\nLaptop kwijt .* ingetrokken op \d{1,2}-\d{1,2}-\d{4} \d\d:\d\d +[0-9a-f-]{36}\n/);
}, 90_000);
