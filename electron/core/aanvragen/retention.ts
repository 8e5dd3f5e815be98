/**
 * Aanvragen's share of anonymising a person after the retention period: their availability (weekly pattern, the
 * gemeenten they go to, its toelichting) and their absences go; which requests they were matched to stays, like a
 * claim's date and amount, so the verantwoording's counts of earlier years add up as before (the person row is
 * neutral by then). The caller's audit entry covers the anonymisation as a whole.
 */
import type { WriteCtx } from '../context.ts';

export async function anonymiseAvailability(ctx: WriteCtx, personId: string) {
  const pattern = await ctx.db
    .selectFrom('person_availability')
    .select('id')
    .where('person_id', '=', personId)
    .execute();
  const absences = await ctx.db
    .selectFrom('person_absences')
    .select('id')
    .where('person_id', '=', personId)
    .execute();
  await ctx.db.deleteFrom('person_availability').where('person_id', '=', personId).execute();
  await ctx.db.deleteFrom('person_absences').where('person_id', '=', personId).execute();
  return {
    recordIds: [...pattern.map((r) => r.id), ...absences.map((r) => r.id)],
    counts: { beschikbaarheid: pattern.length, afwezigheden: absences.length },
  };
}
