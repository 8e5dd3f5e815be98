import { diff, type WriteCtx } from '../context.ts';
import type { AccountsTable } from '../store/schema.ts';
import { updateVersioned } from '../versioning.ts';
import { accountSnapshot, toSessionAccount } from './account-rows.ts';

/**
 * Writes an account change, audits it and updates every open session of that account after commit. Shared with
 * the auth area, where a person changes their own password.
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
  const after: AccountsTable = { ...before, ...changed, version: saved.version };
  ctx.afterCommit(() => ctx.session.update(after.id, after.active ? toSessionAccount(after) : null));
  return saved;
}
