/**
 * PostgreSQL's own client programs (pg_dump, pg_restore, psql), which the server's backups use: found, their version
 * checked against the server's before they touch it, and run with the password in their environment, never on
 * their command line (which `ps` shows every user).
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { withoutPassword } from '../core/store/postgres.ts';
import { Refusal } from './refusal.ts';

const run = promisify(execFile);

export type PgToolName = 'pg_dump' | 'pg_restore' | 'psql';

export interface PgTool {
  name: PgToolName;
  /** What is run: a path, or the bare name looked up in PATH. */
  command: string;
  /** The major version (15, 18). */
  major: number;
}

/**
 * A client program: the pg_dump given with `--pg-dump` (pg_restore and psql beside it, from the same installation)
 * or the one in PATH. Refused in Dutch when it is not there.
 */
export async function pgTool(name: PgToolName, pgDump?: string): Promise<PgTool> {
  const command = pgDump ? (name === 'pg_dump' ? pgDump : path.join(path.dirname(pgDump), name)) : name;
  let printed: string;
  try {
    printed = (await run(command, ['--version'])).stdout;
  } catch {
    throw new Refusal(
      `${name} niet gevonden (${command}): installeer de clientprogramma's van PostgreSQL of geef met --pg-dump het pad van pg_dump op (pg_restore en psql horen ernaast).`,
    );
  }
  const major = Number(/\(PostgreSQL\) (\d+)/.exec(printed)?.[1]);
  if (!major) throw new Refusal(`${command} --version gaf geen PostgreSQL-versie: ${printed.trim()}`);
  return { name, command, major };
}

/** The major version of the PostgreSQL the URL points at (180001 is 18). */
export async function serverMajor(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version_num: string }>('show server_version_num');
    return Math.floor(Number(rows[0]?.server_version_num) / 10_000);
  } finally {
    await client.end();
  }
}

/**
 * pg_dump refuses a server newer than itself, with an error the beheerder cannot act on; said here instead, naming
 * both versions and what to install.
 */
export function requireNewEnough(tool: PgTool, server: number): void {
  if (tool.major >= server) return;
  throw new Refusal(
    `${tool.name} ${tool.major} kan niet werken met PostgreSQL ${server} (de database is nieuwer). Installeer de clientprogramma's van PostgreSQL ${server} (bijvoorbeeld uit de apt-repository van PostgreSQL zelf, apt.postgresql.org) en geef pg_dump op met --pg-dump <pad>.`,
  );
}

/**
 * How a client program reaches the database: the URL without its password (as `--dbname`), and the password in the
 * environment (PGPASSWORD), where only this user and root can read it.
 */
export function connectionFor(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const password = decodeURIComponent(new URL(url).password);
  return {
    dbname: withoutPassword(url),
    env: { ...process.env, PGAPPNAME: 'schakel-backup', ...(password ? { PGPASSWORD: password } : {}) },
  };
}

/** Starts a client program; `finished` rejects with what it wrote to stderr when it fails or is aborted. */
export function startTool(
  tool: PgTool,
  args: readonly string[],
  options: {
    env?: NodeJS.ProcessEnv;
    signal?: AbortSignal;
    stdin?: 'pipe' | 'ignore';
    stdout?: 'pipe' | 'ignore';
  },
): { child: ChildProcess; finished: Promise<void> } {
  const child = spawn(tool.command, args, {
    env: options.env ?? process.env,
    stdio: [options.stdin ?? 'ignore', options.stdout ?? 'ignore', 'pipe'],
    ...(options.signal ? { signal: options.signal } : {}),
  });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors = (errors + chunk.toString()).slice(-4_000);
  });
  const finished = new Promise<void>((resolve, reject) => {
    child.once('error', (err) => reject(new Error(`${tool.name}: ${err.message}`)));
    child.once('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(errors.trim() || `${tool.name} stopte (${code ?? signal})`));
    });
  });
  return { child, finished };
}
