import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallInput } from '../../../shared/contract.ts';
import { type Harness, harness, personInput } from '../../../test/support/harness.ts';
import { trainingsOfPerson } from './read.ts';

let h: Harness;
let amina: string;
let farid: string;

const training = (
  overrides: Partial<CallInput<'scholing.saveTraining'>> = {},
): CallInput<'scholing.saveTraining'> => ({
  naam: 'Basistraining Sleutelpersonen',
  aanbieder: 'pharos',
  aanbiederAnders: null,
  soort: 'basistraining',
  duurEenheid: 'uren',
  duur: 12,
  certificaat: true,
  geldigheidMaanden: 1,
  kostenCents: 350_00,
  ...overrides,
});

const record = (
  trainingId: string,
  overrides: Partial<CallInput<'scholing.saveForPerson'>> = {},
): CallInput<'scholing.saveForPerson'> => ({
  personId: amina,
  trainingId,
  status: 'afgerond',
  startdatum: '2026-01-30',
  einddatum: '2026-01-31',
  minuten: 720,
  verloopdatum: null,
  notitie: 'Goed meegedaan',
  ...overrides,
});

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]).toString('base64');

beforeEach(async () => {
  h = await harness('2026-02-10T10:00:00.000Z');
  await h.withTeam();
  const person = (voornaam: string, extra: Partial<CallInput<'persons.create'>> = {}) =>
    h.ok(
      'projectleider',
      'persons.create',
      personInput({ voornaam, status: 'actief', statusDatum: '2025-11-30', ...extra }),
    );
  amina = (await person('Amina', { bijstand: true, toestemmingNodig: true })).id;
  farid = (await person('Farid')).id;
});
afterEach(() => h.close());

describe('trainingsaanbod', () => {
  it('is kept by projectleider and begeleider, archived but never gone', async () => {
    const saved = await h.ok('begeleider', 'scholing.saveTraining', training());
    expect(await h.ok('projectleider', 'scholing.catalogue', {})).toMatchObject([
      {
        naam: 'Basistraining Sleutelpersonen',
        aanbieder: 'pharos',
        kostenCents: 350_00,
        gearchiveerd: false,
      },
    ]);
    const refused = await h.call('administrateur', 'scholing.saveTraining', training({ naam: 'Anders' }));
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    await h.ok('projectleider', 'scholing.archiveTraining', { ...saved, gearchiveerd: true });
    expect(await h.ok('projectleider', 'scholing.catalogue', {})).toEqual([]);
    expect(await h.ok('projectleider', 'scholing.catalogue', { metGearchiveerd: true })).toMatchObject([
      { id: saved.id, gearchiveerd: true, version: 2 },
    ]);
    // An archived training is not chosen anew.
    const chosen = await h.call('begeleider', 'scholing.saveForPerson', record(saved.id));
    expect(chosen).toMatchObject({ ok: false, error: { field: 'trainingId' } });
  });

  it('refuses a stale edit and bad input, changing nothing', async () => {
    const saved = await h.ok('begeleider', 'scholing.saveTraining', training());
    await h.ok('begeleider', 'scholing.saveTraining', { ...training({ duur: 14 }), ...saved });
    const stale = await h.call('projectleider', 'scholing.saveTraining', {
      ...training({ duur: 16 }),
      ...saved,
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const bad = await h.call('projectleider', 'scholing.saveTraining', {
      ...training({ aanbieder: 'anders', aanbiederAnders: null }),
      id: saved.id,
      version: 2,
    });
    expect(bad).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        field: 'aanbiederAnders',
        message: expect.stringMatching(/^Naam aanbieder/),
      },
    });
    expect(await h.ok('projectleider', 'scholing.catalogue', {})).toMatchObject([
      { duur: 14, version: 2, aanbieder: 'pharos' },
    ]);
  });
});

