/**
 * Scholing's share of anonymising a person after the retention period: their certificates and the notes on their
 * trainings go; which training, its status and dates stay (like a claim's date and amount), so counts of who
 * followed what still add up. Group attendance stays too: it names no one once the person row is neutral.
 */
import type { WriteCtx } from '../context.ts';
import { updateVersionedMany } from '../versioning.ts';

export async function anonymiseTrainings(ctx: WriteCtx, personId: string) {
  const records = await ctx.db
    .selectFrom('person_trainings')
    .select(['id', 'version', 'notitie'])
    .where('person_id', '=', personId)
    .execute();
  const ids = records.map((r) => r.id);
  const removed =
    ids.length === 0
      ? 0
      : Number(
          (
            await ctx.db
              .deleteFrom('training_certificates')
              .where('person_training_id', 'in', ids)
              .executeTakeFirst()
          ).numDeletedRows,
        );
  // The caller's audit entry covers the anonymisation as a whole.
  await updateVersionedMany(
    ctx,
    'person_trainings',
    records.filter((r) => r.notitie !== null),
    { notitie: null, updated_at: ctx.now },
    null,
  );
  return { recordIds: ids, counts: { trainingen: ids.length, certificaten: removed } };
}
