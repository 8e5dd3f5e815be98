import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { migrations as shippedMigrations } from '../../../migrations/index.ts';
import {
  type BackupCounts,
  type BackupInfo,
  type BackupKind,
  type BackupPreview,
  backupKinds,
} from '../../../shared/backups.ts';
import { Failure } from '../failure.ts';
import { applyKey, sqlString } from '../store/encryption.ts';
import { checkApplied } from '../store/migrate.ts';
import { errorCode, StoreError, storeErrorFrom } from '../store/store-error.ts';

/** The manifest beside each backup: what it holds, so the list needs no decryption of every file. */
interface Manifest {
  createdAt: string;
  kind: BackupKind;
  schemaVersion: number;
  appVersion: string;
  counts: BackupCounts;
}

const countQueries: Record<keyof BackupCounts, string> = {
  personen: 'select count(*) from persons',
  contracten: 'select count(*) from contracts',
  declaraties: 'select count(*) from claims',
  bonnen: 'select count(*) from receipts',
  logregels: 'select count(*) from log_entries',
  accounts: 'select count(*) from accounts',
};

function count(sqlite: Database.Database, table: keyof BackupCounts): number {
  try {
    return Number(sqlite.prepare(countQueries[table]).pluck().get());
  } catch {
    return 0; // a backup from before the table existed
  }
}

function countsOf(sqlite: Database.Database): BackupCounts {
  const keys = Object.keys(countQueries) as (keyof BackupCounts)[];
  return Object.fromEntries(keys.map((k) => [k, count(sqlite, k)])) as unknown as BackupCounts;
}

function schemaVersionOf(sqlite: Database.Database): number {
  return Number(sqlite.prepare('select coalesce(max(version), 0) from schema_migrations').pluck().get());
}

export function backupName(createdAt: string, kind: BackupKind): string {
  const stamp = createdAt.replace(/[-:]/g, '').replace(/\.(\d{3})Z$/, '$1Z');
  return `schakel-${stamp}-${kind}.sqlite`;
}

const manifestOf = (file: string) => file.replace(/\.sqlite$/, '.json');

/**
 * A consistent copy of the open database, written while the app keeps running. VACUUM INTO reads one snapshot and
 * writes an encrypted copy with the same key (the online backup API of SQLite3 Multiple Ciphers refuses an
 * encrypted source unless the target is keyed, which better-sqlite3 cannot do). The copy is written under a
 * temporary name, checked by opening it and running integrity_check, and only then given its real name: a full
 * disk or a crash leaves no half backup behind.
 */
export function writeBackup(
  sqlite: Database.Database,
  folder: string,
  key: string | null,
  kind: BackupKind,
  createdAt: string,
  appVersion: string,
): BackupInfo {
  const name = backupName(createdAt, kind);
  const file = path.join(folder, name);
  const partial = path.join(folder, `.${name}.deels`);
  try {
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    fs.rmSync(partial, { force: true });
    sqlite.exec(`VACUUM INTO ${sqlString(partial)}`);
    const fd = fs.openSync(partial, 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    const { counts, schemaVersion } = inspectFile(partial, key);
    const manifest: Manifest = { createdAt, kind, schemaVersion, appVersion, counts };
    writeFileAtomic(manifestOf(file), JSON.stringify(manifest, null, 2));
    fs.renameSync(partial, file);
    return { name, createdAt, kind, bytes: fs.statSync(file).size, schemaVersion, counts };
  } catch (err) {
    fs.rmSync(partial, { force: true });
    fs.rmSync(manifestOf(file), { force: true });
    throw backupWriteFailure(err, folder);
  }
}

/** A backup of a database file, made by a worker thread (see worker/tasks.ts). */
export interface BackupJob {
  /** The live database, read through a connection of the worker's own; WAL lets the app write meanwhile. */
  databaseFile: string;
  key: string | null;
  folder: string;
  kind: BackupKind;
  createdAt: string;
  appVersion: string;
}

/**
 * writeBackup through a read-only connection of its own, keyed like the app's: the copy reads one snapshot of
 * the database while the app's connection goes on reading and writing.
 */
export function writeBackupOfFile(job: BackupJob): BackupInfo {
  const sqlite = new Database(job.databaseFile, { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    if (job.key !== null) applyKey(sqlite, job.key);
    return writeBackup(sqlite, job.folder, job.key, job.kind, job.createdAt, job.appVersion);
  } finally {
    sqlite.close();
  }
}

function writeFileAtomic(file: string, text: string): void {
  const temp = `${file}.deels`;
  fs.writeFileSync(temp, text, { mode: 0o600 });
  fs.renameSync(temp, file);
}

function backupWriteFailure(err: unknown, folder: string): unknown {
  if (err instanceof Failure) return err;
  const code = errorCode(err);
  const kind = storeErrorFrom(err, folder)?.kind;
  if (kind === 'no_space') {
    return new Failure(
      'unavailable',
      `De reservekopie kon niet worden gemaakt: de schijf van ${folder} is vol. Er is geen halve kopie achtergebleven en je gegevens zijn niet gewijzigd.`,
    );
  }
  if (kind === 'no_access' || code === 'ENOTDIR' || code.startsWith('SQLITE_IOERR')) {
    return new Failure(
      'unavailable',
      `De reservekopie kon niet worden gemaakt: Schakel kan niet schrijven in ${folder}. Kies een andere map of controleer de rechten. Je gegevens zijn niet gewijzigd.`,
    );
  }
  return err;
}

/** Opens a backup read-only with the key and checks it; a wrong key, a cut-off or damaged file is refused. */
export function inspectFile(
  file: string,
  key: string | null,
): { counts: BackupCounts; schemaVersion: number } {
  return withBackup(file, key, (sqlite) => ({
    counts: countsOf(sqlite),
    schemaVersion: schemaVersionOf(sqlite),
  }));
}

function withBackup<T>(file: string, key: string | null, read: (sqlite: Database.Database) => T): T {
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
    if (key !== null) applyKey(sqlite, key);
    const result = sqlite.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw Object.assign(new Error(String(result)), { code: 'SQLITE_CORRUPT' });
    refuseUnknownSchema(sqlite);
    return read(sqlite);
  } catch (err) {
    if (err instanceof Failure) throw err;
    const code = errorCode(err);
    if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_ERROR') {
      throw new Failure(
        'invalid_input',
        'Deze reservekopie kan niet worden gelezen: het bestand is beschadigd, afgekapt of met een andere sleutel versleuteld. Er is niets gewijzigd.',
      );
    }
    throw err;
  } finally {
    sqlite?.close();
  }
}

