import { describe, expect, it } from 'vitest';
import { diffPop, type PopContent, type PopGoal } from './pop-diff.ts';

const goal = (id: string, change: Partial<PopGoal> = {}): PopGoal => ({
  id,
  wat: `Doel ${id}`,
  hoe: 'Training volgen',
  wieHelpt: 'Coördinator',
  streefdatum: null,
  status: 'open',
  ...change,
});
const pop: PopContent = {
  startdatum: '2026-01-01',
  kwaliteiten: 'Goed luisteren',
  ambitie: 'Betaald werk in de zorg',
  ritme: 'maandelijks',
  doelen: [goal('a'), goal('b')],
};

describe('diffPop', () => {
  it('finds nothing between equal versions', () => {
    expect(diffPop(pop, structuredClone(pop))).toEqual([]);
    // An edit the reader cannot see is not a change.
    expect(diffPop(pop, { ...pop, kwaliteiten: 'Goed luisteren  ' })).toEqual([]);
  });
  it('shows a field change in Dutch, with dates and rhythm as users read them', () => {
    const after: PopContent = { ...pop, startdatum: '2026-02-01', ritme: 'per_kwartaal', ambitie: '' };
    expect(diffPop(pop, after)).toEqual([
      {
        kind: 'veld',
        field: 'startdatum',
        label: 'Startdatum',
        before: '1 januari 2026',
        after: '1 februari 2026',
      },
      { kind: 'veld', field: 'ambitie', label: 'Ambitie', before: 'Betaald werk in de zorg', after: '—' },
      { kind: 'veld', field: 'ritme', label: 'Gespreksritme', before: 'Elke maand', after: 'Elk kwartaal' },
    ]);
    expect(diffPop(pop, { ...pop, ritme: null })).toEqual([
      { kind: 'veld', field: 'ritme', label: 'Gespreksritme', before: 'Elke maand', after: '—' },
    ]);
  });
  it('reports a new goal', () => {
    const c = goal('c');
    expect(diffPop(pop, { ...pop, doelen: [...pop.doelen, c] })).toEqual([{ kind: 'doel_nieuw', goal: c }]);
  });
  it('reports a removed goal', () => {
    expect(diffPop(pop, { ...pop, doelen: [goal('b')] })).toEqual([{ kind: 'doel_weg', goal: goal('a') }]);
  });
  it('lists the changed fields of a goal with Dutch labels and values', () => {
    const after: PopContent = {
      ...pop,
      doelen: [goal('a', { status: 'behaald', streefdatum: '2026-06-30' }), goal('b')],
    };
    expect(diffPop(pop, after)).toEqual([
      {
        kind: 'doel_gewijzigd',
        goalId: 'a',
        wat: 'Doel a',
        changes: [
          { field: 'streefdatum', label: 'Streefdatum', before: '—', after: '30 juni 2026' },
          { field: 'status', label: 'Status', before: 'Open', after: 'Behaald' },
        ],
      },
    ]);
  });
  it('ignores reordering of unchanged goals', () => {
    expect(diffPop(pop, { ...pop, doelen: [goal('b'), goal('a')] })).toEqual([]);
  });
  it('orders fields, then goals as in the new version, then removed goals', () => {
    const c = goal('c');
    const after: PopContent = {
      ...pop,
      kwaliteiten: 'Geduldig',
      doelen: [c, goal('b', { hoe: 'Meelopen' })],
    };
    expect(diffPop(pop, after).map((ch) => ch.kind)).toEqual([
      'veld',
      'doel_nieuw',
      'doel_gewijzigd',
      'doel_weg',
    ]);
  });
});
