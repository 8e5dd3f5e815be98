/**
 * verantwoording.report: every figure of the report for a period and scope, each from a set-based aggregate query
 * (GROUP BY in the store, a handful of statements whatever the number of activities). Only the response times
 * are computed here, from the dates of the requests: a median is not portable SQL, and requests are few.
 */

import { type ClaimKind, claimKindLabels, claimKinds } from '../../../shared/claims.ts';
import { type OutflowKind, outflowKindLabels, outflowKinds } from '../../../shared/doorgroei.ts';
import { formatMonth } from '../../../shared/format.ts';
import { genderLabels } from '../../../shared/persons.ts';
import { knownRoles, leefgebieden } from '../../../shared/profiles.ts';
import {
  headlineLabels,
  type ReportColumn,
  type ReportInput,
  type ReportTable,
  type VerantwoordingReport,
} from '../../../shared/verantwoording.ts';
import {
  activityKindLabels,
  activityKinds,
  hulpvraagCategories,
  hulpvraagLabels,
  originRegionLabels,
  referralKinds,
  referralLabels,
  requestStatuses,
  requestStatusLabels,
} from '../../../shared/work-vocabulary.ts';
import { type DaySummary, responseTimes, summariseResponseTimes } from '../aanvragen/read.ts';
import { grantedStatuses } from '../claims/granted.ts';
import type { Reader } from '../context.ts';
import { outflowCounts } from '../doorgroei/read.ts';
import { invalidField } from '../failure.ts';
import { basistrainingCondition } from '../scholing/read.ts';
import { claimsInScope, inzetInScope, requestsInScope } from './scope.ts';

/** Claims that count as paid or on their way to payment: approved, in a batch, paid. */
// Paid or on its way: the statuses whose allowance is granted (claims/granted.ts).
const paidStatuses = [...grantedStatuses];
/** Allowances (for the work itself) against costs refunded on receipts or by the km. */
export const allowanceKinds: readonly ClaimKind[] = ['activiteit', 'uren', 'maand'];

const count = (title: string, people = false): ReportColumn => ({ title, format: 'aantal', people });
const hours: ReportColumn = { title: 'Uren', format: 'minuten', people: false };
const n = (value: unknown) => Number(value ?? 0);

/**
 * Rows for a fixed list of keys in its order (every key shown, 0 where nothing was counted), then any other
 * values found in the store (a role of the organisation's own, an older key) under their own name.
 */
function keyed<K extends string>(
  keys: readonly K[],
  labels: Partial<Record<string, string>>,
  found: Map<string, number[]>,
  width: number,
): ReportTable['rows'] {
  const rows = keys.map((key) => ({
    label: labels[key] ?? key,
    values: found.get(key) ?? Array(width).fill(0),
  }));
  const known = new Set<string>(keys);
  const rest = [...found].filter(([key]) => !known.has(key)).sort(([a], [b]) => a.localeCompare(b, 'nl'));
  return [...rows, ...rest.map(([key, values]) => ({ label: labels[key] ?? key, values }))];
}

/** Rows sorted by their first value, largest first: for open lists (languages, countries). */
function ranked(
  found: Map<string, number[]>,
  labels: Partial<Record<string, string>> = {},
): ReportTable['rows'] {
  return [...found]
    .sort(([a, x], [b, y]) => (y[0] ?? 0) - (x[0] ?? 0) || a.localeCompare(b, 'nl'))
    .map(([key, values]) => ({ label: labels[key] ?? key, values }));
}

/** The months of the period, each 'YYYY-MM', in order. */
export function monthsOf(van: string, tot: string): string[] {
  const months: string[] = [];
  let [y, m] = van.slice(0, 7).split('-').map(Number) as [number, number];
  const last = tot.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > last) break;
    months.push(key);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return months;
}

async function scopeName(db: Reader, { scope }: ReportInput): Promise<string> {
  switch (scope.soort) {
    case 'organisatie':
      return 'Hele organisatie';
    case 'gemeente':
      return `Gemeente ${scope.gemeente}`;
    case 'partner': {
      const p = await db.selectFrom('partners').select('naam').where('id', '=', scope.id).executeTakeFirst();
      if (!p) throw invalidField('scope.id', 'deze ketenpartner bestaat niet (meer)');
      return p.naam;
    }
    case 'project': {
      const p = await db.selectFrom('projects').select('naam').where('id', '=', scope.id).executeTakeFirst();
      if (!p) throw invalidField('scope.id', 'dit project bestaat niet (meer)');
      return `Project ${p.naam}`;
    }
  }
}