/** A backup from a newer Schakel, or with a schema step this version does not know, cannot be restored. */
function refuseUnknownSchema(sqlite: Database.Database): void {
  const applied = sqlite.prepare('select version, name from schema_migrations order by version').all() as {
    version: number;
    name: string;
  }[];
  try {
    checkApplied(applied, shippedMigrations);
  } catch (err) {
    if (!(err instanceof StoreError)) throw err;
    const newest = shippedMigrations.at(-1)?.version ?? 0;
    throw new Failure(
      'invalid_input',
      err.kind === 'newer_version'
        ? `Deze reservekopie is gemaakt met een nieuwere versie van Schakel (schema ${applied.at(-1)?.version}; deze versie kent tot en met ${newest}). Werk Schakel eerst bij. Er is niets gewijzigd.`
        : 'Deze reservekopie komt van een andere uitgave van Schakel (een schemastap die deze versie niet kent). Er is niets gewijzigd.',
    );
  }
}

/** A backup's content as the restore screen shows it before anyone restores it. */
export function previewFile(file: string, key: string | null, info: BackupInfo): BackupPreview {
  return withBackup(file, key, (sqlite) => {
    const lastChanges = sqlite
      .prepare('select at, summary from audit_log order by at desc, id desc limit 8')
      .all() as { at: string; summary: string }[];
    const naam = sqlite.prepare("select naam from settings where id = 'organisatie'").pluck().get() as
      | string
      | undefined;
    return {
      ...info,
      counts: countsOf(sqlite),
      schemaVersion: schemaVersionOf(sqlite),
      organisatieNaam: naam ?? null,
      lastChanges,
    };
  });
}

/** A backup to look at, by a worker thread: its file, the key it should open with, and what the folder says. */
export interface BackupPreviewJob {
  file: string;
  key: string | null;
  info: BackupInfo;
}

export function previewOf(job: BackupPreviewJob): BackupPreview {
  return previewFile(job.file, job.key, job.info);
}

/** Every backup in the folder, newest first; a file without (readable) manifest is listed with what is known. */
export function listBackups(folder: string, isName: (name: string) => boolean): BackupInfo[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder).filter(isName);
  } catch {
    return [];
  }
  return names
    .map((name) => {
      const file = path.join(folder, name);
      const stat = fs.statSync(file);
      let manifest: Manifest | null = null;
      try {
        manifest = JSON.parse(fs.readFileSync(manifestOf(file), 'utf8')) as Manifest;
      } catch {
        manifest = null;
      }
      const named = fromName(name);
      return {
        name,
        createdAt: manifest?.createdAt ?? named?.createdAt ?? stat.mtime.toISOString(),
        kind: manifest?.kind ?? named?.kind ?? null,
        bytes: stat.size,
        schemaVersion: manifest?.schemaVersion ?? null,
        counts: manifest?.counts ?? null,
      };
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** The moment and kind in a backup's own name: what rotation needs when its manifest is gone. */
function fromName(name: string): { createdAt: string; kind: BackupKind | null } | null {
  const m = /^schakel-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})?Z-([a-z-]+)\.sqlite$/.exec(name);
  if (!m) return null;
  const [, y, mo, d, h, mi, sec, ms, kind] = m;
  const known = (backupKinds as readonly string[]).includes(kind ?? '');
  return {
    createdAt: `${y}-${mo}-${d}T${h}:${mi}:${sec}.${ms ?? '000'}Z`,
    kind: known ? (kind as BackupKind) : null,
  };
}

/** Hidden partial files of a backup cut off by a crash, and manifests whose backup is gone. */
export function removeLeftovers(folder: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const orphanManifest = name.endsWith('.json') && !names.includes(name.replace(/\.json$/, '.sqlite'));
    if (name.endsWith('.deels') || (orphanManifest && name.startsWith('schakel-'))) {
      fs.rmSync(path.join(folder, name), { force: true });
    }
  }
}

export function removeBackup(folder: string, name: string): void {
  const file = path.join(folder, name);
  fs.rmSync(file, { force: true });
  fs.rmSync(manifestOf(file), { force: true });
}
