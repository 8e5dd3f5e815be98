/**
 * `scripts/schakel audit`: npm audit of the production dependencies (what ships), failing on high or critical
 * findings. Where the registry cannot be asked (machines whose registry access allows only GET, so npm's bulk
 * advisory POST is answered 405), it says so plainly and does not pretend to have audited.
 */
import { spawnSync } from 'node:child_process';

const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8' });
let report: {
  message?: string;
  error?: { summary?: string };
  metadata?: { vulnerabilities?: Record<string, number> };
};
try {
  report = JSON.parse(run.stdout || '{}');
} catch {
  report = {};
}
const refusal = report.message ?? report.error?.summary ?? '';
if (!report.metadata && /405|Method Not Allowed|ENOAUDIT|audit endpoint/i.test(`${refusal} ${run.stderr}`)) {
  console.log(
    `npm audit: NOT RUN — the registry refused the advisory request (${refusal.split('\n')[0] || 'no answer'}). No audit result on this machine.`,
  );
  process.exit(0);
}
const counts = report.metadata?.vulnerabilities;
if (!counts) {
  console.error(`npm audit gave no report: ${run.stderr || run.stdout}`);
  process.exit(1);
}
const high = (counts.high ?? 0) + (counts.critical ?? 0);
console.log(`npm audit --omit=dev: ${JSON.stringify(counts)}`);
process.exit(high > 0 ? 1 : 0);
