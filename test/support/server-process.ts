/**
 * The Schakel server as a beheerder runs it (`electron/server/main.ts`): a real process on an embedded PostgreSQL in
 * a temporary data folder of its own, or on an existing database (`--database-url`). It can be started, stopped, killed with SIGKILL (the node process alone, which
 * leaves its PostgreSQL running, or its whole process group with PostgreSQL) and started again on the same folder;
 * its database can be opened beside it for what a test checks.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { stopPostgresOn } from '../../electron/core/store/embedded-postgres.ts';
import type { DB } from '../../electron/core/store/schema.ts';
import { type DeskCredentials, serverClient } from '../../electron/core/sync/server-client.ts';
import { startServerCore } from '../../electron/server/server-core.ts';
import type { CallName } from '../../shared/contract.ts';
import type { SessionAccount } from '../../shared/roles.ts';
import type { PairingCode } from '../../shared/sync.ts';
import { password } from './harness.ts';

const run = promisify(execFile);
const main = path.join(import.meta.dirname, '../../electron/server/main.ts');

export interface Listening {
  url: string;
  fingerprint: string;
}

export interface ServerProcessOptions {
  /** An existing PostgreSQL database, given to every command as `--database-url`; without it, the embedded one. */
  databaseUrl?: string;
  /** More options for `server` itself (not for the other commands), e.g. `--backup-every`. */
  serveArgs?: readonly string[];
}

