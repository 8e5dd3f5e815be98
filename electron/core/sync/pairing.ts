import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { formatDateTime } from '../../../shared/format.ts';
import {
  type PairingCode,
  type PairResponse,
  pairingCodeMinutes,
  type pairRequest,
} from '../../../shared/sync.ts';
import { writeAudit } from '../audit/record.ts';
import type { ClientLoginThrottle } from '../auth/login-throttle.ts';
import type { WriteCtx } from '../context.ts';
import { Failure } from '../failure.ts';
import { IdSource } from '../ids.ts';
import { settingsId } from '../settings/read.ts';
import type { DB } from '../store/schema.ts';
import { hashSecret, newKey, newPairingCode, normalisePairingCode } from './secrets.ts';

/**
 * The beheerder's one-time pairing code (sync.pairingCode): shown once, kept as a hash, valid for 15 minutes.
 * Typing it on a desk within that time pairs the desk (pairDevice).
 */
export async function createPairingCode(ctx: WriteCtx): Promise<PairingCode> {
  const code = newPairingCode();
  const id = ctx.newId();
  const expiresAt = new Date(Date.parse(ctx.now) + pairingCodeMinutes * 60_000).toISOString();
  await ctx.db
    .insertInto('sync_pairing_codes')
    .values({
      id,
      code_hash: hashSecret(normalisePairingCode(code)),
      created_by: ctx.account?.id ?? '',
      created_at: ctx.now,
      expires_at: expiresAt,
      used_at: null,
      device_id: null,
    })
    .execute();
  ctx.audit({
    recordType: 'koppelcode',
    recordId: id,
    recordVersion: null,
    summary: `Koppelcode gemaakt, geldig tot ${formatDateTime(expiresAt)}`,
    changes: [],
  });
  return { code, expiresAt };
}

/**
 * Every wrong code counts against one name, whoever sends it: guessing codes is slowed down for all senders
 * together (two free mistakes, then a doubling wait; at most 20 in ten minutes), while one code in 2^59 is right.
 */
const throttleName = 'koppelcode';

export const pairingRefusals = {
  unknown: 'Deze koppelcode klopt niet. Controleer de code of vraag de beheerder om een nieuwe.',
  expired: 'Deze koppelcode is verlopen (een code is 15 minuten geldig). Vraag de beheerder om een nieuwe.',
  used: 'Deze koppelcode is al gebruikt. Vraag de beheerder om een nieuwe.',
};

/**
 * A desk presents a pairing code and a name: the code is marked used and the desk gets its device key, once, in
 * one transaction. The code is looked up by its SHA-256: comparing the hashes of a typed code in the index reveals
 * through timing nothing about the code itself, and a used or expired code is told apart only after the lookup.
 */
export async function pairDevice(
  db: Kysely<DB>,
  throttle: ClientLoginThrottle,
  request: z.output<typeof pairRequest>,
  now: string,
): Promise<PairResponse> {
  const attempt = await throttle.begin(throttleName, Date.parse(now));
  const codeHash = hashSecret(normalisePairingCode(request.code));
  const response = await db.transaction().execute(async (trx) => {
    const code = await trx
      .selectFrom('sync_pairing_codes')
      .selectAll()
      .where('code_hash', '=', codeHash)
      .executeTakeFirst();
    if (!code) throw new Failure('unauthenticated', pairingRefusals.unknown, 'code');
    if (code.used_at !== null) throw new Failure('unauthenticated', pairingRefusals.used, 'code');
    if (code.expires_at <= now) throw new Failure('unauthenticated', pairingRefusals.expired, 'code');

    const ids = new IdSource(now);
    const deviceId = ids.next();
    const deviceKey = newKey();
    // Two desks typing the same code at once: only the one whose update finds it unused goes on.
    const marked = await trx
      .updateTable('sync_pairing_codes')
      .set({ used_at: now, device_id: deviceId })
      .where('id', '=', code.id)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(marked.numUpdatedRows) !== 1)
      throw new Failure('unauthenticated', pairingRefusals.used, 'code');
    await trx
      .insertInto('sync_devices')
      .values({
        id: deviceId,
        naam: request.naam,
        key_hash: hashSecret(deviceKey),
        paired_at: now,
        paired_by: code.created_by,
        last_contact_at: now,
        revoked_at: null,
        revoked_by: null,
        version: 1,
      })
      .execute();
    await writeAudit(trx, {
      call: 'sync.pair',
      now,
      // The beheerder who made the code let the desk in.
      accountId: code.created_by,
      input: { naam: request.naam },
      context: JSON.stringify({ now, ids: ids.issued }),
      records: [
        {
          recordType: 'werkplek',
          recordId: deviceId,
          recordVersion: 1,
          summary: `Werkplek gekoppeld: ${request.naam}`,
          changes: [{ field: 'naam', before: null, after: request.naam }],
        },
      ],
      origin: { deviceId, deviceNaam: request.naam, commandId: null },
    });
    const settings = await trx
      .selectFrom('settings')
      .select('naam')
      .where('id', '=', settingsId)
      .executeTakeFirst();
    return { deviceId, deviceKey, organisatie: settings?.naam ?? '' };
  });
  await attempt.succeeded();
  return response;
}
