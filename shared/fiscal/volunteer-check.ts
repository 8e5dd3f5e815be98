/**
 * Checks a volunteer contract's allowance against the vrijwilligersvergoeding limits (FISCAL.md): per hour by
 * age on the day, per calendar month and per calendar year, all at once. Pure: no store, no clock.
 */
import { addDays } from '../dates.ts';
import { ageOn, formatCents, formatDateLong } from '../format.ts';
import { multiplyCents, sumCents } from '../money.ts';
import type { AllowanceUnit } from '../profiles.ts';
import { isoDate } from '../validation.ts';
import { ADULT_AGE, BIJSTAND_FISCAL_MAX_AGE, fiscalYear } from './fiscal-table.ts';

export interface VolunteerCheckInput {
  birthDate: string | null;
  start: string;
  /** null = open-ended: checked from start through 31 December of the next year. */
  end: string | null;
  allowance: { unit: AllowanceUnit; amountCents: number };
  expectedHoursPerMonth: number | null;
  expectedActivitiesPerMonth: number | null;
  kmRateCents: number;
  expectedKmPerMonth: number | null;
  /** What the volunteer declared they get elsewhere per month: the limits are per volunteer. */
  otherOrganisationsMonthlyCents: number;
  bijstand: { onBijstand: boolean; permissionNeeded: boolean; permissionDate: string | null };
}

export type FindingLevel = 'fout' | 'waarschuwing' | 'info';
export interface Finding {
  level: FindingLevel;
  code: FindingCode;
  message: string;
}
/** Expected allowance in a period against its cap; cap and room are null where the year has no figures. */
export interface CapLine {
  expectedCents: number;
  capCents: number | null;
  /** cap − expected: negative when over. */
  roomCents: number | null;
}
export interface MonthLine extends CapLine {
  /** 'YYYY-MM' */
  month: string;
}
export interface YearLine extends CapLine {
  year: number;
}
/**
 * What the check says as a whole. 'over': a limit is crossed. 'onvolledig': no limit is crossed as far as Schakel
 * could check, but some limit could not be checked (a year without figures, a missing count, an unknown age):
 * never shown as passed. 'binnen': every limit was checked and holds.
 */
export type CheckOutcome = 'over' | 'onvolledig' | 'binnen';
export interface VolunteerCheck {
  findings: Finding[];
  outcome: CheckOutcome;
  months: MonthLine[];
  years: YearLine[];
  overLimit: boolean;
  missingYears: number[];
  expectedMonthlyCents: number;
}

const ageGroup = (under21: boolean) => (under21 ? 'jonger dan 21' : 'van 21 jaar en ouder');
const fixedUnitText = { maand: 'per maand', activiteit: 'per activiteit' } as const;

const missingCount = (what: string) =>
  `Vul het verwachte aantal ${what} per maand in: zonder dat aantal kan Schakel de maand- en jaargrens niet controleren.`;

