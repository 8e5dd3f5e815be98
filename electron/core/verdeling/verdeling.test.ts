import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fiscalYear } from '../../../shared/fiscal/fiscal-table.ts';
import { type Harness, harness, personInput, volunteerContract } from '../../../test/support/harness.ts';
import {
  insertAbsence,
  insertAvailability,
  insertInzet,
  insertMatch,
  insertRequest,
  type RequestValues,
} from '../../../test/support/verdeling-store.ts';
import { activeContracts } from '../claims/contract-terms.ts';
import { expectedMinutes, fiscalRoom, grantedFor, loadInPeriod } from './read.ts';

let h: Harness;
const y2026 = fiscalYear(2026);

beforeEach(async () => {
  h = await harness('2026-11-25T10:00:00.000Z');
  await h.withTeam();
});
afterEach(() => h.close());

const db = () => h.core.store.db;

async function person(
  voornaam: string,
  opts: {
    gemeente?: string;
    talen?: string[];
    gender?: 'vrouw' | 'man';
    herkomstland?: string;
    status?: 'actief' | 'gestopt';
  } = {},
) {
  const { id } = await h.ok(
    'projectleider',
    'persons.create',
    personInput({
      voornaam,
      achternaam: 'Test',
      gender: opts.gender ?? 'vrouw',
      herkomstland: opts.herkomstland ?? 'Eritrea',
      gemeente: opts.gemeente ?? 'Doetinchem',
      plaats: opts.gemeente ?? 'Doetinchem',
      talen: (opts.talen ?? ['Tigrinya']).map((taal) => ({ taal, niveau: 'moedertaal' as const })),
      status: opts.status ?? 'actief',
      statusDatum: '2026-01-01',
    }),
  );
  return id;
}

async function volunteer(personId: string, overrides: Parameters<typeof volunteerContract>[1] = {}) {
  const saved = await h.ok(
    'projectleider',
    'contracts.create',
    volunteerContract(personId, { verwachtUrenPerMaand: 16, ...overrides }),
  );
  await h.ok('projectleider', 'contracts.finalize', { id: saved.id, version: 1 });
}

async function employee(personId: string, urenPerWeek: number, startdatum = '2026-01-01') {
  const saved = await h.ok('projectleider', 'contracts.create', {
    personId,
    profileVersionId: null,
    vorm: 'arbeidsovereenkomst',
    velden: {},
    startdatum,
    einddatum: null,
    urenPerWeek,
    cao: 'Cao Sociaal Werk',
    schaal: '6',
    trede: null,
    brutoMaandsalarisCents: 2800_00,
    proeftijdMaanden: 0,
  });
  await h.ok('projectleider', 'contracts.finalize', { id: saved.id, version: 1 });
}

const inzet = (datum: string, minuten: number, personIds: string[]) =>
  insertInzet(db(), datum, minuten, personIds);
const request = (values: RequestValues = {}, talen?: { taal: string; verplicht: boolean }[]) =>
  insertRequest(db(), values, talen);
const availability = (personId: string, dagdelen: string, eigenVervoer = false, ook: string | null = null) =>
  insertAvailability(db(), personId, dagdelen, eigenVervoer, ook);

