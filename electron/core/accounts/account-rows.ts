import type { Account } from '../../../shared/accounts.ts';
import type { Role, SessionAccount } from '../../../shared/roles.ts';
import type { Reader } from '../context.ts';
import type { AccountsTable } from '../store/schema.ts';

export function toAccount(row: AccountsTable): Account {
  return {
    id: row.id,
    version: row.version,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    isBeheerder: row.is_beheerder === 1,
    active: row.active === 1,
    createdAt: row.created_at,
  };
}

export function toSessionAccount(row: AccountsTable): SessionAccount {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    isBeheerder: row.is_beheerder === 1,
  };
}

/** The audit snapshot of an account: never the password hash. */
export function accountSnapshot(row: AccountsTable): Record<string, unknown> {
  return {
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    isBeheerder: row.is_beheerder === 1,
    active: row.active === 1,
  };
}

export function findAccount(db: Reader, id: string): Promise<AccountsTable | undefined> {
  return db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function countActiveBeheerders(db: Reader): Promise<number> {
  const row = await db
    .selectFrom('accounts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('active', '=', 1)
    .where('is_beheerder', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
