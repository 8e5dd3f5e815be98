import { describe, expect, it } from 'vitest';
import { wantedWhen } from './proposals.ts';
import { type Candidate, type RankedRequest, rankCandidates, wholeEuros } from './ranking.ts';

const request = (overrides: Partial<RankedRequest> = {}): RankedRequest => ({
  talen: [{ taal: 'Tigrinya', verplicht: true }],
  gemeente: 'Doetinchem',
  voorkeurGender: null,
  voorkeurHerkomst: null,
  wanneer: null,
  kostenCents: () => null,
  ...overrides,
});

let n = 0;
const person = (overrides: Partial<Candidate> = {}): Candidate => ({
  personId: `p${++n}`,
  naam: `Persoon ${n}`,
  gender: 'vrouw',
  herkomstland: 'Eritrea',
  gemeente: 'Doetinchem',
  talen: ['Tigrinya', 'Arabisch'],
  beschikbaarheid: null,
  afwezig: null,
  minutenDezeMaand: 6 * 60,
  verwachtMinutenDezeMaand: 16 * 60,
  ruimte: { known: true, year: 2026, maandCents: 120_00, jaarCents: 2000_00, ruimteCents: 120_00 },
  gekoppeld: false,
  ...overrides,
});

const names = (list: { naam: string }[]) => list.map((p) => p.naam);

