/**
 * What other areas read of verdeling: a person's load (inzet minutes and activities in a period), the hours their
 * contract expects in that period, and the untaxed allowance a volunteer has left this month and year. Each reads
 * a whole set of people in one statement, never one per person.
 */
import type { ContractDraft } from '../../../shared/contracts.ts';
import { checkAllowanceCap } from '../../../shared/fiscal/allowance-cap.ts';
import { fiscalYear } from '../../../shared/fiscal/fiscal-table.ts';
import { intersect, type Period, prorateMonthly } from '../../../shared/periods.ts';
import type { FiscalRoom } from '../../../shared/verdeling.ts';
import { declaredElsewhere } from '../claims/checks.ts';
import { type ActiveContract, activityClaimKind, claimAmount, contractOn } from '../claims/contract-terms.ts';
import type { Reader } from '../context.ts';

export interface Load {
  minuten: number;
  activiteiten: number;
}

/**
 * Inzet per person in a period (both ends included): minutes and number of activities, for the given people or,
 * with `personIds` null, for everyone who did any. People without inzet are absent from the map.
 */
export async function loadInPeriod(
  db: Reader,
  period: Period,
  personIds: readonly string[] | null = null,
): Promise<Map<string, Load>> {
  const loads = new Map<string, Load>();
  if (personIds?.length === 0) return loads;
  let query = db
    .selectFrom('inzet_persons')
    .innerJoin('inzet', 'inzet.id', 'inzet_persons.inzet_id')
    .select((eb) => [
      'inzet_persons.person_id',
      eb.fn.sum<number>('inzet.minuten').as('minuten'),
      eb.fn.countAll<number>().as('activiteiten'),
    ])
    .where('inzet.datum', '>=', period.van)
    .where('inzet.datum', '<=', period.tot);
  if (personIds) query = query.where('inzet_persons.person_id', 'in', [...personIds]);
  for (const r of await query.groupBy('inzet_persons.person_id').execute()) {
    loads.set(r.person_id, { minuten: Number(r.minuten), activiteiten: Number(r.activiteiten) });
  }
  return loads;
}

/**
 * The hours a contract expects per month: a volunteer's own estimate, for an employee or an intern their weekly
 * hours over a year's 52 weeks in 12 months. An opdracht expects none (null).
 */
export function expectedHoursPerMonth(draft: Readonly<ContractDraft>): number | null {
  switch (draft.vorm) {
    case 'vrijwilligersovereenkomst':
      return draft.verwachtUrenPerMaand;
    case 'arbeidsovereenkomst':
    case 'stage':
      return (draft.urenPerWeek * 52) / 12;
    default:
      return null;
  }
}

/**
 * Expected minutes in a period from the person's contracts, each prorated over the days it runs inside the period
 * (a contract starting mid-month expects part of that month). Null when no contract in the period expects hours.
 */
export function expectedMinutes(
  contracts: readonly ActiveContract[] | undefined,
  period: Period,
): number | null {
  let total: number | null = null;
  for (const c of contracts ?? []) {
    const perMonth = expectedHoursPerMonth(c.draft);
    if (perMonth === null) continue;
    const overlap = intersect(period, { van: c.startdatum, tot: c.einddatum });
    if (!overlap) continue;
    total = (total ?? 0) + prorateMonthly(perMonth * 60, overlap);
  }
  return total === null ? null : Math.round(total);
}

/**
 * Untaxed allowance granted per person for the month and year of `date`: the two rows of granted_allowance each
 * person has for them, in one statement.
 */
export async function grantedFor(
  db: Reader,
  personIds: readonly string[],
  date: string,
): Promise<Map<string, { maandCents: number; jaarCents: number }>> {
  const granted = new Map<string, { maandCents: number; jaarCents: number }>();
  if (personIds.length === 0) return granted;
  const month = date.slice(0, 7);
  const rows = await db
    .selectFrom('granted_allowance')
    .select(['person_id', 'period', 'cents'])
    .where('person_id', 'in', [...personIds])
    .where('period', 'in', [month, date.slice(0, 4)])
    .execute();
  for (const r of rows) {
    const g = granted.get(r.person_id) ?? { maandCents: 0, jaarCents: 0 };
    if (r.period === month) g.maandCents = Number(r.cents);
    else g.jaarCents = Number(r.cents);
    granted.set(r.person_id, g);
  }
  return granted;
}

/**
 * What a volunteer may still receive untaxed in the month and year of `date`: the fiscal caps of that year less
 * what was granted here and what they declared from other organisations, by the same rule the claim check uses
 * (checkAllowanceCap). Null for someone without a volunteer contract on that day; unknown for a year without figures.
 */
export function fiscalRoom(
  contracts: readonly ActiveContract[] | undefined,
  granted: { maandCents: number; jaarCents: number } | undefined,
  date: string,
): FiscalRoom | null {
  const contract = contractOn(contracts as ActiveContract[] | undefined, date);
  if (contract?.draft.vorm !== 'vrijwilligersovereenkomst') return null;
  const cap = checkAllowanceCap({
    date,
    amountCents: 0,
    monthBeforeCents: granted?.maandCents ?? 0,
    yearBeforeCents: granted?.jaarCents ?? 0,
    elsewhere: declaredElsewhere(contracts),
  });
  const figures = fiscalYear(cap.year);
  if (!cap.known || !figures) return { known: false, year: cap.year };
  return {
    known: true,
    year: cap.year,
    maandCents: figures.maxPerMonth - (granted?.maandCents ?? 0) - cap.elsewhereMonthCents,
    jaarCents: figures.maxPerYear - (granted?.jaarCents ?? 0) - cap.elsewhereYearCents,
    ruimteCents: cap.roomCents,
  };
}

/** The expected cost of one request for a volunteer: what their contract pays for it (null when it pays nothing). */
export function expectedAllowance(
  contract: ActiveContract | null,
  verwachteMinuten: number | null,
): number | null {
  const kind = activityClaimKind(contract);
  return kind && claimAmount(kind, { km: null, minuten: verwachteMinuten, bedragCents: null }, contract);
}