export async function serverProcess(options: ServerProcessOptions = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-server-'));
  const given = options.databaseUrl ? ['--database-url', options.databaseUrl] : [];
  /** What the serving process wrote, across its starts (stderr also passed on to the test's own). */
  let printed = '';
  let errors = '';
  let child: ChildProcess | undefined;
  let exited: Promise<unknown> = Promise.resolve();
  let database: { db: Kysely<DB>; port: number } | undefined;
  /** Chosen by the system at the first start; a restart listens on the same one, as desks know it. */
  let port = 0;

  /** `scripts/schakel server <args>` on this data folder, the password given as SCHAKEL_WACHTWOORD. */
  const cli = (...args: string[]) =>
    run(process.execPath, [main, ...args, '--data-dir', dataDir, ...given], {
      env: { ...process.env, SCHAKEL_WACHTWOORD: password },
    });

  /** Starts `server` and resolves with what it printed once it listens (on the port of its first start). */
  function start(): Promise<Listening> {
    if (child) throw new Error('the server runs already');
    // A process group of its own, so that kill('group') reaches its PostgreSQL too.
    const started = spawn(
      process.execPath,
      [main, '--data-dir', dataDir, ...given, '--host', '127.0.0.1', '--port', String(port)].concat(
        options.serveArgs ?? [],
      ),
      { stdio: ['ignore', 'pipe', 'pipe'], detached: true },
    );
    child = started;
    started.stderr?.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
      process.stderr.write(chunk);
    });
    exited = new Promise((resolve) => started.once('exit', resolve));
    exited.then(() => {
      if (child === started) child = undefined;
    });
    return new Promise((resolve, reject) => {
      let out = '';
      started.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        printed += chunk.toString();
        const url = /luistert op (https:\/\/\S+)/.exec(out)?.[1];
        const fingerprint = /Vingerafdruk van de server: (\S+)/.exec(out)?.[1];
        if (url && fingerprint) {
          port = Number(new URL(url).port);
          resolve({ url, fingerprint });
        }
      });
      started.once('exit', (code, signal) =>
        reject(new Error(`server stopped (${code ?? signal}): ${out}${errors}`)),
      );
    });
  }

  /**
   * SIGKILL, and waits until the node process is gone: of the server alone (its PostgreSQL keeps running,
   * orphaned, until the next start shuts it down), or of its process group (PostgreSQL dies with it).
   */
  async function kill(what: 'server' | 'group'): Promise<void> {
    const pid = child?.pid;
    if (pid === undefined) return;
    process.kill(what === 'group' ? -pid : pid, 'SIGKILL');
    await exited;
  }

  async function stop(): Promise<void> {
    child?.kill('SIGTERM');
    await exited;
  }

  /** The cluster's port now: PostgreSQL writes it in its lock file (line 4). */
  function clusterPort(): number {
    const lock = fs.readFileSync(path.join(dataDir, 'postgres/cluster/postmaster.pid'), 'utf8');
    return Number(lock.split('\n')[3]);
  }

  /**
   * The server's database as the test reads it, beside the running server (a small pool of its own, opened again
   * when the cluster came back on another port). Numbers arrive as PostgreSQL's text for bigint: read them with
   * Number().
   */
  async function db(): Promise<Kysely<DB>> {
    const port = options.databaseUrl ? 0 : clusterPort();
    if (database?.port === port) return database.db;
    await database?.db.destroy().catch(() => {});
    const pool = new pg.Pool({ connectionString: databaseUrl(), max: 2 });
    // A connection cut by a killed server is an error on the idle pool, not the test's.
    pool.on('error', () => {});
    database = { db: new Kysely<DB>({ dialect: new PostgresDialect({ pool }) }), port };
    return database.db;
  }

  /** A URL of the server's database, for a core of the test's own on it (as a second server process). */
  function databaseUrl(): string {
    if (options.databaseUrl) return options.databaseUrl;
    const secret = fs.readFileSync(path.join(dataDir, 'postgres/schakel-postgres-password'), 'utf8');
    return `postgres://schakel:${encodeURIComponent(secret)}@127.0.0.1:${clusterPort()}/schakel`;
  }

  return {
    dataDir,
    cli,
    start,
    stop,
    kill,
    db,
    databaseUrl,
    printed: () => printed,
    errors: () => errors,
    /** Whether the serving process runs now. */
    running: () => child !== undefined,
    close: async () => {
      await stop();
      await database?.db.destroy().catch(() => {});
      await stopPostgresOn(path.join(dataDir, 'postgres'));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
export type ServerProcess = Awaited<ReturnType<typeof serverProcess>>;

/**
 * Sets the server up as a beheerder does (the first account: `bea`, a projectleider and beheerder) unless done
 * already, and pairs a desk with a one-time code, signed in as bea: its client and credentials. With `via: 'cli'`
 * the beheerder uses `scripts/schakel server inrichten` and `koppelcode` (run beside the serving process); with
 * `via: 'core'` a core of the test's own on the server's database does the same calls (a second or so faster).
 */
export async function pairedDesk(
  server: ServerProcess,
  listening: Listening,
  options: { setUp?: boolean; naam?: string; via?: 'cli' | 'core' } = {},
): Promise<{ client: ReturnType<typeof serverClient>; credentials: DeskCredentials; organisatie: string }> {
  const code =
    options.via === 'core'
      ? await codeFromCore(server, options.setUp ?? true)
      : await codeFromCli(server, listening, options.setUp ?? true);
  const client = serverClient(listening);
  const paired = await client.pair({ code, naam: options.naam ?? 'Laptop administratie' });
  if (!paired.ok) throw new Error(paired.error.message);
  const desk = { deviceId: paired.value.deviceId, deviceKey: paired.value.deviceKey };
  const signedIn = await client.signIn(desk, { username: 'bea', password });
  if (!signedIn.ok) throw new Error(signedIn.error.message);
  return {
    client,
    credentials: { ...desk, userToken: signedIn.value.token },
    organisatie: paired.value.organisatie,
  };
}

const firstAccount = {
  organisatieNaam: 'Welzijn Oost',
  displayName: 'Bea Beheer',
  username: 'bea',
  password,
  role: 'projectleider',
} as const;

async function codeFromCli(server: ServerProcess, listening: Listening, setUp: boolean): Promise<string> {
  if (setUp) {
    await server.cli(
      'inrichten',
      ...['--organisatie', firstAccount.organisatieNaam, '--naam', firstAccount.displayName],
      ...['--gebruiker', firstAccount.username, '--rol', firstAccount.role],
    );
  }
  const made = await server.cli('koppelcode', '--gebruiker', 'bea');
  const printed = /Vingerafdruk van de server: (\S+)/.exec(made.stdout)?.[1];
  if (printed !== listening.fingerprint) throw new Error(`koppelcode printed fingerprint ${printed}`);
  return /Koppelcode: (\S+)/.exec(made.stdout)?.[1] as string;
}

async function codeFromCore(server: ServerProcess, setUp: boolean): Promise<string> {
  return asBeheerder(
    server,
    setUp,
    async (call) => ((await call('sync.pairingCode', {})) as PairingCode).code,
  );
}

/**
 * Calls as the beheerder bea on a core of the test's own on the server's database (as `koppelcode` works beside
 * the running server), after setting the server up first when asked.
 */
export async function asBeheerder<T>(
  server: ServerProcess,
  setUp: boolean,
  work: (call: (name: CallName, input: unknown) => Promise<unknown>) => Promise<T>,
): Promise<T> {
  const core = await startServerCore({ dataDir: server.dataDir, databaseUrl: server.databaseUrl() });
  try {
    if (setUp) {
      const r = await core.dispatcher.dispatch('auth.setup', firstAccount, 'beheer');
      if (!r.ok) throw new Error(r.error.message);
    }
    const login = { username: firstAccount.username, password };
    const bea = await core.dispatcher.dispatch('auth.login', login, 'koppelen');
    if (!bea.ok) throw new Error(bea.error.message);
    return await work(async (name, input) => {
      const r = await core.dispatcher.dispatchAs(bea.value as SessionAccount, name, input);
      if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
      return r.value;
    });
  } finally {
    await core.close();
  }
}
