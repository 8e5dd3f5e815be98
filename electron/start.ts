/**
 * `npm start`: Electron where its runtime is installed; otherwise one plain line saying so, then the browser host
 * on 127.0.0.1 with the URL (and its secret token) to open.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { demoLoginText, runBrowserHost } from './browser-host.ts';
import { demoPassphrase } from './core/demo/seed.ts';
import { databaseState } from './core/store/encryption.ts';
import { StoreError } from './core/store/store-error.ts';
import { electronBinary } from './electron-binary.ts';
import { type LaunchOptions, parseLaunchOptions } from './launch-options.ts';
import { askNewPassphrase, Prompter } from './passphrase-prompt.ts';

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
    const { core, host } = await openWithPassphrase(options);
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

const attempts = 3;

/** Asks the passphrase (twice for a new one) and opens the data; a wrong one may be tried again, twice. */
async function openWithPassphrase(
  options: LaunchOptions,
): Promise<Awaited<ReturnType<typeof runBrowserHost>>> {
  if (options.demo) {
    console.log(`Demo-gegevens (verzonnen personen); databasesleutel: ${demoPassphrase}`);
    return runBrowserHost(options, demoPassphrase);
  }
  const prompter = new Prompter();
  try {
    const state = databaseState(options.dataDir);
    if (state !== 'encrypted') {
      const key = await askNewPassphrase(prompter, state);
      if (key === null) throw new Error('Geen wachtwoordzin gekregen; Schakel stopt.');
      return await runBrowserHost(options, key);
    }
    for (let attempt = 1; ; attempt++) {
      const key = await prompter.ask('Wachtwoordzin van de gegevens: ');
      if (key === null) throw new Error('Geen wachtwoordzin gekregen; Schakel stopt.');
      try {
        return await runBrowserHost(options, key);
      } catch (err) {
        if (!(err instanceof StoreError && err.kind === 'wrong_key') || attempt === attempts) throw err;
        console.log('Die wachtwoordzin opent de gegevens niet. Probeer het opnieuw.');
      }
    }
  } finally {
    prompter.close();
  }
}

await main();
