import type { Kysely } from 'kysely';
import { deviceAuthScheme } from '../../../shared/sync.ts';
import { id } from '../../../shared/validation.ts';
import type { Reader } from '../context.ts';
import { Failure } from '../failure.ts';
import type { DB } from '../store/schema.ts';
import { hashSecret, keyPattern, sameHash } from './secrets.ts';

/** A paired desk, as a request proved it to be. */
export interface AuthenticatedDevice {
  id: string;
  naam: string;
  /** As read when the request was proved: whether recordContact has anything to note. */
  lastContactAt: string | null;
}

export const deviceRefusals = {
  unknown: 'Deze computer is niet (meer) gekoppeld aan de server. Koppel hem opnieuw met een koppelcode.',
  revoked:
    'De beheerder heeft deze computer ingetrokken. De gegevens van Schakel op deze computer worden gewist; koppel hem opnieuw als hij weer gebruikt mag worden.',
};

/** `Schakel-Device <deviceId>.<key>` taken apart, or null for anything else. */
export function parseDeviceHeader(header: string | undefined): { deviceId: string; key: string } | null {
  const prefix = `${deviceAuthScheme} `;
  if (header === undefined || !header.startsWith(prefix)) return null;
  const [deviceId, key, ...rest] = header.slice(prefix.length).split('.');
  if (rest.length > 0 || !id.safeParse(deviceId).success || !keyPattern.test(key ?? '')) return null;
  return { deviceId: deviceId as string, key: key as string };
}

/** A hash to compare against when the device id is unknown, so the time taken does not tell which ids exist. */
const noDevice = hashSecret('');

/**
 * The desk a request comes from, by its device key (compared in constant time). A revoked desk learns so, with
 * its own code, only after proving its key: it then wipes its copy. Reads only; recordContact notes the contact.
 */
export async function authenticateDevice(
  db: Reader,
  header: string | undefined,
): Promise<AuthenticatedDevice> {
  const given = parseDeviceHeader(header);
  if (!given) throw new Failure('unauthenticated', deviceRefusals.unknown);
  const row = await db
    .selectFrom('sync_devices')
    .select(['id', 'naam', 'key_hash', 'revoked_at', 'last_contact_at'])
    .where('id', '=', given.deviceId)
    .executeTakeFirst();
  const matches = sameHash(hashSecret(given.key), row?.key_hash ?? noDevice);
  if (!row || !matches) throw new Failure('unauthenticated', deviceRefusals.unknown);
  if (row.revoked_at !== null) throw new Failure('device_revoked', deviceRefusals.revoked);
  return { id: row.id, naam: row.naam, lastContactAt: row.last_contact_at };
}

/** How stale the recorded last contact may be: a desk pulling every few seconds writes once a minute, not each time. */
const contactResolutionMs = 60_000;

const staleBefore = (now: string) => new Date(Date.parse(now) - contactResolutionMs).toISOString();

/**
 * Notes the desk's contact for the beheerder's list of devices. Given the device as authenticateDevice read it, a
 * contact noted less than a minute ago costs no statement at all (a desk pulling every few seconds).
 */
export async function recordContact(
  db: Kysely<DB>,
  device: Pick<AuthenticatedDevice, 'id' | 'lastContactAt'>,
  now: string,
): Promise<void> {
  if (device.lastContactAt !== null && device.lastContactAt >= staleBefore(now)) return;
  await db
    .updateTable('sync_devices')
    .set({ last_contact_at: now })
    .where('id', '=', device.id)
    .where((eb) => eb.or([eb('last_contact_at', 'is', null), eb('last_contact_at', '<', staleBefore(now))]))
    .execute();
}
