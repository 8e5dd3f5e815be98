/**
 * Backups of the Schakel server with PostgreSQL's own pg_dump, restored with pg_restore (issue 13): real server
 * processes on Debian's PostgreSQL 15 (standing for an organisation's existing PostgreSQL, `--database-url`), whose
 * client programs match it. A desk pairs and pushes over HTTPS, the beheerder takes a backup with the command line
 * while the server serves, the data changes and is damaged, and after `herstellen` the database holds exactly what
 * it held at the backup (every row, the change numbers), and the server serves on from there. The embedded
 * PostgreSQL 18 is refused by Debian 12's pg_dump 15 with a message that names both versions.
 */

import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  debianPostgresBin,
  debianPostgresInstalled,
  startDebianPostgres,
} from '../../test/support/debian-postgres.ts';
import { personInput } from '../../test/support/harness.ts';
import { postgresDatabase } from '../../test/support/postgres.ts';
import { pulledRows } from '../../test/support/pulled-rows.ts';
import { pairedDesk, type ServerProcess, serverProcess } from '../../test/support/server-process.ts';
import { commandDesk } from '../../test/support/sync-server.ts';
import { serverMajor } from './pg-tools.ts';

const run = promisify(execFile);
const main = path.join(import.meta.dirname, 'main.ts');
const skipped = !debianPostgresInstalled;
const unless = skipped ? ` [skipped: ${debianPostgresBin} is missing; apt-get install postgresql-15]` : '';

let cluster: Awaited<ReturnType<typeof startDebianPostgres>>;
let server: ServerProcess;
let deskTeam: Awaited<ReturnType<typeof commandDesk>>;

beforeAll(async () => {
  if (skipped) return;
  cluster = await startDebianPostgres();
  await cluster.admin('create database schakel');
  server = await serverProcess({ databaseUrl: cluster.urlOf('schakel') });
  deskTeam = await commandDesk('2026-06-01T08:00:00.000Z');
});
afterAll(async () => {
  await deskTeam?.desk.close();
  await server?.close();
  await cluster?.stop();
});

/** Every table's rows as PostgreSQL prints them, sorted: equal only when every value of every row is. */
async function contents(db: Kysely<never>): Promise<Record<string, string[]>> {
  const { rows: tables } = await sql<{
    name: string;
  }>`select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`.execute(db);
  const found: Record<string, string[]> = {};
  for (const { name } of tables) {
    const { rows } = await sql<{
      row: string;
    }>`select t::text as row from ${sql.table(name)} t order by 1`.execute(db);
    found[name] = rows.map((r) => r.row);
  }
  return found;
}

const changeNumber = async (db: Kysely<never>) =>
  Number((await sql<{ seq: string }>`select seq from sync_clock`.execute(db)).rows[0]?.seq);

