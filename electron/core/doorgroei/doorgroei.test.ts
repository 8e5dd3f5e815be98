import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallInput } from '../../../shared/contract.ts';
import { type Harness, harness, personInput } from '../../../test/support/harness.ts';
import { outflowCounts } from './read.ts';

let h: Harness;
beforeEach(async () => {
  h = await harness();
  await h.withTeam();
});
afterEach(() => h.close());

const add = async (achternaam: string, status: 'actief' | 'gestopt' = 'actief') =>
  (await h.ok('projectleider', 'persons.create', personInput({ achternaam, status, email: null }))).id;

const level = (vaardigheid: 'lezen' | 'luisteren' | 'schrijven' | 'spreken', niveau: string) =>
  ({
    vaardigheid,
    niveau,
    examen: null,
    examenDatum: null,
  }) as CallInput<'doorgroei.save'>['nederlands'][number];

const full = (personId: string, version: number | null): CallInput<'doorgroei.save'> => ({
  personId,
  version,
  opleidingen: [
    { land: 'herkomstland', niveau: 'hbo', richting: 'Verpleegkunde', diploma: true, idw: 'aangevraagd' },
    { land: 'nederland', niveau: 'mbo', richting: 'Zorg en welzijn', diploma: false, idw: null },
  ],
  nederlands: [
    { vaardigheid: 'spreken', niveau: 'B1', examen: 'staatsexamen_nt2_i', examenDatum: '2025-06-12' },
    { vaardigheid: 'lezen', niveau: 'B2', examen: 'staatsexamen_nt2_i', examenDatum: '2025-06-12' },
  ],
  werkervaring: [
    { functie: 'Verpleegkundige', sector: 'Zorg', land: 'Syrië', van: '2010-09-01', tot: '2015-03-31' },
  ],
});

describe('opleiding en werkervaring', () => {
  it('keeps what was entered, with its version, and refuses a desk that read an older version', async () => {
    const id = await add('Haddad');
    expect(await h.ok('begeleider', 'doorgroei.get', { personId: id })).toMatchObject({
      version: null,
      opleidingen: [],
      nederlands: [],
    });
    expect(await h.ok('begeleider', 'doorgroei.save', full(id, null))).toMatchObject({ version: 1 });
    const saved = await h.ok('projectleider', 'doorgroei.get', { personId: id });
    expect(saved).toMatchObject({ version: 1, opleidingen: full(id, 1).opleidingen });
    // Skills come back in their fixed order, whatever order they were entered in.
    expect(saved.nederlands.map((l) => `${l.vaardigheid} ${l.niveau}`)).toEqual(['lezen B2', 'spreken B1']);
    expect(saved.werkervaring).toEqual([{ ...full(id, 1).werkervaring[0], sector: 'Zorg' }]);

    await h.ok('projectleider', 'doorgroei.save', { ...full(id, 1), opleidingen: [] });
    const stale = await h.call('begeleider', 'doorgroei.save', { ...full(id, 1), werkervaring: [] });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!stale.ok) expect(stale.error.message).toContain('projectleider Test');
    // A second first save (another desk also saw nothing yet) is refused as well.
    expect(await h.call('begeleider', 'doorgroei.save', full(id, null))).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    const now = await h.ok('begeleider', 'doorgroei.get', { personId: id });
    expect(now).toMatchObject({ version: 2, opleidingen: [] });
    expect(now.werkervaring).toHaveLength(1);
  });

  it('refuses bad input with a Dutch message naming the field, and changes nothing', async () => {
    const id = await add('Haddad');
    await h.ok('begeleider', 'doorgroei.save', full(id, null));
    const before = await h.ok('begeleider', 'doorgroei.get', { personId: id });
    const base = full(id, 1);
    const cases: [CallInput<'doorgroei.save'>, string, string][] = [
      [
        { ...base, opleidingen: [{ ...base.opleidingen[1], idw: 'ja' } as never] },
        'opleidingen.0.idw',
        'Opleidingen (regel 1): Waardering IDW: alleen voor een opleiding uit het buitenland',
      ],
      [
        { ...base, nederlands: [level('lezen', 'B1'), level('lezen', 'B2')] },
        'nederlands',
        'elke vaardigheid maar één keer',
      ],
      [
        { ...base, nederlands: [{ ...level('lezen', 'B1'), examen: 'anders', examenDatum: '2026-12-01' }] },
        'nederlands.0.examenDatum',
        'Nederlands (regel 1): Examendatum: ligt in de toekomst',
      ],
      [{ ...base, nederlands: [level('lezen', 'B3')] }, 'nederlands.0.niveau', 'kies A1 tot en met C2'],
      [
        { ...base, werkervaring: [{ ...base.werkervaring[0], tot: '2009-01-01' } as never] },
        'werkervaring.0.tot',
        'Werkervaring (regel 1): Tot: ligt voor de begindatum',
      ],
      [
        { ...base, werkervaring: [{ ...base.werkervaring[0], functie: ' ' } as never] },
        'werkervaring.0.functie',
        'verplicht',
      ],
    ];
    for (const [input, field, message] of cases) {
      const r = await h.call('projectleider', 'doorgroei.save', input);
      expect(r, field).toMatchObject({ ok: false, error: { code: 'invalid_input', field } });
      if (!r.ok) expect(r.error.message).toContain(message);
    }
    expect(await h.ok('begeleider', 'doorgroei.get', { personId: id })).toEqual(before);
  });

  it('is not for the administrateur: not read, not written, not filtered on in the register', async () => {
    const id = await add('Haddad');
    await h.ok('begeleider', 'doorgroei.save', full(id, null));
    const refused = { ok: false, error: { code: 'forbidden' } };
    expect(await h.call('administrateur', 'doorgroei.get', { personId: id })).toMatchObject(refused);
    expect(await h.call('administrateur', 'doorgroei.save', full(id, 1))).toMatchObject(refused);
    expect(
      await h.call('administrateur', 'doorgroei.addOutflow', {
        personId: id,
        datum: '2026-11-01',
        vervolg: 'studie',
        toelichting: null,
      }),
    ).toMatchObject(refused);
    expect(await h.call('administrateur', 'persons.list', { nederlands: 'lezen' })).toMatchObject(refused);
    // The rest of the register stays theirs, and the begeleider filters on it.
    expect((await h.ok('administrateur', 'persons.list', {})).total).toBe(1);
    expect((await h.ok('begeleider', 'persons.list', { nederlands: 'lezen' })).total).toBe(1);
    expect((await h.ok('begeleider', 'doorgroei.get', { personId: id })).version).toBe(1);
  });
});