/** Every Dutch message of the check, by finding code, so the wording can be read and reviewed in one place. */
const messages = {
  ongeldige_datum: () =>
    'De begindatum, einddatum, geboortedatum of datum van toestemming is geen geldige datum.',
  einde_voor_begin: (start: string, end: string) =>
    `De einddatum (${formatDateLong(end)}) ligt voor de begindatum (${formatDateLong(start)}).`,
  ongeldig_bedrag: () => 'Een bedrag is negatief of geen geldig bedrag in centen.',
  ongeldig_aantal: () =>
    'Een verwacht aantal per maand (uren, activiteiten of kilometers) is negatief of geen getal.',
  uren_ontbreken: () => missingCount('uren'),
  activiteiten_ontbreken: () => missingCount('activiteiten'),
  afgerond: (what: string, value: number, rounded: number) =>
    `Het aantal ${what} per maand (${value.toLocaleString('nl-NL')}) is naar boven afgerond op ${rounded}: Schakel rekent met hele aantallen.`,
  km_ontbreken: () =>
    'Het verwachte aantal kilometers per maand ontbreekt. De kilometervergoeding telt mee voor de grenzen, maar is nu niet meegerekend.',
  open_einde: (span: string) =>
    `Deze overeenkomst heeft geen einddatum. Schakel controleert de periode ${span}.`,
  jaar_ontbreekt: (year: number, span: string) =>
    `Schakel heeft geen bedragen voor ${year} en kan de periode ${span} daarom niet controleren.`,
  voorlopig: (year: number, source: string) => `De bedragen voor ${year} zijn voorlopig. Bron: ${source}.`,
  km_boven_vrij_tarief: (rate: number, free: number, year: number) =>
    `De kilometervergoeding van ${formatCents(rate)} per km is hoger dan het onbelaste tarief van ${formatCents(free)} per km (${year}). Het deel erboven telt als vrijwilligersvergoeding.`,
  leeftijd_onbekend: () =>
    'De geboortedatum is onbekend. Het uurbedrag is alleen vergeleken met het maximum voor 21 jaar en ouder; het lagere maximum onder 21 jaar kon niet worden gecontroleerd.',
  uur_boven_max: (rate: number, max: number, under21: boolean, year: number, span: string) =>
    `Uurgrens ${year}: ${formatCents(rate)} per uur is ${formatCents(rate - max)} meer dan het maximum van ${formatCents(max)} per uur voor vrijwilligers ${ageGroup(under21)}, ${span}.`,
  vast_uur_boven_max: (
    perMonth: number,
    unit: FixedUnit,
    hours: number,
    max: number,
    under21: boolean,
    year: number,
    span: string,
  ) =>
    `Uurgrens ${year}: de vaste vergoeding ${fixedUnitText[unit]} komt neer op ${formatCents(perMonth)} per maand voor ${hours.toLocaleString('nl-NL')} verwachte uren, dat is ${formatCents(Math.ceil(perMonth / hours))} per uur: meer dan het maximum van ${formatCents(max)} per uur voor vrijwilligers ${ageGroup(under21)}, ${span}.`,
  uurgrens_onbekend: (unit: FixedUnit) =>
    `Schakel kon de uurgrens niet controleren: het verwachte aantal uren per maand ontbreekt of is 0. Ook een vergoeding ${fixedUnitText[unit]} mag per gewerkt uur niet boven het maximum per uur uitkomen; vul de verwachte uren per maand in.`,
  maand_boven_max: (perMonth: number, max: number, year: number, span: string) =>
    `Maandgrens ${year}: de verwachte vergoeding van ${formatCents(perMonth)} per maand is ${formatCents(perMonth - max)} meer dan het maximum van ${formatCents(max)} per maand, ${span}.`,
  jaar_boven_max: (total: number, max: number, year: number, span: string) =>
    `Jaargrens ${year}: de verwachte vergoeding van ${formatCents(total)} in ${year} is ${formatCents(total - max)} meer dan het maximum van ${formatCents(max)} per jaar, ${span}.`,
  toestemming_ontbreekt: () =>
    'Deze vrijwilliger heeft bijstand en heeft toestemming van de gemeente nodig, maar die toestemming is niet vastgelegd. Vraag de toestemming na voordat de overeenkomst ingaat.',
  bijstand_leeftijd_onbekend: () =>
    `De geboortedatum is onbekend, dus Schakel kan niet nagaan of de vrijwilliger ${BIJSTAND_FISCAL_MAX_AGE} jaar of ouder is. Dat een vrijwilligersvergoeding tot het fiscale maximum naast de bijstand mag, geldt pas vanaf ${BIJSTAND_FISCAL_MAX_AGE} jaar; voor jongere vrijwilligers beslist de gemeente.`,
  bijstand_onder_27: (start: string) =>
    `Deze vrijwilliger heeft bijstand en is op ${formatDateLong(start)} jonger dan ${BIJSTAND_FISCAL_MAX_AGE}. Dat een vrijwilligersvergoeding tot het fiscale maximum naast de bijstand mag, geldt pas vanaf ${BIJSTAND_FISCAL_MAX_AGE} jaar; voor jongere vrijwilligers beslist de gemeente.`,
} satisfies Record<string, (...args: never[]) => string>;

type Messages = typeof messages;
/** An allowance that is not paid per hour: its hourly amount follows from the expected hours. */
type FixedUnit = 'maand' | 'activiteit';
export type FindingCode = keyof Messages;
type Add = <C extends FindingCode>(level: FindingLevel, code: C, ...args: Parameters<Messages[C]>) => void;

