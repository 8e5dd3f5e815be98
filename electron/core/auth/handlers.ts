import { accountSnapshot, findAccount, toSessionAccount } from '../accounts/account-rows.ts';
import { saveAccount } from '../accounts/save-account.ts';
import { diff } from '../context.ts';
import { Failure, invalidField } from '../failure.ts';
import type { AreaHandlers } from '../registry.ts';
import type { AccountsTable } from '../store/schema.ts';
import { confirmOwnPassword, startAttempt } from './confirm-password.ts';
import { accountForCredentials } from './credentials.ts';
import { hashPassword, verifyPassword } from './password.ts';

/** Setting up, logging in and out, the idle lock and one's own password: the session's side of accounts. */
export const authHandlers = {
  'auth.setup': async (ctx, input) => {
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
    const attempt = await startAttempt(ctx, input.username);
    const account = await accountForCredentials(ctx.db, input.username, input.password).then(
      toSessionAccount,
      (refused: unknown) => {
        if (!(refused instanceof Failure)) throw refused;
        return ctx.link.signInAtServer(input, refused);
      },
    );
    await attempt.succeeded();
    ctx.session.login(account);
    // On a desk linked with a server: the same password signs them in there, in the background.
    ctx.link.signedIn(account, input.password);
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
    if (ctx.account) ctx.link.signedIn(ctx.account, input.password);
    return null;
  },

  'auth.changePassword': async (ctx, input) => {
    const me = ctx.account;
    const row = me ? await findAccount(ctx.db, me.id) : undefined;
    if (!row) throw new Failure('unauthenticated', 'Je bent niet (meer) ingelogd.');
    // Checking the current password is a guess like a login, so it counts toward the same limits.
    const attempt = await startAttempt(ctx, row.username);
    if (!(await verifyPassword(input.currentPassword, row.password_hash))) {
      throw invalidField('currentPassword', 'klopt niet');
    }
    await attempt.succeeded();
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
} satisfies AreaHandlers<'auth'>;
