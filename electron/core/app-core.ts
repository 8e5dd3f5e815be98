import path from 'node:path';
import { Dispatcher } from './dispatcher.ts';
import { databaseFileName } from './paths.ts';
import { Sessions } from './sessions.ts';
import { openStore, type Store } from './store/open-store.ts';

export interface Core {
  store: Store;
  dispatcher: Dispatcher;
  close(): Promise<void>;
}

/** Store and dispatcher for one data folder: what both hosts (Electron and browser) run on. */
export async function startCore(dataDir: string, options: { clock?: () => Date } = {}): Promise<Core> {
  const store = await openStore(path.join(dataDir, databaseFileName));
  const dispatcher = new Dispatcher({
    store,
    sessions: new Sessions(),
    ...(options.clock ? { clock: options.clock } : {}),
    logError: (call, err) => {
      // Only the call name and the error's kind: input values may hold personal data.
      const kind =
        err instanceof Error ? `${err.name}${'code' in err ? ` ${String(err.code)}` : ''}` : typeof err;
      console.error(`[schakel] ${call} mislukt: ${kind}`);
    },
  });
  return { store, dispatcher, close: () => store.close() };
}
