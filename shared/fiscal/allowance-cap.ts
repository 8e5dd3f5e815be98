/**
 * The month and year limits of the vrijwilligersvergoeding applied to one allowance paid on one day (FISCAL.md):
 * what the volunteer already got in that calendar month and year (here, and as declared from other organisations)
 * plus this allowance, against the caps of that year. Pure: no store, no clock. The claim check uses it.
 */
import { sumCents } from '../money.ts';
import { fiscalYear } from './fiscal-table.ts';

/** A period in which the volunteer declared what other organisations pay them per month (from their contract). */
export interface DeclaredElsewhere {
  start: string;
  /** null = open-ended. */
  end: string | null;
  monthlyCents: number;
}

export interface AllowanceCapInput {
  /** ISO date of the work the allowance is for: its calendar month and year are the ones that count. */
  date: string;
  amountCents: number;
  /** Allowance already counted in that calendar month and in that calendar year, from this organisation. */
  monthBeforeCents: number;
  yearBeforeCents: number;
  /** What the volunteer declared they get from other organisations. */
  elsewhere: readonly DeclaredElsewhere[];
}

export type AllowanceCap =
  | { known: false; year: number }
  | {
      known: true;
      year: number;
      /** Untaxed allowance left before this one: the tighter of month and year (negative when already over). */
      roomCents: number;
      /** What other organisations pay in the month and in the year, counted in the totals below. */
      elsewhereMonthCents: number;
      elsewhereYearCents: number;
      /** The first limit crossed once this allowance is added (month before year), or null. */
      over: { period: 'maand' | 'jaar'; totalCents: number; capCents: number } | null;
    };

/**
 * Declared allowance from other organisations in one calendar month ('YYYY-MM'): the declaration of a contract
 * that covers any day of it. Where two cover the month (one ends, the next starts) they declare the same income
 * twice, so the higher one counts, not their sum: the check never shows room that is not there.
 */
export function elsewhereInMonth(elsewhere: readonly DeclaredElsewhere[], month: string): number {
  const first = `${month}-01`;
  const last = `${month}-31`;
  let cents = 0;
  for (const e of elsewhere) {
    if (e.start <= last && (e.end === null || e.end >= first)) cents = Math.max(cents, e.monthlyCents);
  }
  return cents;
}

/** Declared allowance from other organisations over the twelve months of a calendar year. */
export function elsewhereInYear(elsewhere: readonly DeclaredElsewhere[], year: number): number {
  if (elsewhere.length === 0) return 0;
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  return sumCents(months.map((month) => elsewhereInMonth(elsewhere, month)));
}

/**
 * This allowance against the month and year caps of its year, counted together with what came before it here
 * and what the volunteer declared from elsewhere. Over a limit the whole allowance becomes income, so any cent
 * over is over. A year without figures is unknown: never checked against another year's.
 */
export function checkAllowanceCap(input: AllowanceCapInput): AllowanceCap {
  const year = Number(input.date.slice(0, 4));
  const figures = fiscalYear(year);
  if (!figures) return { known: false, year };
  const elsewhereMonthCents = elsewhereInMonth(input.elsewhere, input.date.slice(0, 7));
  const elsewhereYearCents = elsewhereInYear(input.elsewhere, year);
  const monthBefore = sumCents([input.monthBeforeCents, elsewhereMonthCents]);
  const yearBefore = sumCents([input.yearBeforeCents, elsewhereYearCents]);
  const monthTotal = monthBefore + input.amountCents;
  const yearTotal = yearBefore + input.amountCents;
  const over =
    monthTotal > figures.maxPerMonth
      ? { period: 'maand' as const, totalCents: monthTotal, capCents: figures.maxPerMonth }
      : yearTotal > figures.maxPerYear
        ? { period: 'jaar' as const, totalCents: yearTotal, capCents: figures.maxPerYear }
        : null;
  return {
    known: true,
    year,
    roomCents: Math.min(figures.maxPerMonth - monthBefore, figures.maxPerYear - yearBefore),
    elsewhereMonthCents,
    elsewhereYearCents,
    over,
  };
}
