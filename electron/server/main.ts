/**
 * `scripts/schakel server`: the Schakel server for a team of desks.
 *   server [--data-dir MAP] [--database-url URL] [--host ADRES] [--port N] [--cert BESTAND --key BESTAND]
 *          [--hostname NAAM ...]                            serves the desks over HTTPS
 *   server inrichten --organisatie NAAM --naam NAAM --gebruiker NAAM --rol ROL   the first account (beheerder);
 *          the password is read from SCHAKEL_WACHTWOORD or the first line of standard input
 *   server koppelcode --gebruiker NAAM                      a one-time pairing code for a new desk, made for that
 *          beheerder, with the fingerprint the desk pins
 *   server werkplekken --gebruiker NAAM                     every paired desk: when, by whom, last contact, status
 *   server intrekken NAAM-OF-ID --gebruiker NAAM            revokes a desk (a lost laptop); see devices-cli.ts
 *   server backup [--naar MAP] [--bewaar N] [--pg-dump PAD]  one backup now with pg_dump (backup-cli.ts)
 *   server herstellen BESTAND [--pg-dump PAD]               a backup put back, while no server serves
 *   server --backup-every UREN [--naar MAP] [--bewaar N] [--pg-dump PAD]   serves, with backups on a schedule
 * Messages are Dutch: the beheerder reads them.
 */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { backupCommand, scheduleSettings } from './backup-cli.ts';
import { type ScheduleOptions, scheduleBackups } from './backup-schedule.ts';
import { Refusal } from './refusal.ts';
import type { ServerCore } from './server-core.ts';
import { holdServingLock } from './serving-lock.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'data-dir': { type: 'string' },
    'database-url': { type: 'string' },
    host: { type: 'string', default: '0.0.0.0' },
    port: { type: 'string', default: '8443' },
    cert: { type: 'string' },
    key: { type: 'string' },
    hostname: { type: 'string', multiple: true },
    organisatie: { type: 'string' },
    naam: { type: 'string' },
    gebruiker: { type: 'string' },
    rol: { type: 'string' },
    naar: { type: 'string' },
    bewaar: { type: 'string' },
    'pg-dump': { type: 'string' },
    'backup-every': { type: 'string' },
  },
});

/** Root's data folder must be one the postgres user can pass through (see store/embedded-postgres.ts). */
const dataDir = path.resolve(
  values['data-dir'] ??
    (os.userInfo().uid === 0
      ? '/var/lib/schakel-server'
      : path.join(os.homedir(), '.local/share/schakel-server')),
);
/** Refusals are said in Dutch, after the core (and the embedded PostgreSQL) has stopped. */
const fail = (message: string): never => {
  throw new Refusal(message);
};
const certificateFiles =
  values.cert && values.key ? { certFile: values.cert, keyFile: values.key } : undefined;

async function readPassword(): Promise<string> {
  if (process.env.SCHAKEL_WACHTWOORD) return process.env.SCHAKEL_WACHTWOORD;
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split('\n')[0] ?? '';
}

/** `inrichten` and the beheerder's tasks about desks: one task, then the core stops (also when it is refused). */
async function task(core: ServerCore, command: string): Promise<void> {
  const call = async (client: string, name: string, input: unknown) => {
    const r = await core.dispatcher.dispatch(name, input, client);
    if (!r.ok) fail(r.error.message);
    return r.ok ? r.value : null;
  };
  if (command === 'inrichten') {
    await call('cli', 'auth.setup', {
      organisatieNaam: values.organisatie,
      displayName: values.naam,
      username: values.gebruiker,
      password: await readPassword(),
      role: values.rol,
    });
    console.log(`Ingericht: ${values.organisatie}, beheerder ${values.gebruiker}.`);
    return;
  }
  const devices = await import('./devices-cli.ts');
  if (command === 'koppelcode' || command === 'werkplekken' || command === 'intrekken') {
    const account = await devices.beheerderSession(core, values.gebruiker);
    if (command === 'werkplekken') return devices.listDevicesCommand(core, account);
    if (command === 'intrekken') return devices.revokeCommand(core, account, positionals[1]);
    const { serverCertificate } = await import('./certificate.ts');
    const { fingerprint } = await serverCertificate(dataDir, certificateFiles, values.hostname ?? []);
    return devices.pairingCodeCommand(core, account, fingerprint);
  }
  fail(
    'Gebruik: scripts/schakel server [inrichten | koppelcode | werkplekken | intrekken NAAM | backup | herstellen BESTAND] [opties]',
  );
}

async function serve(core: ServerCore, backups: Omit<ScheduleOptions, 'url'> | null): Promise<void> {
  let lock: Awaited<ReturnType<typeof holdServingLock>>;
  try {
    lock = await holdServingLock(core.url, (message) => console.error(message));
  } catch (err) {
    await core.close();
    throw err;
  }
  const { startSchakelServer } = await import('./start-server.ts');
  const server = await startSchakelServer({
    dataDir,
    db: core.store.db,
    services: core.services,
    host: values.host,
    port: Number(values.port),
    ...(certificateFiles ? { certificateFiles } : {}),
    ...(values.hostname ? { hostnames: values.hostname } : {}),
    logError: (thrown, reference) => console.error(`Onverwachte fout (kenmerk ${reference}):`, thrown),
  });
  console.log(`Schakel-server luistert op https://${values.host}:${server.port}`);
  console.log(`Database: ${core.store.location}`);
  console.log(`Vingerafdruk van de server: ${server.fingerprint}`);
  const schedule = backups && scheduleBackups({ ...backups, url: core.url }, console);
  const stop = async () => {
    await schedule?.stop();
    await server.close();
    await lock.release();
    await core.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function main() {
  const command = positionals[0] ?? 'serve';
  const args = { ...values, 'data-dir': dataDir };
  if (command === 'backup' || command === 'herstellen') return backupCommand(command, args, positionals[1]);
  // Checked before anything starts: a mistyped interval is said at once.
  const backups = command === 'serve' ? scheduleSettings(args) : null;
  // Loaded only here: the backup commands, above, start in a second instead of several.
  const { startServerCore } = await import('./server-core.ts');
  const core = await startServerCore({
    dataDir,
    ...(values['database-url'] ? { databaseUrl: values['database-url'] } : {}),
    logError: (thrown, reference) => console.error(`Onverwachte fout (kenmerk ${reference}):`, thrown),
  });
  if (command === 'serve') return serve(core, backups);
  try {
    await task(core, command);
  } finally {
    await core.close();
  }
}

try {
  await main();
} catch (thrown) {
  if (!(thrown instanceof Refusal)) throw thrown;
  console.error(thrown.message);
  process.exitCode = 2;
}
