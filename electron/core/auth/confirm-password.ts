import { findAccount } from '../accounts/account-rows.ts';
import type { ReadCtx, SessionControl } from '../context.ts';
import { Failure, invalidField } from '../failure.ts';
import type { LoginAttempt } from './login-throttle.ts';
import { verifyPassword } from './password.ts';

/**
 * Refuses a password check while the throttle says wait; otherwise starts one that fails unless it succeeds. Also
 * used by the server's sign-in from a paired desk, whose throttle is the server's.
 */
export function startAttempt(
  ctx: { now: string; session: Pick<SessionControl, 'throttle'> },
  username: string,
): Promise<LoginAttempt> {
  return ctx.session.throttle.begin(username, Date.parse(ctx.now));
}

/**
 * The logged-in person's own password, asked again (unlocking a window, showing the recovery code). A wrong one is
 * a guess like a failed login and counts toward the same limits.
 */
export async function confirmOwnPassword(ctx: ReadCtx, password: string): Promise<void> {
  const row = ctx.account ? await findAccount(ctx.db, ctx.account.id) : undefined;
  if (row?.active !== 1) throw new Failure('unauthenticated', 'Je bent niet (meer) ingelogd.');
  const attempt = await startAttempt(ctx, row.username);
  if (!(await verifyPassword(password, row.password_hash))) throw invalidField('password', 'klopt niet');
  await attempt.succeeded();
}
