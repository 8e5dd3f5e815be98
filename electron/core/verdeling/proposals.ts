/**
 * Proposals for a request: the active pool with what the ranking needs, read in a fixed number of set-based
 * statements whatever the pool's size (the request, its languages and matched people; the people with their
 * availability; their languages; absences in the wanted period; this month's load; contracts; granted allowance).
 */

import { monthPeriod } from '../../../shared/periods.ts';
import { fullName } from '../../../shared/persons.ts';
import type { Proposals } from '../../../shared/verdeling.ts';
import { type Dagdeel, weekdays } from '../../../shared/work-vocabulary.ts';
import { parseDagdelen, parseGemeenten } from '../aanvragen/read.ts';
import { activeContracts, contractOn } from '../claims/contract-terms.ts';
import type { ReadCtx } from '../context.ts';
import { notFound } from '../failure.ts';
import { type Candidate, fold, type RankedRequest, rankCandidates } from './ranking.ts';
import { expectedAllowance, expectedMinutes, fiscalRoom, grantedFor, loadInPeriod } from './read.ts';

/** How many of those who lack a required language are shown apart, closest first. */
const othersShown = 25;

/** Weekday keys from Sunday, as Date.getUTCDay() counts. */
const bySundayFirst = ['zo', 'ma', 'di', 'wo', 'do', 'vr', 'za'] as const;

/**
 * The wanted day from the request's wanted start, and its dagdeel when a time is given with it
 * ('2026-12-08T19:00': dinsdag avond); null without a wanted date or for a period of more than one day.
 */
export function wantedWhen(
  van: string | null,
  tot: string | null,
): { dag: string; dagdeel: Dagdeel | null } | null {
  if (!van) return null;
  if (tot && tot.slice(0, 10) !== van.slice(0, 10)) return null;
  const day = bySundayFirst[new Date(`${van.slice(0, 10)}T00:00:00Z`).getUTCDay()] ?? weekdays[0];
  const time = /T(\d{2}):/.exec(van);
  if (!time) return { dag: day, dagdeel: null };
  const hour = Number(time[1]);
  const part = hour < 12 ? 'ochtend' : hour < 18 ? 'middag' : 'avond';
  return { dag: day, dagdeel: `${day}-${part}` as Dagdeel };
}

