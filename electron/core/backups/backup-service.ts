import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import {
  type BackupInfo,
  type BackupKind,
  type BackupOverview,
  type BackupPreview,
  backupFileName,
} from '../../../shared/backups.ts';
import { dutchDate } from '../../../shared/dates.ts';
import { Failure } from '../failure.ts';
import { databaseFileName } from '../paths.ts';
import { runInWorker } from '../worker/pool.ts';
import { listBackups, removeBackup, removeLeftovers, writeBackup } from './backup-file.ts';
import { backupsToKeep } from './rotation.ts';

/** Settings of this computer rather than of the organisation: where its backups go. */
const workstationFile = 'werkplek.json';
export const defaultBackupFolderName = 'reservekopieen';

export interface BackupServiceOptions {
  dataDir: string;
  key: string | null;
  clock: () => Date;
  appVersion: string;
}

/** Backups of one data folder: where they go, making, listing, rotating and reading them. */
export class BackupService {
  private readonly options: BackupServiceOptions;
  constructor(options: BackupServiceOptions) {
    this.options = options;
  }

  folder(): string {
    return this.configuredFolder() ?? path.join(this.options.dataDir, defaultBackupFolderName);
  }

  private configuredFolder(): string | null {
    try {
      const config = JSON.parse(
        fs.readFileSync(path.join(this.options.dataDir, workstationFile), 'utf8'),
      ) as {
        backupFolder?: unknown;
      };
      return typeof config.backupFolder === 'string' ? config.backupFolder : null;
    } catch {
      return null;
    }
  }

  /** A new folder is only taken after a test write there succeeds, so the next backup cannot fail on it. */
  setFolder(folder: string): void {
    const target = path.resolve(folder);
    const probe = path.join(target, `.schakel-schrijftest-${process.pid}`);
    try {
      fs.mkdirSync(target, { recursive: true, mode: 0o700 });
      fs.writeFileSync(probe, 'test');
      fs.rmSync(probe);
    } catch {
      throw new Failure(
        'invalid_input',
        `Map: Schakel kan niet schrijven in ${target}. Kies een map waar je schrijfrechten hebt.`,
        'folder',
        `Schakel kan hier niet schrijven`,
      );
    }
    const config = path.join(this.options.dataDir, workstationFile);
    const isDefault = target === path.join(this.options.dataDir, defaultBackupFolderName);
    fs.writeFileSync(`${config}.deels`, JSON.stringify(isDefault ? {} : { backupFolder: target }, null, 2));
    fs.renameSync(`${config}.deels`, config);
  }

  overview(): BackupOverview {
    const folder = this.folder();
    return {
      folder,
      isDefaultFolder: this.configuredFolder() === null,
      backups: listBackups(folder, (name) => backupFileName.test(name)),
    };
  }

  /**
   * Makes a backup through the given open handle, on this thread, then rotates the folder: for the safety copy
   * made while the store is opened (before a migration or encryption), when no window is served yet.
   */
  create(sqlite: Database.Database, kind: BackupKind): BackupInfo {
    if (this.running > 0) {
      throw new Failure('unavailable', 'Er wordt al een reservekopie gemaakt. Probeer het zo opnieuw.');
    }
    const info = writeBackup(
      sqlite,
      this.folder(),
      this.options.key,
      kind,
      this.nextCreatedAt(),
      this.options.appVersion,
    );
    this.rotate();
    return info;
  }

  /**
   * Makes a backup of the database file in a worker thread, through a connection of its own, while the app goes
   * on serving every window; then rotates the folder. Backups asked for meanwhile wait their turn.
   */
  createInBackground(kind: BackupKind): Promise<BackupInfo> {
    return this.inTurn(() => this.copyInWorker(kind));
  }

  /** The daily backup, when today (Dutch calendar day) has none yet; in a worker thread, as createInBackground. */
  createDailyIfDue(): Promise<BackupInfo | null> {
    return this.inTurn(async () => {
      const today = dutchDate(this.options.clock());
      const hasToday = this.overview().backups.some(
        (b) => b.kind === 'dagelijks' && dutchDate(new Date(b.createdAt)) === today,
      );
      return hasToday ? null : this.copyInWorker('dagelijks');
    });
  }

  /** One backup at a time: rotation removes what it takes for a cut-off backup's leftovers. */
  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    this.running++;
    const turn = this.queue.then(work).finally(() => {
      this.running--;
    });
    this.queue = turn.catch(() => {});
    return turn;
  }
  private queue: Promise<unknown> = Promise.resolve();
  private running = 0;

  private async copyInWorker(kind: BackupKind): Promise<BackupInfo> {
    const info = await runInWorker('writeBackup', {
      databaseFile: path.join(this.options.dataDir, databaseFileName),
      key: this.options.key,
      folder: this.folder(),
      kind,
      createdAt: this.nextCreatedAt(),
      appVersion: this.options.appVersion,
    });
    this.rotate();
    return info;
  }

  /**
   * The new backup is the newest, even when the clock shows an earlier moment (set back, or two in one
   * millisecond): rotation must never take it for an old one.
   */
  private nextCreatedAt(): string {
    const newest = this.overview().backups[0]?.createdAt;
    return new Date(
      Math.max(this.options.clock().getTime(), newest ? Date.parse(newest) + 1 : 0),
    ).toISOString();
  }

  /** Rotates, and removes what a backup cut off by a crash left behind (hidden `.deels` files). */
  rotate(): void {
    const { folder, backups } = this.overview();
    const keep = backupsToKeep(backups);
    for (const b of backups) if (!keep.has(b.name)) removeBackup(folder, b.name);
    removeLeftovers(folder);
  }

  fileOf(name: string): string {
    const file = path.join(this.folder(), name);
    if (!backupFileName.test(name) || !fs.existsSync(file)) {
      throw new Failure('not_found', 'Deze reservekopie bestaat niet (meer) in de map.');
    }
    return file;
  }

  /** A backup's content for the restore screen, checked whole in a worker thread (a large file takes a while). */
  async preview(name: string): Promise<BackupPreview> {
    const file = this.fileOf(name);
    const info = this.overview().backups.find((b) => b.name === name);
    if (!info) throw new Failure('not_found', 'Deze reservekopie bestaat niet (meer) in de map.');
    return runInWorker('previewBackup', { file, key: this.options.key, info });
  }
}
