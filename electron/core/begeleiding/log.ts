import type { LogEntry, LogKind, SignalKind } from '../../../shared/begeleiding/inputs.ts';
import type { GoalStatus } from '../../../shared/begeleiding/pop-diff.ts';
import type { SessionAccount } from '../../../shared/roles.ts';
import type { Reader } from '../context.ts';
import type { LogEntriesTable } from '../store/schema.ts';

/** A vertrouwelijk entry is for its author and the projectleiders only. */
export function maySee(
  entry: Pick<LogEntriesTable, 'vertrouwelijk' | 'author_id'>,
  account: SessionAccount | null,
): boolean {
  return entry.vertrouwelijk !== 1 || entry.author_id === account?.id || account?.role === 'projectleider';
}

export async function listEntries(
  db: Reader,
  personId: string,
  account: SessionAccount | null,
): Promise<LogEntry[]> {
  const rows = await db
    .selectFrom('log_entries')
    .leftJoin('accounts as author', 'author.id', 'log_entries.author_id')
    .leftJoin('accounts as owner', 'owner.id', 'log_entries.owner_id')
    .selectAll('log_entries')
    .select(['author.display_name as auteur', 'owner.display_name as eigenaar'])
    .where('log_entries.person_id', '=', personId)
    .orderBy('log_entries.datum', 'desc')
    .orderBy('log_entries.created_at', 'desc')
    .execute();
  const visible = rows.filter((r) => maySee(r, account));
  const updates =
    visible.length === 0
      ? []
      : await db
          .selectFrom('goal_progress')
          .select(['entry_id', 'goal_id', 'status', 'notitie'])
          .where(
            'entry_id',
            'in',
            visible.map((r) => r.id),
          )
          .execute();
  const goalNames = await goalTitles(db, personId);
  return visible.map((r) => ({
    id: r.id,
    version: r.version,
    soort: r.soort as LogKind,
    signaalSoort: r.signaal_soort as SignalKind | null,
    datum: r.datum,
    duurMinuten: r.duur_minuten,
    samenvatting: r.samenvatting,
    afspraken: r.afspraken,
    volgendeAfspraak: r.volgende_afspraak,
    vertrouwelijk: r.vertrouwelijk === 1,
    auteur: r.auteur ?? '',
    eigenaar: r.eigenaar,
    opvolging: r.opvolging,
    geslotenOp: r.gesloten_op,
    doelUpdates: updates
      .filter((u) => u.entry_id === r.id)
      .map((u) => ({
        goalId: u.goal_id,
        wat: goalNames.get(u.goal_id) ?? 'leerdoel',
        status: u.status as GoalStatus,
        notitie: u.notitie,
      })),
  }));
}

/** Goal titles across every POP version of the person, so an update of a goal since dropped keeps its name. */
async function goalTitles(db: Reader, personId: string): Promise<Map<string, string>> {
  const versions = await db
    .selectFrom('pop_versions')
    .innerJoin('pops', 'pops.id', 'pop_versions.pop_id')
    .select(['pop_versions.content'])
    .where('pops.person_id', '=', personId)
    .orderBy('pop_versions.versie')
    .execute();
  const names = new Map<string, string>();
  for (const v of versions) {
    for (const g of (JSON.parse(v.content) as { doelen: { id: string; wat: string }[] }).doelen)
      names.set(g.id, g.wat);
  }
  return names;
}
