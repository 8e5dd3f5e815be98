import { addDays, dutchDate } from '../../../shared/dates.ts';

/** How many of each period's newest daily backup are kept: 7 days, 4 weeks, 12 months. */
export const retention = { days: 7, weeks: 4, months: 12 } as const;

/** Backups made by hand or before a change (update, restore, encryption): the newest this many stay. */
export const keptOtherBackups = 10;

/** The Monday of the week a calendar day falls in: one key per (ISO) week. */
function weekOf(day: string): string {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/**
 * Grandfather-father-son rotation of the daily backups: the newest of each of the 7 latest days, 4 latest weeks and
 * 12 latest months that have one. Periods are Dutch calendar days, so a backup at 00:30 belongs to the day it was
 * made on. Other backups are not part of the rhythm (a restore must not rotate away the backup it restores): the
 * newest few of them stay.
 */
export function backupsToKeep(
  backups: readonly { name: string; createdAt: string; kind: string | null }[],
): Set<string> {
  const byDate = [...backups].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const newestFirst = byDate.filter((b) => b.kind === 'dagelijks');
  const keep = new Set(
    byDate
      .filter((b) => b.kind !== 'dagelijks')
      .slice(0, keptOtherBackups)
      .map((b) => b.name),
  );
  const periods: [(day: string) => string, number][] = [
    [(day) => day, retention.days],
    [weekOf, retention.weeks],
    [(day) => day.slice(0, 7), retention.months],
  ];
  for (const [periodOf, count] of periods) {
    const seen = new Set<string>();
    for (const backup of newestFirst) {
      const period = periodOf(dutchDate(new Date(backup.createdAt)));
      if (seen.has(period)) continue;
      if (seen.size === count) break;
      seen.add(period);
      keep.add(backup.name);
    }
  }
  return keep;
}
