/**
 * verantwoording.report: every figure of the report for a period and scope, each from a set-based aggregate query
 * (GROUP BY in the store, a handful of statements whatever the number of activities). Only the response times
 * are computed here, from the dates of the requests: a median is not portable SQL, and requests are few.
 */

import { monthsOf } from '../../../shared/periods.ts';
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
import type { Reader } from '../context.ts';
import { invalidField } from '../failure.ts';
import { costTable } from './report-costs.ts';
import { poolTables } from './report-pool.ts';
import { capitalised, count, firstOnly, hours, keyed, monthLabels, n, ranked } from './report-rows.ts';
import { inzetInScope, requestsInScope } from './scope.ts';

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
