import fs from 'node:fs';
import type { BackupInfo } from '../../../shared/backups.ts';
import type { SessionAccount } from '../../../shared/roles.ts';
import { writeAudit } from '../audit/record.ts';
import type { BackupControl } from '../context.ts';
import type { Dispatcher } from '../dispatcher.ts';
import { Failure } from '../failure.ts';
import type { Sessions } from '../sessions.ts';
import { type OpenOptions, openStore, type Store } from '../store/open-store.ts';
import type { BackupService } from './backup-service.ts';

interface RestorerDeps {
  backups: BackupService;
  sessions: Sessions;
  storeOptions: OpenOptions;
  clock: () => Date;
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

  control(dispatcher: () => Dispatcher): BackupControl {
    const { backups } = this.deps;
    return {
      overview: () => backups.overview(),
      preview: (name) => backups.preview(name),
      setFolder: async (folder, account) => {
        const before = backups.folder();
        backups.setFolder(folder);
        await this.audit(dispatcher().store, account, 'backups.setFolder', {
          summary: `Map voor reservekopieën gewijzigd`,
          changes: [{ field: 'map', before, after: backups.folder() }],
        });
      },
      create: async (account) => {
        const info = backups.create(dispatcher().store.sqlite, 'handmatig');
        await this.audit(dispatcher().store, account, 'backups.create', {
          summary: `Reservekopie gemaakt (${info.name})`,
        });
        return info;
      },
      restore: (name, account) => this.restore(dispatcher(), name, account),
    };
  }

  private async restore(
    dispatcher: Dispatcher,
    name: string,
    account: SessionAccount,
  ): Promise<{ safetyCopy: BackupInfo }> {
    const { backups, sessions, storeOptions } = this.deps;
    const source = backups.fileOf(name);
    const chosen = backups.preview(name); // wrong key, damaged, cut off or newer: refused here, nothing changed
    let safetyCopy: BackupInfo | undefined;
    let fellBack = false;
    await dispatcher.replaceStore(async () => {
      const current = dispatcher.store;
      safetyCopy = backups.create(current.sqlite, 'voor-terugzetten'); // a full disk stops here, nothing changed
      const incoming = `${current.file}.terugzetten`;
      try {
        fs.copyFileSync(source, incoming);
        const fd = fs.openSync(incoming, 'r');
        fs.fsyncSync(fd);
        fs.closeSync(fd);
      } catch {
        fs.rmSync(incoming, { force: true });
        throw new Failure(
          'unavailable',
          'Terugzetten lukte niet: de kopie kon niet naast de database worden gezet (schijf vol of geen rechten). Er is niets gewijzigd.',
        );
      }
      await current.close();
      swapInto(incoming, current.file);
      try {
        return await openStore(current.file, storeOptions);
      } catch {
        // The backup passed its checks but will not open as the live database: put the data from before back.
        fellBack = true;
        fs.copyFileSync(backups.fileOf(safetyCopy.name), incoming);
        swapInto(incoming, current.file);
        return openStore(current.file, storeOptions);
      }
    });
    if (fellBack || !safetyCopy) {
      throw new Failure(
        'unavailable',
        'Terugzetten lukte niet: de reservekopie ging niet open als database. De gegevens van voor het terugzetten staan er weer.',
      );
    }
    sessions.clearAll();
    await this.audit(dispatcher.store, account, 'backups.restore', {
      summary: `Reservekopie van ${chosen.createdAt} teruggezet door ${account.displayName}`,
    });
    return { safetyCopy };
  }

  private async audit(
    store: Store,
    account: SessionAccount,
    call: string,
    record: { summary: string; changes?: { field: string; before: unknown; after: unknown }[] },
  ): Promise<void> {
    const now = this.deps.clock().toISOString();
    // After a restore the account may not exist in the restored data; the summary still names who did it.
    const known = await store.db
      .selectFrom('accounts')
      .select('id')
      .where('id', '=', account.id)
      .executeTakeFirst();
    await writeAudit(store.db, {
      call,
      now,
      accountId: known ? account.id : null,
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

/** Puts `from` in the place of the database file in one rename; its old WAL and shared memory go first. */
function swapInto(from: string, file: string): void {
  for (const side of ['-wal', '-shm']) fs.rmSync(file + side, { force: true });
  fs.renameSync(from, file);
}
