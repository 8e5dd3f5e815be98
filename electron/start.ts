/**
 * `npm start`: Electron where its runtime is installed; otherwise one plain line saying so, then the browser host
 * on 127.0.0.1 with the URL (and its secret token) to open.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { demoLoginText, runBrowserHost } from './browser-host.ts';
import { StoreError } from './core/store/store-error.ts';
import { electronBinary } from './electron-binary.ts';
import { parseLaunchOptions } from './launch-options.ts';

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