async function requestTables(db: Reader, input: ReportInput): Promise<ReportTable[]> {
  const { van, tot } = input;
  const received = await db
    .selectFrom('requests')
    .select(['requests.status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('requests.ontvangen_op', '>=', van)
    .where('requests.ontvangen_op', '<=', tot)
    .where(requestsInScope(input))
    .groupBy('requests.status')
    .execute();
  const done = await db
    .selectFrom('requests')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('requests.uitgevoerd_op', '>=', van)
    .where('requests.uitgevoerd_op', '<=', `${tot}T99`)
    .where(requestsInScope(input))
    .executeTakeFirst();
  const byStatus = new Map(received.map((r) => [r.status, [n(r.n)]]));
  const total = received.reduce((sum, r) => sum + n(r.n), 0);
  const aanvragen: ReportTable = {
    key: 'aanvragen',
    title: 'Aanvragen ontvangen en afgehandeld',
    labelTitle: 'Aanvragen',
    columns: [count('Aantal')],
    rows: [
      { label: 'Ontvangen in de periode', values: [total] },
      ...keyed(requestStatuses, requestStatusLabels, byStatus, 1).map((r) => ({
        ...r,
        label: `waarvan nu ${r.label.toLowerCase()}`,
      })),
      { label: 'Uitgevoerd in de periode', values: [n(done?.n)] },
    ],
  };

  // Response times of the requests received in the period: a row per request that was matched (few hundred a year).
  const dated = await db
    .selectFrom('requests')
    .select(['requests.ontvangen_op', 'requests.gematcht_op', 'requests.uitgevoerd_op'])
    .where('requests.ontvangen_op', '>=', van)
    .where('requests.ontvangen_op', '<=', tot)
    .where('requests.gematcht_op', 'is not', null)
    .where(requestsInScope(input))
    .execute();
  // The aanvragen area's one rule for response times (whole days, a step still open left out).
  const times = summariseResponseTimes(dated.map(responseTimes));
  const step = (d: DaySummary) => [d.mediaan ?? 0, d.gemiddeld ?? 0, d.aantal];
  const days = (title: string): ReportColumn => ({ title, format: 'dagen', people: false });
  const reactietijden: ReportTable = {
    key: 'reactietijden',
    title: 'Reactietijden (dagen)',
    labelTitle: 'Stap',
    columns: [days('Mediaan'), days('Gemiddeld'), count('Aanvragen')],
    rows: [
      { label: 'Ontvangen tot gematcht', values: step(times.ontvangenTotGematcht) },
      { label: 'Gematcht tot uitgevoerd', values: step(times.gematchtTotUitgevoerd) },
    ],
  };
  return [aanvragen, reactietijden];
}

async function inzetTables(db: Reader, input: ReportInput) {
  const bySoort = await db
    .selectFrom('inzet')
    .select([
      'inzet.soort',
      (eb) => eb.fn.countAll<number>().as('n'),
      (eb) => eb.fn.sum<number>('inzet.minuten').as('m'),
    ])
    .where(inzetInScope(input))
    .groupBy('inzet.soort')
    .execute();
  // Literals, not parameters: PostgreSQL matches the GROUP BY expression to the selected one only when they are the same.
  const byMonth = await db
    .selectFrom('inzet')
    .select([
      (eb) => eb.fn<string>('substr', ['inzet.datum', eb.lit(1), eb.lit(7)]).as('maand'),
      (eb) => eb.fn.countAll<number>().as('n'),
      (eb) => eb.fn.sum<number>('inzet.minuten').as('m'),
    ])
    .where(inzetInScope(input))
    .groupBy((eb) => eb.fn<string>('substr', ['inzet.datum', eb.lit(1), eb.lit(7)]))
    .execute();
  const tags = await db
    .selectFrom('inzet_tags')
    .innerJoin('inzet', 'inzet.id', 'inzet_tags.inzet_id')
    .select([
      'inzet_tags.kind',
      'inzet_tags.waarde',
      (eb) => eb.fn.countAll<number>().as('n'),
      (eb) => eb.fn.sum<number>('inzet.minuten').as('m'),
    ])
    .where(inzetInScope(input))
    .groupBy(['inzet_tags.kind', 'inzet_tags.waarde'])
    .execute();
  const reach = await db
    .selectFrom('inzet')
    .select([
      (eb) => eb.fn.sum<number>('inzet.bereik_volwassenen').as('volwassenen'),
      (eb) => eb.fn.sum<number>('inzet.bereik_kinderen').as('kinderen'),
      (eb) => eb.fn.sum<number>('inzet.bereik_statushouders').as('statushouders'),
      (eb) => eb.fn.sum<number>('inzet.bereik_professionals').as('professionals'),
    ])
    .where(inzetInScope(input))
    .executeTakeFirst();
  const reachBy = await db
    .selectFrom('inzet_reach')
    .innerJoin('inzet', 'inzet.id', 'inzet_reach.inzet_id')
    .select([
      'inzet_reach.dimensie',
      'inzet_reach.waarde',
      (eb) => eb.fn.sum<number>('inzet_reach.aantal').as('n'),
    ])
    .where(inzetInScope(input))
    .groupBy(['inzet_reach.dimensie', 'inzet_reach.waarde'])
    .execute();

  const pair = (rows: { n: unknown; m?: unknown }[], key: (r: never) => string) =>
    new Map(rows.map((r) => [key(r as never), [n(r.n), n(r.m)]]));
  const tagsOf = (kind: string) =>
    new Map(tags.filter((t) => t.kind === kind).map((t) => [t.waarde, [n(t.n), n(t.m)]]));
  const activityColumns = [count('Activiteiten'), hours];
  const monthFound = pair(byMonth, (r: { maand: string }) => r.maand);
  const v = {
    volwassenen: n(reach?.volwassenen),
    kinderen: n(reach?.kinderen),
    statushouders: n(reach?.statushouders),
    professionals: n(reach?.professionals),
  };
  const reachOf = (dim: string) =>
    new Map(reachBy.filter((r) => r.dimensie === dim).map((r) => [r.waarde, [n(r.n)]]));
  const tables: ReportTable[] = [
    {
      key: 'inzetSoort',
      title: 'Inzet naar soort activiteit',
      labelTitle: 'Soort activiteit',
      columns: activityColumns,
      rows: keyed(
        activityKinds,
        activityKindLabels,
        pair(bySoort, (r: { soort: string }) => r.soort),
        2,
      ),
    },
    {
      key: 'inzetRol',
      title: 'Inzet naar rol',
      labelTitle: 'Rol',
      columns: activityColumns,
      rows: keyed(knownRoles, capitalised(knownRoles), tagsOf('rol'), 2),
    },
    {
      key: 'inzetLeefgebied',
      title: 'Inzet naar leefgebied',
      labelTitle: 'Leefgebied',
      columns: activityColumns,
      rows: keyed(leefgebieden, capitalised(leefgebieden), tagsOf('leefgebied'), 2),
    },
    {
      key: 'inzetMaand',
      title: 'Inzet per maand',
      labelTitle: 'Maand',
      columns: activityColumns,
      rows: keyed(monthsOf(input.van, input.tot), monthLabels(input), monthFound, 2),
    },
    {
      key: 'bereik',
      title: 'Mensen bereikt',
      labelTitle: 'Groep',
      columns: [count('Aantal', true)],
      rows: [
        { label: 'Volwassenen', values: [v.volwassenen] },
        { label: 'Kinderen', values: [v.kinderen] },
        { label: 'waarvan statushouders', values: [v.statushouders] },
        { label: 'Professionals', values: [v.professionals] },
      ],
    },
    {
      key: 'bereikHerkomst',
      title: 'Bereikt naar herkomstregio',
      labelTitle: 'Herkomstregio',
      columns: [count('Aantal', true)],
      rows: ranked(reachOf('herkomst'), originRegionLabels),
    },
    {
      key: 'bereikTaal',
      title: 'Bereikt naar taal',
      labelTitle: 'Taal',
      columns: [count('Aantal', true)],
      rows: ranked(reachOf('taal')),
    },
    {
      key: 'hulpvraag',
      title: 'Hulpvragen',
      labelTitle: 'Hulpvraag',
      columns: [count('Activiteiten', true)],
      rows: keyed(hulpvraagCategories, hulpvraagLabels, firstOnly(tagsOf('hulpvraag')), 1),
    },
    {
      key: 'doorverwijzing',
      title: 'Doorverwijzingen',
      labelTitle: 'Doorverwezen naar',
      columns: [count('Activiteiten', true)],
      rows: keyed(referralKinds, referralLabels, firstOnly(tagsOf('doorverwijzing')), 1),
    },
  ];
  const totals = {
    activiteiten: bySoort.reduce((s, r) => s + n(r.n), 0),
    minuten: bySoort.reduce((s, r) => s + n(r.m), 0),
    bereikt: v.volwassenen + v.kinderen,
  };
  return { tables, totals };
}

const firstOnly = (found: Map<string, number[]>) =>
  new Map([...found].map(([key, values]) => [key, values.slice(0, 1)]));
const capitalised = (keys: readonly string[]) =>
  Object.fromEntries(keys.map((k) => [k, k.charAt(0).toUpperCase() + k.slice(1)]));
const monthLabels = ({ van, tot }: ReportInput) =>
  Object.fromEntries(monthsOf(van, tot).map((m) => [m, formatMonth(m)]));

/** The pool that did the work: the people on at least one activity of the scope in the period. */
async function poolTables(db: Reader, input: ReportInput) {
  const active = db
    .selectFrom('inzet_persons')
    .innerJoin('inzet', 'inzet.id', 'inzet_persons.inzet_id')
    .select('inzet_persons.person_id')
    .where(inzetInScope(input));
  const people = await db
    .selectFrom('persons')
    .select(['persons.gender', 'persons.herkomstland', (eb) => eb.fn.countAll<number>().as('n')])
    .where('persons.id', 'in', active)
    .groupBy(['persons.gender', 'persons.herkomstland'])
    .execute();
  const languages = await db
    .selectFrom('person_languages')
    .select([
      'person_languages.taal',
      (eb) => eb.fn.count<number>('person_languages.person_id').distinct().as('n'),
    ])
    .where('person_languages.person_id', 'in', active)
    .groupBy('person_languages.taal')
    .execute();
  const trained = await db
    .selectFrom('persons')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('persons.id', 'in', active)
    .where((eb) => basistrainingCondition(eb))
    .executeTakeFirst();
  const outflow = await outflowCounts(db, input.van, input.tot);

  const sumBy = (key: (r: (typeof people)[number]) => string) => {
    const found = new Map<string, number[]>();
    for (const r of people) {
      const k = key(r);
      found.set(k, [(found.get(k)?.[0] ?? 0) + n(r.n)]);
    }
    return found;
  };
  const total = people.reduce((s, r) => s + n(r.n), 0);
  const ppl = [count('Sleutelpersonen', true)];
  const tables: ReportTable[] = [
    {
      key: 'poolTalen',
      title: 'Talen van de actieve sleutelpersonen',
      labelTitle: 'Taal',
      columns: ppl,
      rows: ranked(new Map(languages.map((l) => [l.taal, [n(l.n)]]))),
    },
    {
      key: 'poolGender',
      title: 'Gender van de actieve sleutelpersonen',
      labelTitle: 'Gender',
      columns: ppl,
      rows: ranked(
        sumBy((r) => r.gender ?? 'onbekend'),
        genderLabels,
      ),
    },
    {
      key: 'poolHerkomst',
      title: 'Herkomstland van de actieve sleutelpersonen',
      labelTitle: 'Herkomstland',
      columns: ppl,
      rows: ranked(sumBy((r) => r.herkomstland ?? 'Onbekend')),
    },
    {
      key: 'poolOntwikkeling',
      title:
        input.scope.soort === 'organisatie'
          ? 'Scholing en doorgroei'
          : 'Scholing en doorgroei (uitstroom: hele organisatie)',
      labelTitle: 'Ontwikkeling',
      columns: [count('Aantal', true)],
      rows: [
        { label: 'Actieve sleutelpersonen', values: [total] },
        { label: 'waarvan basistraining gevolgd', values: [n(trained?.n)] },
        { label: 'Uitgestroomd in de periode', values: [outflow.totaal] },
        ...outflowKinds.map((kind: OutflowKind) => ({
          label: `naar ${outflowKindLabels[kind].toLowerCase()}`,
          values: [outflow[kind]],
        })),
      ],
    },
  ];
  return { tables, active: total };
}

async function costTable(db: Reader, input: ReportInput) {
  const byKind = await db
    .selectFrom('claims')
    .select([
      'claims.soort',
      (eb) => eb.fn.countAll<number>().as('n'),
      (eb) => eb.fn.sum<number>('claims.bedrag_cents').as('c'),
    ])
    .where('claims.datum', '>=', input.van)
    .where('claims.datum', '<=', input.tot)
    .where('claims.status', 'in', paidStatuses)
    .where(claimsInScope(input))
    .groupBy('claims.soort')
    .execute();
  const found = new Map(byKind.map((r) => [r.soort, [n(r.n), n(r.c)]]));
  const sum = (kinds: readonly string[]) => kinds.reduce((s, k) => s + (found.get(k)?.[1] ?? 0), 0);
  const allowance = sum(allowanceKinds);
  const total = sum([...found.keys()]);
  const rows: ReportTable['rows'] = [
    ...keyed(claimKinds, claimKindLabels, found, 2),
    { label: 'Totaal vergoedingen', values: [countOf(found, allowanceKinds), allowance] },
    {
      label: 'Totaal onkosten',
      values: [
        countOf(
          found,
          claimKinds.filter((k) => !allowanceKinds.includes(k)),
        ),
        total - allowance,
      ],
    },
    { label: 'Totaal', values: [countOf(found, [...found.keys()]), total] },
  ];
  let budget: ReportTable | null = null;
  if (input.scope.soort === 'project') {
    const project = await db
      .selectFrom('projects')
      .select(['projects.budget_cents', 'projects.startdatum'])
      .where('projects.id', '=', input.scope.id)
      .executeTakeFirstOrThrow();
    const spent = await db
      .selectFrom('claims')
      .select((eb) => eb.fn.sum<number>('claims.bedrag_cents').as('c'))
      .where('claims.project_id', '=', input.scope.id)
      .where('claims.status', 'in', paidStatuses)
      .where('claims.datum', '<=', input.tot)
      .executeTakeFirst();
    budget = {
      key: 'budget',
      title: 'Budget van het project',
      labelTitle: 'Budget',
      columns: [{ title: 'Bedrag', format: 'cents', people: false }],
      rows: [
        { label: 'Budget van het project', values: [project.budget_cents] },
        { label: 'Besteed in de periode', values: [total] },
        { label: 'Besteed sinds de start t/m het einde van de periode', values: [n(spent?.c)] },
        { label: 'Nog over van het budget', values: [project.budget_cents - n(spent?.c)] },
      ],
    };
  }
  const table: ReportTable = {
    key: 'kosten',
    title: 'Vergoedingen en kosten (goedgekeurd of betaald)',
    labelTitle: 'Soort',
    columns: [count('Declaraties'), { title: 'Bedrag', format: 'cents', people: false }],
    rows,
  };
  return { tables: budget ? [table, budget] : [table], total };
}

const countOf = (found: Map<string, number[]>, kinds: readonly string[]) =>
  kinds.reduce((s, k) => s + (found.get(k)?.[0] ?? 0), 0);

/** The whole report, exact figures; maskSmallCounts (shared) makes the published version. */
export async function buildReport(db: Reader, input: ReportInput): Promise<VerantwoordingReport> {
  const scopeNaam = await scopeName(db, input);
  const requests = await requestTables(db, input);
  const inzet = await inzetTables(db, input);
  const pool = await poolTables(db, input);
  const costs = await costTable(db, input);
  const received = requests[0]?.rows[0]?.values[0] ?? 0;
  return {
    van: input.van,
    tot: input.tot,
    scope: input.scope,
    scopeNaam,
    masked: false,
    kerncijfers: [
      { label: headlineLabels.aanvragen, value: received, format: 'aantal' },
      { label: headlineLabels.activiteiten, value: inzet.totals.activiteiten, format: 'aantal' },
      { label: headlineLabels.uren, value: inzet.totals.minuten, format: 'minuten' },
      { label: headlineLabels.bereikt, value: inzet.totals.bereikt, format: 'aantal' },
      { label: headlineLabels.sleutelpersonen, value: pool.active, format: 'aantal' },
      { label: headlineLabels.betaald, value: costs.total, format: 'cents' },
    ],
    tables: [...requests, ...inzet.tables, ...pool.tables, ...costs.tables],
  };
}
