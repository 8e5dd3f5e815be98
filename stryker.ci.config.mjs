// @ts-check
import base from './stryker.config.mjs';

/**
 * What CI runs (issue 12): the fiscal rules and the claim checks, failing below the break threshold of
 * stryker.config.mjs. `npm run mutation:ci`.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  ...base,
  mutate: [
    'shared/fiscal/*.ts',
    '!shared/fiscal/*.test.ts',
    'electron/core/claims/{checks,contract-terms}.ts',
  ],
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/ci.json' },
  incremental: false,
};
