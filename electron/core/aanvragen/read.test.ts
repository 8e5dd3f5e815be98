import { describe, expect, it } from 'vitest';
import { parseDagdelen, responseTimes, summariseDays, summariseResponseTimes } from './read.ts';

const r = (ontvangen_op: string, gematcht_op: string | null, uitgevoerd_op: string | null) => ({
  ontvangen_op,
  gematcht_op,
  uitgevoerd_op,
});

describe('response times', () => {
  it('counts whole days received → matched → done', () => {
    expect(responseTimes(r('2026-11-02', '2026-11-05', '2026-11-12'))).toEqual({
      ontvangenTotGematcht: 3,
      gematchtTotUitgevoerd: 7,
      ontvangenTotUitgevoerd: 10,
    });
  });

  it('leaves a step that is still open empty', () => {
    expect(responseTimes(r('2026-11-02', null, null))).toEqual({
      ontvangenTotGematcht: null,
      gematchtTotUitgevoerd: null,
      ontvangenTotUitgevoerd: null,
    });
    expect(responseTimes(r('2026-11-02', '2026-11-02', null))).toEqual({
      ontvangenTotGematcht: 0,
      gematchtTotUitgevoerd: null,
      ontvangenTotUitgevoerd: null,
    });
  });

  it('counts a request done without a recorded match from received to done only', () => {
    expect(responseTimes(r('2026-11-02', null, '2026-11-04'))).toEqual({
      ontvangenTotGematcht: null,
      gematchtTotUitgevoerd: null,
      ontvangenTotUitgevoerd: 2,
    });
  });

  it('crosses months, leap days and the change to winter time; a timestamp counts by its day', () => {
    expect(
      responseTimes(r('2028-02-28', '2028-03-01', '2028-10-30T08:00:00.000Z')).ontvangenTotGematcht,
    ).toBe(2);
    expect(responseTimes(r('2026-10-24', '2026-10-26', null)).ontvangenTotGematcht).toBe(2);
    expect(responseTimes(r('2026-12-31', '2027-01-01T23:59:00.000Z', null)).ontvangenTotGematcht).toBe(1);
  });

  it('never counts negative days when a step was recorded before the one it follows', () => {
    expect(responseTimes(r('2026-11-10', '2026-11-08', '2026-11-07'))).toEqual({
      ontvangenTotGematcht: 0,
      gematchtTotUitgevoerd: 0,
      ontvangenTotUitgevoerd: 0,
    });
  });

  it('summarises count, mean and median, skipping open steps', () => {
    expect(summariseDays([])).toEqual({ aantal: 0, gemiddeld: null, mediaan: null });
    expect(summariseDays([null, null])).toEqual({ aantal: 0, gemiddeld: null, mediaan: null });
    expect(summariseDays([4, null, 1, 2])).toEqual({ aantal: 3, gemiddeld: 2.3, mediaan: 2 });
    expect(summariseDays([1, 2, 3, 10])).toEqual({ aantal: 4, gemiddeld: 4, mediaan: 2.5 });
    const all = summariseResponseTimes([
      responseTimes(r('2026-11-02', '2026-11-05', '2026-11-12')),
      responseTimes(r('2026-11-03', '2026-11-04', null)),
    ]);
    expect(all.ontvangenTotGematcht).toEqual({ aantal: 2, gemiddeld: 2, mediaan: 2 });
    expect(all.gematchtTotUitgevoerd).toEqual({ aantal: 1, gemiddeld: 7, mediaan: 7 });
  });
});

describe('availability as stored', () => {
  it('reads the dagdelen, dropping unknown words', () => {
    expect(parseDagdelen('ma-ochtend  wo-avond nacht')).toEqual(['ma-ochtend', 'wo-avond']);
    expect(parseDagdelen('')).toEqual([]);
  });
});
