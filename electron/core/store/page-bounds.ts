import { type SelectQueryBuilder, sql } from 'kysely';

/**
 * One page of a sorted list, its LIMIT and OFFSET written into the statement instead of bound. SQLite plans an
 * ORDER BY … LIMIT whose limit it knows as a sort that keeps only the first rows; with a bound limit it sorts more
 * (measured on the claims queue's first page: about a third of its time). Both numbers are integers the call's
 * schema checked, so nothing but digits reaches the text; each page number makes a statement of its own, kept in the
 * statement cache like any other.
 */
export function pageOf<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  page: number,
  pageSize: number,
): SelectQueryBuilder<DB, TB, O> {
  if (!Number.isSafeInteger(page) || page < 0 || !Number.isSafeInteger(pageSize) || pageSize < 1) {
    throw new Error(`page ${page} of ${pageSize} is not a page`);
  }
  return query.limit(sql.lit(pageSize)).offset(sql.lit(page * pageSize));
}
