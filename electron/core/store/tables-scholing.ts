/** Tables of the scholing area, part of the DB type in schema.ts (same conventions). */

/** The trainingsaanbod: archived, never deleted. */
export interface TrainingsTable {
  id: string;
  naam: string;
  aanbieder: string;
  aanbieder_anders: string | null;
  soort: string;
  duur_eenheid: string;
  duur: number;
  certificaat: number;
  geldigheid_maanden: number | null;
  kosten_cents: number;
  archived: number;
  created_at: string;
  updated_at: string;
  version: number;
}

/** One training of one person; a group session's attendance writes these. */
export interface PersonTrainingsTable {
  id: string;
  person_id: string;
  training_id: string;
  status: string;
  startdatum: string | null;
  /** Completed or stopped on. */
  einddatum: string | null;
  minuten: number | null;
  verloopdatum: string | null;
  notitie: string | null;
  session_id: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface TrainingCertificatesTable {
  id: string;
  person_training_id: string;
  mime: string;
  bytes: Buffer;
  size: number;
  sha256: string;
  created_at: string;
  version: number;
}

export interface TrainingSessionsTable {
  id: string;
  training_id: string;
  datum: string;
  plaats: string;
  trainer: string | null;
  minimum_deelnemers: number;
  status: string;
  account_id: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface TrainingSessionAttendeesTable {
  id: string;
  session_id: string;
  person_id: string;
  /** null until the attendance is recorded. */
  aanwezig: number | null;
  version: number;
}

/** The tables of the scholing area, by name: part of DB in schema.ts. */
export interface ScholingTables {
  trainings: TrainingsTable;
  person_trainings: PersonTrainingsTable;
  training_certificates: TrainingCertificatesTable;
  training_sessions: TrainingSessionsTable;
  training_session_attendees: TrainingSessionAttendeesTable;
}
