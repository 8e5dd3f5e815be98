/**
 * The rows each role receives by sync: one rule per table of the store and role, beside the permission table of
 * calls (shared/permissions.ts) whose read handlers they mirror. A desk holds only what its user could read through
 * those calls on the server, so no screen on a desk shows more than the same screen online.
 *
 * Read handlers filter in code; these rules say the same in SQL, so a pull filters a page of changed rows in one
 * statement per table. Where a handler blanks a field for a role (the administrateur's wellbeing notes, an
 * activity's hulpvraag), the rule's `redact` blanks the column before the row leaves the server.
 */
import {
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  PostgresAdapter,
  type Selectable,
  type SelectQueryBuilder,
  type SqlBool,
  sql,
  type Transaction,
} from 'kysely';
import type { FieldChange } from '../../../shared/audit.ts';
import { isWellbeingNote, seesWellbeingNotes } from '../../../shared/permissions.ts';
import type { SessionAccount } from '../../../shared/roles.ts';
import type { AuditLogTable, DB } from '../store/schema.ts';
import {
  alle,
  everyone,
  finance,
  guides,
  nobody,
  type RowTable,
  type Rule,
  redacted,
  type TableRules,
  waar,
} from './visibility-rule.ts';
import { caseload, caseloadInzet, readableEntries } from './visibility-where.ts';

type AuditRow = Selectable<AuditLogTable>;

/**
 * A call's input and context are kept for a replay (and scrubbed by anonymisation), never shown on a screen: a log
 * entry's text or a note would reach roles that may not read it. JSON null, as on a call's later audit rows.
 */
const withoutCallInput = (row: AuditRow): AuditRow => ({ ...row, input: 'null', context: 'null' });

/** As listAudit shows the log to someone who does not see wellbeing notes: that a note changed, not what it says. */
function withoutWellbeingNotes(row: AuditRow): AuditRow {
  const changes = (JSON.parse(row.changes) as FieldChange[]).map((change) =>
    isWellbeingNote(change.field) ? { ...change, before: '…', after: '…' } : change,
  );
  return { ...row, changes: JSON.stringify(changes) };
}

const auditAsListed = (row: AuditRow, account: SessionAccount): AuditRow =>
  seesWellbeingNotes(account) ? withoutCallInput(row) : withoutWellbeingNotes(withoutCallInput(row));

/**
 * Everyone shows colleagues' names (accounts.staff), and a desk signs its user in offline: the password hash of the
 * account that pulls, never another's (blank: verifyPassword refuses it). Usernames stay, for that sign-in.
 */
const ownHashOnly = redacted<'accounts'>((row, account) =>
  row.id === account.id ? row : { ...row, password_hash: '' },
);

