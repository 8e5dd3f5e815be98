import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallInput } from '../../../shared/contract.ts';
import { type Harness, harness, personInput } from '../../../test/support/harness.ts';

let h: Harness;
let amina: string;
let farid: string;
let gestopt: string;
let ggd: string;

const request = (overrides: Partial<CallInput<'aanvragen.save'>> = {}): CallInput<'aanvragen.save'> => ({
  partnerId: ggd,
  projectId: null,
  ontvangenOp: '2026-11-02',
  gewenstVan: '2026-11-10',
  gewenstTot: '2026-11-20',
  plaats: 'Doetinchem',
  gemeente: 'Doetinchem',
  talen: [
    { taal: 'Tigrinya', verplicht: true },
    { taal: 'Arabisch', verplicht: false },
  ],
  voorkeurGender: 'vrouw',
  voorkeurHerkomst: null,
  leefgebieden: ['gezondheid', 'opvoeding en onderwijs'],
  soortHulp: 'huisbezoek',
  verwachteMinuten: 90,
  omschrijving: 'Moeder met baby; uitleg over het consultatiebureau',
  ...overrides,
});

async function refused<N extends Parameters<Harness['call']>[1]>(
  client: string,
  name: N,
  input: CallInput<N>,
): Promise<{ code: string; message: string }> {
  const r = await h.call(client, name, input);
  if (r.ok) throw new Error(`${name} was not refused`);
  return r.error;
}

const auditCount = () =>
  (h.core.store.sqlite.prepare('select count(*) as n from audit_log').get() as { n: number }).n;

beforeEach(async () => {
  h = await harness('2026-11-25T10:00:00.000Z');
  await h.withTeam();
  const person = (voornaam: string, extra: Partial<CallInput<'persons.create'>> = {}) =>
    h.ok(
      'projectleider',
      'persons.create',
      personInput({ voornaam, status: 'actief', statusDatum: '2025-11-30', ...extra }),
    );
  amina = (await person('Amina', { email: 'amina@example.org' })).id;
  farid = (await person('Farid', { email: 'farid@example.org' })).id;
  gestopt = (await person('Gerrit', { email: 'g@example.org', status: 'gestopt' })).id;
  ggd = (
    await h.ok('projectleider', 'ketenpartners.save', {
      naam: 'GGD Noord- en Oost-Gelderland',
      soort: 'ggd',
      telefoon: null,
      email: null,
    })
  ).id;
});
afterEach(() => h.close());

