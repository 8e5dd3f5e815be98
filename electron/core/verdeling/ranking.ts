/**
 * Who fits a request, and why: a pure ranking of candidates already loaded (no store, no clock), so it can be
 * tested on constructed pools. Required languages decide who is proposed at all; then preferences (languages,
 * gender, origin), place and travel, availability, load and fiscal room add or take points; every point has its
 * Dutch reason or warning, so the coordinator sees why someone stands where they stand.
 */
import { formatCents, formatDate, formatHours } from '../../../shared/format.ts';
import {
  type FiscalRoom,
  overloadedAbove,
  type Proposal,
  type ProposalWarning,
} from '../../../shared/verdeling.ts';
import { type Dagdeel, dagdeelLabel } from '../../../shared/work-vocabulary.ts';

export interface RankedRequest {
  /** Languages asked for; required ones must be spoken. */
  talen: { taal: string; verplicht: boolean }[];
  gemeente: string | null;
  voorkeurGender: string | null;
  voorkeurHerkomst: string | null;
  /** The wanted dagdeel when the request says when (a date with a time); else the weekday only, or nothing. */
  wanneer: { dag: string; dagdeel: Dagdeel | null } | null;
  /** The allowance one volunteer would receive for it, when known; compared with their room. */
  kostenCents: (personId: string) => number | null;
}

export interface Candidate {
  personId: string;
  naam: string;
  gender: string | null;
  herkomstland: string | null;
  gemeente: string | null;
  talen: string[];
  /** null: nothing recorded about availability. */
  beschikbaarheid: { dagdelen: Set<string>; eigenVervoer: boolean; ookGemeenten: string[] } | null;
  /** An absence covering the wanted date or period. */
  afwezig: { van: string; tot: string; reden: string | null } | null;
  minutenDezeMaand: number;
  verwachtMinutenDezeMaand: number | null;
  ruimte: FiscalRoom | null;
  gekoppeld: boolean;
}

/** Languages and places compared without case or accents; the same few words recur, so each is folded once. */
const folded = new Map<string, string>();
export function fold(s: string): string {
  let f = folded.get(s);
  if (f === undefined) {
    f = s.normalize('NFD').replace(/\p{M}/gu, '').trim().toLocaleLowerCase('nl');
    if (folded.size > 5000) folded.clear();
    folded.set(s, f);
  }
  return f;
}
const collator = new Intl.Collator('nl');

/**
 * Room in whole euros, rounded down, as a coordinator says it ('ruimte € 1.120'): never more than there is. Written
 * out by hand: a list formats hundreds, and Intl's currency format costs more than ranking the person.
 */
export function wholeEuros(cents: number): string {
  const euros = String(Math.floor(cents / 100));
  return `€ ${euros.replace(/\B(?=(\d{3})+$)/g, '.')}`;
}
const same = (a: string | null, b: string | null) => a !== null && b !== null && fold(a) === fold(b);

const whenText = (w: { dag: string; dagdeel: Dagdeel | null }) => dagdeelLabel(w.dagdeel ?? w.dag);

/** Points per fit: preferences before place, place before availability, load and room as the finer order. */
const points = {
  /** The same for everyone proposed; among those shown apart, who speaks more of the languages comes first. */
  requiredLanguage: 20,
  optionalLanguage: 12,
  gender: 10,
  origin: 10,
  sameGemeente: 14,
  willingWithTransport: 9,
  willingWithoutTransport: 4,
  notWilling: -8,
  available: 6,
  notAvailable: -10,
  absent: -60,
  overloaded: -15,
  /** At most this many for an empty agenda, fewer as the month fills. */
  lowLoad: 8,
  noRoom: -20,
} as const;

/** Ranks those who speak every required language; the others come back apart, ranked the same way. */
export function rankCandidates(
  request: RankedRequest,
  candidates: readonly Candidate[],
): { voorstellen: Proposal[]; spreektDeTaalNiet: Proposal[]; ontbrekendeTalen: string[] } {
  const required = request.talen.filter((t) => t.verplicht).map((t) => t.taal);
  const voorstellen: Proposal[] = [];
  const spreektDeTaalNiet: Proposal[] = [];
  const spoken = new Set<string>();
  for (const c of candidates) {
    const speaks = new Set(c.talen.map(fold));
    for (const t of required) if (speaks.has(fold(t))) spoken.add(fold(t));
    const proposal = propose(request, c, speaks);
    if (required.every((t) => speaks.has(fold(t)))) voorstellen.push(proposal);
    else spreektDeTaalNiet.push(proposal);
  }
  const order = (a: Proposal, b: Proposal) =>
    b.score - a.score || loadShare(a) - loadShare(b) || collator.compare(a.naam, b.naam);
  return {
    voorstellen: voorstellen.sort(order),
    spreektDeTaalNiet: spreektDeTaalNiet.sort(order),
    ontbrekendeTalen: required.filter((t) => !spoken.has(fold(t))),
  };
}

/** Share of the month's expected hours used; without an expectation, hours against a nominal 16. */
function loadShare(p: { minutenDezeMaand: number; verwachtMinutenDezeMaand: number | null }): number {
  const expected = p.verwachtMinutenDezeMaand;
  return expected && expected > 0 ? p.minutenDezeMaand / expected : p.minutenDezeMaand / (16 * 60);
}

