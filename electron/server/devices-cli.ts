/**
 * The server's command line for the beheerder without any desk at hand: a pairing code, the list of desks, and
 * revoking one (a lost laptop). Each runs through the dispatcher as the beheerder named with --gebruiker, with the
 * same checks and audit as on a desk.
 */
import { formatDateTime } from '../../shared/format.ts';
import type { SessionAccount } from '../../shared/roles.ts';
import type { PairingCode, SyncDevice } from '../../shared/sync.ts';
import { toSessionAccount } from '../core/accounts/account-rows.ts';
import { Refusal } from './refusal.ts';
import type { ServerCore } from './server-core.ts';

/** The active beheerder named with --gebruiker, as the dispatcher acts for them. */
export async function beheerderSession(
  core: ServerCore,
  gebruiker: string | undefined,
): Promise<SessionAccount> {
  const account = await core.store.db
    .selectFrom('accounts')
    .selectAll()
    .where('username', '=', (gebruiker ?? '').toLowerCase())
    .executeTakeFirst();
  if (!account?.active || !account.is_beheerder)
    throw new Refusal('Geef met --gebruiker een actieve beheerder op.');
  return toSessionAccount(account);
}

async function asBeheerder<T>(core: ServerCore, account: SessionAccount, call: string, input: unknown) {
  const r = await core.dispatcher.dispatchAs(account, call, input);
  if (!r.ok) throw new Refusal(r.error.message);
  return r.value as T;
}

export async function pairingCodeCommand(core: ServerCore, account: SessionAccount, fingerprint: string) {
  const code = await asBeheerder<PairingCode>(core, account, 'sync.pairingCode', {});
  console.log(`Koppelcode: ${code.code} (geldig tot ${formatDateTime(code.expiresAt)})`);
  console.log(`Vingerafdruk van de server: ${fingerprint}`);
}

const statusOf = (d: SyncDevice) =>
  d.revokedAt ? `ingetrokken op ${formatDateTime(d.revokedAt)}` : 'actief';

/** `werkplekken`: every desk ever paired, the newest first, in columns. */
export async function listDevicesCommand(core: ServerCore, account: SessionAccount) {
  const devices = await asBeheerder<SyncDevice[]>(core, account, 'sync.devices', {});
  if (devices.length === 0) {
    console.log(
      'Er is nog geen werkplek gekoppeld. Maak een koppelcode met: scripts/schakel server koppelcode',
    );
    return;
  }
  const rows = [
    ['Naam', 'Gekoppeld op', 'Door', 'Laatste contact', 'Status', 'Id'],
    ...devices.map((d) => [
      d.naam,
      formatDateTime(d.pairedAt),
      d.pairedBy ?? '',
      d.lastContactAt ? formatDateTime(d.lastContactAt) : 'nog nooit',
      statusOf(d),
      d.id,
    ]),
  ];
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length))) ?? [];
  for (const row of rows)
    console.log(
      row
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    );
}

/**
 * `intrekken <naam-of-id>`: by id, or by name when one desk has it (an active one before revoked ones of the same
 * name); anything unclear is refused with the way to the list.
 */
export async function revokeCommand(core: ServerCore, account: SessionAccount, which: string | undefined) {
  const wanted = (which ?? '').trim();
  if (!wanted)
    throw new Refusal(
      'Geef de naam of het id van de werkplek: scripts/schakel server intrekken NAAM --gebruiker BEHEERDER',
    );
  const devices = await asBeheerder<SyncDevice[]>(core, account, 'sync.devices', {});
  const named = devices.filter((d) => d.id === wanted || d.naam.toLowerCase() === wanted.toLowerCase());
  const active = named.filter((d) => d.revokedAt === null);
  const device = named.length === 1 ? named[0] : active.length === 1 ? active[0] : undefined;
  if (!device) {
    throw new Refusal(
      named.length === 0
        ? `Er is geen werkplek met de naam of het id ‘${wanted}’. De werkplekken staan in: scripts/schakel server werkplekken`
        : `Er zijn meer werkplekken met de naam ‘${wanted}’: geef het id (zie scripts/schakel server werkplekken).`,
    );
  }
  await asBeheerder(core, account, 'sync.revokeDevice', { id: device.id, version: device.version });
  console.log(
    `Ingetrokken: ${device.naam}. Bij het volgende contact weigert de server deze computer; die wist dan de gegevens van Schakel erop.`,
  );
}
