import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { expect, it } from 'vitest';
import {
  type RunningPostgres,
  reachableByOthers,
  startEmbeddedPostgres,
  stopPostgresOn,
} from './embedded-postgres.ts';

it('sees whether the postgres user can reach the binaries: not inside a folder only its owner may enter', () => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-home-'));
  const inside = path.join(home, 'checkout', 'node_modules');
  fs.mkdirSync(inside, { recursive: true });
  try {
    fs.chmodSync(home, 0o700);
    expect(reachableByOthers(inside)).toBe(false);
    fs.chmodSync(home, 0o755);
    expect(reachableByOthers(inside)).toBe(true);
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
});

it('starts again on a cluster whose PostgreSQL outlived the killed process that started it, and joins one in use', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-leftover-'));
  const module = pathToFileURL(path.join(import.meta.dirname, 'embedded-postgres.ts')).href;
  const child = spawn(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const { startEmbeddedPostgres } = await import(${JSON.stringify(module)});
       const pg = await startEmbeddedPostgres(${JSON.stringify(dir)}, { durable: false });
       console.log(pg.url);`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let running: RunningPostgres | undefined;
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
      child.once('exit', (code) => reject(new Error(`child stopped (${code})`)));
    });
    const before = new pg.Client({ connectionString: url });
    await before.connect();
    await before.query('create table kept (n int); insert into kept values (42)');
    await before.end();
    const leftover = Number(
      fs.readFileSync(path.join(dir, 'cluster', 'postmaster.pid'), 'utf8').split('\n')[0],
    );

    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    // PostgreSQL is not killed with its parent: it still holds the cluster.
    expect(() => process.kill(leftover, 0)).not.toThrow();

    running = await startEmbeddedPostgres(dir, { durable: false });
    const after = new pg.Client({ connectionString: running.url });
    await after.connect();
    expect((await after.query('select n from kept')).rows).toEqual([{ n: 42 }]);
    await after.end();

    // A second start while it runs (the beheerder asking the server for a pairing code) joins it, and leaves it
    // running when done.
    const second = await startEmbeddedPostgres(dir, { durable: false });
    expect(second.url).toBe(running.url);
    await second.stop();
    const still = new pg.Client({ connectionString: running.url });
    await still.connect();
    await still.end();
    expect(
      fs.existsSync(`/proc/${leftover}`) ? fs.readFileSync(`/proc/${leftover}/cmdline`, 'utf8') : '',
    ).not.toContain(dir);
  } finally {
    child.kill('SIGKILL');
    await running?.stop();
    await stopPostgresOn(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
