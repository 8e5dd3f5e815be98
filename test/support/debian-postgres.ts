/**
 * Debian's PostgreSQL 15 (apt: postgresql-15) as a throwaway cluster in a temporary folder: initdb and pg_ctl from
 * /usr/lib/postgresql/15/bin, listening on 127.0.0.1 on a free port, no Unix socket. It stands for "an existing
 * PostgreSQL" an organisation runs (`--database-url`), and its pg_dump/pg_restore/psql match it, which the embedded
 * PostgreSQL 18 has none of. Run as root, the cluster runs as the `postgres` user (PostgreSQL refuses root), as the
 * embedded one does (electron/core/store/embedded-postgres.ts).
 */
import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** Where Debian installs PostgreSQL 15's programs. */
export const debianPostgresBin = '/usr/lib/postgresql/15/bin';
/** Whether the Debian packages are installed (`.ci/run` installs them). */
export const debianPostgresInstalled = fs.existsSync(path.join(debianPostgresBin, 'pg_ctl'));

export interface DebianCluster {
  /** The cluster owner on database `postgres`, password in the URL. */
  url: string;
  /** The same server, another database. */
  urlOf(database: string): string;
  /** Runs a statement as the owner on database `postgres` (create or drop a database). */
  admin(statement: string): Promise<void>;
  stop(): Promise<void>;
}

const user = 'schakel';

export async function startDebianPostgres(): Promise<DebianCluster> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-pg15-'));
  const cluster = path.join(dir, 'cluster');
  const asRoot = os.userInfo().uid === 0;
  const ids = asRoot ? postgresUser() : null;
  const password = randomBytes(18).toString('base64url');
  const pwfile = path.join(dir, 'password');
  fs.writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (ids) {
    // The cluster's owner must own its folder; the temporary folder is reachable by everyone (/tmp).
    fs.chownSync(dir, ids.uid, ids.gid);
    fs.chownSync(pwfile, ids.uid, ids.gid);
  }
  const as = { ...ids, env: { ...process.env, LC_ALL: 'C.UTF-8' } };
  await run(
    path.join(debianPostgresBin, 'initdb'),
    [
      ...['-D', cluster, '-U', user, `--pwfile=${pwfile}`, '--auth=scram-sha-256'],
      ...['--encoding=UTF8', '--locale=C.UTF-8', '--no-sync'],
    ],
    as,
  );
  fs.rmSync(pwfile);
  const port = await freePort();
  const options = [
    `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=''`,
    '-c fsync=off -c synchronous_commit=off -c full_page_writes=off',
  ].join(' ');
  await run(
    path.join(debianPostgresBin, 'pg_ctl'),
    ['-D', cluster, '-o', options, '-l', path.join(dir, 'log'), '-w', 'start'],
    as,
  );
  const urlOf = (database: string) =>
    `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  return {
    url: urlOf('postgres'),
    urlOf,
    admin: async (statement) => {
      const client = new pg.Client({ connectionString: urlOf('postgres') });
      await client.connect();
      try {
        await client.query(statement);
      } finally {
        await client.end();
      }
    },
    stop: async () => {
      await run(path.join(debianPostgresBin, 'pg_ctl'), ['-D', cluster, '-m', 'immediate', '-w', 'stop'], as);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The `postgres` system user the Debian packages create. */
function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }));
  return { uid: id('-u'), gid: id('-g') };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
