/**
 * Verdeling: who to ask for a request (ranked proposals with their reasons) and how the work is spread over the pool
 * in a period (hours and activities per person against the hours their contract expects). Inputs, output types and
 * the period arithmetic both sides use (a month, a quarter, and expected hours prorated over any range).
 */
import { z } from 'zod';
import { daysBetween } from './dates.ts';
import { id, isoDate, optionalText } from './validation.ts';

// ---------------------------------------------------------------------------------------------------------------
// Periods

export interface Period {
  /** First day, ISO. */
  van: string;
  /** Last day, ISO, inclusive. */
  tot: string;
}

/** Days in a calendar month (1-12) of a year, by the Gregorian leap rule. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The last day of a calendar month 'YYYY-MM'. */
export function lastDayOfMonth(month: string): string {
  return `${month}-${daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)))}`;
}

/** The calendar month an ISO date falls in, as a period. */
export function monthPeriod(date: string): Period {
  const month = date.slice(0, 7);
  return { van: `${month}-01`, tot: lastDayOfMonth(month) };
}

/** The calendar quarter an ISO date falls in. */
export function quarterPeriod(date: string): Period {
  const year = date.slice(0, 4);
  const firstMonth = Math.floor((Number(date.slice(5, 7)) - 1) / 3) * 3 + 1;
  const first = `${year}-${String(firstMonth).padStart(2, '0')}`;
  const last = `${year}-${String(firstMonth + 2).padStart(2, '0')}`;
  return { van: `${first}-01`, tot: lastDayOfMonth(last) };
}

// ISO dates compare as strings. (Written with `if`: the linter reads a ternary on strings as Math.min.)
function earlier(a: string, b: string): string {
  if (b < a) return b;
  return a;
}
function later(a: string, b: string): string {
  if (b > a) return b;
  return a;
}

/** Days in a period, both ends counted. */
export function periodDays(p: Period): number {
  return daysBetween(p.van, p.tot) + 1;
}

/** The part two periods share (an open end runs on), or null when they do not meet. */
export function intersect(a: Period, b: { van: string; tot: string | null }): Period | null {
  const van = later(a.van, b.van);
  const tot = b.tot === null ? a.tot : earlier(a.tot, b.tot);
  return van <= tot ? { van, tot } : null;
}

/**
 * A monthly figure (expected minutes per month) over any range: each calendar month the range touches counts for
 * the share of its days inside the range, so a whole month gives the whole figure whatever its length, and 16 to
 * 15 of the next month gives about one month.
 */
export function prorateMonthly(perMonth: number, range: Period): number {
  if (range.tot < range.van) return 0;
  // Counted on numbers, not Date objects: it runs for every person of every overview.
  let year = Number(range.van.slice(0, 4));
  let month = Number(range.van.slice(5, 7));
  let day = Number(range.van.slice(8, 10));
  const endYear = Number(range.tot.slice(0, 4));
  const endMonth = Number(range.tot.slice(5, 7));
  let total = 0;
  while (year < endYear || (year === endYear && month <= endMonth)) {
    const days = daysInMonth(year, month);
    const last = year === endYear && month === endMonth ? Number(range.tot.slice(8, 10)) : days;
    total += (perMonth * (last - day + 1)) / days;
    day = 1;
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  return total;
}

// ---------------------------------------------------------------------------------------------------------------
// Load

/** More than this share of the expected hours: overbelast. */
export const overloadedAbove = 1.2;
/** An active person below this share of the expected hours (or with no inzet at all): nauwelijks gevraagd. */
export const hardlyAskedBelow = 0.25;

export type LoadFlag = 'overbelast' | 'nauwelijks_gevraagd';
export const loadFlagLabels: Record<LoadFlag, string> = {
  overbelast: 'Overbelast',
  nauwelijks_gevraagd: 'Nauwelijks gevraagd',
};

/** The flags of one person's load in a period. */
export function loadFlags(load: {
  actief: boolean;
  minuten: number;
  verwachtMinuten: number | null;
}): LoadFlag[] {
  const flags: LoadFlag[] = [];
  const expected = load.verwachtMinuten;
  if (expected !== null && expected > 0 && load.minuten > expected * overloadedAbove)
    flags.push('overbelast');
  if (
    load.actief &&
    (load.minuten === 0 || (expected !== null && expected > 0 && load.minuten < expected * hardlyAskedBelow))
  )
    flags.push('nauwelijks_gevraagd');
  return flags;
}

const hoursFormat = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });

