import { expect, it } from 'vitest';
import { storeFailure } from './dispatch-errors.ts';

it("reads PostgreSQL's passing troubles as 'try again', not as a refusal or a bug", () => {
  for (const code of ['40P01', '40001', '08006', '53300', '57P01', 'ECONNRESET'])
    expect(storeFailure(Object.assign(new Error('x'), { code }), 'server')?.code, code).toBe('unavailable');
  // A broken rule (a unique key) is not passing: it stays the internal error it is.
  expect(storeFailure(Object.assign(new Error('x'), { code: '23505' }), 'server')).toBeNull();
});
