import type { z } from 'zod';
import type { Saved } from '../../../shared/contract.ts';
import type { revokeDeviceInput, SyncDevice } from '../../../shared/sync.ts';
import type { Reader, WriteCtx } from '../context.ts';
import { Failure, notFound } from '../failure.ts';
import { updateVersioned } from '../versioning.ts';

/** Every desk ever paired, the newest first, for the beheerder's list (sync.devices). */
export async function listDevices(db: Reader): Promise<SyncDevice[]> {
  const rows = await db
    .selectFrom('sync_devices')
    .leftJoin('accounts', 'accounts.id', 'sync_devices.paired_by')
    .select([
      'sync_devices.id',
      'sync_devices.naam',
      'sync_devices.paired_at',
      'sync_devices.last_contact_at',
      'sync_devices.revoked_at',
      'sync_devices.version',
      'accounts.display_name',
    ])
    .orderBy('sync_devices.paired_at', 'desc')
    .orderBy('sync_devices.id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    naam: r.naam,
    pairedAt: r.paired_at,
    pairedBy: r.display_name,
    lastContactAt: r.last_contact_at,
    revokedAt: r.revoked_at,
    version: r.version,
  }));
}

/**
 * Revokes a desk (a lost laptop): its key and every user token on it stop working at once, in the same
 * transaction, and its next request learns that it was revoked.
 */
export async function revokeDevice(ctx: WriteCtx, input: z.output<typeof revokeDeviceInput>): Promise<Saved> {
  const row = await ctx.db
    .selectFrom('sync_devices')
    .select(['naam', 'revoked_at'])
    .where('id', '=', input.id)
    .executeTakeFirst();
  if (!row) throw notFound('Deze werkplek');
  if (row.revoked_at !== null) throw new Failure('invalid_input', 'Deze werkplek is al ingetrokken.');
  const saved = await updateVersioned(
    ctx,
    'sync_devices',
    input,
    { revoked_at: ctx.now, revoked_by: ctx.account?.id ?? null },
    {
      recordType: 'werkplek',
      summary: `Werkplek ingetrokken: ${row.naam}`,
      changes: [{ field: 'revoked_at', before: null, after: ctx.now }],
    },
  );
  await ctx.db
    .updateTable('sync_tokens')
    .set({ revoked_at: ctx.now })
    .where('device_id', '=', input.id)
    .where('revoked_at', 'is', null)
    .execute();
  return saved;
}
