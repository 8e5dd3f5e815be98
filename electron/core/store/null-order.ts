import type { OrderByItemBuilder } from 'kysely';

/**
 * SQLite's place for NULLs (first ascending, last descending) written out, for a sort on a column that may be empty:
 * PostgreSQL's default is the reverse, and a register page must read the same on either engine.
 */
export function nullsAsOnSqlite(direction: 'asc' | 'desc') {
  return (order: OrderByItemBuilder) =>
    direction === 'asc' ? order.asc().nullsFirst() : order.desc().nullsLast();
}
