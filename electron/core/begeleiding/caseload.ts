import type { CaseloadRow } from '../../../shared/begeleiding/inputs.ts';
import type { PopContent } from '../../../shared/begeleiding/pop-diff.ts';
import { conversationStatus } from '../../../shared/begeleiding/rhythm.ts';
import { fullName } from '../../../shared/persons.ts';
import type { Reader } from '../context.ts';
import { effectiveStatuses } from './pop.ts';

const done = new Set(['behaald', 'gestopt']);

/**
 * Everyone a begeleider guides (or everyone, for a projectleider): when the next conversation is due by the agreed
 * rhythm, goals past their target date, open signals, and who has no POP yet. Four set-wise queries, whatever the
 * number of people or entries.
 */
export async function caseload(
  db: Reader,
  begeleiderId: string | null,
  today: string,
): Promise<CaseloadRow[]> {
  // Who is in the caseload, as a subquery: every set-wise query below carries one parameter, not hundreds of ids.
  const scope = () => {
    const q = db.selectFrom('persons').select('persons.id').where('persons.status', '!=', 'gestopt');
    return begeleiderId ? q.where('persons.begeleider_id', '=', begeleiderId) : q;
  };
  const persons = await db
    .selectFrom('persons')
    .leftJoin('accounts', 'accounts.id', 'persons.begeleider_id')
    .select([
      'persons.id',
      'persons.voornaam',
      'persons.tussenvoegsel',
      'persons.achternaam',
      'persons.roepnaam',
      'persons.begeleider_id',
      'accounts.display_name',
    ])
    .where('persons.id', 'in', scope())
    .orderBy('persons.sort_name')
    .execute();
  if (persons.length === 0) return [];

  const pops = await db
    .selectFrom('pops')
    .innerJoin('pop_versions', 'pop_versions.id', 'pops.current_version_id')
    .select(['pops.person_id', 'pop_versions.content', 'pop_versions.created_at'])
    .where('pops.person_id', 'in', scope())
    .execute();
  const lastTalks = await db
    .selectFrom('log_entries')
    .select((eb) => ['person_id', eb.fn.max('datum').as('laatste')])
    .where('soort', '=', 'ontwikkelingsgesprek')
    .where('person_id', 'in', scope())
    .groupBy('person_id')
    .execute();
  const signals = await db
    .selectFrom('log_entries')
    .select((eb) => ['person_id', eb.fn.countAll<number>().as('n')])
    .where('soort', '=', 'signaal')
    .where('gesloten_op', 'is', null)
    .where('person_id', 'in', scope())
    .groupBy('person_id')
    .execute();
  const progress = await db
    .selectFrom('goal_progress')
    .select(['person_id', 'goal_id', 'status', 'created_at'])
    .where('person_id', 'in', scope())
    .execute();

  const popBy = new Map(pops.map((p) => [p.person_id, p]));
  const progressBy = new Map<string, typeof progress>();
  for (const g of progress) {
    const list = progressBy.get(g.person_id) ?? [];
    list.push(g);
    progressBy.set(g.person_id, list);
  }
  const talkBy = new Map(lastTalks.map((t) => [t.person_id, t.laatste as string]));
  const signalBy = new Map(signals.map((s) => [s.person_id, Number(s.n)]));
  return persons.map((p): CaseloadRow => {
    const stored = popBy.get(p.id);
    // Stored content was checked on save; the overview reads it as is (a full schema parse per person is its cost).
    const pop = stored ? (JSON.parse(stored.content) as PopContent) : null;
    const laatsteGesprek = talkBy.get(p.id) ?? null;
    const status = conversationStatus({
      rhythm: pop?.ritme ?? null,
      lastConversation: laatsteGesprek,
      popStart: pop?.startdatum ?? null,
      today,
    });
    let doelenOverDatum = 0;
    if (pop && stored) {
      const statuses = effectiveStatuses(pop.doelen, stored.created_at, progressBy.get(p.id) ?? []);
      doelenOverDatum = pop.doelen.filter(
        (g) => g.streefdatum && g.streefdatum < today && !done.has(statuses.get(g.id) ?? g.status),
      ).length;
    }
    return {
      personId: p.id,
      naam: fullName(p),
      begeleiderId: p.begeleider_id,
      begeleiderNaam: p.display_name,
      ritme: pop?.ritme ?? null,
      laatsteGesprek,
      volgendeGesprek: status.due,
      dagenTeLaat: status.overdueDays,
      stand: status.state,
      heeftPop: pop !== null,
      doelenOverDatum,
      openSignalen: signalBy.get(p.id) ?? 0,
    };
  });
}
