/**
 * The Schakel server as a beheerder runs it: real processes (`electron/server/main.ts`) on an embedded PostgreSQL in
 * a data folder, set up and asked for a pairing code from the command line, then a desk pairs over HTTPS with the
 * printed fingerprint pinned, signs in, pushes a command made on it and pulls the result.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Harness, harness, password, personInput } from '../../test/support/harness.ts';
import { serverClient } from '../core/sync/server-client.ts';

const run = promisify(execFile);
const main = path.join(import.meta.dirname, 'main.ts');
let dataDir: string;
let server: ChildProcess | undefined;
let desk: Harness;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-server-'));
  desk = await harness('2026-05-04T09:00:00.000Z', 'sqlite');
  await desk.withTeam();
});
afterAll(async () => {
  server?.kill('SIGTERM');
  if (server && server.exitCode === null) await new Promise((resolve) => server?.once('exit', resolve));
  await desk.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const cli = (...args: string[]) =>
  run(process.execPath, [main, ...args, '--data-dir', dataDir], {
    env: { ...process.env, SCHAKEL_WACHTWOORD: password },
  });

/** Starts `server` and resolves with what it printed once it listens. */
function serve(): Promise<{ url: string; fingerprint: string }> {
  server = spawn(process.execPath, [main, '--data-dir', dataDir, '--host', '127.0.0.1', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    server?.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /luistert op (https:\/\/\S+)/.exec(out)?.[1];
      const fingerprint = /Vingerafdruk van de server: (\S+)/.exec(out)?.[1];
      if (url && fingerprint) resolve({ url, fingerprint });
    });
    server?.once('exit', (code) => reject(new Error(`server stopped (${code}): ${out}`)));
  });
}

it('is set up, hands out a pairing code, and serves a paired desk its own work back', async () => {
  const setup = await cli(
    'inrichten',
    '--organisatie',
    'Welzijn Oost',
    '--naam',
    'Bea Beheer',
    '--gebruiker',
    'bea',
    '--rol',
    'projectleider',
  );
  expect(setup.stdout).toContain('Ingericht: Welzijn Oost');
  const made = await cli('koppelcode', '--gebruiker', 'bea');
  const code = /Koppelcode: (\S+)/.exec(made.stdout)?.[1] as string;
  const printed = /Vingerafdruk van de server: (\S+)/.exec(made.stdout)?.[1];
  expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);

  const { url, fingerprint } = await serve();
  // The fingerprint the beheerder was given is the one the running server shows.
  expect(fingerprint).toBe(printed);
  const client = serverClient({ url, fingerprint });
  const paired = await client.pair({ code, naam: 'Laptop administratie' });
  if (!paired.ok) throw new Error(paired.error.message);
  expect(paired.value.organisatie).toBe('Welzijn Oost');
  const desks = { deviceId: paired.value.deviceId, deviceKey: paired.value.deviceKey };
  const signedIn = await client.signIn(desks, { username: 'bea', password });
  if (!signedIn.ok) throw new Error(signedIn.error.message);
  const credentials = { ...desks, userToken: signedIn.value.token };

  // A person registered on the desk travels as a command: the server creates the same record.
  const person = await desk.ok('projectleider', 'persons.create', personInput({ voornaam: 'Nguyễn' }));
  const entry = await desk.core.store.db
    .selectFrom('audit_log')
    .select(['input', 'context'])
    .where('call', '=', 'persons.create')
    .executeTakeFirstOrThrow();
  const { v7 } = await import('uuid');
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

  const pulled = await client.pull(credentials, 0);
  if (!pulled.ok) throw new Error(pulled.error.message);
  const row = pulled.value.rows.find((r) => r.table === 'persons' && r.id === person.id);
  expect(row?.row).toMatchObject({ voornaam: 'Nguyễn' });
  expect(pulled.value.cursor).toBeGreaterThan(0);
  const again = await client.pull(credentials, pulled.value.cursor);
  expect(again).toEqual({ ok: true, value: { cursor: pulled.value.cursor, rows: [], more: false } });
}, 60_000);
