import { diff, type WriteCtx } from '../context.ts';
import type { AccountsTable } from '../store/schema.ts';
import { updateVersioned } from '../versioning.ts';
import { accountSnapshot, toSessionAccount } from './account-rows.ts';

/**
 * Writes an account change, audits it and updates every open session of that account after commit. Shared with
 * the auth area, where a person changes their own password.
 *
 * A new password also ends the account's sign-ins on paired desks (sync_tokens, on the server; a desk has none):
 * a password reset after a laptop went missing locks that laptop out of the server. A person who changes their own
 * password from a desk stays signed in there.
 */
export async function saveAccount(
  ctx: WriteCtx,
  before: AccountsTable,
  values: Partial<AccountsTable>,
  summary: string,
) {
  const changed = { ...values, updated_at: ctx.now };
  const saved = await updateVersioned(ctx, 'accounts', before, changed, {
    recordType: 'account',
    summary,
    changes: diff(accountSnapshot(before), accountSnapshot({ ...before, ...changed })),
  });
  if (values.password_hash !== undefined) {
    await ctx.db
      .updateTable('sync_tokens')
      .set({ revoked_at: ctx.now })
      .where('account_id', '=', before.id)
      .where('revoked_at', 'is', null)
      .$if(ctx.originDevice !== null && before.id === ctx.account?.id, (q) =>
        q.where('device_id', '!=', ctx.originDevice as string),
      )
      .execute();
  }
  const after: AccountsTable = { ...before, ...changed, version: saved.version };
  ctx.afterCommit(() => ctx.session.update(after.id, after.active ? toSessionAccount(after) : null));
  return saved;
}
