/**
 * `npm test`: typecheck, lint, the Electronegativity scan, unit tests, build, e2e — in that order, each step shown —
 * and a closing line `N passed, N failed, N skipped` counted from the vitest and Playwright reports.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const steps: [string, string[]][] = [
  ['typecheck', ['npx', 'tsc', '-p', 'tsconfig.json']],
  ['lint', ['npx', 'biome', 'check', '.']],
  ['electronegativity', ['node', 'scripts/electronegativity.ts']],
  [
    'unit',
    ['npx', 'vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/unit.json'],
  ],
  ['build', ['node', 'scripts/build.ts']],
  ['e2e', ['npx', 'playwright', 'test']],
];

fs.rmSync('test-results/unit.json', { force: true });
fs.rmSync('test-results/e2e.json', { force: true });
const failedSteps: string[] = [];
for (const [name, [command, ...args]] of steps) {
  console.log(`\n=== ${name} ===`);
  const result = spawnSync(command as string, args, { stdio: 'inherit' });
  if (result.status !== 0) failedSteps.push(name);
}

function readJson(file: string): Record<string, unknown> | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}
const unit = readJson('test-results/unit.json') as {
  numPassedTests?: number;
  numFailedTests?: number;
  numPendingTests?: number;
} | null;
const e2e = readJson('test-results/e2e.json') as {
  stats?: { expected?: number; unexpected?: number; flaky?: number; skipped?: number };
} | null;
const passed = (unit?.numPassedTests ?? 0) + (e2e?.stats?.expected ?? 0) + (e2e?.stats?.flaky ?? 0);
const failed =
  (unit?.numFailedTests ?? 0) +
  (e2e?.stats?.unexpected ?? 0) +
  failedSteps.filter((s) => !['unit', 'e2e'].includes(s)).length;
const skipped = (unit?.numPendingTests ?? 0) + (e2e?.stats?.skipped ?? 0);

if (failedSteps.length > 0) console.log(`\nMislukte stappen: ${failedSteps.join(', ')}`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failedSteps.length > 0 ? 1 : 0);
