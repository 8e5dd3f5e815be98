import type { Reader } from '../context.ts';

/**
 * Memoises something built from a store handle, such as the fixed part of a query. kysely's builders are immutable,
 * so a hot query can build its table, joins and column list once and add only its filters per call.
 */
export function perStore<T>(build: (db: Reader) => T): (db: Reader) => T {
  const cache = new WeakMap<Reader, T>();
  return (db) => {
    let value = cache.get(db);
    if (value === undefined) {
      value = build(db);
      cache.set(db, value);
    }
    return value;
  };
}
