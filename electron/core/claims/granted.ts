/**
 * The untaxed allowance granted per person and period ('YYYY' and 'YYYY-MM'), in the table granted_allowance.
 * Every change that grants an allowance (approval) or takes one away (removal after the retention period) adjusts
 * it in the same transaction, so the fiscal checks read two rows per person instead of summing a year of claims.
 * `rebuildGrantedAllowance` derives it afresh from the claims (data loaded around the services, a check).
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import { type ClaimKind, type ClaimStatus, receiptKinds } from '../../../shared/claims.ts';
import type { DB } from '../store/schema.ts';

/** Statuses whose allowance has been granted and counts toward the caps. */
export const grantedStatuses: ReadonlySet<string> = new Set<ClaimStatus>([
  'goedgekeurd',
  'in_batch',
  'betaald',
]);
/** Allowance counts toward the caps; costs shown with a receipt do not. */
export const isAllowance = (kind: string) => !receiptKinds.has(kind as ClaimKind);

export const monthKey = (personId: string, datum: string) => `${personId}|${datum.slice(0, 7)}`;
export const yearKey = (personId: string, datum: string) => `${personId}|${datum.slice(0, 4)}`;

interface GrantedClaim {
  person_id: string;
  datum: string;
  soort: string;
  bedrag_cents: number;
}

/** Enough rows per statement to stay far below SQLite's limit of bound values (three per row). */
const rowsPerStatement = 1000;

/**
 * Adds (sign 1) or takes away (sign -1) these claims' allowance in their months and years; claims for costs with a
 * receipt are passed over. One statement per thousand periods touched, however many claims.
 */
export async function adjustGrantedAllowance(
  db: Transaction<DB> | Kysely<DB>,
  claims: readonly GrantedClaim[],
  sign: 1 | -1,
): Promise<void> {
  const byKey = new Map<string, { person_id: string; period: string; cents: number }>();
  for (const c of claims) {
    if (!isAllowance(c.soort)) continue;
    for (const period of [c.datum.slice(0, 7), c.datum.slice(0, 4)]) {
      const key = `${c.person_id}|${period}`;
      const row = byKey.get(key) ?? { person_id: c.person_id, period, cents: 0 };
      row.cents += sign * c.bedrag_cents;
      byKey.set(key, row);
    }
  }
  const rows = [...byKey.values()];
  for (let i = 0; i < rows.length; i += rowsPerStatement) {
    await db
      .insertInto('granted_allowance')
      // Stryker disable next-line MethodExpression: equivalent, the parts only keep each statement under the engine's limit of bound values
      .values(rows.slice(i, i + rowsPerStatement))
      .onConflict((oc) =>
        oc.columns(['person_id', 'period']).doUpdateSet((eb) => ({
          cents: eb('granted_allowance.cents', '+', eb.ref('excluded.cents')),
        })),
      )
      .execute();
  }
}

/** Derives the whole table from the claims, in two statements after emptying it. */
export async function rebuildGrantedAllowance(db: Transaction<DB> | Kysely<DB>): Promise<void> {
  await db.deleteFrom('granted_allowance').execute();
  for (const length of [7, 4]) {
    const period = sql<string>`substr(datum, 1, ${sql.lit(length)})`;
    await db
      .insertInto('granted_allowance')
      .columns(['person_id', 'period', 'cents'])
      .expression((eb) =>
        eb
          .selectFrom('claims')
          // Stryker disable next-line StringLiteral: equivalent, an insert takes the selected values by position
          .select((e) => ['person_id', period.as('period'), e.fn.sum<number>('bedrag_cents').as('cents')])
          .where('status', 'in', [...grantedStatuses])
          .where('soort', 'not in', [...receiptKinds])
          .groupBy(['person_id', period]),
      )
      .execute();
  }
}
