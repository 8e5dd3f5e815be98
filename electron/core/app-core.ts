import path from 'node:path';
import packageJson from '../../package.json' with { type: 'json' };
import { BackupService } from './backups/backup-service.ts';
import { Restorer } from './backups/restore.ts';
import { Dispatcher } from './dispatcher.ts';
import { type AppLog, describeError } from './log/app-log.ts';
import { callLogging, logStoreFailure, logStoreOpened, startLog } from './log/core-log.ts';
import { databaseFileName } from './paths.ts';
import { Sessions } from './sessions.ts';
import { openStore, type SafetyCopyReason } from './store/open-store.ts';
import type { SqliteStore } from './store/store.ts';
import { LinkService } from './sync/desk-link.ts';
import { realTimers, type Timers } from './sync/desk-runner.ts';
import { type DeviceKeyVault, storeVault } from './sync/device-key-vault.ts';

export interface Core {
  /** The open store; a restore replaces it, so read it here each time rather than keeping it. */
  readonly store: SqliteStore;
  dispatcher: Dispatcher<SqliteStore>;
  backups: BackupService;
  /** The data folder's application log (logs/schakel.log): names, codes and numbers only, never personal data. */
  log: AppLog;
  /** The link with a Schakel server: team mode, the background sync, its status. */
  link: LinkService;
  close(): Promise<void>;
}

export interface CoreOptions {
  /** The database key (see store/encryption.ts); null only for a plain database such as a benchmark's baseline. */
  key: string | null;
  /** Where the key comes from: typed at start, or kept by the keychain (shown as recovery code). */
  keySource?: 'wachtwoordzin' | 'sleutelbos';
  clock?: () => Date;
  /** Real time in ms for the idle lock (see DispatcherDeps). */
  idleClock?: () => number;
  /**
   * Record every command in the outbox (sync/desk-outbox.ts) also without a link: a test's desk that pushes and
   * pulls by hand. A desk linked with a server (sync.connect) works as a team by itself.
   */
  team?: boolean;
  /** Timers of the background sync; a test passes its own so that it does not wait. */
  timers?: Timers;
  /** Where a linked desk keeps its device key: Electron passes the keychain's; by default the encrypted store. */
  deviceKeyVault?: DeviceKeyVault;
}

/** How often a running app looks whether today's backup is due. */
const dailyCheckMs = 30 * 60 * 1000;

/** Store, dispatcher and backups for one data folder: what both hosts (Electron and browser) run on. */
export async function startCore(dataDir: string, options: CoreOptions): Promise<Core> {
  const log = startLog(dataDir);
  const clock = options.clock ?? (() => new Date());
  const backups = new BackupService({ dataDir, key: options.key, clock, appVersion: packageJson.version });
  const storeOptions = {
    key: options.key,
    now: clock().toISOString(),
    safetyCopy: async (sqlite: Parameters<BackupService['create']>[0], reason: SafetyCopyReason) => {
      const made = backups.create(sqlite, reason === 'migratie' ? 'voor-migratie' : 'voor-versleuteling');
      return path.join(backups.folder(), made.name);
    },
  };
  const store = await openStore(path.join(dataDir, databaseFileName), storeOptions).catch((err: unknown) => {
    logStoreFailure(log, err);
    log.close();
    throw err;
  });
  await logStoreOpened(log, store, storeOptions.now);
  const sessions = new Sessions();
  const link = await LinkService.open(store, {
    dispatcher: () => dispatcher,
    sessions,
    clock,
    timers: options.timers ?? realTimers,
    log,
    team: options.team ?? false,
    vault: options.deviceKeyVault ?? storeVault,
  });
  const restorer = new Restorer({
    backups,
    sessions,
    storeOptions,
    clock,
    keySource: options.keySource ?? 'wachtwoordzin',
  });
  const dispatcher: Dispatcher<SqliteStore> = new Dispatcher({
    store,
    sessions,
    backups: restorer.control(() => dispatcher),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.idleClock ? { idleClock: options.idleClock } : {}),
    link,
    commandRecorder: link.recorder(),
    // Only the call name, the error's kind and a reference: input values may hold personal data.
    ...callLogging(log),
  });
  // Today's backup at start and, while the app runs, on the first check after midnight; never inside a call.
  const daily = async () => {
    try {
      // In a worker thread, beside the calls of every window; not while a backup is being restored.
      const made = await dispatcher.background(() => backups.createDailyIfDue());
      if (made) log.info('backup.created');
    } catch (err) {
      log.error('backup.failed', describeError(err));
    }
  };
  await daily();
  link.start();
  const timer = setInterval(() => void daily(), dailyCheckMs);
  timer.unref();
  const close = async () => {
    clearInterval(timer);
    try {
      await link.stop();
      await dispatcher.store.close();
    } finally {
      log.info('app.stop');
      log.close();
    }
  };
  return {
    get store() {
      return dispatcher.store;
    },
    dispatcher,
    backups,
    log,
    link,
    close,
  };
}
