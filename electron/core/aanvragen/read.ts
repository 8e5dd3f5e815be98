/**
 * What other areas read of aanvragen: response times (one computation, used by the request's detail and by the
 * verantwoording), a request's detail, and each person's availability (for matching).
 */
import type {
  Absence,
  Availability,
  MatchedPerson,
  RequestDetail,
  RequestLanguage,
  ResponseTimes,
} from '../../../shared/aanvragen.ts';
import { daysBetween } from '../../../shared/dates.ts';
import { formatDate } from '../../../shared/format.ts';
import { fullName } from '../../../shared/persons.ts';
import {
  type ActivityKind,
  activityKindLabels,
  type Dagdeel,
  type RequestStatus,
} from '../../../shared/work-vocabulary.ts';
import type { Reader } from '../context.ts';
import { notFound } from '../failure.ts';
import type { RequestsTable } from '../store/schema.ts';

/** Whole days from one ISO date to a later one; a step recorded before the one it follows counts as 0 days. */
function stepDays(from: string | null, to: string | null): number | null {
  if (!from || !to) return null;
  return Math.max(0, daysBetween(from.slice(0, 10), to.slice(0, 10)));
}

/**
 * Days from received to matched, matched to done and received to done. A step still open is null. A request
 * done without a recorded match (a walk-in helped on the spot) has no matched-to-done time, but its received-to-done
 * time counts. Dates may carry a time (only the day counts).
 */
export function responseTimes(r: {
  ontvangen_op: string;
  gematcht_op: string | null;
  uitgevoerd_op: string | null;
}): ResponseTimes {
  return {
    ontvangenTotGematcht: stepDays(r.ontvangen_op, r.gematcht_op),
    gematchtTotUitgevoerd: stepDays(r.gematcht_op, r.uitgevoerd_op),
    ontvangenTotUitgevoerd: stepDays(r.ontvangen_op, r.uitgevoerd_op),
  };
}

/** Count, mean (one decimal) and median of a list of day counts; null mean and median for none. */
export interface DaySummary {
  aantal: number;
  gemiddeld: number | null;
  mediaan: number | null;
}

export function summariseDays(days: readonly (number | null)[]): DaySummary {
  const known = days.filter((d): d is number => d !== null).sort((a, b) => a - b);
  if (known.length === 0) return { aantal: 0, gemiddeld: null, mediaan: null };
  const sum = known.reduce((s, d) => s + d, 0);
  const mid = Math.floor(known.length / 2);
  const median =
    known.length % 2 === 1
      ? (known[mid] as number)
      : ((known[mid - 1] as number) + (known[mid] as number)) / 2;
  return { aantal: known.length, gemiddeld: Math.round((sum / known.length) * 10) / 10, mediaan: median };
}

/** The response times of many requests at once, per step. */
export function summariseResponseTimes(times: readonly ResponseTimes[]) {
  return {
    ontvangenTotGematcht: summariseDays(times.map((t) => t.ontvangenTotGematcht)),
    gematchtTotUitgevoerd: summariseDays(times.map((t) => t.gematchtTotUitgevoerd)),
    ontvangenTotUitgevoerd: summariseDays(times.map((t) => t.ontvangenTotUitgevoerd)),
  };
}

export async function loadRequestRow(db: Reader, id: string): Promise<RequestsTable> {
  const row = await db.selectFrom('requests').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Deze aanvraag');
  return row;
}

/** The sleutelpersonen matched to a request, by name. */
export async function matchedPersons(db: Reader, requestId: string): Promise<MatchedPerson[]> {
  const rows = await db
    .selectFrom('request_persons')
    .innerJoin('persons', 'persons.id', 'request_persons.person_id')
    .select([
      'request_persons.person_id',
      'request_persons.created_at',
      'persons.voornaam',
      'persons.tussenvoegsel',
      'persons.achternaam',
      'persons.roepnaam',
    ])
    .where('request_persons.request_id', '=', requestId)
    .orderBy('persons.sort_name')
    .execute();
  return rows.map((r) => ({
    personId: r.person_id,
    naam: fullName(r),
    gematchtOp: r.created_at.slice(0, 10),
  }));
}

