/**
 * A user's first sign-in on a linked desk. Their password hash travels to no other desk (visibility.ts), so this
 * desk cannot check them: the server does, over HTTPS. Then their token is kept, and their account here gets a
 * hash of its own, so the next sign-in on this desk also works offline. A changed password works the same way:
 * the old hash here refuses it, the server takes it.
 */
import type { SessionAccount } from '../../../shared/roles.ts';
import { hashPassword } from '../auth/password.ts';
import { Failure } from '../failure.ts';
import type { SqliteStore } from '../store/store.ts';
import { type DeskLink, storeToken } from './desk-link-state.ts';
import { serverClient } from './server-client.ts';

export const firstSignInOffline =
  'Je kunt je op deze computer pas aanmelden als de server bereikbaar is: je hebt je hier nog niet eerder aangemeld, of je wachtwoord is elders gewijzigd.';

export async function signInAtServer(
  store: SqliteStore,
  link: DeskLink,
  credentials: { username: string; password: string },
  refused: Failure,
  now: string,
): Promise<SessionAccount> {
  const local = await store.db
    .selectFrom('accounts')
    .select(['id', 'password_hash'])
    .where('username', '=', credentials.username)
    .executeTakeFirst();
  const answer = await serverClient(link).signIn(
    { deviceId: link.deviceId, deviceKey: link.deviceKey },
    credentials,
  );
  if (!answer.ok) {
    // Out of reach: a user this desk knows was simply refused here; one it cannot check hears why.
    if (answer.error.code !== 'unavailable' || local?.password_hash) throw refused;
    throw new Failure('unavailable', firstSignInOffline);
  }
  const { account, token } = answer.value;
  const passwordHash = await hashPassword(credentials.password);
  await store.db.transaction().execute(async (transaction) => {
    await storeToken(transaction, account.id, token);
    // The row as the server has it comes with the next pull; until then, what signing in needs.
    await transaction
      .insertInto('accounts')
      .values({
        id: account.id,
        username: account.username,
        display_name: account.displayName,
        role: account.role,
        is_beheerder: account.isBeheerder ? 1 : 0,
        password_hash: passwordHash,
        active: 1,
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .onConflict((oc) => oc.column('id').doUpdateSet({ password_hash: passwordHash }))
      .execute();
  });
  return account;
}
