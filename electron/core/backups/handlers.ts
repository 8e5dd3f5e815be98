import type { SessionAccount } from '../../../shared/roles.ts';
import { confirmOwnPassword } from '../auth/confirm-password.ts';
import { Failure } from '../failure.ts';
import type { AreaHandlers } from '../registry.ts';

/** The permission table lets only a beheerder through; the account is there. */
function who(account: SessionAccount | null): SessionAccount {
  if (!account) throw new Failure('unauthenticated', 'Je bent niet (meer) ingelogd. Log opnieuw in.');
  return account;
}

export const backupsHandlers = {
  'backups.overview': async (ctx) => ctx.backups.overview(),
  'backups.preview': async (ctx, input) => ctx.backups.preview(input.name),
  'backups.create': async (ctx) => ctx.backups.create(who(ctx.account)),
  'backups.setFolder': async (ctx, input) => {
    await ctx.backups.setFolder(input.folder, who(ctx.account));
    return null;
  },
  'backups.restore': async (ctx, input) => {
    const others = await ctx.session.othersInUse();
    if (others > 0) {
      throw new Failure(
        'conflict',
        `Er ${others === 1 ? 'is nog 1 ander venster' : `zijn nog ${others} andere vensters`} ingelogd. Laat iedereen eerst uitloggen (of sluit die vensters) en zet dan terug. Er is niets gewijzigd.`,
      );
    }
    return ctx.backups.restore(input.name, who(ctx.account));
  },
  'backups.recoveryKey': async (ctx, input) => {
    await confirmOwnPassword(ctx, input.password);
    return ctx.backups.recoveryKey(who(ctx.account));
  },
} satisfies AreaHandlers<'backups'>;
