/**
 * `npm start`: Electron where its runtime is installed; otherwise one plain line saying so, then the browser host
 * on 127.0.0.1 with the URL (and its secret token) to open.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { demoLoginText, runBrowserHost } from './browser-host.ts';
import { StoreError } from './core/store/store-error.ts';
import { parseLaunchOptions } from './launch-options.ts';

/** The Electron binary, found without importing the 'electron' package (only the shell may import it). */
export function electronBinary(): string | null {
  try {
    const require = createRequire(import.meta.url);
    const dir = path.dirname(require.resolve('electron/package.json'));
    const relative = fs.readFileSync(path.join(dir, 'path.txt'), 'utf8').trim();
    const binary = path.join(dir, 'dist', relative);
    return fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

async function main() {
  const argv = process.argv.slice(2);
  const options = parseLaunchOptions(argv);
  const binary = options.browser ? null : electronBinary();
  if (binary) {
    const child = spawn(binary, ['.', ...argv], {
      stdio: 'inherit',
      cwd: path.resolve(import.meta.dirname, '..'),
    });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }
  if (!options.browser) {
    console.log(
      'De Electron-runtime is op deze machine niet beschikbaar; Schakel start daarom als browser-host.',
    );
  }
  try {
    const { core, host } = await runBrowserHost(options);
    console.log(`Gegevensmap: ${options.dataDir}`);
    if (options.demo) console.log(demoLoginText());
    console.log(`Open Schakel in je browser: ${host.url}`);
    const stop = async () => {
      await host.close();
      await core.close();
      process.exit(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (err) {
    console.error(err instanceof StoreError || err instanceof Error ? err.message : String(err));
    process.exit(1);
  }
}

await main();