describe('a request', () => {
  it('comes in from a partner or as a walk-in, with languages, leefgebieden and an audit entry', async () => {
    const saved = await h.ok('begeleider', 'aanvragen.save', request());
    const walkIn = await h.ok(
      'begeleider',
      'aanvragen.save',
      request({ partnerId: null, ontvangenOp: '2026-11-20' }),
    );
    const detail = await h.ok('projectleider', 'aanvragen.get', { id: saved.id });
    expect(detail).toMatchObject({
      status: 'nieuw',
      partnerNaam: 'GGD Noord- en Oost-Gelderland',
      talen: [
        { taal: 'Tigrinya', verplicht: true },
        { taal: 'Arabisch', verplicht: false },
      ],
      leefgebieden: ['gezondheid', 'opvoeding en onderwijs'],
      verwachteMinuten: 90,
      personen: [],
      reactietijd: { ontvangenTotGematcht: null, gematchtTotUitgevoerd: null, ontvangenTotUitgevoerd: null },
    });
    const list = await h.ok('begeleider', 'aanvragen.list', { partnerId: null });
    expect(list.map((r) => r.id)).toEqual([walkIn.id, saved.id]);
    expect(list[0]).toMatchObject({ partnerNaam: null, talen: ['Tigrinya', 'Arabisch'] });
    expect((await h.ok('begeleider', 'aanvragen.list', { partnerId: 'inloop' })).map((r) => r.id)).toEqual([
      walkIn.id,
    ]);
    expect((await h.ok('begeleider', 'aanvragen.list', { partnerId: ggd })).map((r) => r.id)).toEqual([
      saved.id,
    ]);
    expect(
      (
        await h.ok('begeleider', 'aanvragen.list', { partnerId: null, van: '2026-11-01', tot: '2026-11-10' })
      ).map((r) => r.id),
    ).toEqual([saved.id]);
    const audit = await h.ok('projectleider', 'audit.list', {});
    expect(audit.rows.some((a) => a.summary === 'Aanvraag ontvangen: Huisbezoek van 02-11-2026')).toBe(true);
  });

  it('is edited with its languages replaced; a wanted period that ends before it starts is refused', async () => {
    const saved = await h.ok('begeleider', 'aanvragen.save', request());
    await h.ok('begeleider', 'aanvragen.save', {
      ...request({ talen: [{ taal: 'Amhaars', verplicht: true }], leefgebieden: [] }),
      ...saved,
    });
    expect(await h.ok('begeleider', 'aanvragen.get', { id: saved.id })).toMatchObject({
      version: 2,
      talen: [{ taal: 'Amhaars', verplicht: true }],
      leefgebieden: [],
    });
    const wrong = await refused(
      'begeleider',
      'aanvragen.save',
      request({ gewenstVan: '2026-12-10', gewenstTot: '2026-12-01' }),
    );
    expect(wrong.message).toContain('Gewenst tot en met');
    const future = await refused('begeleider', 'aanvragen.save', request({ ontvangenOp: '2026-11-26' }));
    expect(future.message).toBe('Ontvangen op: ligt in de toekomst');
    const stale = await refused('begeleider', 'aanvragen.save', { ...request(), ...saved });
    expect(stale.code).toBe('conflict');
  });

  it('is not for the administrateur', async () => {
    expect((await refused('administrateur', 'aanvragen.list', { partnerId: null })).code).toBe('forbidden');
    expect((await refused('administrateur', 'aanvragen.save', request())).code).toBe('forbidden');
  });
});

