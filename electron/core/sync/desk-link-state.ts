/**
 * The desk's link with a Schakel server, kept in the encrypted store's key/value table sync_state beside the pull
 * cursor (desk-pull.ts): the server's address and pinned fingerprint, the organisation, this computer's name, the
 * device id and key from pairing (sealed by the keychain under Electron: device-key-vault.ts), when the last pull finished, and per account the user token the server gave
 * (`token:<accountId>`). A desk with a device stored works as a team; without one, on its own.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../store/schema.ts';

export interface DeskLink {
  url: string;
  fingerprint: string;
  organisatie: string;
  /** This computer's name in the beheerder's list of desks. */
  apparaat: string;
  deviceId: string;
  deviceKey: string;
}

const linkKeys = {
  url: 'server.url',
  fingerprint: 'server.fingerprint',
  organisatie: 'server.organisatie',
  apparaat: 'apparaat',
  deviceId: 'device.id',
  deviceKey: 'device.key',
} as const satisfies Record<keyof DeskLink, string>;

const pulledAtKey = 'bijgewerkt';
const tokenPrefix = 'token:';

type Db = Kysely<DB> | Transaction<DB>;

/** One value of the desk's sync state (also the pull cursor, desk-pull.ts), or undefined. */
export async function readState(db: Db, key: string): Promise<string | undefined> {
  const row = await db.selectFrom('sync_state').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

export async function writeState(db: Db, key: string, value: string): Promise<void> {
  await db
    .insertInto('sync_state')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

/** The link as stored, or null: this computer works on its own. */
export async function readLink(db: Db): Promise<DeskLink | null> {
  const rows = await db
    .selectFrom('sync_state')
    .select(['key', 'value'])
    .where('key', 'in', Object.values(linkKeys))
    .execute();
  const stored = new Map(rows.map((r) => [r.key, r.value]));
  const link = {} as DeskLink;
  for (const [field, key] of Object.entries(linkKeys) as [keyof DeskLink, string][]) {
    const value = stored.get(key);
    if (value === undefined) return null;
    link[field] = value;
  }
  return link;
}

/** Stores the device key in the form its vault keeps (device-key-vault.ts). */
export function storeDeviceKey(db: Db, stored: string): Promise<void> {
  return writeState(db, linkKeys.deviceKey, stored);
}

/**
 * Stores the link (inside the transaction that also clears the computer's own records when it connects), its
 * device key as its vault keeps it.
 */
export async function storeLink(transaction: Transaction<DB>, link: DeskLink): Promise<void> {
  for (const [field, key] of Object.entries(linkKeys) as [keyof DeskLink, string][])
    await writeState(transaction, key, link[field]);
}

/** Every account's server token on this desk, by account id. */
export async function readTokens(db: Db): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('sync_state')
    .select(['key', 'value'])
    .where('key', 'like', `${tokenPrefix}%`)
    .execute();
  return new Map(rows.map((r) => [r.key.slice(tokenPrefix.length), r.value]));
}

export function storeToken(db: Db, accountId: string, token: string): Promise<void> {
  return writeState(db, `${tokenPrefix}${accountId}`, token);
}

/** The server no longer takes this token (the user signs in again at the next login here). */
export async function dropToken(db: Db, accountId: string): Promise<void> {
  await db.deleteFrom('sync_state').where('key', '=', `${tokenPrefix}${accountId}`).execute();
}

export async function readPulledAt(db: Db): Promise<string | null> {
  return (await readState(db, pulledAtKey)) ?? null;
}

export function storePulledAt(db: Db, at: string): Promise<void> {
  return writeState(db, pulledAtKey, at);
}

const pullAccountKey = 'cursor.account';

/** Whom the desk's copy was pulled as (desk-pull-as.ts); undefined before the first pull. */
export function readPullAccount(db: Db): Promise<string | undefined> {
  return readState(db, pullAccountKey);
}

export function storePullAccount(db: Db, accountId: string): Promise<void> {
  return writeState(db, pullAccountKey, accountId);
}