function propose(request: RankedRequest, c: Candidate, speaks: Set<string>): Proposal {
  let score = 0;
  const redenen: string[] = [];
  const waarschuwingen: { soort: ProposalWarning; tekst: string }[] = [];
  const warn = (soort: ProposalWarning, tekst: string) => waarschuwingen.push({ soort, tekst });

  const matched = request.talen.filter((t) => speaks.has(fold(t.taal)));
  if (matched.length > 0) redenen.push(`spreekt ${matched.map((t) => t.taal).join(' en ')}`);
  score += matched.filter((t) => !t.verplicht).length * points.optionalLanguage;
  score += matched.filter((t) => t.verplicht).length * points.requiredLanguage;
  const missing = request.talen.filter((t) => t.verplicht && !speaks.has(fold(t.taal)));
  if (missing.length > 0) redenen.unshift(`spreekt geen ${missing.map((t) => t.taal).join(' of ')}`);

  if (request.voorkeurGender && same(c.gender, request.voorkeurGender)) {
    score += points.gender;
    redenen.push(`${c.gender}, zoals gevraagd`);
  }
  if (request.voorkeurHerkomst && same(c.herkomstland, request.voorkeurHerkomst)) {
    score += points.origin;
    redenen.push(`herkomst ${c.herkomstland}`);
  }

  score += place(request, c, redenen, warn);

  if (request.wanneer && c.beschikbaarheid) {
    const w = request.wanneer;
    const free = w.dagdeel
      ? c.beschikbaarheid.dagdelen.has(w.dagdeel)
      : [...c.beschikbaarheid.dagdelen].some((d) => d.startsWith(`${w.dag}-`));
    if (free) {
      score += points.available;
      redenen.push(`beschikbaar op ${whenText(w)}`);
    } else {
      score += points.notAvailable;
      warn('niet_beschikbaar', `meestal niet beschikbaar op ${whenText(w)}`);
    }
  }
  if (c.afwezig) {
    score += points.absent;
    const reden = c.afwezig.reden ? ` (${c.afwezig.reden})` : '';
    warn('afwezig', `afwezig ${formatDate(c.afwezig.van)} t/m ${formatDate(c.afwezig.tot)}${reden}`);
  }

  const used = formatHours(c.minutenDezeMaand);
  const expected = c.verwachtMinutenDezeMaand;
  if (expected && expected > 0) {
    const share = c.minutenDezeMaand / expected;
    if (share > overloadedAbove) {
      score += points.overloaded;
      warn('overbelast', `overbelast: ${used} van ${formatHours(expected)} uur ingezet`);
    } else redenen.push(`${used} van ${formatHours(expected)} uur ingezet`);
    score += points.lowLoad * Math.max(0, 1 - share);
  } else {
    redenen.push(`${used} uur ingezet`);
    score += points.lowLoad * Math.max(0, 1 - loadShare(c));
  }

  if (c.ruimte) {
    if (!c.ruimte.known) redenen.push(`grens ${c.ruimte.year} onbekend`);
    else {
      const cost = request.kostenCents(c.personId);
      const room = c.ruimte.ruimteCents;
      if (room <= 0 || (cost !== null && cost > room)) {
        score += points.noRoom;
        warn(
          'geen_ruimte',
          room <= 0
            ? 'geen fiscale ruimte meer'
            : `te weinig fiscale ruimte: ${formatCents(room)} over, dit kost ${formatCents(cost ?? 0)}`,
        );
      } else redenen.push(`ruimte ${wholeEuros(room)}`);
    }
  }

  return {
    personId: c.personId,
    naam: c.naam,
    gemeente: c.gemeente,
    talen: c.talen,
    gekoppeld: c.gekoppeld,
    score: Math.round(score * 10) / 10,
    redenen,
    waarschuwingen,
    minutenDezeMaand: c.minutenDezeMaand,
    verwachtMinutenDezeMaand: expected,
    ruimte: c.ruimte,
  };
}

/** Same gemeente; or willing to go there, better with own transport; or not willing: a warning. */
function place(
  request: RankedRequest,
  c: Candidate,
  redenen: string[],
  warn: (soort: ProposalWarning, tekst: string) => void,
): number {
  const where = c.gemeente ? `woont in ${c.gemeente}` : 'woonplaats onbekend';
  if (!request.gemeente) {
    if (c.gemeente) redenen.push(where);
    return 0;
  }
  if (same(c.gemeente, request.gemeente)) {
    redenen.push(where);
    return points.sameGemeente;
  }
  const a = c.beschikbaarheid;
  if (a?.ookGemeenten.some((g) => same(g, request.gemeente))) {
    redenen.push(`${where}, wil naar ${request.gemeente}${a.eigenVervoer ? ', eigen vervoer' : ''}`);
    return a.eigenVervoer ? points.willingWithTransport : points.willingWithoutTransport;
  }
  warn(
    'ver_weg',
    `${where}, niet opgegeven voor ${request.gemeente}${a?.eigenVervoer ? '' : ', geen eigen vervoer bekend'}`,
  );
  return points.notWilling;
}