const overLimitCodes: ReadonlySet<FindingCode> = new Set([
  'uur_boven_max',
  'vast_uur_boven_max',
  'maand_boven_max',
  'jaar_boven_max',
]);
/** Findings that mean some limit could not be checked: the check then never reads as passed. */
const uncheckedCodes: ReadonlySet<FindingCode> = new Set([
  'ongeldige_datum',
  'einde_voor_begin',
  'ongeldig_bedrag',
  'ongeldig_aantal',
  'uren_ontbreken',
  'activiteiten_ontbreken',
  'km_ontbreken',
  'jaar_ontbreekt',
  'leeftijd_onbekend',
  'uurgrens_onbekend',
]);

/**
 * The check as a whole, read from its findings (so a check stored before a finding code was added reads the same
 * way): over a limit, not fully checked, or within every limit.
 */
export function checkOutcome(check: Pick<VolunteerCheck, 'findings'>): CheckOutcome {
  if (check.findings.some((finding) => overLimitCodes.has(finding.code))) return 'over';
  if (check.findings.some((finding) => uncheckedCodes.has(finding.code))) return 'onvolledig';
  return 'binnen';
}
const WHOLE_TAXED =
  'Let op: boven een grens telt niet alleen het deel erboven; de hele vergoeding wordt dan belast als inkomen.';
const BIJSTAND_DEDUCTED = ' Bij bijstand gaat dan ook de hele vergoeding van de uitkering af.';
const levelOrder: Record<FindingLevel, number> = { fout: 0, waarschuwing: 1, info: 2 };

const yearOf = (iso: string): number => Number(iso.slice(0, 4));
const period = (from: string, to: string): string =>
  `van ${formatDateLong(from)} tot en met ${formatDateLong(to)}`;
/** The part of start..end that falls in one calendar year, as text. */
const periodIn = (year: number, start: string, end: string): string =>
  period(start > `${year}-01-01` ? start : `${year}-01-01`, end < `${year}-12-31` ? end : `${year}-12-31`);

/** The day ageOn first returns 21: someone born on 29 February turns 21 on 1 March in a non-leap year. */
function adultFrom(birthDate: string): string {
  const year = yearOf(birthDate) + ADULT_AGE;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, 21 years after a leap year is none
  const leap = new Date(Date.UTC(year, 1, 29)).getUTCMonth() === 1;
  return birthDate.slice(5) === '02-29' && !leap ? `${year}-03-01` : `${year}${birthDate.slice(4)}`;
}

/** Refuses what the zod schemas also reject, as a finding rather than an exception. */
function validInput(input: VolunteerCheckInput, add: Add): boolean {
  const dates = [input.start, input.end, input.birthDate, input.bijstand.permissionDate];
  const amounts = [input.allowance.amountCents, input.kmRateCents, input.otherOrganisationsMonthlyCents];
  const counts = [input.expectedHoursPerMonth, input.expectedActivitiesPerMonth, input.expectedKmPerMonth];
  if (dates.some((date) => date !== null && !isoDate.safeParse(date).success)) {
    add('fout', 'ongeldige_datum');
  } else if (input.end !== null && input.end < input.start) {
    add('fout', 'einde_voor_begin', input.start, input.end);
  } else if (amounts.some((cents) => !Number.isSafeInteger(cents) || cents < 0)) {
    add('fout', 'ongeldig_bedrag');
  } else if (counts.some((count) => count !== null && !(Number.isFinite(count) && count >= 0))) {
    add('fout', 'ongeldig_aantal');
  } else return true;
  return false;
}

/** Whole quantity per month. A fraction is rounded up, so the check never shows room that is not there. */
function wholeCount(value: number, what: string, add: Add): number {
  if (Number.isInteger(value)) return value;
  add('info', 'afgerond', what, value, Math.ceil(value));
  return Math.ceil(value);
}

function allowancePerMonth(input: VolunteerCheckInput, add: Add): number {
  const { unit, amountCents } = input.allowance;
  if (unit === 'maand' || unit === 'geen') return unit === 'maand' ? amountCents : 0;
  const count = unit === 'uur' ? input.expectedHoursPerMonth : input.expectedActivitiesPerMonth;
  if (count === null) {
    add('fout', unit === 'uur' ? 'uren_ontbreken' : 'activiteiten_ontbreken');
    return 0;
  }
  return multiplyCents(amountCents, wholeCount(count, unit === 'uur' ? 'uren' : 'activiteiten', add));
}

