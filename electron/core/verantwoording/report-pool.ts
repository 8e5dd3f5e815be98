import { type OutflowKind, outflowKindLabels, outflowKinds } from '../../../shared/doorgroei.ts';
import { genderLabels } from '../../../shared/persons.ts';
import type { ReportInput, ReportTable } from '../../../shared/verantwoording.ts';
import type { Reader } from '../context.ts';
import { outflowCounts } from '../doorgroei/read.ts';
import { basistrainingCondition } from '../scholing/read.ts';
import { count, n, ranked } from './report-rows.ts';
import { inzetInScope } from './scope.ts';

/** The pool that did the work: the people on at least one activity of the scope in the period. */
export async function poolTables(db: Reader, input: ReportInput) {
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
