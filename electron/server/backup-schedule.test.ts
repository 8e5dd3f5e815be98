/**
 * Backups on a schedule in the running server (`--backup-every`), on Debian's PostgreSQL 15 with its pg_dump: one
 * process dumps at a time (PostgreSQL's advisory lock, which holds across processes and machines), a process that
 * finds a fresh backup skips its turn, the newest N stay, and a failed attempt is logged while the server serves on
 * and tries again at the next turn.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  debianPostgresBin,
  debianPostgresInstalled,
  startDebianPostgres,
} from '../../test/support/debian-postgres.ts';
import { serverProcess } from '../../test/support/server-process.ts';
import { serverClient } from '../core/sync/server-client.ts';
import { listBackups } from './backup.ts';
import { scheduledBackup } from './backup-schedule.ts';

const skipped = !debianPostgresInstalled;
const unless = skipped ? ` [skipped: ${debianPostgresBin} is missing; apt-get install postgresql-15]` : '';
const pgDump = path.join(debianPostgresBin, 'pg_dump');

let cluster: Awaited<ReturnType<typeof startDebianPostgres>>;
const folders: string[] = [];
const folder = () => {
  const made = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-backups-'));
  folders.push(made);
  return made;
};

beforeAll(async () => {
  if (skipped) return;
  cluster = await startDebianPostgres();
  await cluster.admin('create database schakel');
});
afterAll(async () => {
  await cluster?.stop();
  for (const made of folders) fs.rmSync(made, { recursive: true, force: true });
});

async function until(condition: () => boolean, what: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`waited in vain for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

it.skipIf(skipped)(
  `dumps in one process at a time and skips a turn after a fresh backup${unless}`,
  async () => {
    const into = folder();
    let now = new Date('2026-12-02T14:30:00.000Z');
    const options = { url: cluster.urlOf('schakel'), folder: into, keep: 2, pgDump, everyMs: 3_600_000 };
    const turn = () => scheduledBackup({ ...options, clock: () => now });

    // Another process is dumping: it holds the lock on its own connection.
    const other = new pg.Client({ connectionString: cluster.urlOf('schakel') });
    await other.connect();
    await other.query(`select pg_advisory_lock(hashtext('schakel_backup'))`);
    expect(await turn()).toEqual({ skipped: 'bezig' });
    expect(listBackups(into)).toEqual([]);
    await other.end();

    const first = await turn();
    expect(first).toMatchObject({ made: { name: 'schakel-2026-12-02T14-30-00Z.dump' } });
    // Under half the interval later (another process's turn, sharing the folder): skipped.
    now = new Date('2026-12-02T14:59:00.000Z');
    expect(await turn()).toMatchObject({
      skipped: 'recent',
      newest: { name: 'schakel-2026-12-02T14-30-00Z.dump' },
    });
    now = new Date('2026-12-02T15:01:00.000Z');
    expect(await turn()).toMatchObject({ made: { name: 'schakel-2026-12-02T15-01-00Z.dump' } });
    now = new Date('2026-12-02T16:01:00.000Z');
    await turn();
    // The newest two stay.
    expect(fs.readdirSync(into).sort()).toEqual([
      'schakel-2026-12-02T15-01-00Z.dump',
      'schakel-2026-12-02T16-01-00Z.dump',
    ]);
  },
);

it.skipIf(skipped)(`logs a failed backup, serves on, and tries again at the next turn${unless}`, async () => {
  const into = folder();
  // A pg_dump that is not there yet: the first turns fail, a later one finds it.
  const tools = folder();
  const server = await serverProcess({
    databaseUrl: cluster.urlOf('schakel'),
    serveArgs: [
      '--backup-every',
      '0.0005',
      '--naar',
      into,
      '--bewaar',
      '2',
      '--pg-dump',
      path.join(tools, 'pg_dump'),
    ],
  });
  try {
    const listening = await server.start();
    await until(() => server.errors().split('Geplande back-up mislukt').length > 2, 'two failed turns');
    expect(server.errors()).toContain(
      `Geplande back-up mislukt: pg_dump niet gevonden (${path.join(tools, 'pg_dump')})`,
    );
    expect(server.errors()).toContain('(volgende poging over 0.0005 uur)');
    // Still serving: a wrong pairing code gets its Dutch refusal.
    const answer = await serverClient(listening).pair({ code: 'AAAA-BBBB-CCCC', naam: 'Laptop' });
    expect(answer.ok).toBe(false);

    fs.symlinkSync(pgDump, path.join(tools, 'pg_dump'));
    await until(() => server.printed().split('Back-up gemaakt').length > 3, 'three backups');
    expect(server.running()).toBe(true);
    await server.stop();
    const left = fs.readdirSync(into);
    expect(left).toHaveLength(2);
    // Nothing half is left behind (a stop in the middle of a dump ends pg_dump and removes its partial file).
    expect(left.every((name) => /^schakel-.*Z\.dump$/.test(name))).toBe(true);
  } finally {
    await server.close();
  }
});
