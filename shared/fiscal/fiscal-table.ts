/**
 * The one table of vrijwilligersvergoeding figures (see FISCAL.md). All amounts in integer euro cents.
 * A year that is not here is unknown: callers say so and never fall back to another year.
 */

export interface FiscalYear {
  year: number;
  /** Max allowance per hour for a volunteer aged 21 or older on the day of the work. */
  maxPerHour21Plus: number;
  /** Max allowance per hour for a volunteer younger than 21 on the day of the work. */
  maxPerHourUnder21: number;
  maxPerMonth: number;
  maxPerYear: number;
  /** Untaxed car/bike allowance per km. */
  kmRate: number;
  /** Where the figures come from, kept beside them. */
  source: string;
  /** True until the figures are checked against the Belastingdienst page for that year. */
  provisional: boolean;
}

/** From this age the 21+ hourly maximum applies. */
export const ADULT_AGE = 21;
/** Bijstand: the rule that the allowance may be kept up to the fiscal maximum applies from this age. */
export const BIJSTAND_FISCAL_MAX_AGE = 27;

const table: readonly FiscalYear[] = [
  {
    year: 2024,
    maxPerHour21Plus: 550,
    maxPerHourUnder21: 325,
    maxPerMonth: 21_000,
    maxPerYear: 210_000,
    kmRate: 23,
    source: 'Belastingdienst, pagina over de vrijwilligersvergoeding (2024)',
    provisional: false,
  },
  {
    year: 2025,
    maxPerHour21Plus: 560,
    maxPerHourUnder21: 330,
    maxPerMonth: 21_000,
    maxPerYear: 210_000,
    kmRate: 23,
    source: 'Belastingdienst, pagina over de vrijwilligersvergoeding (2025)',
    provisional: false,
  },
  {
    year: 2026,
    maxPerHour21Plus: 575,
    maxPerHourUnder21: 340,
    maxPerMonth: 22_000,
    maxPerYear: 220_000,
    kmRate: 23,
    source:
      'Kamerbrief over de indexatie, zoals aangehaald door brancheorganisaties; nog te controleren op de pagina van de Belastingdienst voor 2026',
    provisional: true,
  },
].map((row) => Object.freeze(row));

/** The years the table has figures for, ascending. */
export const knownFiscalYears: readonly number[] = Object.freeze(table.map((row) => row.year));

/** The figures for a calendar year, or null when Schakel has none for it. */
export function fiscalYear(year: number): FiscalYear | null {
  return table.find((row) => row.year === year) ?? null;
}
