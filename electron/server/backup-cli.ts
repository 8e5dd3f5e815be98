/**
 * The backup commands of `scripts/schakel server`: `backup` (one now), `herstellen <bestand>`, and the settings
 * `serve` takes for its schedule. Each works on the database as it is (see serverDatabase), never migrating it.
 */
import path from 'node:path';
import { defaultKept, makeBackup } from './backup.ts';
import { maxHours, type ScheduleOptions } from './backup-schedule.ts';
import { Refusal } from './refusal.ts';
import { restoreBackup } from './restore.ts';
import { serverDatabase } from './server-database.ts';

/** The options as parseArgs gives them. */
export interface BackupArgs {
  'data-dir': string;
  'database-url'?: string | undefined;
  naar?: string | undefined;
  bewaar?: string | undefined;
  'pg-dump'?: string | undefined;
  'backup-every'?: string | undefined;
}

/** Where backups go (`--naar`, default `<data-dir>/backups`), how many stay, which pg_dump. */
export function backupSettings(args: BackupArgs): { folder: string; keep: number; pgDump?: string } {
  const keep = args.bewaar === undefined ? defaultKept : Number(args.bewaar);
  if (!Number.isInteger(keep) || keep < 1) throw new Refusal('Geef met --bewaar een aantal van 1 of meer.');
  return {
    folder: path.resolve(args.naar ?? path.join(args['data-dir'], 'backups')),
    keep,
    ...(args['pg-dump'] ? { pgDump: path.resolve(args['pg-dump']) } : {}),
  };
}

/** `--backup-every <uren>` for `serve`, checked before the server starts; null without it. */
export function scheduleSettings(args: BackupArgs): Omit<ScheduleOptions, 'url'> | null {
  if (args['backup-every'] === undefined) return null;
  const hours = Number(args['backup-every']);
  if (!(hours > 0 && hours <= maxHours))
    throw new Refusal(`Geef met --backup-every een aantal uren: meer dan 0, hooguit ${maxHours}.`);
  return { ...backupSettings(args), everyMs: hours * 3_600_000 };
}

/** `backup` or `herstellen <bestand>`: on the embedded PostgreSQL (started for it when no server runs) or the URL. */
export async function backupCommand(command: 'backup' | 'herstellen', args: BackupArgs, file?: string) {
  const settings = backupSettings(args);
  if (command === 'herstellen' && !file)
    throw new Refusal('Gebruik: scripts/schakel server herstellen <bestand> [--pg-dump PAD] [--naar MAP]');
  const database = await serverDatabase({
    dataDir: args['data-dir'],
    ...(args['database-url'] ? { databaseUrl: args['database-url'] } : {}),
  });
  try {
    if (command === 'backup') {
      const made = await makeBackup({ url: database.url, ...settings });
      console.log(`Back-up gemaakt: ${made.file}`);
      return;
    }
    const restored = path.resolve(file as string);
    const { before } = await restoreBackup({ url: database.url, file: restored, ...settings });
    console.log(`De stand van vóór het herstellen is bewaard in ${before.file}.`);
    console.log(`Hersteld uit ${restored}. Start de server weer; die werkt verder op deze stand.`);
  } finally {
    await database.postgres?.stop();
  }
}
