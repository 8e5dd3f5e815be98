/**
 * Financial records after the fiscal bewaarplicht (seven years after the end of the boekjaar, so the limit is
 * always a 1 January). A paid or rejected claim dated before the limit,
 * and not in a payment batch that is itself still kept, is deleted with its receipts and counted into
 * archived_claim_totals per month, kind and status; claims.overview adds those totals back, so a year's figures stay
 * what they were. A paid or cancelled batch executed before the limit keeps its number, date, count and total (the
 * numbering and the list of batches stay whole) but loses its payment file, which names everyone it paid.
 */
import type { ExpressionBuilder } from 'kysely';
import type { ClaimStatus } from '../../../shared/claims.ts';
import { adjustGrantedAllowance, grantedStatuses } from '../claims/granted.ts';
import type { Reader, WriteCtx } from '../context.ts';
import { unlinkRemovedClaims } from '../inzet/retention.ts';
import type { DB } from '../store/schema.ts';
import { updateVersioned, updateVersionedMany } from '../versioning.ts';
import { scrubAudit } from './audit-scrub.ts';

/** Claims that are done with: paid or rejected. Only these are ever removed. */
export const closedClaimStatuses = ['betaald', 'afgewezen'] as const satisfies readonly ClaimStatus[];
const closedBatchStatuses = ['betaald', 'geannuleerd'] as const;

/** Claims that may go: closed, dated before the limit, and with their batch (if any) also before it. */
export function removableClaims(db: Reader, grens: string) {
  return db
    .selectFrom('claims')
    .leftJoin('payout_batches', 'payout_batches.id', 'claims.batch_id')
    .where('claims.datum', '<', grens)
    .where('claims.status', 'in', closedClaimStatuses)
    .where((eb: ExpressionBuilder<DB, 'claims' | 'payout_batches'>) =>
      eb.or([eb('claims.batch_id', 'is', null), eb('payout_batches.uitvoerdatum', '<', grens)]),
    );
}

/** Batches whose payment file may go: paid or cancelled, executed before the limit, file still there. */
export function removableBatches(db: Reader, grens: string) {
  return db
    .selectFrom('payout_batches')
    .where('uitvoerdatum', '<', grens)
    .where('status', 'in', closedBatchStatuses)
    .where('xml', '!=', '');
}

function chunks<T>(list: T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

export async function purgeFinancial(ctx: WriteCtx, grens: string) {
  const db = ctx.db;
  const claims = await removableClaims(db, grens)
    .select([
      'claims.id',
      'claims.person_id',
      'claims.soort',
      'claims.datum',
      'claims.status',
      'claims.bedrag_cents',
    ])
    .execute();
  const totals = new Map<
    string,
    { maand: string; soort: string; status: string; aantal: number; cents: number }
  >();
  for (const c of claims) {
    const maand = c.datum.slice(0, 7);
    const key = `${maand}|${c.soort}|${c.status}`;
    const t = totals.get(key) ?? { maand, soort: c.soort, status: c.status, aantal: 0, cents: 0 };
    t.aantal += 1;
    t.cents += c.bedrag_cents;
    totals.set(key, t);
  }
  for (const t of totals.values()) {
    const existing = await db
      .selectFrom('archived_claim_totals')
      .select(['id', 'aantal', 'bedrag_cents', 'version'])
      .where('maand', '=', t.maand)
      .where('soort', '=', t.soort)
      .where('status', '=', t.status)
      .executeTakeFirst();
    if (existing) {
      const values = { aantal: existing.aantal + t.aantal, bedrag_cents: existing.bedrag_cents + t.cents };
      await updateVersioned(ctx, 'archived_claim_totals', existing, { ...values, updated_at: ctx.now }, null);
    } else {
      await db
        .insertInto('archived_claim_totals')
        .values({
          id: ctx.newId(),
          maand: t.maand,
          soort: t.soort,
          status: t.status,
          aantal: t.aantal,
          bedrag_cents: t.cents,
          updated_at: ctx.now,
          version: 1,
        })
        .execute();
    }
  }

  // What is removed no longer counts as granted: the table stays the sum of the claims that are there.
  await adjustGrantedAllowance(
    db,
    claims.filter((c) => grantedStatuses.has(c.status)),
    -1,
  );
  const ids = claims.map((c) => c.id);
  let bonnen = 0;
  for (const part of chunks(ids)) {
    await unlinkRemovedClaims(db, part);
    const [r] = await db.deleteFrom('receipts').where('claim_id', 'in', part).execute();
    bonnen += Number(r?.numDeletedRows ?? 0n);
    await db.deleteFrom('claims').where('id', 'in', part).execute();
  }
  const batches = await removableBatches(db, grens).select(['id', 'version']).execute();
  await updateVersionedMany(ctx, 'payout_batches', batches, { xml: '', updated_at: ctx.now }, null);
  // The log's entries about the deleted claims keep what happened and when; descriptions and names go.
  const [logboekregels = 0] =
    ids.length === 0
      ? [0]
      : await scrubAudit(ctx, [
          {
            recordIds: new Set(ids),
            phrases: [],
            csvKeys: [],
            summaryLabel: 'verwijderd na de bewaartermijn',
          },
        ]);
  return {
    declaraties: ids.length,
    betaald: claims.filter((c) => c.status === 'betaald').length,
    afgewezen: claims.filter((c) => c.status === 'afgewezen').length,
    bonnen,
    betaalbestanden: batches.length,
    logboekregels,
  };
}
