import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

/**
 * The unit tests of the rule modules that `npm run mutation` mutates (stryker.config.mjs): pure tests beside the
 * code, so a mutant runs in well under a second. The store-backed suites (claims.test.ts and the like) test the
 * same rules end to end but take seconds per test; a rule that only they hold is a rule without a unit test.
 * (Not mergeConfig: it would add this include to the base one rather than replace it.)
 */
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    // The rule modules' tests need no PostgreSQL.
    globalSetup: [],
    include: [
      'shared/fiscal/*.test.ts',
      'shared/{money,iban,search,validation}.test.ts',
      'electron/core/payouts/{sepa,sepa-validator}.test.ts',
      'electron/core/claims/{checks,check-claims,contract-terms,contract-terms.cases,granted}.test.ts',
    ],
  },
});
