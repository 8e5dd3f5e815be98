import type { Generated } from 'kysely';
import type { DoorgroeiTables } from './tables-doorgroei.ts';
import type { InzetTables } from './tables-inzet.ts';
import type { ScholingTables } from './tables-scholing.ts';
import type { SyncTables } from './tables-sync.ts';

export type * from './tables-doorgroei.ts';
export type * from './tables-inzet.ts';
export type * from './tables-scholing.ts';
export type * from './tables-sync.ts';

/** Typed tables for kysely. Booleans are 0/1 integers, dates ISO text, money integer cents: portable to PostgreSQL. */
export interface AccountsTable {
  id: string;
  username: string;
  display_name: string;
  role: string;
  is_beheerder: number;
  password_hash: string;
  active: number;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface PersonsTable {
  id: string;
  voornaam: string;
  tussenvoegsel: string | null;
  achternaam: string;
  roepnaam: string | null;
  geboortedatum: string | null;
  gender: string | null;
  herkomstland: string | null;
  niveau_nederlands: string | null;
  straat: string | null;
  huisnummer: string | null;
  postcode: string | null;
  plaats: string | null;
  gemeente: string | null;
  telefoon: string | null;
  email: string | null;
  iban: string | null;
  bijstand: number;
  toestemming_nodig: number;
  toestemming_datum: string | null;
  vog_afgiftedatum: string | null;
  /** When the VOG is to be renewed; without it, the issue date plus attentionRules.vogValidYears. */
  vog_vernieuwdatum: string | null;
  status: string;
  status_datum: string;
  begeleider_id: string | null;
  notities: string | null;
  search_text: string;
  sort_name: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface PersonLanguagesTable {
  id: string;
  person_id: string;
  position: number;
  taal: string;
  niveau: string;
  version: number;
}

export interface PersonStatusHistoryTable {
  id: string;
  person_id: string;
  status: string;
  datum: string;
  toelichting: string | null;
  account_id: string | null;
  created_at: string;
  version: number;
}

export interface AuditLogTable {
  id: string;
  at: string;
  account_id: string | null;
  call: string;
  record_type: string | null;
  record_id: string | null;
  /** Version of the record after this call, to find what changed since a version a caller read. */
  record_version: number | null;
  summary: string;
  changes: string;
  input: string;
  context: string;
  version: number;
  /** The desk a replayed command, a pairing or a sign-in came from (sync_devices.id); null for a change made here. */
  device_id: string | null;
  /** That desk's name when it happened: desks read the log without the server's list of devices. */
  device_naam: string | null;
  /** The pushed command the change replays (sync_commands.id). */
  command_id: string | null;
}

export interface SettingsTable {
  id: string;
  naam: string;
  straat: string | null;
  huisnummer: string | null;
  postcode: string | null;
  plaats: string | null;
  kvk_nummer: string | null;
  iban: string | null;
  bic: string | null;
  logo: string | null;
  /** Idle minutes before the app locks (migration 0008). */
  vergrendelen_na_minuten: Generated<number>;
  updated_at: string;
  version: number;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: string;
}

export interface FunctionProfilesTable {
  id: string;
  titel: string;
  current_version_id: string;
  archived: number;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface FunctionProfileVersionsTable {
  id: string;
  profile_id: string;
  versie: number;
  /** The profile's content as JSON: a version is read whole and never queried inside. */
  content: string;
  account_id: string | null;
  created_at: string;
  version: number;
}

export interface ContractsTable {
  id: string;
  person_id: string;
  nummer: string;
  versie: number;
  vorige_id: string | null;
  vorm: string;
  status: string;
  profile_version_id: string | null;
  /** The validated draft input as JSON (form, terms, fill-in values). */
  draft: string;
  startdatum: string;
  einddatum: string | null;
  fiscale_reden: string | null;
  /** At definitief: the DocumentModel and fiscal check as printed, as JSON. */
  snapshot: string | null;
  pdf: Buffer | null;
  pdf_sha256: string | null;
  definitief_at: string | null;
  definitief_by: string | null;
  getekend_datum: string | null;
  beeindigd_datum: string | null;
  beeindigd_reden: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface PopsTable {
  id: string;
  person_id: string;
  current_version_id: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface PopVersionsTable {
  id: string;
  pop_id: string;
  versie: number;
  /** The POP's content as JSON, read whole. */
  content: string;
  account_id: string | null;
  created_at: string;
  version: number;
}

export interface LogEntriesTable {
  id: string;
  person_id: string;
  soort: string;
  signaal_soort: string | null;
  datum: string;
  duur_minuten: number | null;
  samenvatting: string;
  afspraken: string | null;
  volgende_afspraak: string | null;
  vertrouwelijk: number;
  author_id: string;
  owner_id: string | null;
  opvolging: string | null;
  gesloten_op: string | null;
  session_id: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface GoalProgressTable {
  id: string;
  person_id: string;
  goal_id: string;
  datum: string;
  status: string;
  notitie: string;
  entry_id: string | null;
  account_id: string | null;
  created_at: string;
  version: number;
}

export interface IntervisieGroupsTable {
  id: string;
  naam: string;
  begeleider_id: string | null;
  archived: number;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface IntervisieMembersTable {
  id: string;
  group_id: string;
  person_id: string;
  version: number;
}

export interface IntervisieSessionsTable {
  id: string;
  group_id: string;
  datum: string;
  thema: string;
  duur_minuten: number | null;
  samenvatting: string | null;
  /** Person ids present, as JSON. */
  aanwezig: string;
  account_id: string | null;
  created_at: string;
  version: number;
}

export interface ClaimsTable {
  id: string;
  person_id: string;
  contract_id: string | null;
  soort: string;
  datum: string;
  omschrijving: string;
  van: string | null;
  naar: string | null;
  km: number | null;
  /** Time worked, in minutes (a claim of the kind 'uren'). */
  minuten: number | null;
  bedrag_cents: number;
  /** The values as first entered, as JSON, once a correction changed them. */
  origineel: string | null;
  status: string;
  reden_afwijzing: string | null;
  batch_id: string | null;
  account_id: string | null;
  beoordeeld_door: string | null;
  beoordeeld_op: string | null;
  /** The project or subsidie the cost is set against (verantwoording). */
  project_id: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface ReceiptsTable {
  id: string;
  claim_id: string;
  mime: string;
  bytes: Buffer;
  size: number;
  sha256: string;
  created_at: string;
  version: number;
}

export interface PayoutBatchesTable {
  id: string;
  nummer: string;
  status: string;
  uitvoerdatum: string;
  aantal: number;
  totaal_cents: number;
  /** The pain.001.001.09 file as validated and offered to the bank. */
  xml: string;
  account_id: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

/** Paid and rejected claims removed after the fiscal retention period, kept as totals per month, kind and status. */
export interface ArchivedClaimTotalsTable {
  id: string;
  /** 'YYYY-MM' */
  maand: string;
  soort: string;
  status: string;
  aantal: number;
  bedrag_cents: number;
  updated_at: string;
  version: number;
}

/**
 * Untaxed allowance granted to a person in a period, 'YYYY' or 'YYYY-MM' (claims/granted.ts keeps it): derived
 * from the claims, written in the same transaction as they change.
 */
export interface GrantedAllowanceTable {
  person_id: string;
  period: string;
  cents: number;
}

/** One removal after a retention period: what kind, up to which date, and how many records; never the data. */
export interface RetentionRemovalsTable {
  id: string;
  /** 'persoon' (anonymised) or 'financieel' (claims deleted into totals, payment files emptied). */
  soort: string;
  person_id: string | null;
  /** The neutral name an anonymised person now has, or what a financial removal covered. */
  label: string;
  /** The retention limit applied: records dated before it were removed. */
  grens: string;
  /** Counts per kind of record, as JSON. */
  aantallen: string;
  account_id: string | null;
  at: string;
  version: number;
}

/** Every table; an area with many tables lists them in its own file beside this one. */
export interface DB extends InzetTables, ScholingTables, DoorgroeiTables, SyncTables {
  archived_claim_totals: ArchivedClaimTotalsTable;
  granted_allowance: GrantedAllowanceTable;
  retention_removals: RetentionRemovalsTable;
  payout_batches: PayoutBatchesTable;
  claims: ClaimsTable;
  receipts: ReceiptsTable;
  pops: PopsTable;
  pop_versions: PopVersionsTable;
  log_entries: LogEntriesTable;
  goal_progress: GoalProgressTable;
  intervisie_groups: IntervisieGroupsTable;
  intervisie_members: IntervisieMembersTable;
  intervisie_sessions: IntervisieSessionsTable;
  function_profiles: FunctionProfilesTable;
  function_profile_versions: FunctionProfileVersionsTable;
  contracts: ContractsTable;
  accounts: AccountsTable;
  persons: PersonsTable;
  person_languages: PersonLanguagesTable;
  person_status_history: PersonStatusHistoryTable;
  audit_log: AuditLogTable;
  settings: SettingsTable;
  schema_migrations: SchemaMigrationsTable;
}
