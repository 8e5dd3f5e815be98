import { describe, expect, it } from 'vitest';
import { newestFirst, type TimelineEvent } from './timeline.ts';

const event = (key: string, datum: string): TimelineEvent => ({ key, datum, title: key });

describe("a person's Tijdlijn", () => {
  it('puts every source on one line, newest first, the first source first on a shared day', () => {
    const contracts = [event('contract 2026', '2026-01-01'), event('contract 2024', '2024-03-01')];
    const outflow = [event('uitstroom', '2026-06-30')];
    const trainings = [event('training', '2026-01-01'), event('basistraining', '2023-12-31')];
    expect(newestFirst([contracts, outflow, trainings]).map((e) => e.key)).toEqual([
      'uitstroom',
      'contract 2026',
      'training',
      'contract 2024',
      'basistraining',
    ]);
    expect(newestFirst([[], []])).toEqual([]);
  });
});
