import fs from 'node:fs';
import type { BackupInfo, RecoveryKey } from '../../../shared/backups.ts';
import { formatDateTime } from '../../../shared/format.ts';
import type { SessionAccount } from '../../../shared/roles.ts';
import { accountStillThere, writeAudit } from '../audit/record.ts';
import type { BackupControl } from '../context.ts';
import type { Dispatcher } from '../dispatcher.ts';
import { Failure } from '../failure.ts';
import type { Sessions } from '../sessions.ts';
import { type OpenOptions, openStore, restoreSuffixes } from '../store/open-store.ts';
import type { SqliteStore } from '../store/store.ts';
import type { BackupService } from './backup-service.ts';

interface RestorerDeps {
  backups: BackupService;
  sessions: Sessions;
  storeOptions: OpenOptions;
  clock: () => Date;
  keySource: RecoveryKey['bron'];
}

/**
 * The backup calls as the core carries them out: making, previewing and restoring, each audited. A restore checks
 * the chosen backup, keeps a backup of the data as it is, and only then swaps the database file; if the restored file
 * will not open, the data from before comes back.
 */
export class Restorer {
  private readonly deps: RestorerDeps;
  constructor(deps: RestorerDeps) {
    this.deps = deps;
  }

  control(dispatcher: () => Dispatcher<SqliteStore>): BackupControl {
    const { backups } = this.deps;
    return {
      overview: () => backups.overview(),
      preview: (name) => backups.preview(name),
      setFolder: async (folder, account) => {
        const before = backups.folder();
        backups.setFolder(folder);
        await this.audit(dispatcher().store, account, 'backups.setFolder', {
          summary: 'Map voor reservekopieën gewijzigd',
          changes: [{ field: 'map', before, after: backups.folder() }],
        });
      },
      // The copy is made in a worker thread while every window goes on working; what was being saved when it was
      // asked for is in it. A restore waits for it (the call is running), and no backup starts during a restore.
      create: async (account) => {
        await dispatcher().writesSettled();
        const info = await backups.createInBackground('handmatig');
        await this.audit(dispatcher().store, account, 'backups.create', {
          summary: `Reservekopie gemaakt (${info.name})`,
        });
        return info;
      },
      restore: (name, account) => dispatcher().exclusive(() => this.restore(dispatcher(), name, account)),
      recoveryKey: async (account) => {
        const { storeOptions, keySource } = this.deps;
        await this.audit(dispatcher().store, account, 'backups.recoveryKey', {
          summary: keySource === 'sleutelbos' ? 'Herstelcode bekeken' : 'Uitleg herstelcode bekeken',
        });
        return { bron: keySource, code: keySource === 'sleutelbos' ? storeOptions.key : null };
      },
    };
  }

  /**
   * Runs with the database to itself. The chosen backup is copied beside the database first (a rotation after the
   * safety copy may remove it from the folder), then the current state is backed up; only then is the live file
   * renamed aside and the copy renamed in. If the copy will not open, the file from before is renamed back: no step
   * of the way back needs disk space.
   */
  private async restore(
    dispatcher: Dispatcher<SqliteStore>,
    name: string,
    account: SessionAccount,
  ): Promise<{ safetyCopy: BackupInfo }> {
    const { backups, sessions, storeOptions, clock } = this.deps;
    const chosen = await backups.preview(name); // wrong key, damaged, cut off, newer or foreign: refused, nothing changed
    const current = dispatcher.store;
    const incoming = `${current.file}${restoreSuffixes.incoming}`;
    const previous = `${current.file}${restoreSuffixes.previous}`;
    try {
      await copyDurably(backups.fileOf(name), incoming);
    } catch {
      fs.rmSync(incoming, { force: true });
      throw new Failure(
        'unavailable',
        'Terugzetten lukte niet: de kopie kon niet naast de database worden gezet (schijf vol of geen rechten). Er is niets gewijzigd.',
      );
    }
    let safetyCopy: BackupInfo;
    try {
      safetyCopy = await backups.createInBackground('voor-terugzetten');
    } catch (err) {
      fs.rmSync(incoming, { force: true });
      throw err;
    }
    const options = { ...storeOptions, now: clock().toISOString() };
    let fellBack = false;
    await dispatcher.replaceStore(async () => {
      await current.close();
      fs.renameSync(current.file, previous);
      fs.renameSync(incoming, current.file);
      try {
        const restored = await openStore(current.file, options);
        fs.rmSync(previous, { force: true });
        return restored;
      } catch {
        fellBack = true;
        for (const side of ['', '-wal', '-shm']) fs.rmSync(current.file + side, { force: true });
        fs.renameSync(previous, current.file);
        return openStore(current.file, options);
      }
    });
    if (fellBack) {
      throw new Failure(
        'unavailable',
        'Terugzetten lukte niet: de reservekopie ging niet open als database. De gegevens van voor het terugzetten staan er weer.',
      );
    }
    sessions.clearAll();
    await this.audit(dispatcher.store, account, 'backups.restore', {
      summary: `Reservekopie van ${formatDateTime(chosen.createdAt)} teruggezet door ${account.displayName}`,
    });
    return { safetyCopy };
  }

  private async audit(
    store: SqliteStore,
    account: SessionAccount,
    call: string,
    record: { summary: string; changes?: { field: string; before: unknown; after: unknown }[] },
  ): Promise<void> {
    const now = this.deps.clock().toISOString();
    await writeAudit(store.db, {
      call,
      now,
      accountId: await accountStillThere(store.db, account.id),
      input: {},
      context: JSON.stringify({ now, ids: [] }),
      records: [
        {
          recordType: 'backup',
          recordId: call,
          recordVersion: null,
          summary: record.summary,
          changes: record.changes ?? [],
        },
      ],
    });
  }
}

/** A copy on disk before it is used, made off the main thread (the file may be large). */
async function copyDurably(from: string, to: string): Promise<void> {
  await fs.promises.copyFile(from, to);
  const handle = await fs.promises.open(to, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
