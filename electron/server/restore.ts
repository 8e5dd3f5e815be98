/**
 * `scripts/schakel server herstellen <bestand>`: puts a backup back into the server's database, so that it holds
 * exactly what it held when the backup was taken (every row, the change numbers, the schema version; a newer
 * server migrates it forward at its next start). Refused while a server serves the database. The current state
 * is backed up first, and the restore is one transaction: it happens whole or not at all.
 */
import fs from 'node:fs';
import pg from 'pg';
import { type Backup, makeBackup } from './backup.ts';
import { connectionFor, type PgTool, pgTool, startTool } from './pg-tools.ts';
import { Refusal } from './refusal.ts';
import { excludeServers } from './serving-lock.ts';

export interface RestoreOptions {
  url: string;
  file: string;
  /** Where the backup of the current state goes (the backup folder). */
  folder: string;
  /** `--pg-dump`: pg_restore and psql are taken from beside it; otherwise all three from PATH. */
  pgDump?: string;
  clock?: () => Date;
}

/**
 * Everything in the schema goes, so that nothing of the current state outlives the restore: not even a table a
 * newer version added, which the migrations would otherwise meet again when the server migrates the backup forward.
 */
const emptySchema = [
  'set client_min_messages = warning',
  'drop schema public cascade',
  'create schema public',
  'grant usage on schema public to public',
].join('; ');

export async function restoreBackup(options: RestoreOptions): Promise<{ before: Backup }> {
  if (!fs.statSync(options.file, { throwIfNoEntry: false })?.isFile())
    throw new Refusal(`Back-up ${options.file} niet gevonden.`);
  const pgRestore = await pgTool('pg_restore', options.pgDump);
  const psql = await pgTool('psql', options.pgDump);
  await requireReadable(pgRestore, options.file);
  const client = new pg.Client({ connectionString: options.url });
  client.on('error', () => {});
  await client.connect();
  try {
    await excludeServers(client);
    const before = await makeBackup({ ...options, keep: Number.POSITIVE_INFINITY, beforeRestore: true });
    await replaceContents(pgRestore, psql, options);
    return { before };
  } finally {
    await client.end().catch(() => {});
  }
}

/** pg_restore reads the file's table of contents: a dump it can read (not a newer pg_dump's, not another file). */
async function requireReadable(pgRestore: PgTool, file: string): Promise<void> {
  try {
    await startTool(pgRestore, ['--list', file], {}).finished;
  } catch (err) {
    throw new Refusal(
      `pg_restore ${pgRestore.major} kan ${file} niet lezen (${(err as Error).message}). Herstel een back-up van 'scripts/schakel server backup'; een back-up van een nieuwere pg_dump vraagt een pg_restore van die versie of nieuwer.`,
    );
  }
}

/**
 * pg_restore writes the backup as SQL, which psql runs after emptying the schema, all in one transaction. psql
 * reaches the end of its input (and commits) only once pg_restore finished well; when pg_restore fails halfway,
 * psql is killed before that and PostgreSQL rolls everything back.
 */
async function replaceContents(pgRestore: PgTool, psql: PgTool, options: RestoreOptions): Promise<void> {
  const { dbname, env } = connectionFor(options.url);
  const script = startTool(pgRestore, ['--no-owner', '--file=-', options.file], { stdout: 'pipe' });
  const runner = startTool(
    psql,
    [
      ...['--no-psqlrc', '--quiet', '--no-password', '--set=ON_ERROR_STOP=1', '--single-transaction'],
      ...[`--command=${emptySchema}`, '--file=-', `--dbname=${dbname}`],
    ],
    { env, stdin: 'pipe' },
  );
  const stdin = runner.child.stdin as NodeJS.WritableStream;
  // psql stopping early (an error) closes its input: what pg_restore still writes is not wanted.
  runner.child.stdin?.on('error', () => {});
  script.child.stdout?.pipe(stdin, { end: false });
  /** pg_restore's failure when it failed first; psql's own otherwise (then pg_restore only lost its reader). */
  let cause: unknown = null;
  const written = script.finished.then(
    () => stdin.end(),
    (err: unknown) => {
      if (runner.child.exitCode === null) cause = err;
      runner.child.kill('SIGKILL');
    },
  );
  const [, ran] = await Promise.allSettled([written, runner.finished]);
  cause ??= ran.status === 'rejected' ? ran.reason : null;
  if (cause)
    throw new Refusal(
      `Herstellen mislukt; de database is niet veranderd: ${(cause as Error).message.split('\n').slice(-3).join(' ')}`,
    );
}
