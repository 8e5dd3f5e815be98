/**
 * Builds the renderer with Vite and bundles the Electron shell (main + preload) and the core's worker thread
 * (backups, PDFs; see electron/core/worker/) with esbuild.
 */
import fs from 'node:fs';
import { type BuildOptions, build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  // Native or worker-based modules load files from their own folder, so they stay outside the bundle.
  external: ['electron', 'better-sqlite3-multiple-ciphers', 'xmllint-wasm'],
  logLevel: 'warning',
  // The pdf module finds its fonts via import.meta.url and falls back to __filename in this CommonJS bundle.
  logOverride: { 'empty-import-meta': 'silent' },
};
await esbuild({ ...common, entryPoints: ['electron/shell/main.ts'], outfile: 'dist/electron/main.cjs' });
await esbuild({
  ...common,
  entryPoints: ['electron/shell/preload.ts'],
  outfile: 'dist/electron/preload.cjs',
});
// The worker thread's script, beside main.cjs where electron/core/worker/pool.ts looks for it in the bundle.
await esbuild({
  ...common,
  entryPoints: ['electron/core/worker/entry.ts'],
  outfile: 'dist/electron/worker.cjs',
});
// The SEPA schema is read beside the bundle at run time.
fs.copyFileSync('electron/core/payouts/pain.001.001.09.xsd', 'dist/electron/pain.001.001.09.xsd');
console.log(
  'Gebouwd: dist/renderer, dist/electron/main.cjs, dist/electron/preload.cjs, dist/electron/worker.cjs',
);