/**
 * Hours as people say them: whole when whole, else one decimal ('6', '6,5'). Below a thousand hours written out
 * by hand: a proposal list formats a few hundred of them, and Intl's formatter costs more than ranking a person.
 */
export function formatHours(minutes: number): string {
  const tenths = Math.round(minutes / 6);
  if (tenths < 0 || tenths >= 10_000) return hoursFormat.format(tenths / 10);
  const whole = Math.floor(tenths / 10);
  const rest = tenths % 10;
  return rest === 0 ? String(whole) : `${whole},${rest}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Overview

const maxOverviewDays = 3 * 366 + 1;

export const overviewInput = z
  .strictObject({
    van: isoDate,
    tot: isoDate,
    gemeente: optionalText(80),
    taal: optionalText(40),
  })
  .superRefine((p, ctx) => {
    if (p.tot < p.van) ctx.addIssue({ code: 'custom', path: ['tot'], message: 'ligt vóór de begindatum' });
    else if (daysBetween(p.van, p.tot) > maxOverviewDays)
      ctx.addIssue({ code: 'custom', path: ['tot'], message: 'kies een periode van hoogstens drie jaar' });
  });

export interface LoadRow {
  personId: string;
  naam: string;
  gemeente: string | null;
  talen: string[];
  actief: boolean;
  minuten: number;
  activiteiten: number;
  /** Expected minutes in the period from the contract(s), prorated; null when no contract expects hours. */
  verwachtMinuten: number | null;
  /** minuten / verwachtMinuten, null without an expectation. */
  belasting: number | null;
  vlaggen: LoadFlag[];
}

export interface LoadGroup {
  /** The gemeente or language; '' for people without one. */
  naam: string;
  personen: number;
  minuten: number;
  activiteiten: number;
  verwachtMinuten: number;
  overbelast: number;
  nauwelijksGevraagd: number;
}

export interface LoadOverview {
  van: string;
  tot: string;
  rows: LoadRow[];
  perGemeente: LoadGroup[];
  perTaal: LoadGroup[];
  totaal: LoadGroup;
}

// ---------------------------------------------------------------------------------------------------------------
// Proposals

export const proposalsInput = z.strictObject({ requestId: id });

/** What the volunteer may still receive untaxed: per month, per year and the tighter of both. */
export type FiscalRoom =
  | { known: true; year: number; maandCents: number; jaarCents: number; ruimteCents: number }
  | { known: false; year: number };

export type ProposalWarning = 'afwezig' | 'overbelast' | 'geen_ruimte' | 'niet_beschikbaar' | 'ver_weg';

export interface Proposal {
  personId: string;
  naam: string;
  gemeente: string | null;
  talen: string[];
  /** Already picked for this request. */
  gekoppeld: boolean;
  /** Higher fits better; the list is sorted by it. */
  score: number;
  /** Why this person fits, in Dutch, most telling first. */
  redenen: string[];
  /** What speaks against asking them, in Dutch. */
  waarschuwingen: { soort: ProposalWarning; tekst: string }[];
  minutenDezeMaand: number;
  verwachtMinutenDezeMaand: number | null;
  ruimte: FiscalRoom | null;
}

export interface Proposals {
  /** The request as the proposals saw it: its version is the one to match against. */
  aanvraag: {
    id: string;
    version: number;
    status: string;
    omschrijving: string;
    gemeente: string | null;
    gewenstVan: string | null;
    talen: { taal: string; verplicht: boolean }[];
  };
  /** The month whose load is shown ('YYYY-MM'). */
  maand: string;
  /** Everyone who speaks every required language, best fit first. */
  voorstellen: Proposal[];
  /** Active people without a required language, the closest 25: shown apart, for when nobody else can go. */
  spreektDeTaalNiet: Proposal[];
  /** How many active people lack a required language (of whom spreektDeTaalNiet shows the closest). */
  spreektDeTaalNietTotaal: number;
  /** The required languages nobody in the pool speaks. */
  ontbrekendeTalen: string[];
}
