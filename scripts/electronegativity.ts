/**
 * `npm run scan:electron`: Doyensec's Electronegativity over the app's own code (electron/, shared/, the renderer
 * and its index.html with the real CSP), offline. Fails on any finding that build/electronegativity-accepted.json
 * does not explain, on an entry there that no longer matches a finding, and on an inline `eng-disable` comment
 * (which would hide a finding from this list).
 *
 * Two adjustments to run it here: its TypeScript parser (@typescript-eslint/typescript-estree 4, hoisted to the root)
 * is given Electronegativity's own TypeScript 4.2 instead of the project's TypeScript 7, which has no JS API; and its
 * HTTP client is replaced by one that answers "not found", so the scan never reaches the network (it would fetch
 * translations and Electron's release list; CI only reaches the npm registry).
 */
import fs from 'node:fs';
import { createRequire, registerHooks } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { metaContentSecurityPolicy } from '../shared/security.ts';

interface Finding {
  id: string;
  file: string;
  /** The flagged source line; missing for some global checks. */
  sample?: string;
  location: { line: number; column: number };
  description: string;
  severity: { name: string };
  confidence: { name: string };
}
interface Accepted {
  check: string;
  file: string;
  /** Text on the flagged line; without it, any finding of this check in this file. */
  near?: string;
  reason: string;
}
type Run = (
  options: Record<string, unknown>,
  forCli: false,
) => Promise<{ errors: { file: string; message: string; tolerable: boolean }[]; issues: Finding[] }>;

const acceptedFile = 'build/electronegativity-accepted.json';
/** Needs the network (GitHub's list of Electron releases); Electron itself is kept current by its own upgrades. */
const excludedChecks = ['AvailableSecurityFixesGlobalCheck'];

const require = createRequire(import.meta.url);
const ownTypescript = createRequire(require.resolve('@doyensec/electronegativity/package.json')).resolve(
  'typescript',
);
const offlineHttp = 'schakel:electronegativity-offline-http';
registerHooks({
  resolve(specifier, context, next) {
    if (specifier === 'typescript' && context.parentURL?.includes('/node_modules/@typescript-eslint/')) {
      return next(ownTypescript, context);
    }
    if (specifier === 'got' && context.parentURL?.includes('/node_modules/@doyensec/electronegativity/')) {
      return { url: offlineHttp, format: 'commonjs', shortCircuit: true };
    }
    return next(specifier, context);
  },
  load(url, context, next) {
    if (url !== offlineHttp) return next(url, context);
    return {
      format: 'commonjs',
      shortCircuit: true,
      source: 'module.exports = async () => ({ statusCode: 404, body: "" });',
    };
  },
});
const run = require('@doyensec/electronegativity') as Run;

/** A copy of what ships, without tests; index.html with the CSP that the build writes into it. */
function stage(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-electronegativity-'));
  const notTest = (src: string) => !/\.test\.tsx?$/.test(src) && !src.includes('node_modules');
  for (const folder of ['electron', 'shared', 'renderer/src']) {
    fs.cpSync(folder, path.join(dir, folder), { recursive: true, filter: notTest });
  }
  fs.copyFileSync('package.json', path.join(dir, 'package.json'));
  const html = fs
    .readFileSync('renderer/index.html', 'utf8')
    .replace('%SCHAKEL_CSP%', metaContentSecurityPolicy);
  fs.writeFileSync(path.join(dir, 'renderer/index.html'), html);
  return dir;
}

function inlineDisables(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((file) => /\.(tsx?|js|cjs|mjs|html)$/.test(file))
    .filter((file) => fs.readFileSync(path.join(dir, file), 'utf8').includes('eng-disable'));
}

const accepted = (JSON.parse(fs.readFileSync(acceptedFile, 'utf8')) as { accepted: Accepted[] }).accepted;
const dir = stage();
try {
  const result = await run(
    { input: dir, isRelative: true, excludeFromScan: excludedChecks, customScan: [] },
    false,
  );
  const problems: string[] = [];
  for (const error of result.errors) {
    problems.push(`could not parse ${error.file}: ${error.message}`);
  }
  for (const file of inlineDisables(dir)) {
    problems.push(`${file}: an eng-disable comment hides findings; explain them in ${acceptedFile} instead`);
  }
  const used = new Set<Accepted>();
  for (const finding of result.issues) {
    const where = `${finding.file}:${finding.location.line}`;
    const sample = finding.sample ?? '';
    const match = accepted.find(
      (a) =>
        a.check === finding.id &&
        a.file === finding.file &&
        (a.near === undefined || sample.includes(a.near)),
    );
    const label = `${finding.id} (${finding.severity.name}, ${finding.confidence.name}) ${where}`;
    if (match) {
      used.add(match);
      console.log(`accepted  ${label}: ${match.reason}`);
    } else {
      problems.push(`${label}: ${finding.description}\n    ${sample.trim()}`);
    }
  }
  for (const entry of accepted) {
    if (!used.has(entry)) {
      problems.push(`${acceptedFile}: ${entry.check} in ${entry.file} is no longer found; remove the entry`);
    }
  }
  if (problems.length > 0) {
    console.error(`\nElectronegativity: ${problems.length} unexplained:\n- ${problems.join('\n- ')}`);
    process.exitCode = 1;
  } else {
    console.log(`Electronegativity: ${result.issues.length} findings, each explained in ${acceptedFile}.`);
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
