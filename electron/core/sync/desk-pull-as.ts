/**
 * A desk's copy holds what one user may read: the user it was last pulled as. When another user's pull comes (they
 * signed in here last), the copy becomes theirs: the tables they may not read at all are emptied, and the pull
 * starts again from the first change, which brings every row they may read and drops, row by row, what they may
 * not. So the administrateur's laptop holds no begeleidingslog, even when a projectleider used it before.
 */
import type { Kysely } from 'kysely';
import { toSessionAccount } from '../accounts/account-rows.ts';
import type { DB } from '../store/schema.ts';
import { readPullAccount, storePullAccount } from './desk-link-state.ts';
import { storeCursor, withoutForeignKeys } from './desk-pull.ts';
import { syncedTables } from './desk-undo.ts';
import { ruleFor, visibility } from './visibility.ts';

const isRuled = (name: string): name is keyof DB => Object.hasOwn(visibility, name);

/**
 * Makes the desk's copy the account's before a pull as them; nothing to do when it is theirs already. (The first
 * pull after connecting starts from the beginning anyway, before the account itself has arrived.)
 */
export async function pullAs(db: Kysely<DB>, accountId: string): Promise<void> {
  const before = await readPullAccount(db);
  if (before === accountId) return;
  const tables = await syncedTables(db);
  const row = await db.selectFrom('accounts').selectAll().where('id', '=', accountId).executeTakeFirst();
  // Not here yet (it cannot be judged what they may read): nothing of another user's copy stays.
  const mayNotRead = (table: string) =>
    !row || (isRuled(table) && ruleFor(table, toSessionAccount(row)).kind === 'geen');
  await withoutForeignKeys(db, async (transaction) => {
    if (before !== undefined) {
      for (const table of tables.keys())
        if (mayNotRead(table)) await transaction.deleteFrom(table as 'persons').execute();
      await storeCursor(transaction, 0);
    }
    await storePullAccount(transaction, accountId);
  });
}
