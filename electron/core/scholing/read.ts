/**
 * What other areas read of scholing: a person's trainings (the portfolio, the person's tab), what a training claim
 * needs, and the rows the start screen's attention rules look at.
 */

import type { ExpressionBuilder, ExpressionWrapper, SqlBool } from 'kysely';
import {
  basistrainingDueOn,
  certificateNeedsAttention,
  providerName,
  sessionIsNear,
  type TrainingForClaim,
  type TrainingKind,
  type TrainingOfPerson,
  type TrainingStatus,
} from '../../../shared/scholing.ts';
import type { Reader } from '../context.ts';
import type { DB } from '../store/schema.ts';

/** The date a training is ordered by: completed or stopped on, else started, else not yet dated (last). */
const orderDate = (t: { einddatum: string | null; startdatum: string | null }) =>
  t.einddatum ?? t.startdatum ?? '9999-12-31';

export function personTrainingRows(db: Reader, personId: string) {
  return db
    .selectFrom('person_trainings')
    .innerJoin('trainings', 'trainings.id', 'person_trainings.training_id')
    .leftJoin('training_certificates', 'training_certificates.person_training_id', 'person_trainings.id')
    .select([
      'person_trainings.id',
      'person_trainings.version',
      'person_trainings.training_id',
      'person_trainings.status',
      'person_trainings.startdatum',
      'person_trainings.einddatum',
      'person_trainings.minuten',
      'person_trainings.verloopdatum',
      'person_trainings.notitie',
      'person_trainings.session_id',
      'person_trainings.created_at',
      'trainings.naam',
      'trainings.aanbieder',
      'trainings.aanbieder_anders',
      'trainings.soort',
      'trainings.certificaat',
      'trainings.geldigheid_maanden',
      'trainings.kosten_cents',
      'training_certificates.mime as certificaat_mime',
      'training_certificates.size as certificaat_size',
    ])
    .where('person_trainings.person_id', '=', personId)
    .execute();
}

export type PersonTrainingRow = Awaited<ReturnType<typeof personTrainingRows>>[number];

export function toTrainingOfPerson(r: PersonTrainingRow): TrainingOfPerson {
  return {
    id: r.id,
    trainingId: r.training_id,
    naam: r.naam,
    aanbieder: providerName({ aanbieder: r.aanbieder, aanbiederAnders: r.aanbieder_anders }),
    soort: r.soort as TrainingKind,
    status: r.status as TrainingStatus,
    startdatum: r.startdatum,
    einddatum: r.einddatum,
    minuten: r.minuten,
    heeftCertificaat: r.certificaat_mime !== null,
    verloopdatum: r.verloopdatum,
  };
}

/** Sorts by date, oldest first; undated (planned) ones last, in the order they were entered. */
export function inDateOrder<
  T extends { einddatum: string | null; startdatum: string | null; created_at: string },
>(rows: T[]): T[] {
  return rows.sort(
    (a, b) => orderDate(a).localeCompare(orderDate(b)) || a.created_at.localeCompare(b.created_at),
  );
}

/**
 * The person's trainings with catalogue name, provider, kind, status, dates, time spent (minutes), whether a
 * certificate is stored and its expiry, in date order. The portfolio reads this.
 */
export async function trainingsOfPerson(db: Reader, personId: string): Promise<TrainingOfPerson[]> {
  return inDateOrder(await personTrainingRows(db, personId)).map(toTrainingOfPerson);
}

/**
 * What a claim for training costs needs: the person's trainings that are not stopped, with the catalogue's costs.
 * Names and costs only: the administrateur reads no notes or certificates.
 */
export async function trainingsForClaim(db: Reader, personId: string): Promise<TrainingForClaim[]> {
  return inDateOrder(await personTrainingRows(db, personId))
    .filter((r) => r.status !== 'gestopt')
    .map((r) => ({
      id: r.id,
      naam: r.naam,
      aanbieder: providerName({ aanbieder: r.aanbieder, aanbiederAnders: r.aanbieder_anders }),
      datum: r.einddatum ?? r.startdatum,
      kostenCents: r.kosten_cents,
    }));
}

/** A line for the start screen, in the attention area's terms (see shared/attention.ts). */
export interface ScholingAttention {
  kind: 'basistraining_ontbreekt' | 'certificaat_verloopt' | 'training_te_weinig_deelnemers';
  personId: string | null;
  sessionId: string | null;
  /** The person's name parts, or for a session the training it gives. */
  subject:
    | { voornaam: string; tussenvoegsel: string | null; achternaam: string; roepnaam: string | null }
    | string;
  /** The facts the line states; the attention area words them. */
  date: string | null;
  detail: { naam?: string; aanwezig?: number; minimum?: number; sinds?: string };
}