describe('the life cycle', () => {
  it('runs nieuw → gematcht → uitgevoerd → afgesloten with the days kept for the response times', async () => {
    const saved = await h.ok('begeleider', 'aanvragen.save', request({ ontvangenOp: '2026-11-20' }));
    const matched = await h.ok('projectleider', 'aanvragen.match', { ...saved, personIds: [amina, farid] });
    h.setNow('2026-11-27T09:00:00.000Z');
    const done = await h.ok('projectleider', 'aanvragen.setStatus', { ...matched, status: 'uitgevoerd' });
    h.setNow('2026-12-01T09:00:00.000Z');
    await h.ok('projectleider', 'aanvragen.setStatus', { ...done, status: 'afgesloten' });
    expect(await h.ok('projectleider', 'aanvragen.get', { id: saved.id })).toMatchObject({
      status: 'afgesloten',
      gematchtOp: '2026-11-25',
      uitgevoerdOp: '2026-11-27',
      afgeslotenOp: '2026-12-01',
      reactietijd: { ontvangenTotGematcht: 5, gematchtTotUitgevoerd: 2, ontvangenTotUitgevoerd: 7 },
    });
  });

  it('refuses the steps that do not follow, in Dutch, and writes nothing', async () => {
    const saved = await h.ok('begeleider', 'aanvragen.save', request());
    const before = auditCount();
    expect(
      (await refused('projectleider', 'aanvragen.setStatus', { ...saved, status: 'uitgevoerd' })).message,
    ).toBe('Deze aanvraag is nog niet gematcht; koppel eerst een sleutelpersoon.');
    expect(
      (await refused('projectleider', 'aanvragen.setStatus', { ...saved, status: 'gematcht' })).message,
    ).toBe('Kies sleutelpersonen om een aanvraag te matchen.');
    expect(
      (await refused('projectleider', 'aanvragen.setStatus', { ...saved, status: 'nieuw' })).message,
    ).toBe('Deze aanvraag is al nieuw.');
    const noReason = await refused('projectleider', 'aanvragen.setStatus', {
      ...saved,
      status: 'niet_uitvoerbaar',
      reden: '  ',
    });
    expect(noReason.message).toContain('schrijf waarom');
    expect(auditCount()).toBe(before);
    expect((await h.ok('projectleider', 'aanvragen.get', { id: saved.id })).version).toBe(1);
  });

  it('is niet uitvoerbaar with a reason, can be reopened, and only then edited or matched again', async () => {
    const saved = await h.ok('begeleider', 'aanvragen.save', request());
    const closed = await h.ok('projectleider', 'aanvragen.setStatus', {
      ...saved,
      status: 'niet_uitvoerbaar',
      reden: 'Geen Tigrinya-spreker beschikbaar in die week',
    });
    expect((await h.ok('projectleider', 'aanvragen.get', { id: saved.id })).redenNietUitvoerbaar).toBe(
      'Geen Tigrinya-spreker beschikbaar in die week',
    );
    expect((await refused('projectleider', 'aanvragen.save', { ...request(), ...closed })).message).toBe(
      'Deze aanvraag is niet uitvoerbaar; heropen haar eerst om haar te wijzigen.',
    );
    expect((await refused('projectleider', 'aanvragen.match', { ...closed, personIds: [amina] })).code).toBe(
      'conflict',
    );
    const reopened = await h.ok('projectleider', 'aanvragen.setStatus', { ...closed, status: 'nieuw' });
    expect(await h.ok('projectleider', 'aanvragen.get', { id: saved.id })).toMatchObject({
      status: 'nieuw',
      redenNietUitvoerbaar: null,
    });
    await h.ok('projectleider', 'aanvragen.match', { ...reopened, personIds: [amina] });
  });

  it('reopens a closed request to uitgevoerd, without its closing day', async () => {
    const saved = await h.ok('begeleider', 'aanvragen.save', request());
    const m = await h.ok('projectleider', 'aanvragen.match', { ...saved, personIds: [amina] });
    const d = await h.ok('projectleider', 'aanvragen.setStatus', { ...m, status: 'uitgevoerd' });
    const c = await h.ok('projectleider', 'aanvragen.setStatus', { ...d, status: 'afgesloten' });
    await h.ok('projectleider', 'aanvragen.setStatus', { ...c, status: 'uitgevoerd' });
    expect(await h.ok('projectleider', 'aanvragen.get', { id: saved.id })).toMatchObject({
      status: 'uitgevoerd',
      afgeslotenOp: null,
      uitgevoerdOp: '2026-11-25',
    });
  });

  it('leaves status changes and matching to the projectleider; a begeleider edits only a new request', async () => {
    const saved = await h.ok('begeleider', 'aanvragen.save', request());
    expect((await refused('begeleider', 'aanvragen.match', { ...saved, personIds: [amina] })).code).toBe(
      'forbidden',
    );
    expect(
      (
        await refused('begeleider', 'aanvragen.setStatus', {
          ...saved,
          status: 'niet_uitvoerbaar',
          reden: 'x',
        })
      ).code,
    ).toBe('forbidden');
    const m = await h.ok('projectleider', 'aanvragen.match', { ...saved, personIds: [amina] });
    expect((await refused('begeleider', 'aanvragen.save', { ...request(), ...m })).message).toBe(
      'Deze aanvraag is al gematcht; alleen een projectleider wijzigt haar nog.',
    );
    await h.ok('projectleider', 'aanvragen.save', { ...request({ omschrijving: 'Bijgewerkt' }), ...m });
  });
});