export async function matchProposals(ctx: ReadCtx, requestId: string): Promise<Proposals> {
  const { db } = ctx;
  const request = await db
    .selectFrom('requests')
    .select([
      'id',
      'version',
      'status',
      'omschrijving',
      'gewenst_van',
      'gewenst_tot',
      'gemeente',
      'voorkeur_gender',
      'voorkeur_herkomst',
      'verwachte_minuten',
    ])
    .where('id', '=', requestId)
    .executeTakeFirst();
  if (!request) throw notFound('Deze aanvraag');
  const [languages, matched] = await Promise.all([
    db
      .selectFrom('request_languages')
      .select(['taal', 'verplicht'])
      .where('request_id', '=', requestId)
      .orderBy('verplicht', 'desc')
      .orderBy('taal')
      .execute(),
    db.selectFrom('request_persons').select('person_id').where('request_id', '=', requestId).execute(),
  ]);

  // The wanted period (or today) decides absences and whose fiscal month counts; the load is this month's.
  const wantedFrom = request.gewenst_van?.slice(0, 10) ?? ctx.today;
  const wantedTo = request.gewenst_tot?.slice(0, 10) ?? wantedFrom;
  const month = monthPeriod(ctx.today);

  const [people, personLanguages, absences, loads] = await Promise.all([
    db
      .selectFrom('persons')
      .leftJoin('person_availability', 'person_availability.person_id', 'persons.id')
      .select([
        'persons.id',
        'persons.voornaam',
        'persons.tussenvoegsel',
        'persons.achternaam',
        'persons.roepnaam',
        'persons.gender',
        'persons.herkomstland',
        'persons.gemeente',
        'person_availability.dagdelen',
        'person_availability.eigen_vervoer',
        'person_availability.ook_gemeenten',
      ])
      .where('persons.status', '=', 'actief')
      .execute(),
    db
      .selectFrom('person_languages')
      .innerJoin('persons', 'persons.id', 'person_languages.person_id')
      .select(['person_languages.person_id', 'person_languages.taal'])
      .where('persons.status', '=', 'actief')
      .orderBy('person_languages.person_id')
      .orderBy('person_languages.position')
      .execute(),
    db
      .selectFrom('person_absences')
      .innerJoin('persons', 'persons.id', 'person_absences.person_id')
      .select([
        'person_absences.person_id',
        'person_absences.van',
        'person_absences.tot',
        'person_absences.reden',
      ])
      .where('persons.status', '=', 'actief')
      .where('person_absences.van', '<=', wantedTo)
      .where('person_absences.tot', '>=', wantedFrom)
      .orderBy('person_absences.van')
      .execute(),
    loadInPeriod(db, month),
  ]);
  const talenOf = new Map<string, string[]>();
  for (const l of personLanguages) {
    const list = talenOf.get(l.person_id) ?? [];
    list.push(l.taal);
    talenOf.set(l.person_id, list);
  }
  const absenceOf = new Map<string, { van: string; tot: string; reden: string | null }>();
  for (const a of absences) if (!absenceOf.has(a.person_id)) absenceOf.set(a.person_id, a);
  const matchedIds = new Set(matched.map((m) => m.person_id));

  // Who speaks every required language is proposed; of the others only those who come closest are shown apart
  // (more of the required languages, living in the request's gemeente, least inzet this month), and whoever is
  // matched already. Contracts and allowance are read for these alone.
  const required = [...new Set(languages.filter((l) => l.verplicht === 1).map((l) => fold(l.taal)))];
  const spokenBy = new Set<string>();
  const speakers: typeof people = [];
  const others: { p: (typeof people)[number]; spoken: number; here: number; minutes: number }[] = [];
  const requestPlace = request.gemeente ? fold(request.gemeente) : null;
  for (const p of people) {
    // Plain loops: this runs for the whole pool, the ranking only for those shown.
    const talen = talenOf.get(p.id);
    let spoken = 0;
    for (const t of required) {
      if (talen?.some((taal) => fold(taal) === t)) {
        spoken++;
        spokenBy.add(t);
      }
    }
    if (spoken === required.length || matchedIds.has(p.id)) speakers.push(p);
    else
      others.push({
        p,
        spoken,
        here: requestPlace !== null && p.gemeente !== null && fold(p.gemeente) === requestPlace ? 1 : 0,
        minutes: loads.get(p.id)?.minuten ?? 0,
      });
  }
  others.sort((a, b) => b.spoken - a.spoken || b.here - a.here || a.minutes - b.minutes);
  const shown = [...speakers, ...others.slice(0, othersShown).map((o) => o.p)];
  const ids = shown.map((p) => p.id);
  const [contracts, granted] = await Promise.all([activeContracts(db, ids), grantedFor(db, ids, wantedFrom)]);

  const candidates: Candidate[] = shown.map((p) => ({
    personId: p.id,
    naam: fullName(p),
    gender: p.gender,
    herkomstland: p.herkomstland,
    gemeente: p.gemeente,
    talen: talenOf.get(p.id) ?? [],
    beschikbaarheid:
      p.dagdelen === null
        ? null
        : {
            dagdelen: new Set(parseDagdelen(p.dagdelen)),
            eigenVervoer: p.eigen_vervoer === 1,
            ookGemeenten: parseGemeenten(p.ook_gemeenten),
          },
    afwezig: absenceOf.get(p.id) ?? null,
    minutenDezeMaand: loads.get(p.id)?.minuten ?? 0,
    verwachtMinutenDezeMaand: expectedMinutes(contracts.get(p.id), month),
    ruimte: fiscalRoom(contracts.get(p.id), granted.get(p.id), wantedFrom),
    gekoppeld: matchedIds.has(p.id),
  }));

  const ranked: RankedRequest = {
    talen: languages.map((l) => ({ taal: l.taal, verplicht: l.verplicht === 1 })),
    gemeente: request.gemeente,
    voorkeurGender: request.voorkeur_gender,
    voorkeurHerkomst: request.voorkeur_herkomst,
    wanneer: wantedWhen(request.gewenst_van, request.gewenst_tot),
    kostenCents: (personId) =>
      expectedAllowance(contractOn(contracts.get(personId), wantedFrom), request.verwachte_minuten),
  };
  return {
    aanvraag: {
      id: request.id,
      version: request.version,
      status: request.status,
      omschrijving: request.omschrijving,
      gemeente: request.gemeente,
      gewenstVan: request.gewenst_van,
      talen: ranked.talen,
    },
    maand: month.van.slice(0, 7),
    ...rankCandidates(ranked, candidates),
    spreektDeTaalNietTotaal: people.length - speakers.length,
    ontbrekendeTalen: ranked.talen
      .filter((t) => t.verplicht && !spokenBy.has(fold(t.taal)))
      .map((t) => t.taal),
  };
}
