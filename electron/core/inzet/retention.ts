/**
 * Inzet under the retention rules: activities are kept as anonymous counts (an anonymised person's row is already
 * neutral). When paid claims are removed after their retention period, the activities that prepared them let go
 * of the link first, so the figures of the activity stay.
 */
import type { Transaction } from 'kysely';
import type { DB } from '../store/schema.ts';

export async function unlinkRemovedClaims(db: Transaction<DB>, claimIds: string[]): Promise<void> {
  if (claimIds.length === 0) return;
  await db.updateTable('inzet_persons').set({ claim_id: null }).where('claim_id', 'in', claimIds).execute();
}