describe('matching', () => {
  it('adds persons to those matched, names them in the audit log, and keeps the day of the first match', async () => {
    const saved = await h.ok('begeleider', 'aanvragen.save', request());
    const first = await h.ok('projectleider', 'aanvragen.match', { ...saved, personIds: [amina] });
    h.setNow('2026-11-26T10:00:00.000Z');
    const second = await h.ok('projectleider', 'aanvragen.match', { ...first, personIds: [farid, amina] });
    const detail = await h.ok('projectleider', 'aanvragen.get', { id: saved.id });
    expect(detail.personen.map((p) => p.naam)).toEqual(['Amina Çelik', 'Farid Çelik']);
    expect(detail.gematchtOp).toBe('2026-11-25');
    expect((await h.ok('projectleider', 'aanvragen.list', { partnerId: null }))[0]?.personen).toEqual([
      'Amina Çelik',
      'Farid Çelik',
    ]);
    await h.ok('begeleider', 'aanvragen.save', request({ omschrijving: 'Nog niemand' }));
    expect(
      (await h.ok('begeleider', 'aanvragen.list', { partnerId: null, personId: farid })).map((r) => r.id),
    ).toEqual([saved.id]);
    const audit = await h.ok('projectleider', 'audit.list', {});
    expect(audit.rows.map((a) => a.summary)).toContain(
      'Aanvraag gematcht met Farid Çelik: Huisbezoek van 02-11-2026',
    );
    expect(
      (await refused('projectleider', 'aanvragen.match', { ...second, personIds: [amina] })).message,
    ).toBe('Deze sleutelpersonen zijn al gekoppeld aan deze aanvraag.');
  });

  it('takes only active sleutelpersonen, 1 to 10, each once', async () => {
    const saved = await h.ok('begeleider', 'aanvragen.save', request());
    const before = auditCount();
    expect(
      (await refused('projectleider', 'aanvragen.match', { ...saved, personIds: [gestopt] })).message,
    ).toBe('Sleutelpersonen: Gerrit Çelik is geen actieve sleutelpersoon; kies iemand anders');
    expect(
      (await refused('projectleider', 'aanvragen.match', { ...saved, personIds: [] })).message,
    ).toContain('kies minstens één sleutelpersoon');
    expect(
      (await refused('projectleider', 'aanvragen.match', { ...saved, personIds: [amina, amina] })).message,
    ).toContain('elke sleutelpersoon maar één keer');
    expect(
      (
        await refused('projectleider', 'aanvragen.match', {
          ...saved,
          personIds: ['0190e1a0-0000-7000-8000-000000000001'],
        })
      ).message,
    ).toContain('bestaat niet');
    expect(auditCount()).toBe(before);
    expect((await h.ok('projectleider', 'aanvragen.get', { id: saved.id })).status).toBe('nieuw');
  });

  it('takes one person off; the last one off puts the request back to nieuw', async () => {
    const saved = await h.ok('begeleider', 'aanvragen.save', request());
    const m = await h.ok('projectleider', 'aanvragen.match', { ...saved, personIds: [amina, farid] });
    const one = await h.ok('projectleider', 'aanvragen.unmatch', { ...m, personId: amina });
    expect(await h.ok('projectleider', 'aanvragen.get', { id: saved.id })).toMatchObject({
      status: 'gematcht',
    });
    await h.ok('projectleider', 'aanvragen.unmatch', { ...one, personId: farid });
    expect(await h.ok('projectleider', 'aanvragen.get', { id: saved.id })).toMatchObject({
      status: 'nieuw',
      gematchtOp: null,
      personen: [],
    });
  });
});

