import type { Reader } from '../context.ts';
import { Failure } from '../failure.ts';
import type { AccountsTable } from '../store/schema.ts';
import { dummyPasswordHash, verifyPassword } from './password.ts';

/**
 * The active account that a user name and password belong to, or the Dutch refusal. An unknown name is checked
 * against a dummy hash, so the time taken does not tell which names exist. Both the login at a desk and the
 * sign-in at the server from a paired desk go through here, after their throttle allowed the attempt.
 */
export async function accountForCredentials(
  db: Reader,
  username: string,
  password: string,
): Promise<AccountsTable> {
  const row = await db.selectFrom('accounts').selectAll().where('username', '=', username).executeTakeFirst();
  const ok = await verifyPassword(password, row?.password_hash ?? (await dummyPasswordHash()));
  if (!row || !ok || row.active !== 1) {
    throw new Failure(
      'unauthenticated',
      row && ok
        ? 'Dit account is gedeactiveerd. Vraag de beheerder.'
        : 'Gebruikersnaam of wachtwoord klopt niet.',
      'password',
    );
  }
  return row;
}