describe('load and expected hours (read.ts)', () => {
  it('sums minutes and activities per person in the period, an activity with two people counting for both', async () => {
    const a = await person('Selam');
    const b = await person('Yonas');
    await inzet('2026-10-31', 600, [a]);
    await inzet('2026-11-01', 90, [a, b]);
    await inzet('2026-11-30', 60, [a]);
    await inzet('2026-12-01', 600, [b]);
    const loads = await loadInPeriod(db(), { van: '2026-11-01', tot: '2026-11-30' });
    expect(loads.get(a)).toEqual({ minuten: 150, activiteiten: 2 });
    expect(loads.get(b)).toEqual({ minuten: 90, activiteiten: 1 });
    const onlyB = await loadInPeriod(db(), { van: '2026-11-01', tot: '2026-12-31' }, [b]);
    expect([...onlyB.keys()]).toEqual([b]);
    expect(onlyB.get(b)).toEqual({ minuten: 690, activiteiten: 2 });
  });

  it("takes the expected hours from the contract: the volunteer's estimate, weekly hours × 52 / 12, none for an opdracht", async () => {
    const vol = await person('Selam');
    const emp = await person('Yonas');
    const late = await person('Later');
    const none = await person('Geen');
    await volunteer(vol, { verwachtUrenPerMaand: 16 });
    await employee(emp, 18);
    await employee(late, 12, '2026-11-16');
    const contracts = await activeContracts(db(), [vol, emp, late, none]);
    const november = { van: '2026-11-01', tot: '2026-11-30' };
    expect(expectedMinutes(contracts.get(vol), november)).toBe(16 * 60);
    expect(expectedMinutes(contracts.get(emp), november)).toBe(78 * 60);
    // Started on the 16th: 15 of November's 30 days.
    expect(expectedMinutes(contracts.get(late), november)).toBe(26 * 60);
    expect(expectedMinutes(contracts.get(none), november)).toBeNull();
    // A quarter, prorated per month.
    expect(expectedMinutes(contracts.get(vol), { van: '2026-10-01', tot: '2026-12-31' })).toBe(48 * 60);
  });

  it('gives the fiscal room left this month and year from what was granted and what is paid elsewhere', async () => {
    const vol = await person('Selam');
    await volunteer(vol, { andereOrganisatiesPerMaandCents: 30_00 });
    await db()
      .insertInto('granted_allowance')
      .values([
        { person_id: vol, period: '2026-11', cents: 100_00 },
        { person_id: vol, period: '2026', cents: 1000_00 },
        { person_id: vol, period: '2026-10', cents: 500_00 },
      ])
      .execute();
    const contracts = await activeContracts(db(), [vol]);
    const granted = await grantedFor(db(), [vol], '2026-11-25');
    expect(granted.get(vol)).toEqual({ maandCents: 100_00, jaarCents: 1000_00 });
    const room = fiscalRoom(contracts.get(vol), granted.get(vol), '2026-11-25');
    expect(room).toEqual({
      known: true,
      year: 2026,
      maandCents: (y2026?.maxPerMonth ?? 0) - 100_00 - 30_00,
      // What is paid elsewhere counts for every month of the year its declaration covers.
      jaarCents: (y2026?.maxPerYear ?? 0) - 1000_00 - 12 * 30_00,
      ruimteCents: (y2026?.maxPerMonth ?? 0) - 130_00,
    });
    // A year Schakel has no figures for is said to be unknown, not guessed.
    expect(fiscalRoom(contracts.get(vol), undefined, '2031-03-01')).toEqual({ known: false, year: 2031 });
    // An employee has no volunteer's room.
    const emp = await person('Yonas');
    await employee(emp, 18);
    expect(fiscalRoom((await activeContracts(db(), [emp])).get(emp), undefined, '2026-11-25')).toBeNull();
  });
});

describe('verdeling.proposals through the dispatcher', () => {
  it('ranks the pool for a request with reasons and warnings, and marks who is matched', async () => {
    const selam = await person('Selam');
    const yonas = await person('Yonas', { gemeente: 'Zutphen', gender: 'man' });
    const dari = await person('Farid', { talen: ['Dari'], herkomstland: 'Afghanistan' });
    const weg = await person('Weg');
    await person('Gestopt', { status: 'gestopt' });
    await volunteer(selam);
    await volunteer(yonas);
    await inzet('2026-11-10', 360, [selam]);
    await availability(selam, 'di-middag');
    await availability(yonas, 'di-avond', true, 'Doetinchem|Zutphen');
    await insertAbsence(db(), weg, '2026-11-20', '2026-12-31', 'verlof');
    await db()
      .insertInto('granted_allowance')
      .values({ person_id: selam, period: '2026-11', cents: 100_00 })
      .execute();
    const id = await request({ gewenst_van: '2026-12-08', verwachte_minuten: 120 });
    await insertMatch(db(), id, yonas);

    const result = await h.ok('projectleider', 'verdeling.proposals', { requestId: id });
    expect(result.maand).toBe('2026-11');
    expect(result.voorstellen.map((p) => p.naam)).toEqual(['Selam Test', 'Yonas Test', 'Weg Test']);
    const [first, second, third] = result.voorstellen;
    // Selam's fiscal month is December's (the wanted date): nothing granted there yet.
    expect(first?.redenen).toEqual([
      'spreekt Tigrinya',
      'woont in Doetinchem',
      'beschikbaar op dinsdag',
      '6 van 16 uur ingezet',
      `ruimte € ${(y2026?.maxPerMonth ?? 0) / 100}`,
    ]);
    expect(second?.gekoppeld).toBe(true);
    expect(second?.redenen).toContain('woont in Zutphen, wil naar Doetinchem, eigen vervoer');
    expect(second?.redenen).toContain('beschikbaar op dinsdag');
    expect(third?.waarschuwingen.map((w) => w.soort)).toEqual(['afwezig']);
    expect(result.spreektDeTaalNiet.map((p) => p.personId)).toEqual([dari]);
    expect(result.ontbrekendeTalen).toEqual([]);
  });

  it('counts the fiscal month of the wanted date, and says when its year has no figures', async () => {
    const selam = await person('Selam');
    await volunteer(selam);
    await db()
      .insertInto('granted_allowance')
      .values({ person_id: selam, period: '2026-12', cents: 200_00 })
      .execute();
    const december = await request({ gewenst_van: '2026-12-08', verwachte_minuten: 6 * 60 });
    const [p] = (await h.ok('begeleider', 'verdeling.proposals', { requestId: december })).voorstellen;
    // € 5 an hour × 6 hours = € 30, with € 20 left in December.
    expect(p?.waarschuwingen).toEqual([
      { soort: 'geen_ruimte', tekst: 'te weinig fiscale ruimte: € 20,00 over, dit kost € 30,00' },
    ]);
    const later = await request({ gewenst_van: '2031-02-03' });
    const [q] = (await h.ok('projectleider', 'verdeling.proposals', { requestId: later })).voorstellen;
    expect(q?.redenen).toContain('grens 2031 onbekend');
  });

  it('shows apart only the 25 closest of those without the language, with how many there are', async () => {
    const speaker = await person('Selam');
    for (let i = 0; i < 27; i++)
      await person(`Farid${i}`, { talen: ['Dari'], gemeente: i < 2 ? 'Zutphen' : 'Doetinchem' });
    const id = await request({}, [
      { taal: 'Tigrinya', verplicht: true },
      { taal: 'Somalisch', verplicht: true },
    ]);
    const both = await h.ok('projectleider', 'verdeling.proposals', { requestId: id });
    expect(both.voorstellen).toEqual([]);
    expect(both.spreektDeTaalNietTotaal).toBe(28);
    expect(both.spreektDeTaalNiet).toHaveLength(25);
    // Selam speaks one of the two: closest, first; the two from Zutphen are left out.
    expect(both.spreektDeTaalNiet[0]?.personId).toBe(speaker);
    expect(both.spreektDeTaalNiet.filter((p) => p.gemeente === 'Zutphen')).toEqual([]);
    // Nobody speaks Somali, anyone of the whole pool counted.
    expect(both.ontbrekendeTalen).toEqual(['Somalisch']);
  });

  it('refuses the administrateur, an unknown request and a malformed id, in Dutch', async () => {
    const id = await request();
    expect(await h.call('administrateur', 'verdeling.proposals', { requestId: id })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await h.call('projectleider', 'verdeling.proposals', { requestId: randomUUID() })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'Deze aanvraag bestaat niet (meer).' },
    });
    expect(await h.call('projectleider', 'verdeling.proposals', { requestId: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'requestId' },
    });
  });
});

