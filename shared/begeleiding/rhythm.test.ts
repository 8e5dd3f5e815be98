import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths } from '../dates.ts';
import { conversationStatus, nextDue, type Rhythm, rhythmLabels, rhythms } from './rhythm.ts';

describe('addMonths', () => {
  it('clamps to the last day of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
  });
  it('crosses year ends both ways', () => {
    expect(addMonths('2026-12-31', 1)).toBe('2027-01-31');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
  });
});

describe('nextDue', () => {
  it('monthly keeps the date, clamped at month ends', () => {
    expect(nextDue('2026-01-31', 'maandelijks')).toBe('2026-02-28');
    expect(nextDue('2028-01-31', 'maandelijks')).toBe('2028-02-29');
    expect(nextDue('2026-04-30', 'maandelijks')).toBe('2026-05-30');
    expect(nextDue('2026-12-31', 'maandelijks')).toBe('2027-01-31');
  });
  it('week rhythms add whole weeks, across month and year ends', () => {
    expect(nextDue('2026-12-29', 'wekelijks')).toBe('2027-01-05');
    expect(nextDue('2026-02-20', 'tweewekelijks')).toBe('2026-03-06');
    expect(nextDue('2026-03-20', 'zeswekelijks')).toBe('2026-05-01');
  });
  it('quarterly is three calendar months', () => {
    expect(nextDue('2026-01-15', 'per_kwartaal')).toBe('2026-04-15');
    expect(nextDue('2026-11-30', 'per_kwartaal')).toBe('2027-02-28');
  });
  it('every rhythm has a Dutch label', () => {
    expect(rhythms.map((r) => rhythmLabels[r])).toEqual([
      'Elke week',
      'Elke twee weken',
      'Elke maand',
      'Elke zes weken',
      'Elk kwartaal',
    ]);
  });
  it('is always later; month rhythms never land on a later day of the month', () => {
    const day = fc
      .date({
        min: new Date('2000-01-01T00:00:00Z'),
        max: new Date('2100-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.constantFrom(...rhythms), (last, rhythm: Rhythm) => {
        const due = nextDue(last, rhythm);
        expect(due > last).toBe(true);
        if (rhythm === 'maandelijks' || rhythm === 'per_kwartaal') {
          expect(Number(due.slice(8))).toBeLessThanOrEqual(Number(last.slice(8)));
        }
      }),
    );
  });
});

describe('conversationStatus', () => {
  const status = (
    today: string,
    lastConversation: string | null = '2026-03-10',
    popStart: string | null = null,
  ) => conversationStatus({ rhythm: 'maandelijks', lastConversation, popStart, today });

  it('is on schedule more than a week ahead', () => {
    expect(status('2026-03-20')).toEqual({ due: '2026-04-10', overdueDays: 0, state: 'op_schema' });
  });
  it("is 'binnenkort' from 7 days ahead up to the day itself, not at 8", () => {
    expect(status('2026-04-02').state).toBe('op_schema'); // 8 days ahead
    expect(status('2026-04-03').state).toBe('binnenkort'); // 7 days ahead
    expect(status('2026-04-10')).toEqual({ due: '2026-04-10', overdueDays: 0, state: 'binnenkort' });
  });
  it('counts overdue days exactly, from the day after due', () => {
    expect(status('2026-04-11')).toEqual({ due: '2026-04-10', overdueDays: 1, state: 'te_laat' });
    expect(status('2026-05-10')).toEqual({ due: '2026-04-10', overdueDays: 30, state: 'te_laat' });
  });
  it('has nothing due without a rhythm', () => {
    expect(
      conversationStatus({
        rhythm: null,
        lastConversation: '2025-01-01',
        popStart: null,
        today: '2026-04-10',
      }),
    ).toEqual({ due: null, overdueDays: 0, state: 'geen_ritme' });
  });
  it('without a conversation yet, the first is due one rhythm after the POP start', () => {
    expect(status('2026-02-01', null, '2026-01-31')).toEqual({
      due: '2026-02-28',
      overdueDays: 0,
      state: 'op_schema',
    });
    expect(status('2026-03-03', null, '2026-01-31')).toEqual({
      due: '2026-02-28',
      overdueDays: 3,
      state: 'te_laat',
    });
  });
  it('the last conversation wins over the POP start', () => {
    expect(status('2026-03-20', '2026-03-10', '2026-01-01').due).toBe('2026-04-10');
  });
  it('without a conversation or POP start, the first is due today', () => {
    expect(status('2026-04-10', null, null)).toEqual({
      due: '2026-04-10',
      overdueDays: 0,
      state: 'binnenkort',
    });
  });
});
