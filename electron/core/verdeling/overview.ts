/**
 * The pool's load in a period: per person hours and activities against the hours their contract expects (prorated
 * over the period), flagged overbelast or nauwelijks gevraagd, and the same summed per gemeente and per language.
 * Four statements whatever the pool's size.
 */
import type { ExpressionBuilder } from 'kysely';
import { fullName } from '../../../shared/persons.ts';
import { type LoadGroup, type LoadOverview, type LoadRow, loadFlags } from '../../../shared/verdeling.ts';
import { activeContracts } from '../claims/contract-terms.ts';
import type { Reader } from '../context.ts';
import type { DB } from '../store/schema.ts';
import { expectedMinutes, loadInPeriod } from './read.ts';

const collator = new Intl.Collator('nl');

export interface OverviewFilter {
  van: string;
  tot: string;
  gemeente: string | null;
  taal: string | null;
}

/** Active people, and anyone else who did inzet in the period (they did the work, even if they stopped since). */
function inPool(eb: ExpressionBuilder<DB, 'persons'>, f: OverviewFilter) {
  const worked = eb
    .selectFrom('inzet_persons')
    .innerJoin('inzet', 'inzet.id', 'inzet_persons.inzet_id')
    .select('inzet_persons.person_id')
    .where('inzet.datum', '>=', f.van)
    .where('inzet.datum', '<=', f.tot);
  const conditions = [eb.or([eb('persons.status', '=', 'actief'), eb('persons.id', 'in', worked)])];
  if (f.gemeente) conditions.push(eb('persons.gemeente', '=', f.gemeente));
  if (f.taal) {
    const speaks = eb
      .selectFrom('person_languages')
      .select('person_languages.person_id')
      .where('person_languages.taal', '=', f.taal);
    conditions.push(eb('persons.id', 'in', speaks));
  }
  return eb.and(conditions);
}

export async function loadOverview(db: Reader, f: OverviewFilter): Promise<LoadOverview> {
  const period = { van: f.van, tot: f.tot };
  const [people, languages, loads] = await Promise.all([
    db
      .selectFrom('persons')
      .select(['id', 'voornaam', 'tussenvoegsel', 'achternaam', 'roepnaam', 'gemeente', 'status'])
      .where((eb) => inPool(eb, f))
      .execute(),
    db
      .selectFrom('person_languages')
      .innerJoin('persons', 'persons.id', 'person_languages.person_id')
      .select(['person_languages.person_id', 'person_languages.taal'])
      .where((eb) => inPool(eb, f))
      .orderBy('person_languages.person_id')
      .orderBy('person_languages.position')
      .execute(),
    loadInPeriod(db, period),
  ]);
  const contracts = await activeContracts(
    db,
    people.map((p) => p.id),
  );
  const talenOf = new Map<string, string[]>();
  for (const l of languages) {
    const list = talenOf.get(l.person_id) ?? [];
    list.push(l.taal);
    talenOf.set(l.person_id, list);
  }

  const rows: LoadRow[] = people.map((p) => {
    const load = loads.get(p.id) ?? { minuten: 0, activiteiten: 0 };
    const verwachtMinuten = expectedMinutes(contracts.get(p.id), period);
    const actief = p.status === 'actief';
    return {
      personId: p.id,
      naam: fullName(p),
      gemeente: p.gemeente,
      talen: talenOf.get(p.id) ?? [],
      actief,
      minuten: load.minuten,
      activiteiten: load.activiteiten,
      verwachtMinuten,
      belasting: verwachtMinuten ? load.minuten / verwachtMinuten : null,
      vlaggen: loadFlags({ actief, minuten: load.minuten, verwachtMinuten }),
    };
  });
  rows.sort(byLoad);

  return {
    van: f.van,
    tot: f.tot,
    rows,
    perGemeente: groups(rows, (r) => [r.gemeente ?? '']),
    perTaal: groups(rows, (r) => (r.talen.length > 0 ? r.talen : [''])),
    totaal: sum('', rows),
  };
}

/** Heaviest first: by share of the expected hours, those without an expectation by hours, after them. */
function byLoad(a: LoadRow, b: LoadRow): number {
  if (a.belasting !== null && b.belasting !== null)
    return b.belasting - a.belasting || b.minuten - a.minuten || collator.compare(a.naam, b.naam);
  if (a.belasting !== null) return -1;
  if (b.belasting !== null) return 1;
  return b.minuten - a.minuten || collator.compare(a.naam, b.naam);
}

function sum(naam: string, rows: readonly LoadRow[]): LoadGroup {
  const g: LoadGroup = {
    naam,
    personen: 0,
    minuten: 0,
    activiteiten: 0,
    verwachtMinuten: 0,
    overbelast: 0,
    nauwelijksGevraagd: 0,
  };
  for (const r of rows) add(g, r);
  return g;
}

function add(g: LoadGroup, r: LoadRow): void {
  g.personen++;
  g.minuten += r.minuten;
  g.activiteiten += r.activiteiten;
  g.verwachtMinuten += r.verwachtMinuten ?? 0;
  if (r.vlaggen.includes('overbelast')) g.overbelast++;
  if (r.vlaggen.includes('nauwelijks_gevraagd')) g.nauwelijksGevraagd++;
}

/** One group per key a row carries (a person who speaks three languages counts in each), largest first. */
function groups(rows: readonly LoadRow[], keys: (r: LoadRow) => string[]): LoadGroup[] {
  const byName = new Map<string, LoadGroup>();
  for (const r of rows) {
    for (const key of new Set(keys(r))) {
      const g = byName.get(key) ?? sum(key, []);
      add(g, r);
      byName.set(key, g);
    }
  }
  return [...byName.values()].sort(
    (a, b) => b.personen - a.personen || b.minuten - a.minuten || collator.compare(a.naam, b.naam),
  );
}