describe('verdeling.overview through the dispatcher', () => {
  it('shows hours against expected hours, flags, and totals per gemeente and language, heaviest first', async () => {
    const vol = await person('Vol');
    const leeg = await person('Leeg', { gemeente: 'Zutphen', talen: ['Dari', 'Farsi'] });
    const half = await person('Half', { talen: ['Tigrinya', 'Arabisch'] });
    const gestopt = await person('Gestopt', { status: 'gestopt' });
    await volunteer(vol, { verwachtUrenPerMaand: 10 });
    await volunteer(leeg, { verwachtUrenPerMaand: 10 });
    await volunteer(half, { verwachtUrenPerMaand: 10 });
    await inzet('2026-11-03', 13 * 60, [vol]);
    await inzet('2026-11-04', 5 * 60, [half, gestopt]);
    await inzet('2026-12-01', 60, [leeg]);

    const r = await h.ok('begeleider', 'verdeling.overview', { van: '2026-11-01', tot: '2026-11-30' });
    expect(r.rows.map((row) => [row.naam, row.minuten, row.verwachtMinuten, row.vlaggen])).toEqual([
      ['Vol Test', 780, 600, ['overbelast']],
      ['Half Test', 300, 600, []],
      ['Leeg Test', 0, 600, ['nauwelijks_gevraagd']],
      // Stopped, yet did inzet in the period: shown, never "hardly asked".
      ['Gestopt Test', 300, null, []],
    ]);
    expect(
      r.perGemeente.map((g) => [g.naam, g.personen, g.minuten, g.overbelast, g.nauwelijksGevraagd]),
    ).toEqual([
      ['Doetinchem', 3, 1380, 1, 0],
      ['Zutphen', 1, 0, 0, 1],
    ]);
    expect(r.perTaal.find((g) => g.naam === 'Tigrinya')).toMatchObject({ personen: 3, minuten: 1380 });
    expect(r.perTaal.find((g) => g.naam === 'Dari')).toMatchObject({ personen: 1, nauwelijksGevraagd: 1 });
    expect(r.totaal).toMatchObject({ personen: 4, minuten: 1380, activiteiten: 3, verwachtMinuten: 1800 });

    const zutphen = await h.ok('projectleider', 'verdeling.overview', {
      van: '2026-11-01',
      tot: '2026-12-31',
      gemeente: 'Zutphen',
    });
    expect(zutphen.rows.map((row) => [row.naam, row.minuten, row.verwachtMinuten])).toEqual([
      ['Leeg Test', 60, 1200],
    ]);
    const arabisch = await h.ok('projectleider', 'verdeling.overview', {
      van: '2026-11-01',
      tot: '2026-11-30',
      taal: 'Arabisch',
    });
    expect(arabisch.rows.map((row) => row.naam)).toEqual(['Half Test']);
  });

  it('refuses the administrateur and a period that ends before it starts', async () => {
    expect(
      await h.call('administrateur', 'verdeling.overview', { van: '2026-11-01', tot: '2026-11-30' }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const r = await h.call('projectleider', 'verdeling.overview', { van: '2026-11-01', tot: '2026-10-30' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'tot' } });
    expect(!r.ok && r.error.message).toContain('ligt vóór de begindatum');
  });
});
