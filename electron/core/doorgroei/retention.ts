/**
 * Doorgroei after the retention period (called by avg's anonymisation, in its transaction): education, Dutch
 * levels and work experience go with their head, and the portfolio text that the head holds; an uitstroom keeps its date and kind, so the verantwoording's
 * counts of earlier years stay as they were, and loses its toelichting.
 */
import type { WriteCtx } from '../context.ts';
import { updateVersionedMany } from '../versioning.ts';

export async function anonymiseDoorgroei(
  ctx: WriteCtx,
  personId: string,
): Promise<{ counts: Record<string, number>; recordIds: string[] }> {
  const db = ctx.db;
  const head = await db
    .selectFrom('doorgroei_profiles')
    .select('id')
    .where('person_id', '=', personId)
    .executeTakeFirst();
  const deleted = async (table: 'doorgroei_education' | 'doorgroei_dutch_levels' | 'doorgroei_work') =>
    Number((await db.deleteFrom(table).where('person_id', '=', personId).executeTakeFirst()).numDeletedRows);
  const counts = {
    opleidingen: await deleted('doorgroei_education'),
    werkervaring: await deleted('doorgroei_work'),
  };
  await deleted('doorgroei_dutch_levels');
  if (head) await db.deleteFrom('doorgroei_profiles').where('id', '=', head.id).execute();
  const outflows = await db
    .selectFrom('doorgroei_outflows')
    .select(['id', 'version'])
    .where('person_id', '=', personId)
    .execute();
  // The anonymisation as a whole has the caller's audit entry; this write records none of its own.
  await updateVersionedMany(
    ctx,
    'doorgroei_outflows',
    outflows,
    { toelichting: null, updated_at: ctx.now },
    null,
  );
  return { counts, recordIds: [...(head ? [head.id] : []), ...outflows.map((o) => o.id)] };
}