/**
 * The scholing rules of the start screen on `today`: active people whose basistraining is due (three calendar
 * months after they became active) and not completed; certificates of active people that expire within 60 days
 * or have expired, counting only the latest completion of each training (a refresher renews it); planned group
 * sessions in the coming 30 days with fewer invited than their minimum.
 */
export async function scholingAttention(db: Reader, today: string): Promise<ScholingAttention[]> {
  const items: ScholingAttention[] = [];
  const nameColumns = [
    'persons.voornaam',
    'persons.tussenvoegsel',
    'persons.achternaam',
    'persons.roepnaam',
  ] as const;

  const withoutBasis = await db
    .selectFrom('persons')
    .select(['persons.id', 'persons.status_datum', ...nameColumns])
    .where('persons.status', '=', 'actief')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('person_trainings')
            .innerJoin('trainings', 'trainings.id', 'person_trainings.training_id')
            .select('person_trainings.id')
            .whereRef('person_trainings.person_id', '=', 'persons.id')
            .where('person_trainings.status', '=', 'afgerond')
            .where('trainings.soort', '=', 'basistraining'),
        ),
      ),
    )
    .execute();
  for (const p of withoutBasis) {
    const due = basistrainingDueOn(p.status_datum);
    if (due > today) continue;
    items.push({
      kind: 'basistraining_ontbreekt',
      personId: p.id,
      sessionId: null,
      subject: p,
      date: due,
      detail: { sinds: p.status_datum },
    });
  }

  const certificates = await db
    .selectFrom('person_trainings')
    .innerJoin('persons', 'persons.id', 'person_trainings.person_id')
    .innerJoin('trainings', 'trainings.id', 'person_trainings.training_id')
    .select([
      'person_trainings.person_id',
      'person_trainings.training_id',
      'person_trainings.verloopdatum',
      'trainings.naam',
      ...nameColumns,
    ])
    .where('persons.status', '=', 'actief')
    .where('person_trainings.status', '=', 'afgerond')
    .where('person_trainings.verloopdatum', 'is not', null)
    .execute();
  const latest = new Map<string, (typeof certificates)[number]>();
  for (const c of certificates) {
    const key = `${c.person_id}|${c.training_id}`;
    const seen = latest.get(key);
    if (!seen || (c.verloopdatum ?? '') > (seen.verloopdatum ?? '')) latest.set(key, c);
  }
  for (const c of latest.values()) {
    if (!c.verloopdatum || !certificateNeedsAttention(c.verloopdatum, today)) continue;
    items.push({
      kind: 'certificaat_verloopt',
      personId: c.person_id,
      sessionId: null,
      subject: c,
      date: c.verloopdatum,
      detail: { naam: c.naam },
    });
  }

  const sessions = await db
    .selectFrom('training_sessions')
    .innerJoin('trainings', 'trainings.id', 'training_sessions.training_id')
    .select((eb) => [
      'training_sessions.id',
      'training_sessions.datum',
      'training_sessions.minimum_deelnemers',
      'trainings.naam',
      eb
        .selectFrom('training_session_attendees')
        .select((a) => a.fn.countAll<number>().as('n'))
        .whereRef('training_session_attendees.session_id', '=', 'training_sessions.id')
        .as('deelnemers'),
    ])
    .where('training_sessions.status', '=', 'gepland')
    .where('training_sessions.datum', '>=', today)
    .execute();
  for (const s of sessions) {
    const invited = Number(s.deelnemers ?? 0);
    if (!sessionIsNear(s.datum, today) || invited >= s.minimum_deelnemers) continue;
    items.push({
      kind: 'training_te_weinig_deelnemers',
      personId: null,
      sessionId: s.id,
      subject: s.naam,
      date: s.datum,
      detail: { aanwezig: invited, minimum: s.minimum_deelnemers },
    });
  }
  return items;
}

/** The register's filter: people who completed a basistraining (any one from the aanbod). */
export function basistrainingCondition(
  eb: ExpressionBuilder<DB, 'persons'>,
): ExpressionWrapper<DB, 'persons', SqlBool> {
  return eb.exists(
    eb
      .selectFrom('person_trainings as done')
      .innerJoin('trainings as training', 'training.id', 'done.training_id')
      .select('done.id')
      .whereRef('done.person_id', '=', 'persons.id')
      .where('done.status', '=', 'afgerond')
      .where('training.soort', '=', 'basistraining'),
  );
}
