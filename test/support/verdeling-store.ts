/**
 * Rows of the work itself written straight into a store, for the verdeling tests: requests, availability, absences
 * and inzet belong to other areas' calls (aanvragen, inzet), built beside this one; verdeling only reads them.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../electron/core/store/schema.ts';

const stamp = '2026-11-01T10:00:00.000Z';

/** One activity on a day, for these people. */
export async function insertInzet(db: Kysely<DB>, datum: string, minuten: number, personIds: string[]) {
  const id = randomUUID();
  await db
    .insertInto('inzet')
    .values({
      id,
      datum,
      minuten,
      partner_id: null,
      request_id: null,
      project_id: null,
      soort: 'individuele_ondersteuning',
      gemeente: null,
      bereik_volwassenen: 1,
      bereik_kinderen: 0,
      bereik_statushouders: 1,
      bereik_professionals: 0,
      hulpvraag_notitie: null,
      uitkomst: null,
      account_id: null,
      created_at: stamp,
      updated_at: stamp,
      version: 1,
    })
    .execute();
  for (const personId of personIds)
    await db
      .insertInto('inzet_persons')
      .values({ id: randomUUID(), inzet_id: id, person_id: personId, claim_id: null, version: 1 })
      .execute();
  return id;
}

export interface RequestValues {
  gemeente?: string | null;
  plaats?: string | null;
  gewenst_van?: string | null;
  gewenst_tot?: string | null;
  voorkeur_gender?: string | null;
  voorkeur_herkomst?: string | null;
  verwachte_minuten?: number | null;
  omschrijving?: string;
}

/** A new request with its languages (required unless said otherwise). */
export async function insertRequest(
  db: Kysely<DB>,
  values: RequestValues = {},
  talen: { taal: string; verplicht: boolean }[] = [{ taal: 'Tigrinya', verplicht: true }],
) {
  const id = randomUUID();
  await db
    .insertInto('requests')
    .values({
      id,
      partner_id: null,
      project_id: null,
      ontvangen_op: '2026-11-20',
      gewenst_van: null,
      gewenst_tot: null,
      plaats: null,
      gemeente: 'Doetinchem',
      voorkeur_gender: null,
      voorkeur_herkomst: null,
      soort_hulp: 'individuele_ondersteuning',
      verwachte_minuten: null,
      omschrijving: 'Ouder wil uitleg over het consultatiebureau',
      status: 'nieuw',
      reden_niet_uitvoerbaar: null,
      gematcht_op: null,
      uitgevoerd_op: null,
      afgesloten_op: null,
      account_id: null,
      created_at: stamp,
      updated_at: stamp,
      version: 1,
      ...values,
    })
    .execute();
  for (const t of talen)
    await db
      .insertInto('request_languages')
      .values({ id: randomUUID(), request_id: id, taal: t.taal, verplicht: t.verplicht ? 1 : 0, version: 1 })
      .execute();
  return id;
}

export async function insertMatch(db: Kysely<DB>, requestId: string, personId: string) {
  await db
    .insertInto('request_persons')
    .values({
      id: randomUUID(),
      request_id: requestId,
      person_id: personId,
      account_id: null,
      created_at: stamp,
      version: 1,
    })
    .execute();
}

export async function insertAvailability(
  db: Kysely<DB>,
  personId: string,
  dagdelen: string,
  eigenVervoer = false,
  ookGemeenten: string | null = null,
) {
  await db
    .insertInto('person_availability')
    .values({
      id: randomUUID(),
      person_id: personId,
      dagdelen,
      eigen_vervoer: eigenVervoer ? 1 : 0,
      ook_gemeenten: ookGemeenten,
      toelichting: null,
      updated_at: stamp,
      version: 1,
    })
    .execute();
}

export async function insertAbsence(
  db: Kysely<DB>,
  personId: string,
  van: string,
  tot: string,
  reden: string | null = null,
) {
  await db
    .insertInto('person_absences')
    .values({ id: randomUUID(), person_id: personId, van, tot, reden, created_at: stamp, version: 1 })
    .execute();
}
