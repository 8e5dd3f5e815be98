import type { Role } from '../../../shared/roles.ts';
import { hashPassword } from '../auth/password.ts';
import { diff, type WriteCtx } from '../context.ts';
import { Failure, invalidField, notFound } from '../failure.ts';
import type { AreaHandlers } from '../registry.ts';
import type { AccountsTable } from '../store/schema.ts';
import { assertCurrent } from '../versioning.ts';
import { accountSnapshot, countActiveBeheerders, findAccount, toAccount } from './account-rows.ts';
import { saveAccount } from './save-account.ts';

async function usernameFree(ctx: WriteCtx, username: string): Promise<void> {
  const taken = await ctx.db
    .selectFrom('accounts')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirst();
  if (taken) throw invalidField('username', 'deze naam is al in gebruik');
}

async function loadForEdit(ctx: WriteCtx, id: string, version: number): Promise<AccountsTable> {
  const row = await findAccount(ctx.db, id);
  if (!row) throw notFound('Dit account');
  await assertCurrent(ctx.db, 'accounts', { id, version });
  return row;
}

/** Never leave the organisation without an active beheerder. */
async function keepOneBeheerder(ctx: WriteCtx, row: AccountsTable, stillBeheerder: boolean): Promise<void> {
  if (
    row.is_beheerder === 1 &&
    row.active === 1 &&
    !stillBeheerder &&
    (await countActiveBeheerders(ctx.db)) <= 1
  ) {
    throw invalidField(
      'isBeheerder',
      'dit is de laatste actieve beheerder; maak eerst iemand anders beheerder',
    );
  }
}

export const accountsHandlers = {
  'accounts.list': async (ctx) => {
    const rows = await ctx.db
      .selectFrom('accounts')
      .selectAll()
      .orderBy('active', 'desc')
      .orderBy('display_name')
      .execute();
    return rows.map(toAccount);
  },

  'accounts.staff': async (ctx) => {
    const rows = await ctx.db
      .selectFrom('accounts')
      .select(['id', 'display_name', 'role', 'active'])
      .orderBy('display_name')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      displayName: r.display_name,
      role: r.role as Role,
      active: r.active === 1,
    }));
  },

  'accounts.create': async (ctx, input) => {
    await usernameFree(ctx, input.username);
    const row: AccountsTable = {
      id: ctx.newId(),
      username: input.username,
      display_name: input.displayName,
      role: input.role,
      is_beheerder: input.isBeheerder ? 1 : 0,
      password_hash: await hashPassword(input.password),
      active: 1,
      created_at: ctx.now,
      updated_at: ctx.now,
      version: 1,
    };
    await ctx.db.insertInto('accounts').values(row).execute();
    ctx.audit({
      recordType: 'account',
      recordId: row.id,
      recordVersion: 1,
      summary: `Account aangemaakt: ${row.display_name}`,
      changes: diff(null, accountSnapshot(row)),
    });
    return { id: row.id, version: 1 };
  },

  'accounts.update': async (ctx, input) => {
    const row = await loadForEdit(ctx, input.id, input.version);
    await keepOneBeheerder(ctx, row, input.isBeheerder);
    return saveAccount(
      ctx,
      row,
      { display_name: input.displayName, role: input.role, is_beheerder: input.isBeheerder ? 1 : 0 },
      `Account gewijzigd: ${input.displayName}`,
    );
  },

  'accounts.deactivate': async (ctx, input) => {
    const row = await loadForEdit(ctx, input.id, input.version);
    if (row.id === ctx.account?.id)
      throw new Failure('invalid_input', 'Je kunt je eigen account niet deactiveren.');
    await keepOneBeheerder(ctx, row, false);
    return saveAccount(ctx, row, { active: 0 }, `Account gedeactiveerd: ${row.display_name}`);
  },

  'accounts.reactivate': async (ctx, input) => {
    const row = await loadForEdit(ctx, input.id, input.version);
    return saveAccount(ctx, row, { active: 1 }, `Account weer actief: ${row.display_name}`);
  },

  'accounts.resetPassword': async (ctx, input) => {
    const row = await loadForEdit(ctx, input.id, input.version);
    return saveAccount(
      ctx,
      row,
      { password_hash: await hashPassword(input.password) },
      `Wachtwoord opnieuw ingesteld: ${row.display_name}`,
    );
  },
} satisfies AreaHandlers<'accounts'>;
