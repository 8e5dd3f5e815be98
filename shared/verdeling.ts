/**
 * Verdeling: who to ask for a request (ranked proposals with their reasons) and how the work is spread over the pool
 * in a period (hours and activities per person against the hours their contract expects). Inputs and output
 * types; the period arithmetic is in periods.ts.
 */
import { z } from 'zod';
import { daysBetween } from './dates.ts';
import { id, isoDate, optionalText } from './validation.ts';

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