async function until(condition: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('waited in vain');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** `scripts/schakel server …` that is expected to be refused: its exit code and what it said. */
async function refused(command: Promise<unknown>): Promise<{ code: number; stderr: string }> {
  const outcome = await command.then(
    () => null,
    (err: { code: number; stderr: string }) => err,
  );
  if (!outcome) throw new Error('the command was not refused');
  return { code: outcome.code, stderr: outcome.stderr.trim() };
}

it.skipIf(skipped)(
  `is backed up while it serves and restored to exactly that state, which it serves on from${unless}`,
  async () => {
    const listening = await server.start();
    const { client, credentials } = await pairedDesk(server, listening);
    const first = await deskTeam.madeOnDesk(
      'projectleider',
      'persons.create',
      personInput({ voornaam: 'Anouk' }),
    );
    expect(await client.push(credentials, [first])).toMatchObject({
      ok: true,
      value: { results: [{ outcome: 'toegepast' }] },
    });
    const db = (await server.db()) as unknown as Kysely<never>;
    const atBackup = await contents(db);
    const numberAtBackup = await changeNumber(db);
    expect(atBackup.persons).toHaveLength(1);
    expect(atBackup.sync_changes?.length).toBeGreaterThan(0);

    // Taken beside the serving process, into the data folder's backups/.
    const made = await server.cli('backup');
    const file = /Back-up gemaakt: (\S+)/.exec(made.stdout)?.[1] as string;
    expect(path.dirname(file)).toBe(path.join(server.dataDir, 'backups'));
    expect(path.basename(file)).toMatch(/^schakel-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.dump$/);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    // Work goes on after the backup: another person, another change number.
    const second = await deskTeam.madeOnDesk(
      'projectleider',
      'persons.create',
      personInput({ voornaam: 'Bo' }),
    );
    expect(await client.push(credentials, [second])).toMatchObject({ ok: true });
    expect(await changeNumber(db)).toBeGreaterThan(numberAtBackup);

    // Not while a server serves the database, also after PostgreSQL ended its connections (the server takes
    // its lock again on a new one): refused, nothing restored.
    const holder = async () => {
      const { rows } = await sql<{ pid: number }>`select pid from pg_locks
        where locktype = 'advisory' and mode = 'ShareLock' and granted`.execute(db);
      return rows.map((r) => r.pid);
    };
    const [firstHolder] = await holder();
    expect(firstHolder).toBeGreaterThan(0);
    await sql`select pg_terminate_backend(pid) from pg_stat_activity
      where datname = 'schakel' and pid <> pg_backend_pid()`.execute(db);
    await until(async () => {
      const now = await holder();
      return now.length === 1 && now[0] !== firstHolder;
    });
    const whileServing = await refused(server.cli('herstellen', file));
    expect(whileServing).toEqual({
      code: 2,
      stderr:
        'Er draait een Schakel-server op deze database: stop eerst elk serverproces, herstel dan, en start de server daarna weer.',
    });
    expect((await contents(db)).persons).toHaveLength(2);

    // Stopped, and then damaged: a table lost, and one the backup never had (as a newer version would add).
    await server.stop();
    await sql`drop table persons cascade`.execute(db);
    await sql`create table from_a_newer_version (id text primary key)`.execute(db);
    const damaged = await contents(db);

    // A backup that lost its end: its table of contents reads, pg_restore fails halfway through the data (after
    // psql ran much of what it wrote), and the restore is rolled back whole.
    const cut = path.join(os.tmpdir(), `schakel-cut-${process.pid}.dump`);
    fs.writeFileSync(cut, fs.readFileSync(file).subarray(0, -256));
    const halfway = await refused(server.cli('herstellen', cut));
    fs.rmSync(cut);
    expect(halfway.code).toBe(2);
    expect(halfway.stderr).toMatch(/^Herstellen mislukt; de database is niet veranderd: /);
    expect(await contents(db)).toEqual(damaged);

    const restored = await server.cli('herstellen', file);
    expect(restored.stdout).toContain(`Hersteld uit ${file}.`);
    // The state before the restore was kept first, beside the backups.
    const before = /bewaard in (\S+)\./.exec(restored.stdout)?.[1] as string;
    expect(path.basename(before)).toMatch(/-voor-herstel\.dump$/);
    expect(fs.existsSync(before)).toBe(true);
    expect(await contents(db)).toEqual(atBackup);
    expect(await changeNumber(db)).toBe(numberAtBackup);

    // The server starts on it as before: the paired desk is still known, sees Anouk and not Bo, and its next
    // command takes the number after the backup's.
    const again = await server.start();
    expect(again.fingerprint).toBe(listening.fingerprint);
    expect(await contents(db)).toEqual(atBackup);
    const pulled = await client.pull(credentials, 0);
    if (!pulled.ok) throw new Error(pulled.error.message);
    const names = pulledRows(pulled.value)
      .filter((r) => r.table === 'persons')
      .map((r) => r.row?.voornaam);
    expect(names).toEqual(['Anouk']);
    const third = await deskTeam.madeOnDesk(
      'projectleider',
      'persons.create',
      personInput({ voornaam: 'Cas' }),
    );
    expect(await client.push(credentials, [third])).toMatchObject({
      ok: true,
      value: { results: [{ outcome: 'toegepast' }] },
    });
    expect(await changeNumber(db)).toBe(numberAtBackup + 1);
  },
  90_000,
);

it.skipIf(skipped)(
  `refuses an older pg_dump than the server, naming both versions${unless}`,
  async (context) => {
    const database = await postgresDatabase({ migrated: false });
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-backup-'));
    try {
      // The run's PostgreSQL is the embedded 18, unless SCHAKEL_TEST_DATABASE_URL names another one.
      const major = await serverMajor(database.url);
      if (major <= 15) context.skip();
      const args = ['backup', '--database-url', database.url, '--data-dir', dataDir];
      const answer = await refused(
        run(process.execPath, [main, ...args, '--pg-dump', path.join(debianPostgresBin, 'pg_dump')]),
      );
      expect(answer).toEqual({
        code: 2,
        stderr: `pg_dump 15 kan niet werken met PostgreSQL ${major} (de database is nieuwer). Installeer de clientprogramma's van PostgreSQL ${major} (bijvoorbeeld uit de apt-repository van PostgreSQL zelf, apt.postgresql.org) en geef pg_dump op met --pg-dump <pad>.`,
      });
      expect(fs.existsSync(path.join(dataDir, 'backups'))).toBe(false);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
      await database.drop();
    }
  },
);
