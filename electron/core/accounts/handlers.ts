import type { Role } from '../../../shared/roles.ts';
import { diff, type ReadCtx, type WriteCtx } from '../context.ts';
import { Failure, invalidField, notFound } from '../failure.ts';
import type { Handlers } from '../handler-types.ts';
import type { AccountsTable } from '../store/schema.ts';
import { assertVersion } from '../versioning.ts';
import {
  accountSnapshot,
  countActiveBeheerders,
  findAccount,
  toAccount,
  toSessionAccount,
} from './account-rows.ts';
import { type LoginAttempt, tooManyAttemptsMessage } from './login-throttle.ts';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password.ts';

/** Refuses a password check while the throttle says wait; otherwise starts one that fails unless it succeeds. */
function startAttempt(ctx: Pick<ReadCtx, 'now' | 'session'>, username: string): LoginAttempt {
  const nowMs = Date.parse(ctx.now);
  const wait = ctx.session.throttle.waitMs(username, nowMs);
  if (wait > 0) throw new Failure('rate_limited', tooManyAttemptsMessage(wait));
  return ctx.session.throttle.start(username, nowMs);
}

/**
 * The logged-in person's own password, asked again (unlocking a window, showing the recovery code). A wrong one is
 * a guess like a failed login and counts toward the same limits.
 */
export async function confirmOwnPassword(ctx: ReadCtx, password: string): Promise<void> {
  const row = ctx.account ? await findAccount(ctx.db, ctx.account.id) : undefined;
  if (row?.active !== 1) throw new Failure('unauthenticated', 'Je bent niet (meer) ingelogd.');
  const attempt = startAttempt(ctx, row.username);
  if (!(await verifyPassword(password, row.password_hash))) throw invalidField('password', 'klopt niet');
  attempt.succeeded();
}

async function usernameFree(ctx: WriteCtx, username: string): Promise<void> {
  const taken = await ctx.db
    .selectFrom('accounts')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirst();
  if (taken) throw invalidField('username', 'deze naam is al in gebruik');
}

/** Writes an account change, audits it and updates every open session of that account after commit. */
async function saveAccount(
  ctx: WriteCtx,
  before: AccountsTable,
  values: Partial<AccountsTable>,
  summary: string,
) {
  await assertVersion(ctx.db, 'accounts', before.id, before.version);
  const after: AccountsTable = { ...before, ...values, updated_at: ctx.now, version: before.version + 1 };
  await ctx.db
    .updateTable('accounts')
    .set({ ...values, updated_at: ctx.now, version: after.version })
    .where('id', '=', before.id)
    .where('version', '=', before.version)
    .execute();
  ctx.audit({
    recordType: 'account',
    recordId: before.id,
    recordVersion: after.version,
    summary,
    changes: diff(accountSnapshot(before), accountSnapshot(after)),
  });
  ctx.afterCommit(() => ctx.session.update(after.id, after.active ? toSessionAccount(after) : null));
  return { id: after.id, version: after.version };
}

async function loadForEdit(ctx: WriteCtx, id: string, version: number): Promise<AccountsTable> {
  const row = await findAccount(ctx.db, id);
  if (!row) throw notFound('Dit account');
  await assertVersion(ctx.db, 'accounts', id, version);
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

export const accountHandlers = {
  'setup.createFirstAccount': async (ctx, input) => {
    const existing = await ctx.db.selectFrom('accounts').select('id').executeTakeFirst();
    if (existing) throw new Failure('setup_done', 'Schakel is al ingericht. Log in met je account.');
    const id = ctx.newId();
    const row: AccountsTable = {
      id,
      username: input.username,
      display_name: input.displayName,
      role: input.role,
      is_beheerder: 1,
      password_hash: await hashPassword(input.password),
      active: 1,
      created_at: ctx.now,
      updated_at: ctx.now,
      version: 1,
    };
    await ctx.db.insertInto('accounts').values(row).execute();
    await ctx.db
      .insertInto('settings')
      .values({ id: 'organisatie', naam: input.organisatieNaam, updated_at: ctx.now, version: 1 })
      .execute();
    ctx.audit({
      recordType: 'account',
      recordId: id,
      recordVersion: 1,
      summary: `Eerste account aangemaakt: ${input.displayName}`,
      changes: diff(null, accountSnapshot(row)),
    });
    const account = toSessionAccount(row);
    ctx.afterCommit(() => ctx.session.login(account));
    return account;
  },

  'auth.login': async (ctx, input) => {
    const attempt = startAttempt(ctx, input.username);
    const row = await ctx.db
      .selectFrom('accounts')
      .selectAll()
      .where('username', '=', input.username)
      .executeTakeFirst();
    const ok = await verifyPassword(input.password, row?.password_hash ?? (await dummyPasswordHash()));
    if (!row || !ok || row.active !== 1) {
      throw new Failure(
        'unauthenticated',
        row && ok
          ? 'Dit account is gedeactiveerd. Vraag de beheerder.'
          : 'Gebruikersnaam of wachtwoord klopt niet.',
        'password',
      );
    }
    attempt.succeeded();
    const account = toSessionAccount(row);
    ctx.session.login(account);
    return account;
  },

  'auth.logout': async (ctx) => {
    ctx.session.logout();
    return null;
  },

  'auth.me': async (ctx) => ctx.account,

  // The dispatcher counted the call as use (or refused it as locked); the window learns the idle time in force.
  'auth.activity': async (ctx) => {
    const row = await ctx.db.selectFrom('settings').select('vergrendelen_na_minuten').executeTakeFirst();
    return { vergrendelenNaMinuten: row?.vergrendelen_na_minuten ?? 15 };
  },

  'auth.lock': async (ctx) => {
    ctx.session.lock();
    return null;
  },

  'auth.unlock': async (ctx, input) => {
    await confirmOwnPassword(ctx, input.password);
    ctx.session.unlock();
    return null;
  },

  'auth.changePassword': async (ctx, input) => {
    const me = ctx.account;
    const row = me ? await findAccount(ctx.db, me.id) : undefined;
    if (!row) throw new Failure('unauthenticated', 'Je bent niet (meer) ingelogd.');
    // Checking the current password is a guess like a login, so it counts toward the same limits.
    const attempt = startAttempt(ctx, row.username);
    if (!(await verifyPassword(input.currentPassword, row.password_hash))) {
      throw invalidField('currentPassword', 'klopt niet');
    }
    attempt.succeeded();
    if (input.currentPassword === input.newPassword) {
      throw invalidField('newPassword', 'kies een ander wachtwoord dan het huidige');
    }
    await saveAccount(
      ctx,
      row,
      { password_hash: await hashPassword(input.newPassword) },
      'Eigen wachtwoord gewijzigd',
    );
    return null;
  },

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
} satisfies Partial<Handlers>;
