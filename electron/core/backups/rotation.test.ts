import { describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/dates.ts';
import { backupsToKeep } from './rotation.ts';

/** One backup a day at 10:00 Dutch time (09:00 UTC in winter) for `days` days up to and including `last`. */
function daily(last: string, days: number) {
  return Array.from({ length: days }, (_, i) => {
    const day = addDays(last, -i);
    return { name: `b-${day}`, createdAt: `${day}T09:00:00.000Z`, kind: 'dagelijks' };
  });
}

describe('backup rotation', () => {
  it('keeps a year of daily backups down to 7 days, 4 weeks and 12 months', () => {
    const kept = [...backupsToKeep(daily('2026-11-25', 400))].sort();
    // 7 latest days: 19–25 Nov (which hold this week's and last week's newest, Wednesday 25 and Sunday 22).
    for (let i = 0; i < 7; i++) expect(kept).toContain(`b-${addDays('2026-11-25', -i)}`);
    expect(kept).toContain('b-2026-11-15'); // Sunday: newest of the week of 9 Nov
    expect(kept).toContain('b-2026-11-08'); // the fourth week
    expect(kept).not.toContain('b-2026-11-01'); // a fifth week back, and not its month's newest
    expect(kept).toContain('b-2026-10-31'); // newest of October
    expect(kept).toContain('b-2025-12-31'); // the twelfth month back
    expect(kept).not.toContain('b-2025-11-30');
    expect(kept).not.toContain('b-2026-11-18');
    expect(kept.length).toBe(7 + 2 + 11);
  });

  it('keeps only the newest of several backups on one day', () => {
    const kept = backupsToKeep([
      { name: 'ochtend', createdAt: '2026-11-25T07:00:00.000Z', kind: 'dagelijks' },
      { name: 'middag', createdAt: '2026-11-25T12:00:00.000Z', kind: 'dagelijks' },
    ]);
    expect([...kept]).toEqual(['middag']);
  });

  it('counts a backup just after midnight in the Netherlands to the new day', () => {
    const kept = backupsToKeep([
      { name: 'laat', createdAt: '2026-11-24T22:30:00.000Z', kind: 'dagelijks' }, // 23:30 on the 24th
      { name: 'na-middernacht', createdAt: '2026-11-24T23:30:00.000Z', kind: 'dagelijks' }, // 00:30 on the 25th
    ]);
    expect(kept.has('laat')).toBe(true);
    expect(kept.has('na-middernacht')).toBe(true);
  });

  it('keeps the newest ten backups made by hand or before a change, whatever the daily rhythm', () => {
    const others = Array.from({ length: 12 }, (_, i) => ({
      name: `hand-${i}`,
      createdAt: `2026-11-25T${String(8 + i).padStart(2, '0')}:00:00.000Z`,
      kind: i % 2 ? 'handmatig' : 'voor-terugzetten',
    }));
    const kept = backupsToKeep([...daily('2026-11-25', 2), ...others]);
    expect(kept.has('b-2026-11-25')).toBe(true);
    expect(kept.has('b-2026-11-24')).toBe(true);
    expect(kept.has('hand-11')).toBe(true);
    expect(kept.has('hand-2')).toBe(true);
    expect(kept.has('hand-1')).toBe(false);
    expect(kept.size).toBe(12);
  });

  it('keeps everything while there are fewer backups than periods', () => {
    expect(backupsToKeep(daily('2026-11-25', 3)).size).toBe(3);
  });
});