export const visibility: { [T in keyof DB]: TableRules<T> } = {
  accounts: { projectleider: ownHashOnly, begeleider: ownHashOnly, administrateur: ownHashOnly },
  settings: everyone,
  // Each desk runs its own migrations.
  schema_migrations: nobody,

  persons: { ...everyone, administrateur: redacted((row) => ({ ...row, notities: null })) },
  person_languages: everyone,
  person_status_history: everyone,
  // The audit screen (audit.list) is the projectleider's and the beheerder's; every role reads a person's changes
  // (persons.changes). Never a call's input: the bulk of the log, and text not every reader may see.
  audit_log: {
    projectleider: redacted(withoutCallInput),
    begeleider: waar((eb) => eb('audit_log.record_type', '=', 'person'), withoutCallInput),
    administrateur: waar((eb) => eb('audit_log.record_type', '=', 'person'), auditAsListed),
    beheerder: redacted(auditAsListed),
  },

  function_profiles: everyone,
  function_profile_versions: everyone,
  contracts: everyone,

  // Begeleiding is for those who guide. A begeleider reads every person's POP and log (no caseload check in
  // begeleiding.*), but another's vertrouwelijke entries only as the projectleider does: not at all.
  pops: guides,
  pop_versions: guides,
  log_entries: {
    ...guides,
    begeleider: waar((eb, account) => eb('log_entries.id', 'in', readableEntries(account))),
  },
  // A goal's progress noted in a vertrouwelijk entry belongs to that entry (and refers to it).
  goal_progress: {
    ...guides,
    begeleider: waar((eb, account) =>
      eb.or([
        eb('goal_progress.entry_id', 'is', null),
        eb('goal_progress.entry_id', 'in', readableEntries(account)),
      ]),
    ),
  },
  intervisie_groups: guides,
  intervisie_members: guides,
  intervisie_sessions: guides,

  // Claims: the administrateur handles them, the projectleider reads them, a begeleider their own caseload's
  // (claims.list); receipts and payout batches are the administrateur's and the projectleider's (claims.receipts,
  // payouts.*).
  claims: { ...finance, begeleider: waar((eb, account) => eb('claims.person_id', 'in', caseload(account))) },
  receipts: finance,
  payout_batches: finance,
  // The totals of removed claims belong to claims.overview.
  archived_claim_totals: finance,
  // Derived from the claims in the same transaction; a desk rebuilds it (rebuildGrantedAllowance) from its own.
  granted_allowance: nobody,
  // Every role learns that a person was anonymised (persons.get); the rest is the retention screen's (avg.retention),
  // which like anonymisation itself runs on the server.
  retention_removals: {
    projectleider: alle,
    begeleider: waar((eb) => eb('retention_removals.soort', '=', 'persoon')),
    administrateur: waar((eb) => eb('retention_removals.soort', '=', 'persoon')),
  },

  // The administrateur reads a person's trainings only as a training claim needs them (scholing.forClaim): not
  // stopped ones, and of the rest the name, provider, date and costs; the catalogue holds no personal data.
  trainings: everyone,
  person_trainings: {
    ...guides,
    administrateur: waar(
      (eb) => eb('person_trainings.status', '<>', 'gestopt'),
      (row) => ({ ...row, notitie: null, minuten: null, verloopdatum: null, session_id: null }),
    ),
  },
  training_certificates: guides,
  training_sessions: guides,
  training_session_attendees: guides,

  doorgroei_profiles: guides,
  doorgroei_education: guides,
  doorgroei_dutch_levels: guides,
  doorgroei_work: guides,
  doorgroei_outflows: guides,

  // Everyone reads the partner and project registers (ketenpartners.list, .projects).
  partners: everyone,
  projects: everyone,
  // Aanvragen, availability and absences are the coordinators' (aanvragen.*, verdeling.*).
  requests: guides,
  request_languages: guides,
  request_leefgebieden: guides,
  request_persons: guides,
  person_availability: guides,
  person_absences: guides,

  // Inzet: a begeleider reads the activities of the people they guide, with everyone on them (inzet.list, .get);
  // the administrateur every activity's hours and costs, never what it was about (inzet/read.ts, seesContent), nor
  // the request it answered (aanvragen are not theirs).
  inzet: {
    projectleider: alle,
    begeleider: waar((eb, account) => eb('inzet.id', 'in', caseloadInzet(account))),
    administrateur: redacted((row) => ({
      ...row,
      hulpvraag_notitie: null,
      uitkomst: null,
      request_id: null,
    })),
  },
  inzet_persons: {
    ...everyone,
    begeleider: waar((eb, account) => eb('inzet_persons.inzet_id', 'in', caseloadInzet(account))),
  },
  inzet_reach: {
    ...everyone,
    begeleider: waar((eb, account) => eb('inzet_reach.inzet_id', 'in', caseloadInzet(account))),
  },
  // Of the tags the administrateur reads the roles used; hulpvraag, leefgebied and doorverwijzing are content.
  inzet_tags: {
    projectleider: alle,
    begeleider: waar((eb, account) => eb('inzet_tags.inzet_id', 'in', caseloadInzet(account))),
    administrateur: waar((eb) => eb('inzet_tags.kind', '=', 'rol')),
  },

  // The server's own bookkeeping; on a desk these tables stay empty (migration 0018). A desk keeps its cursor and
  // outbox itself, learns its commands' outcomes from the push's answer, and devices are managed on the server.
  sync_clock: nobody,
  sync_changes: nobody,
  sync_devices: nobody,
  sync_pairing_codes: nobody,
  sync_tokens: nobody,
  sync_commands: nobody,
  sync_login_failures: nobody,
  sync_login_attempts: nobody,
  // The desk's own outbox, inbox, cursor and undo log (migration 0019): never sent anywhere by a pull.
  sync_outbox: nobody,
  sync_inbox: nobody,
  sync_state: nobody,
  sync_undo: nobody,
};

