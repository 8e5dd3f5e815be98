import path from 'node:path';
import { defaultDataDir } from './core/paths.ts';

export interface LaunchOptions {
  dataDir: string;
  demo: boolean;
  port: number | undefined;
  /** Start the browser host even where Electron is available. */
  browser: boolean;
}

/** Reads `--data-dir DIR`, `--demo`, `--port N` and `--browser`. Demo data lives in its own folder, never mixed with real data. */
export function parseLaunchOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): LaunchOptions {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const demo = argv.includes('--demo');
  const base = path.resolve(value('--data-dir') ?? env.SCHAKEL_DATA_DIR ?? defaultDataDir(env));
  const port = value('--port');
  return {
    dataDir: demo ? path.join(base, 'demo') : base,
    demo,
    port: port ? Number(port) : undefined,
    browser: argv.includes('--browser'),
  };
}
