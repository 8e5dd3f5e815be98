import type Database from 'better-sqlite3-multiple-ciphers';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * Kysely's SQLite driver prepares every statement anew; preparing costs as much as running a register page. The
 * services build the same few statement shapes over and over, so keep the prepared ones (least recently used out).
 * Safe because kysely runs one statement at a time on this connection and never leaves an iterator open between calls.
 */
const alreadyRolledBack = {
  reader: false,
  all: () => [],
  run: () => ({ changes: 0, lastInsertRowid: 0 }),
  iterate: () => [][Symbol.iterator](),
} as unknown as SqliteStatement;

export function withStatementCache(sqlite: Database.Database, size = 500): SqliteDatabase {
  // A hit only marks the entry as used; the least recently used one is looked for when one must go, which is
  // rarer than a hit and costs less than the prepare that comes with it.
  const cache = new Map<string, { statement: SqliteStatement; used: number }>();
  let clock = 0;
  return {
    close: () => {
      cache.clear();
      sqlite.close();
    },
    prepare(sql: string): SqliteStatement {
      // After an I/O error (a full disk) SQLite has already rolled the transaction back itself; kysely's own
      // rollback would then fail and hide the error that matters. With no transaction open it has nothing to do.
      if (sql === 'rollback' && !sqlite.inTransaction) return alreadyRolledBack;
      const cached = cache.get(sql);
      if (cached) {
        cached.used = ++clock;
        return cached.statement;
      }
      const statement = sqlite.prepare(sql) as unknown as SqliteStatement;
      if (cache.size >= size) cache.delete(leastRecentlyUsed(cache));
      cache.set(sql, { statement, used: ++clock });
      return statement;
    },
  };
}

function leastRecentlyUsed(cache: Map<string, { used: number }>): string {
  let oldest = '';
  let used = Number.POSITIVE_INFINITY;
  for (const [sql, entry] of cache) {
    if (entry.used < used) {
      used = entry.used;
      oldest = sql;
    }
  }
  return oldest;
}