/** The rule for this account: the beheerder's where the flag reads more, else the role's. */
export function ruleFor<T extends keyof DB>(table: T, account: SessionAccount): Rule<T> {
  const rules: TableRules<T> = visibility[table];
  return (account.isBeheerder ? rules.beheerder : undefined) ?? rules[account.role];
}

/** A rule with its table's types erased: one query serves every table (kysely types no table chosen at run time). */
interface AnyTableRule {
  kind: 'geen' | 'alle' | 'waar';
  where?: (eb: ExpressionBuilder<DB, RowTable>, account: SessionAccount) => Expression<SqlBool>;
  redact?: (row: { id: string }, account: SessionAccount) => { id: string };
}

/** A row as the server has it now for this user, or null: removed, or no longer for their eyes. */
export interface VisibleRow {
  table: string;
  id: string;
  row: Record<string, unknown> | null;
}

/** Ids per statement on SQLite: far below its limit on bound values, with the rule's own. */
const idsPerStatement = 500;

const onPostgres = (db: Kysely<DB> | Transaction<DB>) => db.getExecutor().adapter instanceof PostgresAdapter;

/** The rows of the table among those `chosen` that this account may read, each redacted, by id. */
async function readable(
  db: Kysely<DB> | Transaction<DB>,
  table: keyof DB,
  account: SessionAccount,
  chosen: (eb: ExpressionBuilder<DB, RowTable>) => Expression<SqlBool>,
): Promise<{ id: string }[]> {
  const rule = ruleFor(table, account) as AnyTableRule;
  if (rule.kind === 'geen') return [];
  const { where, redact } = rule;
  // Only a table with a text id has a rule other than 'geen' (Rule).
  let query = db
    .selectFrom(table as RowTable)
    .selectAll()
    .where(chosen);
  if (where) query = query.where((eb) => where(eb, account));
  const rows = await query.orderBy('id').execute();
  return redact ? rows.map((row) => redact(row, account)) : rows;
}

/**
 * Each requested row as this account may read it (redacted), or `row: null` when it no longer exists or is not
 * theirs to read, so the desk drops its copy. On PostgreSQL one statement, the ids bound as one array (5,000 ids:
 * an IN list per 500 cost twice the time of the rows themselves); on SQLite one statement per 500 ids.
 */
export async function visibleRows(
  db: Kysely<DB> | Transaction<DB>,
  table: keyof DB,
  ids: string[],
  account: SessionAccount,
): Promise<VisibleRow[]> {
  const found = new Map<string, Record<string, unknown>>();
  const unique = [...new Set(ids)];
  const batches = onPostgres(db)
    ? [sql<string>`any(${unique}::text[])`]
    : Array.from({ length: Math.ceil(unique.length / idsPerStatement) }, (_, i) =>
        unique.slice(i * idsPerStatement, (i + 1) * idsPerStatement),
      );
  if (ids.length > 0) {
    for (const batch of batches) {
      const chosen = await readable(db, table, account, (eb) =>
        Array.isArray(batch) ? eb('id', 'in', batch) : eb('id', '=', batch),
      );
      for (const row of chosen) found.set(row.id, row);
    }
  }
  return ids.map((id) => ({ table, id, row: found.get(id) ?? null }));
}

/**
 * The rows this account may read among those a subquery of the change feed names (a page of a pull), redacted, by
 * id. On PostgreSQL the ids are matched as one array (`= any(array(…))`): a join or IN with the feed is planned as
 * a scan of the whole table, for every page of a first download.
 */
export function readableRows(
  db: Kysely<DB> | Transaction<DB>,
  table: keyof DB,
  account: SessionAccount,
  feed: SelectQueryBuilder<DB, 'sync_changes', { row_id: string }>,
): Promise<{ id: string }[]> {
  return readable(db, table, account, (eb) =>
    onPostgres(db) ? eb('id', '=', sql<string>`any(array(${feed}))`) : eb('id', 'in', feed),
  );
}
