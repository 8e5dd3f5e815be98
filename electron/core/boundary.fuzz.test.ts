import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { callNames, contract } from '../../shared/contract.ts';
import { type Harness, harness } from '../../test/support/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await harness();
  await h.withTeam();
});
afterAll(() => h.close());

const writeCalls = callNames.filter((c) => contract[c].write);
const hostile = fc.oneof(
  fc.anything(),
  fc.dictionary(
    fc.constantFrom('__proto__', 'constructor', 'prototype', 'voornaam', 'id', 'version', 'iban', 'password'),
    fc.oneof(
      fc.string({ maxLength: 2000 }),
      fc.constantFrom("'; drop table persons; --", '\u0000\u001f\u202e', 'x'.repeat(100_000), '1 OR 1=1'),
      fc.integer(),
      fc.object(),
    ),
  ),
);

async function counts() {
  const db = h.core.store.db;
  const n = async (table: 'audit_log' | 'persons' | 'accounts') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { audit: await n('audit_log'), persons: await n('persons'), accounts: await n('accounts') };
}

it('answers generated and malicious input to every write call with a Dutch refusal and changes nothing', async () => {
  const before = await counts();
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...writeCalls),
      fc.constantFrom('beheer', 'projectleider', 'anon'),
      hostile,
      async (call, client, input) => {
        const r = await h.core.dispatcher.dispatch(call, input, client);
        expect(r.ok).toBe(false);
        if (!r.ok) {
          expect(['invalid_input', 'forbidden', 'unauthenticated']).toContain(r.error.code);
          expect(r.error.message.length).toBeGreaterThan(5);
        }
      },
    ),
    { numRuns: 300 },
  );
  expect(await counts()).toEqual(before);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});
