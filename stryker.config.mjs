// @ts-check
/**
 * Mutation testing of the rule modules (issue 12): `npm run mutation`. Each surviving mutant is a deliberate bug
 * that no test notices. The tests are the unit tests beside the code (vitest.mutation.config.ts).
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  mutate: [
    'shared/fiscal/volunteer-check.ts',
    'shared/fiscal/allowance-cap.ts',
    'shared/fiscal/fiscal-table.ts',
    'shared/money.ts',
    'shared/iban.ts',
    'shared/search.ts',
    'electron/core/payouts/sepa.ts',
    'electron/core/claims/checks.ts',
    'electron/core/claims/contract-terms.ts',
    'electron/core/claims/granted.ts',
  ],
  coverageAnalysis: 'perTest',
  // One test runner: a developer's machine has two cores, shared. (CI gives it both: stryker.ci.config.mjs.)
  concurrency: 1,
  thresholds: { high: 95, low: 90, break: 90 },
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // A rerun tests only the mutants whose code or covering tests changed. The file stays on this machine (reports/
  // is git-ignored); `npx stryker run --force` starts afresh, as after a change to what the modules import.
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  tempDirName: '.stryker-tmp',
  // Stryker rewrites the tsconfig's extends/references for its sandbox through the TypeScript JS API, which
  // TypeScript 7 no longer has. Ours has neither to rewrite, so it is pointed at a file that does not exist, which
  // Stryker skips. (Type checks in mutated files are off anyway: disableTypeChecks.)
  tsconfigFile: 'tsconfig.stryker-none.json',
};
