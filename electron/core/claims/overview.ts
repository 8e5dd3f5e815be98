import { type ClaimKind, type ClaimsOverview, receiptKinds } from '../../../shared/claims.ts';
import { fiscalYear } from '../../../shared/fiscal/fiscal-table.ts';
import { fullName } from '../../../shared/persons.ts';
import type { Reader } from '../context.ts';
import type { AreaHandlers } from '../registry.ts';

/** The days of a month in four slices (the last runs to the month's end, whatever its length). */
const weeksOfMonth = [
  ['01', '07'],
  ['08', '14'],
  ['15', '21'],
  ['22', '31'],
] as const;

/** Paid claims dated from `first` to `last` (ISO dates), summed per person and kind. */
function paidBetween(db: Reader, first: string, last: string) {
  return db
    .selectFrom('claims')
    .innerJoin('persons', 'persons.id', 'claims.person_id')
    .select((eb) => [
      'claims.person_id',
      'claims.soort',
      eb.fn.sum<number>('claims.bedrag_cents').as('cents'),
      'persons.voornaam',
      'persons.tussenvoegsel',
      'persons.achternaam',
      'persons.roepnaam',
    ])
    .where('claims.status', '=', 'betaald')
    .where('claims.datum', '>=', first)
    .where('claims.datum', '<=', last)
    .groupBy([
      'claims.person_id',
      'claims.soort',
      'persons.voornaam',
      'persons.tussenvoegsel',
      'persons.achternaam',
      'persons.roepnaam',
    ])
    .execute();
}

/**
 * The year at a glance: per person the allowance paid (which counts toward the cap) beside receipt-backed costs
 * (which do not), with the room left; per month the totals per kind. Paid claims only: that is what the bank did.
 */
export const overviewHandlers = {
  'claims.overview': async (ctx, input): Promise<ClaimsOverview> => {
    const cap = fiscalYear(input.jaar)?.maxPerYear ?? null;
    const people = new Map<string, ClaimsOverview['personen'][number]>();
    const months = new Map<string, ClaimsOverview['maanden'][number]>();
    // A week at a time, each added up at once, yielding between the weeks: a year of 100,000 claims in one
    // statement held every other window for a quarter of a second; a week's share stays within 50 ms.
    for (let month = 1; month <= 12; month++) {
      const maand = `${input.jaar}-${String(month).padStart(2, '0')}`;
      for (const [first, last] of weeksOfMonth) {
        for (const r of await paidBetween(ctx.db, `${maand}-${first}`, `${maand}-${last}`)) {
          const cents = Number(r.cents);
          const kind = r.soort as ClaimKind;
          const p = people.get(r.person_id) ?? {
            personId: r.person_id,
            naam: fullName(r),
            vergoedingCents: 0,
            kostenCents: 0,
            ruimteCents: null,
          };
          if (receiptKinds.has(kind)) p.kostenCents += cents;
          else p.vergoedingCents += cents;
          people.set(r.person_id, p);
          const m = months.get(maand) ?? { maand, perSoort: {}, totaalCents: 0 };
          m.perSoort[kind] = (m.perSoort[kind] ?? 0) + cents;
          m.totaalCents += cents;
          months.set(maand, m);
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    for (const p of people.values()) p.ruimteCents = cap === null ? null : cap - p.vergoedingCents;
    // Claims removed after the retention period count on as totals per month and kind (see avg/financial.ts).
    const archived = await ctx.db
      .selectFrom('archived_claim_totals')
      .select(['maand', 'soort', 'bedrag_cents'])
      .where('status', '=', 'betaald')
      .where('maand', '>=', `${input.jaar}-01`)
      .where('maand', '<=', `${input.jaar}-12`)
      .execute();
    let archief: ClaimsOverview['archief'] = null;
    for (const a of archived) {
      const kind = a.soort as ClaimKind;
      archief ??= { vergoedingCents: 0, kostenCents: 0 };
      if (receiptKinds.has(kind)) archief.kostenCents += a.bedrag_cents;
      else archief.vergoedingCents += a.bedrag_cents;
      const m = months.get(a.maand) ?? { maand: a.maand, perSoort: {}, totaalCents: 0 };
      m.perSoort[kind] = (m.perSoort[kind] ?? 0) + a.bedrag_cents;
      m.totaalCents += a.bedrag_cents;
      months.set(a.maand, m);
    }
    return {
      jaar: input.jaar,
      jaarMaximumCents: cap,
      personen: [...people.values()].sort((a, b) => b.vergoedingCents - a.vergoedingCents),
      archief,
      maanden: [...months.values()].sort((a, b) => a.maand.localeCompare(b.maand)),
    };
  },
} satisfies AreaHandlers<'claims'>;
