/** What other areas read of doorgroei: the register's Dutch-level filter and the outcomes counted per period. */
import type { ExpressionBuilder, ExpressionWrapper, SqlBool } from 'kysely';
import {
  atLeastB1,
  type DutchFilter,
  dutchSkills,
  type OutflowKind,
  outflowKinds,
} from '../../../shared/doorgroei.ts';
import type { Reader } from '../context.ts';
import type { DB } from '../store/schema.ts';

/**
 * The register's condition "Nederlands B1 of hoger": in the named skill, or ('alle') in each of the four skills.
 * A skill without a recorded level does not count as B1.
 */
export function dutchLevelCondition(
  eb: ExpressionBuilder<DB, 'persons'>,
  filter: DutchFilter,
): ExpressionWrapper<DB, 'persons', SqlBool> {
  const skills = filter === 'alle' ? [...dutchSkills] : [filter];
  const atLevel = eb
    .selectFrom('doorgroei_dutch_levels as level')
    .select((inner) => inner.fn.countAll<number>().as('n'))
    .whereRef('level.person_id', '=', 'persons.id')
    .where('level.vaardigheid', 'in', skills)
    .where('level.niveau', 'in', [...atLeastB1]);
  return eb(atLevel, '=', skills.length);
}

export type OutflowCounts = Record<OutflowKind, number> & { totaal: number };

/**
 * How many people went on to what in a period: the uitstroom records dated from `from` up to and including `to`
 * (ISO dates), per kind, every kind present (0 where none). For the verantwoording report.
 */
export async function outflowCounts(db: Reader, from: string, to: string): Promise<OutflowCounts> {
  const rows = await db
    .selectFrom('doorgroei_outflows')
    .select(['vervolg', (eb) => eb.fn.countAll<number>().as('n')])
    .where('datum', '>=', from)
    .where('datum', '<=', to)
    .groupBy('vervolg')
    .execute();
  const counts = Object.fromEntries(outflowKinds.map((kind) => [kind, 0])) as OutflowCounts;
  counts.totaal = 0;
  for (const row of rows) {
    const n = Number(row.n);
    if (Object.hasOwn(counts, row.vervolg)) counts[row.vervolg as OutflowKind] += n;
    counts.totaal += n;
  }
  return counts;
}