describe('availability', () => {
  it('keeps a weekly pattern, own transport and other gemeenten, versioned, for projectleider and begeleider', async () => {
    const empty = await h.ok('begeleider', 'aanvragen.availability', { personId: amina });
    expect(empty).toMatchObject({ id: null, version: null, dagdelen: [], afwezigheden: [] });
    const saved = await h.ok('begeleider', 'aanvragen.saveAvailability', {
      personId: amina,
      version: null,
      dagdelen: ['wo-avond', 'ma-ochtend'],
      eigenVervoer: true,
      ookGemeenten: ['Zutphen', 'Lochem'],
      toelichting: 'Niet in de schoolvakanties',
    });
    expect(await h.ok('projectleider', 'aanvragen.availability', { personId: amina })).toMatchObject({
      id: saved.id,
      version: 1,
      dagdelen: ['ma-ochtend', 'wo-avond'],
      eigenVervoer: true,
      ookGemeenten: ['Zutphen', 'Lochem'],
    });
    await h.ok('projectleider', 'aanvragen.saveAvailability', {
      personId: amina,
      version: 1,
      dagdelen: [],
      eigenVervoer: false,
      ookGemeenten: [],
      toelichting: null,
    });
    const stale = await refused('begeleider', 'aanvragen.saveAvailability', {
      personId: amina,
      version: null,
      dagdelen: [],
      eigenVervoer: false,
      ookGemeenten: [],
      toelichting: null,
    });
    expect(stale.code).toBe('conflict');
    const bad = await refused('begeleider', 'aanvragen.saveAvailability', {
      personId: amina,
      version: 2,
      dagdelen: ['ma-nacht' as 'ma-avond'],
      eigenVervoer: false,
      ookGemeenten: [],
      toelichting: null,
    });
    expect(bad.message).toContain('Dagdelen');
    expect((await refused('administrateur', 'aanvragen.availability', { personId: amina })).code).toBe(
      'forbidden',
    );
  });

  it('adds and removes absences, each in the audit log', async () => {
    const a = await h.ok('begeleider', 'aanvragen.addAbsence', {
      personId: farid,
      van: '2026-12-20',
      tot: '2027-01-04',
      reden: 'Familiebezoek',
    });
    expect(
      (
        await refused('begeleider', 'aanvragen.addAbsence', {
          personId: farid,
          van: '2026-12-20',
          tot: '2026-12-01',
          reden: null,
        })
      ).message,
    ).toContain('ligt vóór de begindatum');
    expect((await h.ok('begeleider', 'aanvragen.availability', { personId: farid })).afwezigheden).toEqual([
      { id: a.id, version: 1, van: '2026-12-20', tot: '2027-01-04', reden: 'Familiebezoek' },
    ]);
    expect((await refused('begeleider', 'aanvragen.removeAbsence', { id: a.id, version: 2 })).code).toBe(
      'conflict',
    );
    await h.ok('begeleider', 'aanvragen.removeAbsence', a);
    expect((await h.ok('begeleider', 'aanvragen.availability', { personId: farid })).afwezigheden).toEqual(
      [],
    );
    const summaries = (await h.ok('projectleider', 'audit.list', {})).rows.map((r) => r.summary);
    expect(summaries).toContain('Afwezigheid vastgelegd: Farid Çelik, 20-12-2026 t/m 04-01-2027');
    expect(summaries).toContain('Afwezigheid verwijderd: Farid Çelik, 20-12-2026 t/m 04-01-2027');
  });
});

describe('inzet for a request', () => {
  it('marks a matched request uitgevoerd on the day of the inzet, and leaves other statuses alone', async () => {
    const { markRequestDone } = await import('./done.ts');
    const saved = await h.ok('begeleider', 'aanvragen.save', request({ ontvangenOp: '2026-11-20' }));
    const other = await h.ok('begeleider', 'aanvragen.save', request());
    await h.ok('projectleider', 'aanvragen.match', { ...saved, personIds: [amina] });
    const run = (id: string, datum: string) =>
      h.core.store.db.transaction().execute((db) =>
        markRequestDone(
          {
            db,
            now: '2026-11-25T10:00:00.000Z',
            today: '2026-11-25',
            account: null,
            newId: () => '',
            audit: () => {},
            afterCommit: () => {},
            session: null as never,
            originDevice: null,
          },
          id,
          datum,
        ),
      );
    expect(await run(other.id, '2026-11-24')).toBe(false);
    expect(await run(saved.id, '2026-11-24')).toBe(true);
    expect(await h.ok('projectleider', 'aanvragen.get', { id: saved.id })).toMatchObject({
      status: 'uitgevoerd',
      uitgevoerdOp: '2026-11-25',
      reactietijd: { ontvangenTotGematcht: 5, gematchtTotUitgevoerd: 0 },
    });
    expect(await run(saved.id, '2026-11-26')).toBe(false);
    expect((await h.ok('projectleider', 'aanvragen.get', { id: other.id })).status).toBe('nieuw');
  });
});
