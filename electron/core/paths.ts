import os from 'node:os';
import path from 'node:path';

export const databaseFileName = 'schakel.sqlite';

/** The browser host's data folder: --data-dir, else the platform's per-user data folder (XDG on Linux). */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Schakel');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Schakel');
  return path.join(env.XDG_DATA_HOME || path.join(home, '.local', 'share'), 'schakel');
}