function kmPerMonth(input: VolunteerCheckInput, add: Add): number {
  if (input.kmRateCents === 0) return 0;
  if (input.expectedKmPerMonth === null) {
    add('waarschuwing', 'km_ontbreken');
    return 0;
  }
  return multiplyCents(input.kmRateCents, wholeCount(input.expectedKmPerMonth, 'kilometers', add));
}

/** Every calendar month the contract touches counts in full: the limits know no part-months. */
function monthLines(start: string, end: string, expectedCents: number): MonthLine[] {
  const index = (iso: string) => yearOf(iso) * 12 + Number(iso.slice(5, 7)) - 1;
  const lines: MonthLine[] = [];
  for (let monthIndex = index(start); monthIndex <= index(end); monthIndex++) {
    const year = Math.floor(monthIndex / 12);
    const capCents = fiscalYear(year)?.maxPerMonth ?? null;
    const roomCents = capCents === null ? null : capCents - expectedCents;
    lines.push({
      month: `${year}-${String((monthIndex % 12) + 1).padStart(2, '0')}`,
      expectedCents,
      capCents,
      roomCents,
    });
  }
  return lines;
}

function yearLines(months: MonthLine[]): YearLine[] {
  const years = [...new Set(months.map((line) => yearOf(line.month)))];
  return years.map((year) => {
    const inYear = months.filter((line) => yearOf(line.month) === year);
    const expectedCents = sumCents(inYear.map((line) => line.expectedCents));
    const capCents = fiscalYear(year)?.maxPerYear ?? null;
    return { year, expectedCents, capCents, roomCents: capCents === null ? null : capCents - expectedCents };
  });
}

/** The contract split at each 1 January and at the 21st birthday: one hourly maximum per segment. */
function hourlySegments(start: string, end: string, birthDate: string | null): [string, string][] {
  const cuts: string[] = [];
  for (let year = yearOf(start) + 1; year <= yearOf(end); year++) cuts.push(`${year}-01-01`);
  const adult = birthDate ? adultFrom(birthDate) : null;
  if (adult && adult > start && adult <= end && !cuts.includes(adult)) cuts.push(adult);
  const segments: [string, string][] = [];
  let from = start;
  for (const cut of cuts.sort()) {
    segments.push([from, addDays(cut, -1)]);
    from = cut;
  }
  return [...segments, [from, end]];
}

/**
 * The hourly maximum, by age on the day of the work and per calendar year, for every form of allowance (FISCAL.md:
 * all limits hold at once): an hourly amount as it is, a fixed amount per month or per activity as what it comes
 * to per expected hour. Where the hours are unknown the check says it could not be made.
 */
function hourlyOver(input: VolunteerCheckInput, end: string, fixedPerMonth: number, add: Add): void {
  const { birthDate, allowance, expectedHoursPerMonth: hours } = input;
  const unit = allowance.unit;
  // Nothing paid, or the count of activities unknown (its own finding): no hourly amount to check.
  if (unit === 'geen' || allowance.amountCents === 0 || (unit !== 'uur' && fixedPerMonth === 0)) return;
  if (unit !== 'uur' && !hours) {
    add('waarschuwing', 'uurgrens_onbekend', unit);
    return;
  }
  let under21Unchecked = false;
  for (const [from, to] of hourlySegments(input.start, end, birthDate)) {
    const year = yearOf(from);
    const figures = fiscalYear(year);
    if (!figures) continue; // a year without figures is its own finding, never checked against another year
    const under21 = birthDate !== null && ageOn(birthDate, from) < ADULT_AGE;
    const max = under21 ? figures.maxPerHourUnder21 : figures.maxPerHour21Plus;
    const span = period(from, to);
    if (unit === 'uur') {
      if (allowance.amountCents > max)
        add('fout', 'uur_boven_max', allowance.amountCents, max, under21, year, span);
    } else if (hours && fixedPerMonth > max * hours) {
      add('fout', 'vast_uur_boven_max', fixedPerMonth, unit, hours, max, under21, year, span);
    }
    // Without a birth date only the 21+ maximum is known; the lower one matters only if the amount is above it.
    const perHour = unit === 'uur' ? allowance.amountCents : fixedPerMonth / (hours ?? 1);
    if (birthDate === null && perHour > figures.maxPerHourUnder21) under21Unchecked = true;
  }
  if (under21Unchecked) add('waarschuwing', 'leeftijd_onbekend');
}

