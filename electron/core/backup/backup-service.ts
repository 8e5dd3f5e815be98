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
import { backupName, listBackups, previewFile, removeBackup, writeBackup } from './backup-file.ts';
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

  get key(): string | null {
    return this.options.key;
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

  /** Makes a backup of the open database, then rotates the folder. */
  create(sqlite: Database.Database, kind: BackupKind): BackupInfo {
    // Two backups in one millisecond (a restore undone at once) must not share a name: the later one moves on.
    let at = this.options.clock().getTime();
    while (fs.existsSync(path.join(this.folder(), backupName(new Date(at).toISOString(), kind)))) at++;
    const createdAt = new Date(at).toISOString();
    const info = writeBackup(
      sqlite,
      this.folder(),
      this.options.key,
      kind,
      createdAt,
      this.options.appVersion,
    );
    this.rotate();
    return info;
  }

  /** The daily backup, when today (Dutch calendar day) has none yet. */
  createDailyIfDue(sqlite: Database.Database): BackupInfo | null {
    const today = dutchDate(this.options.clock());
    const hasToday = this.overview().backups.some((b) => dutchDate(new Date(b.createdAt)) === today);
    return hasToday ? null : this.create(sqlite, 'dagelijks');
  }

  rotate(): void {
    const { folder, backups } = this.overview();
    const keep = backupsToKeep(backups);
    for (const b of backups) if (!keep.has(b.name)) removeBackup(folder, b.name);
  }

  fileOf(name: string): string {
    const file = path.join(this.folder(), name);
    if (!backupFileName.test(name) || !fs.existsSync(file)) {
      throw new Failure('not_found', 'Deze reservekopie bestaat niet (meer) in de map.');
    }
    return file;
  }

  preview(name: string): BackupPreview {
    const file = this.fileOf(name);
    const info = this.overview().backups.find((b) => b.name === name);
    if (!info) throw new Failure('not_found', 'Deze reservekopie bestaat niet (meer) in de map.');
    return previewFile(file, this.options.key, info);
  }
}