describe('a person’s trainings', () => {
  it('computes the expiry from the completion date at a month end, or keeps the one entered', async () => {
    const t = await h.ok('begeleider', 'scholing.saveTraining', training());
    const saved = await h.ok('begeleider', 'scholing.saveForPerson', record(t.id));
    const list = await h.ok('begeleider', 'scholing.listForPerson', { personId: amina });
    expect(list.toestemmingOntbreekt).toBe(true);
    expect(list.trainingen).toMatchObject([
      {
        id: saved.id,
        naam: 'Basistraining Sleutelpersonen',
        aanbieder: 'Pharos',
        verloopdatum: '2026-02-28',
      },
    ]);
    await h.ok('begeleider', 'scholing.saveForPerson', {
      ...record(t.id, { verloopdatum: '2026-06-30' }),
      ...saved,
    });
    expect((await trainingsOfPerson(h.core.store.db, amina))[0]).toMatchObject({
      verloopdatum: '2026-06-30',
      status: 'afgerond',
      minuten: 720,
      heeftCertificaat: false,
    });
    expect(await h.ok('begeleider', 'scholing.listForPerson', { personId: farid })).toMatchObject({
      trainingen: [],
      toestemmingOntbreekt: false,
    });
  });

  it('refuses a completion in the future', async () => {
    const t = await h.ok('begeleider', 'scholing.saveTraining', training());
    const r = await h.call('begeleider', 'scholing.saveForPerson', record(t.id, { einddatum: '2026-02-11' }));
    expect(r).toMatchObject({ ok: false, error: { field: 'einddatum' } });
    expect(await trainingsOfPerson(h.core.store.db, amina)).toEqual([]);
  });

  it('stores a certificate typed by its content; anything else changes nothing', async () => {
    const t = await h.ok('begeleider', 'scholing.saveTraining', training());
    const saved = await h.ok('begeleider', 'scholing.saveForPerson', record(t.id));
    const exe = Buffer.from('MZ\x90\x00 not a picture').toString('base64');
    const refused = await h.call('begeleider', 'scholing.setCertificate', {
      ...saved,
      bestand: { base64: exe },
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { field: 'bestand', message: 'Certificaat: alleen een foto (JPEG, PNG) of een PDF' },
    });
    const stored = await h.ok('begeleider', 'scholing.setCertificate', {
      ...saved,
      bestand: { base64: png },
    });
    expect(stored.version).toBe(2);
    expect(await h.ok('projectleider', 'scholing.certificate', { id: saved.id })).toEqual({
      fileName: 'certificaat.png',
      mime: 'image/png',
      base64: png,
    });
    expect((await trainingsOfPerson(h.core.store.db, amina))[0]?.heeftCertificaat).toBe(true);
    expect(await h.call('administrateur', 'scholing.certificate', { id: saved.id })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('gives the administrateur names and costs for a training claim, never notes', async () => {
    const t = await h.ok('begeleider', 'scholing.saveTraining', training());
    await h.ok('begeleider', 'scholing.saveForPerson', record(t.id));
    const forClaim = await h.ok('administrateur', 'scholing.forClaim', { personId: amina });
    expect(forClaim).toEqual([
      {
        id: expect.any(String),
        naam: 'Basistraining Sleutelpersonen',
        aanbieder: 'Pharos',
        datum: '2026-01-31',
        kostenCents: 350_00,
      },
    ]);
    expect(await h.call('administrateur', 'scholing.listForPerson', { personId: amina })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});

describe('group trainings', () => {
  it('plans for a group and completes it for those present, in one call', async () => {
    const t = await h.ok('begeleider', 'scholing.saveTraining', training({ geldigheidMaanden: 12 }));
    // Amina already had the training planned on her own: the session takes that record over.
    const own = await h.ok(
      'begeleider',
      'scholing.saveForPerson',
      record(t.id, { status: 'gepland', einddatum: null, startdatum: null }),
    );
    const session = await h.ok('begeleider', 'scholing.saveSession', {
      trainingId: t.id,
      datum: '2026-02-20',
      plaats: 'Wijkcentrum De Leeuw',
      trainer: 'Pharos',
      minimumDeelnemers: 4,
      deelnemers: [amina, farid],
    });
    const planned = await h.ok('begeleider', 'scholing.listForPerson', { personId: amina });
    expect(planned.trainingen).toMatchObject([
      { id: own.id, status: 'gepland', startdatum: '2026-02-20', sessionId: session.id },
    ]);

    const early = await h.call('begeleider', 'scholing.recordAttendance', { ...session, aanwezig: [amina] });
    expect(early).toMatchObject({ ok: false, error: { field: 'aanwezig' } });
    const stranger = await h.call('begeleider', 'scholing.recordAttendance', {
      ...session,
      aanwezig: [amina, '01900000-0000-7000-8000-0000000000ff'],
    });
    expect(stranger).toMatchObject({ ok: false, error: { field: 'aanwezig' } });

    h.setNow('2026-02-21T10:00:00.000Z');
    await h.ok('begeleider', 'scholing.recordAttendance', { ...session, aanwezig: [amina] });
    expect(await trainingsOfPerson(h.core.store.db, amina)).toMatchObject([
      { id: own.id, status: 'afgerond', einddatum: '2026-02-20', minuten: 720, verloopdatum: '2027-02-20' },
    ]);
    // Farid was not there: his training stays planned, no longer tied to the date.
    expect(await trainingsOfPerson(h.core.store.db, farid)).toMatchObject([
      { status: 'gepland', startdatum: null },
    ]);
    const [given] = await h.ok('projectleider', 'scholing.sessions', { metAfgelopen: true });
    expect(given).toMatchObject({ status: 'gegeven', version: 2 });
    expect(given?.deelnemers.map((d) => [d.personId, d.aanwezig])).toEqual(
      expect.arrayContaining([
        [amina, true],
        [farid, false],
      ]),
    );
    expect(await h.ok('projectleider', 'scholing.sessions', {})).toEqual([]);
    const again = await h.call('begeleider', 'scholing.recordAttendance', {
      id: session.id,
      version: 2,
      aanwezig: [farid],
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});

describe('the register', () => {
  it('finds who completed a basistraining (not a planned one, nor another kind); the administrateur may not ask', async () => {
    const basis = await h.ok('begeleider', 'scholing.saveTraining', training());
    const ehbo = await h.ok('begeleider', 'scholing.saveTraining', training({ naam: 'EHBO', soort: 'ehbo' }));
    await h.ok('begeleider', 'scholing.saveForPerson', record(basis.id));
    await h.ok('begeleider', 'scholing.saveForPerson', record(ehbo.id, { personId: farid }));
    await h.ok(
      'begeleider',
      'scholing.saveForPerson',
      record(basis.id, { personId: farid, status: 'gepland', startdatum: '2026-03-01', einddatum: null }),
    );
    const found = await h.ok('projectleider', 'persons.list', { basistraining: true });
    expect(found.rows.map((p) => p.id)).toEqual([amina]);
    expect((await h.ok('projectleider', 'persons.list', {})).total).toBe(2);
    expect(await h.call('administrateur', 'persons.list', { basistraining: true })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});

describe('attention on the start screen', () => {
  const kinds = async () =>
    (await h.ok('projectleider', 'attention.list', {}))
      .filter((i) =>
        ['basistraining_ontbreekt', 'certificaat_verloopt', 'training_te_weinig_deelnemers'].includes(i.kind),
      )
      .map((i) => `${i.kind} ${i.personNaam}: ${i.text}`);

  it('lists the basistraining due three months after 30 November: on 28 February, not the day before', async () => {
    h.setNow('2026-02-27T10:00:00.000Z');
    expect(await kinds()).toEqual([]);
    h.setNow('2026-02-28T10:00:00.000Z');
    expect(await kinds()).toEqual([
      'basistraining_ontbreekt Amina Çelik: Actief sinds 30 november 2025, nog geen basistraining afgerond',
      'basistraining_ontbreekt Farid Çelik: Actief sinds 30 november 2025, nog geen basistraining afgerond',
    ]);
    const t = await h.ok(
      'begeleider',
      'scholing.saveTraining',
      training({ certificaat: false, geldigheidMaanden: null }),
    );
    await h.ok('begeleider', 'scholing.saveForPerson', record(t.id, { personId: farid }));
    expect(await kinds()).toHaveLength(1);
  });

  it('lists a certificate from 60 days before it expires, the latest completion only', async () => {
    h.setNow('2028-03-01T10:00:00.000Z');
    const t = await h.ok(
      'begeleider',
      'scholing.saveTraining',
      training({ soort: 'ehbo', naam: 'EHBO', geldigheidMaanden: 12 }),
    );
    // Completed on 29 February 2028: valid until 28 February 2029.
    await h.ok(
      'begeleider',
      'scholing.saveForPerson',
      record(t.id, { startdatum: null, einddatum: '2028-02-29' }),
    );
    h.setNow('2028-12-29T10:00:00.000Z');
    expect((await kinds()).filter((k) => k.startsWith('certificaat'))).toEqual([]);
    h.setNow('2028-12-30T10:00:00.000Z');
    expect((await kinds()).filter((k) => k.startsWith('certificaat'))).toEqual([
      'certificaat_verloopt Amina Çelik: Certificaat EHBO verloopt op 28 februari 2029',
    ]);
    h.setNow('2029-03-01T10:00:00.000Z');
    expect((await kinds()).filter((k) => k.startsWith('certificaat'))).toEqual([
      'certificaat_verloopt Amina Çelik: Certificaat EHBO verlopen sinds 28 februari 2029',
    ]);
    // A refresher renews it.
    await h.ok(
      'begeleider',
      'scholing.saveForPerson',
      record(t.id, { startdatum: null, einddatum: '2029-03-01' }),
    );
    expect((await kinds()).filter((k) => k.startsWith('certificaat'))).toEqual([]);
  });

  it('lists a planned session within 30 days with fewer than its minimum, across the year end', async () => {
    h.setNow('2026-12-31T10:00:00.000Z');
    const t = await h.ok(
      'begeleider',
      'scholing.saveTraining',
      training({ soort: 'bijscholing', naam: 'Bijscholing Schulden' }),
    );
    const plan = (datum: string, deelnemers: string[]) =>
      h.ok('begeleider', 'scholing.saveSession', {
        trainingId: t.id,
        datum,
        plaats: 'Utrecht',
        trainer: null,
        minimumDeelnemers: 2,
        deelnemers,
      });
    await plan('2027-01-30', [amina]);
    await plan('2027-01-31', [amina]);
    await plan('2027-01-15', [amina, farid]);
    expect((await kinds()).filter((k) => k.startsWith('training'))).toEqual([
      'training_te_weinig_deelnemers Bijscholing Schulden: Gepland op 30 januari 2027: 1 deelnemer, minimaal 2 nodig',
    ]);
  });
});