function monthAndYearOver(years: YearLine[], start: string, end: string, perMonth: number, add: Add): void {
  for (const line of years) {
    const figures = fiscalYear(line.year);
    if (!figures) continue;
    const span = periodIn(line.year, start, end);
    if (perMonth > figures.maxPerMonth)
      add('fout', 'maand_boven_max', perMonth, figures.maxPerMonth, line.year, span);
    if (line.expectedCents > figures.maxPerYear) {
      add('fout', 'jaar_boven_max', line.expectedCents, figures.maxPerYear, line.year, span);
    }
  }
}

/** Missing years (never guessed), provisional figures and a km rate above the untaxed rate. */
function yearNotes(years: number[], start: string, end: string, kmRateCents: number, add: Add): void {
  let kmWarned = false; // once is enough: the untaxed km rate rarely differs between years
  for (const year of years) {
    const figures = fiscalYear(year);
    if (!figures) add('waarschuwing', 'jaar_ontbreekt', year, periodIn(year, start, end));
    if (figures?.provisional) add('info', 'voorlopig', year, figures.source);
    if (figures && kmRateCents > figures.kmRate && !kmWarned) {
      kmWarned = true;
      add('waarschuwing', 'km_boven_vrij_tarief', kmRateCents, figures.kmRate, year);
    }
  }
}

function bijstandNotes(input: VolunteerCheckInput, add: Add): void {
  const { onBijstand, permissionNeeded, permissionDate } = input.bijstand;
  if (!onBijstand) return;
  if (permissionNeeded && !permissionDate) add('waarschuwing', 'toestemming_ontbreekt');
  if (input.birthDate === null) add('waarschuwing', 'bijstand_leeftijd_onbekend');
  else if (ageOn(input.birthDate, input.start) < BIJSTAND_FISCAL_MAX_AGE) {
    add('waarschuwing', 'bijstand_onder_27', input.start);
  }
}

export function checkVolunteerAllowance(input: VolunteerCheckInput): VolunteerCheck {
  const findings: Finding[] = [];
  const add: Add = (level, code, ...args) => {
    const message = messages[code] as (...values: typeof args) => string;
    findings.push({ level, code, message: message(...args) });
  };
  if (!validInput(input, add)) {
    const none = { months: [], years: [], overLimit: false, missingYears: [], expectedMonthlyCents: 0 };
    return { findings, outcome: checkOutcome({ findings }), ...none };
  }
  const end = input.end ?? `${yearOf(input.start) + 1}-12-31`;
  if (input.end === null) add('info', 'open_einde', period(input.start, end));
  // Allowance, km allowance and what other organisations pay count together toward the limits.
  const fixedPerMonth = allowancePerMonth(input, add);
  const expectedMonthlyCents = sumCents([
    fixedPerMonth,
    kmPerMonth(input, add),
    input.otherOrganisationsMonthlyCents,
  ]);
  const months = monthLines(input.start, end, expectedMonthlyCents);
  const years = yearLines(months);
  const yearNumbers = years.map((line) => line.year);
  yearNotes(yearNumbers, input.start, end, input.kmRateCents, add);
  hourlyOver(input, end, fixedPerMonth, add);
  monthAndYearOver(years, input.start, end, expectedMonthlyCents, add);
  bijstandNotes(input, add);

  // Every over-limit finding says why it matters: the whole allowance becomes income, not only the excess.
  const consequence = WHOLE_TAXED + (input.bijstand.onBijstand ? BIJSTAND_DEDUCTED : '');
  const over = findings.filter((finding) => overLimitCodes.has(finding.code));
  for (const finding of over) finding.message += ` ${consequence}`;
  findings.sort((a, b) => levelOrder[a.level] - levelOrder[b.level]);
  const missingYears = yearNumbers.filter((year) => fiscalYear(year) === null);
  return {
    findings,
    outcome: checkOutcome({ findings }),
    months,
    years,
    overLimit: over.length > 0,
    missingYears,
    expectedMonthlyCents,
  };
}
