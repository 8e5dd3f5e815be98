// @ts-check
import base from './stryker.config.mjs';

/**
 * What CI runs (issue 12): the fiscal rules and the claim checks, failing below the break threshold of
 * stryker.config.mjs (and, through scripts/mutation-scores.ts, when any one file is below it).
 * `npm run mutation:ci`.
 *
 * In full, not incremental: CI starts from a clean clone, where an incremental file helps only if it is committed,
 * and one for these files is some 900 kB of JSON that every change to a rule or its tests would have to refresh, and
 * that cannot see a change in what the modules import (format.ts, dates.ts). CI runs its steps one after another,
 * so Stryker gets both cores.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  ...base,
  mutate: [
    'shared/fiscal/*.ts',
    '!shared/fiscal/*.test.ts',
    'electron/core/claims/{checks,contract-terms,granted}.ts',
  ],
  concurrency: 2,
  incremental: false,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/ci.json' },
};
