import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallInput } from '../../../shared/contract.ts';
import { type Harness, harness } from '../../../test/support/harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await harness('2026-02-10T10:00:00.000Z');
  await h.withTeam();
});
afterEach(() => h.close());

const ggd = (overrides: Partial<CallInput<'ketenpartners.save'>> = {}): CallInput<'ketenpartners.save'> => ({
  naam: 'GGD Noord- en Oost-Gelderland',
  soort: 'ggd',
  contactpersoon: 'Marieke de Boer',
  telefoon: '088 443 3000',
  email: 'M.deBoer@ggdnog.nl',
  gemeente: 'Doetinchem',
  ...overrides,
});

describe('ketenpartners', () => {
  it('are kept by the projectleider, read by everyone, archived but never gone', async () => {
    const saved = await h.ok('projectleider', 'ketenpartners.save', ggd());
    expect(await h.ok('administrateur', 'ketenpartners.list', {})).toEqual([
      {
        id: saved.id,
        version: 1,
        naam: 'GGD Noord- en Oost-Gelderland',
        soort: 'ggd',
        contactpersoon: 'Marieke de Boer',
        telefoon: '088 443 3000',
        email: 'm.deboer@ggdnog.nl',
        gemeente: 'Doetinchem',
        gearchiveerd: false,
      },
    ]);
    const refused = await h.call('begeleider', 'ketenpartners.save', ggd({ naam: 'Andere GGD' }));
    expect(refused.ok).toBe(false);

    const archived = await h.ok('projectleider', 'ketenpartners.archive', { ...saved, gearchiveerd: true });
    expect(await h.ok('begeleider', 'ketenpartners.list', {})).toEqual([]);
    expect(await h.ok('begeleider', 'ketenpartners.list', { metGearchiveerd: true })).toMatchObject([
      { id: saved.id, gearchiveerd: true, version: archived.version },
    ]);
  });

  it('refuse an edit of a version someone else already changed, and bad input with the field named', async () => {
    const saved = await h.ok('projectleider', 'ketenpartners.save', ggd());
    await h.ok('projectleider', 'ketenpartners.save', { ...ggd({ gemeente: 'Winterswijk' }), ...saved });
    const stale = await h.call('projectleider', 'ketenpartners.save', {
      ...ggd({ gemeente: 'Aalten' }),
      ...saved,
    });
    expect(stale.ok).toBe(false);
    const bad = await h.call(
      'projectleider',
      'ketenpartners.save',
      ggd({ soort: 'kerk' as 'ggd', naam: '' }),
    );
    expect(bad.ok ? null : bad.error.message).toMatch(/naam/i);
    const [partner] = await h.ok('projectleider', 'ketenpartners.list', {});
    expect(partner).toMatchObject({ gemeente: 'Winterswijk', version: 2 });
  });
});

describe('projects', () => {
  it('carry a funder from the register and a budget, and refuse an end before the start', async () => {
    const gemeente = await h.ok(
      'projectleider',
      'ketenpartners.save',
      ggd({ naam: 'Gemeente Doetinchem', soort: 'gemeente' }),
    );
    const project = {
      naam: 'Sleutelpersonen gezondheid 2026',
      partnerId: gemeente.id,
      gemeente: 'Doetinchem',
      startdatum: '2026-01-01',
      einddatum: '2026-12-31',
      budgetCents: 48_500_00,
    };
    const saved = await h.ok('projectleider', 'ketenpartners.saveProject', project);
    expect(await h.ok('administrateur', 'ketenpartners.projects', {})).toEqual([
      { id: saved.id, version: 1, ...project, gearchiveerd: false },
    ]);
    const backwards = await h.call('projectleider', 'ketenpartners.saveProject', {
      ...project,
      einddatum: '2025-12-31',
    });
    expect(backwards.ok ? null : backwards.error.message).toMatch(/einddatum|begindatum/i);
    const unknownFunder = await h.call('projectleider', 'ketenpartners.saveProject', {
      ...project,
      partnerId: '0190f5a2-0000-7000-8000-000000000000',
    });
    expect(unknownFunder.ok).toBe(false);
    expect(await h.ok('projectleider', 'ketenpartners.projects', {})).toHaveLength(1);

    await h.ok('projectleider', 'ketenpartners.archiveProject', { ...saved, gearchiveerd: true });
    expect(await h.ok('projectleider', 'ketenpartners.projects', {})).toEqual([]);
    const audit = await h.ok('projectleider', 'audit.list', {});
    expect(audit.rows.map((r) => r.summary)).toEqual(
      expect.arrayContaining([
        'Project toegevoegd: Sleutelpersonen gezondheid 2026',
        'Project gearchiveerd: Sleutelpersonen gezondheid 2026',
      ]),
    );
  });
});
