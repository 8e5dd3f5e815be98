import type { ExpressionBuilder } from 'kysely';
import type { z } from 'zod';
import type {
  PersonListRow,
  PersonPage,
  PersonSortColumn,
  personListInput,
} from '../../../shared/persons.ts';
import { fullName, type PersonStatus } from '../../../shared/persons.ts';
import { searchTerms } from '../../../shared/search.ts';
import type { Reader } from '../context.ts';
import { dutchLevelCondition } from '../doorgroei/read.ts';
import { basistrainingCondition } from '../scholing/read.ts';
import { runCompiledOnce } from '../store/compiled-once.ts';
import { nullsAsOnSqlite } from '../store/null-order.ts';
import { pageOf } from '../store/page-bounds.ts';
import { perStore } from '../store/per-store.ts';
import type { DB } from '../store/schema.ts';
import { languagesOf } from './person-rows.ts';

type ListInput = z.output<typeof personListInput>;

const sortColumns = {
  achternaam: 'persons.sort_name',
  voornaam: 'persons.voornaam',
  gemeente: 'persons.gemeente',
  status: 'persons.status',
  statusDatum: 'persons.status_datum',
  geboortedatum: 'persons.geboortedatum',
  begeleider: 'begeleider.display_name',
  updatedAt: 'persons.updated_at',
} as const satisfies Record<PersonSortColumn, string>;

/**
 * The register's filters as bound values by name (see runCompiledOnce), each list empty when its filter is off, and
 * `where`, which builds them from whatever stands for the values. The filters without a value of their own (no
 * begeleider, bijstand, Nederlands, basistraining) are fixed choices of the shape.
 */
function registerFilter(input: ListInput) {
  const values = {
    patterns: searchTerms(input.search).map((term) => `%${term}%`),
    statuses: input.status,
    gemeente: input.gemeente ? [input.gemeente] : [],
    begeleider: input.begeleider && input.begeleider !== 'geen' ? [input.begeleider] : [],
    taal: input.taal ? [input.taal] : [],
  };
  const where = (eb: ExpressionBuilder<DB, 'persons'>, v: typeof values) => {
    const conditions = v.patterns.map((pattern) => eb('persons.search_text', 'like', pattern));
    if (v.statuses.length > 0) conditions.push(eb('persons.status', 'in', v.statuses));
    for (const gemeente of v.gemeente) conditions.push(eb('persons.gemeente', '=', gemeente));
    if (input.begeleider === 'geen') conditions.push(eb('persons.begeleider_id', 'is', null));
    for (const begeleider of v.begeleider) conditions.push(eb('persons.begeleider_id', '=', begeleider));
    if (input.bijstand != null) conditions.push(eb('persons.bijstand', '=', input.bijstand ? 1 : 0));
    if (input.nederlands) conditions.push(dutchLevelCondition(eb, input.nederlands));
    if (input.basistraining) conditions.push(basistrainingCondition(eb));
    for (const taal of v.taal) {
      conditions.push(
        eb.exists(
          eb
            .selectFrom('person_languages')
            .select('person_languages.id')
            .whereRef('person_languages.person_id', '=', 'persons.id')
            .where('person_languages.taal', '=', taal),
        ),
      );
    }
    return eb.and(conditions);
  };
  const shape = JSON.stringify([
    input.begeleider === 'geen',
    input.bijstand,
    input.nederlands,
    input.basistraining,
  ]);
  return { values, shape, where };
}

/** Search, filters, sort and paging of the register, all in SQL so a page costs the same at 300 or 30,000 rows. */
export async function listPersons(db: Reader, input: ListInput): Promise<PersonPage> {
  const { values, shape, where } = registerFilter(input);
  const { count, page } = baseQueries(db);
  const [counted] = await runCompiledOnce(
    db,
    'register-count',
    values,
    (v) => count.where((eb) => where(eb, v)),
    shape,
  );
  const direction = input.desc ? 'desc' : 'asc';
  const pageShape = `${shape} ${input.sort} ${direction} ${input.page} ${input.pageSize}`;
  const rows = await runCompiledOnce(
    db,
    'register-page',
    values,
    (v) =>
      pageOf(
        page
          .where((eb) => where(eb, v))
          // gemeente, geboortedatum and begeleider may be empty.
          .orderBy(sortColumns[input.sort], nullsAsOnSqlite(direction))
          .orderBy('persons.sort_name', direction)
          .orderBy('persons.id'),
        input.page,
        input.pageSize,
      ),
    pageShape,
  );

  const languages = await languagesOf(
    db,
    rows.map((r) => r.id),
  );
  return {
    rows: rows.map(
      (r): PersonListRow => ({
        id: r.id,
        version: r.version,
        naam: fullName(r),
        voornaam: r.voornaam,
        achternaam: r.achternaam,
        roepnaam: r.roepnaam,
        geboortedatum: r.geboortedatum,
        gemeente: r.gemeente,
        status: r.status as PersonStatus,
        statusDatum: r.status_datum,
        begeleiderId: r.begeleider_id,
        begeleiderNaam: r.begeleider_naam,
        talen: (languages.get(r.id) ?? []).map((l) => l.taal),
        niveauNederlands: r.niveau_nederlands,
        toestemmingOntbreekt: r.bijstand === 1 && r.toestemming_nodig === 1 && !r.toestemming_datum,
      }),
    ),
    total: Number(counted?.n ?? 0),
    page: input.page,
    pageSize: input.pageSize,
  };
}

/**
 * The fixed part of the register's queries (table, join, column list), built once per store handle; a page adds
 * only its filters, order and limit. This is a third of a page's cost.
 */
const baseQueries = perStore((db) => ({
  count: db.selectFrom('persons').select((eb) => eb.fn.countAll<number>().as('n')),
  page: db
    .selectFrom('persons')
    .leftJoin('accounts as begeleider', 'begeleider.id', 'persons.begeleider_id')
    .select([
      'persons.id',
      'persons.version',
      'persons.voornaam',
      'persons.tussenvoegsel',
      'persons.achternaam',
      'persons.roepnaam',
      'persons.geboortedatum',
      'persons.gemeente',
      'persons.status',
      'persons.status_datum',
      'persons.begeleider_id',
      'persons.niveau_nederlands',
      'persons.bijstand',
      'persons.toestemming_nodig',
      'persons.toestemming_datum',
      'begeleider.display_name as begeleider_naam',
    ]),
}));
