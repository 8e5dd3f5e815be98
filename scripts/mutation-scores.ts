/**
 * `node scripts/mutation-scores.ts REPORT`: the mutation score of each mutated file in a Stryker JSON report,
 * failing when any one is below the break threshold of stryker.config.mjs. Stryker itself only breaks on the score
 * of all files together, where a well-tested module can hide one whose rules no test holds.
 */
import fs from 'node:fs';

interface Report {
  files: Record<string, { mutants: { status: string }[] }>;
}

const file = process.argv[2];
if (!file) {
  console.error('Gebruik: node scripts/mutation-scores.ts reports/mutation/ci.json');
  process.exit(2);
}
// Through a URL, so the type checker does not look for typings of the plain-JavaScript config.
const configUrl = new URL('../stryker.config.mjs', import.meta.url).href;
const { default: config } = (await import(configUrl)) as { default: { thresholds?: { break?: number } } };
const breakAt = config.thresholds?.break ?? 0;
const report = JSON.parse(fs.readFileSync(file, 'utf8')) as Report;
// Stryker's definition: detected (killed or timed out) of the valid mutants (not ignored, no compile or runtime error).
const detected = new Set(['Killed', 'Timeout']);
const undetected = new Set(['Survived', 'NoCoverage']);
let failed = 0;
for (const [name, { mutants }] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
  const found = mutants.filter((m) => detected.has(m.status)).length;
  const valid = found + mutants.filter((m) => undetected.has(m.status)).length;
  const score = valid === 0 ? 100 : (100 * found) / valid;
  const below = score < breakAt;
  if (below) failed++;
  console.log(
    `${below ? 'FAIL' : 'ok  '} ${score.toFixed(2).padStart(6)}% ${name} (${found} of ${valid} detected)`,
  );
}
if (failed > 0) {
  console.error(`${failed} file(s) below the mutation score of ${breakAt}%.`);
  process.exit(1);
}