describe("the register's filter: Nederlands B1 of hoger", () => {
  it('finds B1 and up in the chosen skill, or in all four; a skill without a level does not count', async () => {
    const people = {
      lezer: await add('Aydın'),
      overal: await add('Bakker'),
      laag: await add('Çelik'),
      niets: await add('Dekker'),
      gestopt: await add('Evers', 'gestopt'),
    };
    const levels = {
      lezer: [
        level('lezen', 'B1'),
        level('luisteren', 'A2'),
        level('schrijven', 'A2'),
        level('spreken', 'A2'),
      ],
      overal: [
        level('lezen', 'C1'),
        level('luisteren', 'B2'),
        level('schrijven', 'B1'),
        level('spreken', 'C2'),
      ],
      laag: [level('lezen', 'A2'), level('spreken', 'A1')],
      // Three skills at B2, the fourth not recorded: not "all four".
      gestopt: [level('lezen', 'B2'), level('luisteren', 'B2'), level('spreken', 'B2')],
    };
    for (const [who, nederlands] of Object.entries(levels)) {
      await h.ok('begeleider', 'doorgroei.save', {
        personId: people[who as keyof typeof people],
        version: null,
        opleidingen: [],
        nederlands,
        werkervaring: [],
      });
    }
    const names = async (input: CallInput<'persons.list'>) =>
      (await h.ok('projectleider', 'persons.list', input)).rows.map((r) => r.achternaam);
    expect(await names({ nederlands: 'lezen' })).toEqual(['Aydın', 'Bakker', 'Evers']);
    expect(await names({ nederlands: 'spreken' })).toEqual(['Bakker', 'Evers']);
    expect(await names({ nederlands: 'schrijven' })).toEqual(['Bakker']);
    expect(await names({ nederlands: 'alle' })).toEqual(['Bakker']);
    // With the other filters, sorting and paging, as the register uses it.
    expect(await names({ nederlands: 'lezen', status: ['actief'], sort: 'achternaam', desc: true })).toEqual([
      'Bakker',
      'Aydın',
    ]);
    const page = await h.ok('projectleider', 'persons.list', { nederlands: 'lezen', pageSize: 5 });
    expect(page.total).toBe(3);
    expect(await names({})).toHaveLength(5);
  });
});

