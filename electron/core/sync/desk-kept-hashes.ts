/**
 * The password hashes a desk holds for the users who signed in on it travel to no other desk, and the server sends
 * a blank one for every account but the puller's (visibility.ts). When the desk drops its copy to download
 * everything again (a server put back from a backup), those hashes are set aside in sync_state in the same
 * transaction, and given back to their accounts as the accounts arrive again: its users keep signing in offline.
 * What the download ends without (an account the restored server does not have) is forgotten.
 */
import { sql, type Transaction } from 'kysely';
import type { DB } from '../store/schema.ts';
import { writeState } from './desk-link-state.ts';

const prefix = 'bewaard-wachtwoord:';

/** Sets the hashes aside, before the copy is emptied. */
export async function keepHashes(transaction: Transaction<DB>): Promise<void> {
  const held = await transaction
    .selectFrom('accounts')
    .select(['id', 'password_hash'])
    .where('password_hash', '!=', '')
    .execute();
  for (const { id, password_hash } of held) await writeState(transaction, `${prefix}${id}`, password_hash);
}

/** Gives each account that arrived blank its hash back; at the end of the download, forgets the rest. */
export async function restoreHashes(transaction: Transaction<DB>, downloadEnds: boolean): Promise<void> {
  const kept = transaction
    .selectFrom('sync_state')
    .select('value')
    .where('key', '=', sql<string>`${prefix} || accounts.id`);
  await transaction
    .updateTable('accounts')
    .set({ password_hash: kept })
    .where('password_hash', '=', '')
    .where((eb) => eb.exists(kept))
    .execute();
  const given = transaction.selectFrom('accounts').select(sql<string>`${prefix} || id`.as('key'));
  await transaction
    .deleteFrom('sync_state')
    .where('key', 'like', `${prefix}%`)
    .$if(!downloadEnds, (q) => q.where('key', 'in', given))
    .execute();
}
