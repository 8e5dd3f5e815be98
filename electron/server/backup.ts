/**
 * A backup of the server's database with PostgreSQL's own pg_dump (custom format, which pg_restore reads): one file
 * per backup in the backup folder, named with the time it was taken, and the newest few kept.
 */
import fs from 'node:fs';
import path from 'node:path';
import { connectionFor, pgTool, requireNewEnough, serverMajor, startTool } from './pg-tools.ts';
import { Refusal } from './refusal.ts';

/** How many backups stay in the folder unless the beheerder says otherwise (`--bewaar`). */
export const defaultKept = 14;

export interface BackupOptions {
  /** The server's database, with its password. */
  url: string;
  folder: string;
  /** The newest this many backups stay; older ones are removed after a new one is complete. */
  keep: number;
  /** The pg_dump to use (`--pg-dump`); otherwise the one in PATH. */
  pgDump?: string;
  clock?: () => Date;
  /** Ends pg_dump (the server stops); nothing half is left behind. */
  signal?: AbortSignal;
  /** Made just before a restore: named so, and no older backup is removed (the restore may be about to read it). */
  beforeRestore?: boolean;
}

export interface Backup {
  name: string;
  file: string;
  takenAt: Date;
}

const namePattern = /^schakel-(\d{4}-\d\d-\d\dT\d\d)-(\d\d)-(\d\dZ)(-voor-herstel)?\.dump$/;

/** `schakel-2026-12-02T14-30-00Z.dump`: the time in UTC, with dashes where a file name cannot hold a colon. */
export function backupName(takenAt: Date, beforeRestore = false): string {
  const stamp = takenAt.toISOString().slice(0, 19).replaceAll(':', '-');
  return `schakel-${stamp}Z${beforeRestore ? '-voor-herstel' : ''}.dump`;
}

/** The backups in the folder, newest first (by the time in their name). */
export function listBackups(folder: string): Backup[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  return names
    .flatMap((name) => {
      const m = namePattern.exec(name);
      if (!m) return [];
      return [{ name, file: path.join(folder, name), takenAt: new Date(`${m[1]}:${m[2]}:${m[3]}`) }];
    })
    .sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime() || b.name.localeCompare(a.name));
}

/**
 * Takes one backup now. pg_dump reads one snapshot, so the server keeps serving meanwhile. It writes under a
 * temporary name, and only a complete dump is given its real name: a crash, a full disk or a stop leaves no half
 * backup that looks whole. Refused in Dutch when pg_dump is missing or older than the server.
 */
export async function makeBackup(options: BackupOptions): Promise<Backup> {
  const pgDump = await pgTool('pg_dump', options.pgDump);
  requireNewEnough(pgDump, await serverMajor(options.url));
  const takenAt = (options.clock ?? (() => new Date()))();
  const name = backupName(takenAt, options.beforeRestore);
  const file = path.join(options.folder, name);
  const partial = path.join(options.folder, `.${name}.deels`);
  fs.mkdirSync(options.folder, { recursive: true, mode: 0o700 });
  const { dbname, env } = connectionFor(options.url);
  try {
    // Made first, for its mode: pg_dump writes into it and keeps it readable by this user alone (personal data).
    fs.writeFileSync(partial, '', { mode: 0o600 });
    const args = ['--format=custom', '--no-password', `--file=${partial}`, `--dbname=${dbname}`];
    await startTool(pgDump, args, { env, ...(options.signal ? { signal: options.signal } : {}) }).finished;
    const fd = fs.openSync(partial, 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(partial, file);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw new Refusal(`Back-up in ${options.folder} mislukt: ${(err as Error).message}`);
  }
  if (!options.beforeRestore) removeOldBackups(options.folder, options.keep);
  return { name, file, takenAt };
}

/** Removes all but the newest `keep` backups. */
function removeOldBackups(folder: string, keep: number): void {
  for (const backup of listBackups(folder).slice(keep)) fs.rmSync(backup.file, { force: true });
}