describe('ranking proposals', () => {
  it('says the room in whole euros, rounded down', () => {
    expect(wholeEuros(120_00)).toBe('€ 120');
    expect(wholeEuros(119_99)).toBe('€ 119');
    expect(wholeEuros(2200_00)).toBe('€ 2.200');
    expect(wholeEuros(1_234_567_89)).toBe('€ 1.234.567');
    expect(wholeEuros(50)).toBe('€ 0');
  });

  it('says why in the words of the issue: language, place, load, room', () => {
    const { voorstellen } = rankCandidates(request(), [person({ naam: 'Selam' })]);
    expect(voorstellen[0]?.redenen).toEqual([
      'spreekt Tigrinya',
      'woont in Doetinchem',
      '6 van 16 uur ingezet',
      'ruimte € 120',
    ]);
    expect(voorstellen[0]?.waarschuwingen).toEqual([]);
  });

  it('proposes only who speaks every required language, the others apart, and names a language nobody speaks', () => {
    const result = rankCandidates(
      request({
        talen: [
          { taal: 'Tigrinya', verplicht: true },
          { taal: 'Amhaars', verplicht: true },
        ],
      }),
      [
        person({ naam: 'Beide', talen: ['tigrinya', 'Amhaars'] }),
        person({ naam: 'Alleen Tigrinya', talen: ['Tigrinya'] }),
      ],
    );
    expect(names(result.voorstellen)).toEqual(['Beide']);
    expect(names(result.spreektDeTaalNiet)).toEqual(['Alleen Tigrinya']);
    expect(result.spreektDeTaalNiet[0]?.redenen[0]).toBe('spreekt geen Amhaars');
    expect(result.ontbrekendeTalen).toEqual([]);

    const nobody = rankCandidates(request({ talen: [{ taal: 'Dari', verplicht: true }] }), [person()]);
    expect(nobody.voorstellen).toEqual([]);
    expect(nobody.ontbrekendeTalen).toEqual(['Dari']);
  });

  it('puts a preferred language, gender and origin before place', () => {
    const result = rankCandidates(
      request({
        talen: [
          { taal: 'Tigrinya', verplicht: true },
          { taal: 'Arabisch', verplicht: false },
        ],
        voorkeurGender: 'man',
        voorkeurHerkomst: 'Eritrea',
      }),
      [
        person({ naam: 'Zonder voorkeur', talen: ['Tigrinya'], gender: 'vrouw', herkomstland: 'Ethiopië' }),
        person({ naam: 'Alles', talen: ['Tigrinya', 'Arabisch'], gender: 'man', gemeente: 'Zutphen' }),
      ],
    );
    expect(names(result.voorstellen)).toEqual(['Alles', 'Zonder voorkeur']);
    expect(result.voorstellen[0]?.redenen).toEqual(
      expect.arrayContaining(['spreekt Tigrinya en Arabisch', 'man, zoals gevraagd', 'herkomst Eritrea']),
    );
  });

  it('prefers the same gemeente, then the willing with own transport, then without; warns for the unwilling', () => {
    const willing = (eigenVervoer: boolean) => ({
      dagdelen: new Set<string>(),
      eigenVervoer,
      ookGemeenten: ['Doetinchem'],
    });
    const result = rankCandidates(request(), [
      person({ naam: 'Niet opgegeven', gemeente: 'Winterswijk' }),
      person({ naam: 'Wil, lopend', gemeente: 'Zutphen', beschikbaarheid: willing(false) }),
      person({ naam: 'Hier', gemeente: 'doetinchem' }),
      person({ naam: 'Wil, met auto', gemeente: 'Zutphen', beschikbaarheid: willing(true) }),
    ]);
    expect(names(result.voorstellen)).toEqual(['Hier', 'Wil, met auto', 'Wil, lopend', 'Niet opgegeven']);
    expect(result.voorstellen[1]?.redenen).toContain('woont in Zutphen, wil naar Doetinchem, eigen vervoer');
    expect(result.voorstellen[3]?.waarschuwingen).toEqual([
      {
        soort: 'ver_weg',
        tekst: 'woont in Winterswijk, niet opgegeven voor Doetinchem, geen eigen vervoer bekend',
      },
    ]);
  });

  it('puts the one free on the wanted dagdeel first and says who usually is not', () => {
    const availability = (dagdelen: string[]) => ({
      dagdelen: new Set(dagdelen),
      eigenVervoer: false,
      ookGemeenten: [],
    });
    const result = rankCandidates(request({ wanneer: { dag: 'di', dagdeel: 'di-avond' } }), [
      person({ naam: 'Ochtend', beschikbaarheid: availability(['di-ochtend']) }),
      person({ naam: 'Onbekend' }),
      person({ naam: 'Avond', beschikbaarheid: availability(['di-avond', 'do-avond']) }),
    ]);
    expect(names(result.voorstellen)).toEqual(['Avond', 'Onbekend', 'Ochtend']);
    expect(result.voorstellen[0]?.redenen).toContain('beschikbaar op dinsdagavond');
    expect(result.voorstellen[2]?.waarschuwingen[0]).toEqual({
      soort: 'niet_beschikbaar',
      tekst: 'meestal niet beschikbaar op dinsdagavond',
    });
  });

  it('asks the less loaded first, all else equal, and warns for the overloaded and the absent', () => {
    const result = rankCandidates(request(), [
      person({ naam: 'Vol', minutenDezeMaand: 20 * 60 }),
      person({ naam: 'Half', minutenDezeMaand: 8 * 60 }),
      person({ naam: 'Leeg', minutenDezeMaand: 0 }),
      person({
        naam: 'Weg',
        minutenDezeMaand: 0,
        afwezig: { van: '2026-12-01', tot: '2026-12-10', reden: 'verlof' },
      }),
    ]);
    expect(names(result.voorstellen)).toEqual(['Leeg', 'Half', 'Vol', 'Weg']);
    expect(result.voorstellen[2]?.waarschuwingen).toEqual([
      { soort: 'overbelast', tekst: 'overbelast: 20 van 16 uur ingezet' },
    ]);
    expect(result.voorstellen[3]?.waarschuwingen).toEqual([
      { soort: 'afwezig', tekst: 'afwezig 01-12-2026 t/m 10-12-2026 (verlof)' },
    ]);
  });

  it('puts a volunteer without room for the allowance after one with room, and says so', () => {
    const result = rankCandidates(request({ kostenCents: () => 30_00 }), [
      person({
        naam: 'Krap',
        minutenDezeMaand: 0,
        ruimte: { known: true, year: 2026, maandCents: 20_00, jaarCents: 900_00, ruimteCents: 20_00 },
      }),
      person({ naam: 'Ruim' }),
      person({
        naam: 'Op',
        minutenDezeMaand: 0,
        ruimte: { known: true, year: 2026, maandCents: 0, jaarCents: 900_00, ruimteCents: 0 },
      }),
    ]);
    expect(names(result.voorstellen)).toEqual(['Ruim', 'Krap', 'Op']);
    expect(result.voorstellen[1]?.waarschuwingen).toEqual([
      { soort: 'geen_ruimte', tekst: 'te weinig fiscale ruimte: € 20,00 over, dit kost € 30,00' },
    ]);
    expect(result.voorstellen[2]?.waarschuwingen[0]?.tekst).toBe('geen fiscale ruimte meer');
  });

  it('says the limit is unknown for a year without figures, and says nothing of room for an employee', () => {
    const result = rankCandidates(request(), [
      person({ naam: 'Onbekend jaar', ruimte: { known: false, year: 2031 } }),
      person({ naam: 'In dienst', ruimte: null, verwachtMinutenDezeMaand: null, minutenDezeMaand: 90 }),
    ]);
    const byName = new Map(result.voorstellen.map((p) => [p.naam, p]));
    expect(byName.get('Onbekend jaar')?.redenen).toContain('grens 2031 onbekend');
    expect(byName.get('In dienst')?.redenen).toEqual([
      'spreekt Tigrinya',
      'woont in Doetinchem',
      '1,5 uur ingezet',
    ]);
  });

  it('keeps who is already matched in the list, marked', () => {
    const result = rankCandidates(request(), [person({ naam: 'Al gekoppeld', gekoppeld: true }), person()]);
    expect(result.voorstellen.find((p) => p.naam === 'Al gekoppeld')?.gekoppeld).toBe(true);
  });
});

describe('the wanted day and dagdeel of a request', () => {
  it('reads the weekday from the wanted date and the dagdeel from its time, if any', () => {
    expect(wantedWhen('2026-12-08T19:00', null)).toEqual({ dag: 'di', dagdeel: 'di-avond' });
    expect(wantedWhen('2026-12-08T09:30', '2026-12-08')).toEqual({ dag: 'di', dagdeel: 'di-ochtend' });
    expect(wantedWhen('2026-12-13T12:00', null)).toEqual({ dag: 'zo', dagdeel: 'zo-middag' });
    expect(wantedWhen('2026-12-07', null)).toEqual({ dag: 'ma', dagdeel: null });
    // A period of several days, or no date at all: no day to check availability against.
    expect(wantedWhen('2026-12-07', '2026-12-11')).toBeNull();
    expect(wantedWhen(null, null)).toBeNull();
  });
});
