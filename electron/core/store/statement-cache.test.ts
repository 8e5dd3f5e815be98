import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from './statement-cache.ts';

describe('the statement cache', () => {
  it('prepares a statement once, and lets the least recently used one go when full', () => {
    const sqlite = new Database(':memory:');
    const prepared: string[] = [];
    const prepare = sqlite.prepare.bind(sqlite);
    sqlite.prepare = ((source: string) => {
      prepared.push(source);
      return prepare(source);
    }) as typeof sqlite.prepare;
    const cache = withStatementCache(sqlite, 2);
    const a = cache.prepare('select 1');
    cache.prepare('select 2');
    expect(cache.prepare('select 1')).toBe(a);
    cache.prepare('select 3'); // full: 'select 2' was used longest ago
    cache.prepare('select 1');
    cache.prepare('select 2');
    expect(prepared).toEqual(['select 1', 'select 2', 'select 3', 'select 2']);
    expect(a.all([])).toEqual([{ 1: 1 }]);
    cache.close();
  });
});
