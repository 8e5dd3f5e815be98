import { type RawBuilder, sql } from 'kysely';

/**
 * A list for `in` written as a VALUES subquery: `person_id in (values (?), (?))` rather than `in (?, ?)`.
 *
 * With statistics in the file (ANALYZE, or `PRAGMA optimize` some day), SQLite's planner looks up each value of a
 * plain `in (…)` list on an indexed column in those statistics, and a statement planned from bound values is planned
 * again whenever they are bound, that is on every run: for a queue page's 25 people that costs more than running
 * the statement. A subquery's values are not looked up, so the statement is planned once. The plan is the same (an
 * index search per value), and PostgreSQL reads it the same way. Use it for long lists of ids on hot paths.
 */
export function valuesList<T extends string | number>(values: readonly T[]): RawBuilder<T> {
  return sql<T>`(values ${sql.join(values.map((v) => sql`(${v})`))})`;
}
