import type { Selectable } from 'kysely';
import { expect, it } from 'vitest';
import type { SyncOutboxTable } from '../store/schema.ts';
import { nextBatch, pushBytes } from './desk-push.ts';

const row = (id: string, account: string, bytes: number): Selectable<SyncOutboxTable> =>
  ({ id, account_id: account, input: 'x'.repeat(bytes), context: '{}' }) as Selectable<SyncOutboxTable>;

it('sends one user’s commands at a time, as many as fit one push, and a large one alone rather than never', () => {
  const small = pushBytes / 4;
  expect(
    nextBatch([row('a', 'p', small), row('b', 'p', small), row('c', 'b', small)]).map((r) => r.id),
  ).toEqual(['a', 'b']);
  expect(
    nextBatch([row('a', 'p', small), row('b', 'p', small), row('c', 'p', small), row('d', 'p', small)]).map(
      (r) => r.id,
    ),
  ).toEqual(['a', 'b', 'c']);
  expect(nextBatch([row('groot', 'p', 5 * pushBytes), row('b', 'p', 10)]).map((r) => r.id)).toEqual([
    'groot',
  ]);
  expect(nextBatch([])).toEqual([]);
});