export async function loadRequestDetail(db: Reader, id: string): Promise<RequestDetail> {
  const r = await loadRequestRow(db, id);
  const partner = r.partner_id
    ? await db.selectFrom('partners').select('naam').where('id', '=', r.partner_id).executeTakeFirst()
    : undefined;
  const project = r.project_id
    ? await db.selectFrom('projects').select('naam').where('id', '=', r.project_id).executeTakeFirst()
    : undefined;
  const talen = await db
    .selectFrom('request_languages')
    .select(['taal', 'verplicht'])
    .where('request_id', '=', id)
    .orderBy('verplicht', 'desc')
    .orderBy('taal')
    .execute();
  const gebieden = await db
    .selectFrom('request_leefgebieden')
    .select('leefgebied')
    .where('request_id', '=', id)
    .orderBy('leefgebied')
    .execute();
  return {
    id: r.id,
    version: r.version,
    partnerId: r.partner_id,
    partnerNaam: partner?.naam ?? null,
    projectId: r.project_id,
    projectNaam: project?.naam ?? null,
    ontvangenOp: r.ontvangen_op,
    gewenstVan: r.gewenst_van,
    gewenstTot: r.gewenst_tot,
    plaats: r.plaats,
    gemeente: r.gemeente,
    talen: talen.map((t): RequestLanguage => ({ taal: t.taal, verplicht: t.verplicht === 1 })),
    voorkeurGender: r.voorkeur_gender as RequestDetail['voorkeurGender'],
    voorkeurHerkomst: r.voorkeur_herkomst,
    leefgebieden: gebieden.map((g) => g.leefgebied),
    soortHulp: r.soort_hulp as ActivityKind,
    verwachteMinuten: r.verwachte_minuten,
    omschrijving: r.omschrijving,
    status: r.status as RequestStatus,
    redenNietUitvoerbaar: r.reden_niet_uitvoerbaar,
    gematchtOp: r.gematcht_op,
    uitgevoerdOp: r.uitgevoerd_op,
    afgeslotenOp: r.afgesloten_op,
    personen: await matchedPersons(db, id),
    reactietijd: responseTimes(r),
  };
}

/** 'ma-ochtend di-avond' as stored, to the list (unknown words dropped, so an old value never breaks a read). */
export function parseDagdelen(stored: string): Dagdeel[] {
  return stored
    .split(/\s+/)
    .filter((d) => /^(ma|di|wo|do|vr|za|zo)-(ochtend|middag|avond)$/.test(d)) as Dagdeel[];
}

export function parseGemeenten(stored: string | null): string[] {
  return (stored ?? '').split('|').filter((g) => g.trim() !== '');
}

/** Each person's availability and absences, for the Beschikbaarheid tab and for matching (H2 reads this). */
export async function availabilityOf(
  db: Reader,
  personIds: readonly string[],
): Promise<Map<string, Availability>> {
  const result = new Map<string, Availability>();
  if (personIds.length === 0) return result;
  for (const personId of personIds)
    result.set(personId, {
      personId,
      id: null,
      version: null,
      dagdelen: [],
      eigenVervoer: false,
      ookGemeenten: [],
      toelichting: null,
      afwezigheden: [],
    });
  const patterns = await db
    .selectFrom('person_availability')
    .selectAll()
    .where('person_id', 'in', personIds)
    .execute();
  for (const p of patterns) {
    Object.assign(result.get(p.person_id) as Availability, {
      id: p.id,
      version: p.version,
      dagdelen: parseDagdelen(p.dagdelen),
      eigenVervoer: p.eigen_vervoer === 1,
      ookGemeenten: parseGemeenten(p.ook_gemeenten),
      toelichting: p.toelichting,
    });
  }
  const absences = await db
    .selectFrom('person_absences')
    .selectAll()
    .where('person_id', 'in', personIds)
    .orderBy('van')
    .execute();
  for (const a of absences)
    result.get(a.person_id)?.afwezigheden.push({
      id: a.id,
      version: a.version,
      van: a.van,
      tot: a.tot,
      reden: a.reden,
    } satisfies Absence);
  return result;
}

/** A request in a list or a log: 'Huisbezoek van 03-11-2026'. */
export const requestTitle = (r: { soort_hulp: string; ontvangen_op: string }) =>
  `${activityKindLabels[r.soort_hulp as ActivityKind] ?? r.soort_hulp} van ${formatDate(r.ontvangen_op)}`;