describe('uitstroom', () => {
  const stop = (
    id: string,
    version: number,
    uitstroom: CallInput<'persons.setStatus'>['uitstroom'],
    datum = '2026-11-01',
  ) =>
    h.call('begeleider', 'persons.setStatus', {
      id,
      version,
      status: 'gestopt',
      datum,
      toelichting: null,
      uitstroom,
    });

  it('is recorded with the stop, in its transaction, and editable afterwards', async () => {
    const id = await add('Haddad');
    // A stop in the future is refused, and leaves no uitstroom behind.
    expect(await stop(id, 1, { vervolg: 'betaald_werk', toelichting: null }, '2026-12-01')).toMatchObject({
      ok: false,
      error: { field: 'datum' },
    });
    expect(await stop(id, 1, { vervolg: 'anders', toelichting: null })).toMatchObject({
      ok: false,
      error: { field: 'uitstroom.toelichting' },
    });
    expect((await h.ok('begeleider', 'doorgroei.get', { personId: id })).uitstroom).toEqual([]);
    expect((await h.ok('begeleider', 'persons.get', { id })).status).toBe('actief');

    expect(
      await stop(id, 1, { vervolg: 'betaald_werk', toelichting: 'Helpende zorg bij Careyn' }),
    ).toMatchObject({
      ok: true,
    });
    const [outflow] = (await h.ok('projectleider', 'doorgroei.get', { personId: id })).uitstroom;
    expect(outflow).toMatchObject({
      datum: '2026-11-01',
      vervolg: 'betaald_werk',
      toelichting: 'Helpende zorg bij Careyn',
      doorNaam: 'begeleider Test',
      version: 1,
    });
    const ref = { id: outflow?.id ?? '', version: 1 };
    const edit = { ...ref, datum: '2026-10-31', vervolg: 'studie', toelichting: 'Mbo Zorg' } as const;
    expect(await h.ok('projectleider', 'doorgroei.updateOutflow', edit)).toEqual({ ...ref, version: 2 });
    expect(
      await h.call('begeleider', 'doorgroei.updateOutflow', { ...edit, vervolg: 'verhuisd' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect((await h.ok('begeleider', 'doorgroei.get', { personId: id })).uitstroom).toMatchObject([
      { datum: '2026-10-31', vervolg: 'studie', toelichting: 'Mbo Zorg', version: 2 },
    ]);
  });

  it('belongs to a stop: not with another status, nor added for someone still active', async () => {
    const id = await add('Haddad');
    expect(
      await h.call('begeleider', 'persons.setStatus', {
        id,
        version: 1,
        status: 'gepauzeerd',
        datum: '2026-11-01',
        toelichting: null,
        uitstroom: { vervolg: 'studie', toelichting: null },
      }),
    ).toMatchObject({ ok: false, error: { field: 'uitstroom' } });
    const addLater = { personId: id, datum: '2026-11-01', vervolg: 'verhuisd', toelichting: null } as const;
    expect(await h.call('begeleider', 'doorgroei.addOutflow', addLater)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    // Stopped without saying what came next: it can be recorded later.
    await stop(id, 1, null);
    expect(await h.ok('begeleider', 'doorgroei.addOutflow', addLater)).toMatchObject({ version: 1 });
    expect((await h.ok('begeleider', 'doorgroei.get', { personId: id })).uitstroom).toMatchObject([
      { vervolg: 'verhuisd' },
    ]);
  });

  it('is counted per kind over a period, both ends included', async () => {
    const dated: [string, 'betaald_werk' | 'studie' | 'verhuisd'][] = [
      ['2025-12-31', 'betaald_werk'],
      ['2026-01-01', 'betaald_werk'],
      ['2026-03-15', 'studie'],
      ['2026-06-30', 'betaald_werk'],
      ['2026-07-01', 'verhuisd'],
    ];
    for (const [i, [datum, vervolg]] of dated.entries()) {
      const id = await add(`Persoon ${i}`);
      await stop(id, 1, { vervolg, toelichting: null }, datum);
    }
    const db = h.core.store.db;
    expect(await outflowCounts(db, '2026-01-01', '2026-06-30')).toEqual({
      betaald_werk: 2,
      studie: 1,
      andere_organisatie: 0,
      verhuisd: 0,
      gestopt: 0,
      anders: 0,
      totaal: 3,
    });
    expect((await outflowCounts(db, '2025-01-01', '2025-12-31')).totaal).toBe(1);
    expect(await outflowCounts(db, '2026-07-01', '2026-12-31')).toMatchObject({ verhuisd: 1, totaal: 1 });
    expect((await outflowCounts(db, '2027-01-01', '2027-12-31')).totaal).toBe(0);
  });
});
