import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { SessionAccount } from '../../../shared/roles.ts';
import type { SignInResponse, signInRequest } from '../../../shared/sync.ts';
import { toSessionAccount } from '../accounts/account-rows.ts';
import { writeAudit } from '../audit/record.ts';
import { startAttempt } from '../auth/confirm-password.ts';
import { accountForCredentials } from '../auth/credentials.ts';
import type { ClientLoginThrottle } from '../auth/login-throttle.ts';
import { Failure } from '../failure.ts';
import { IdSource } from '../ids.ts';
import type { DB } from '../store/schema.ts';
import type { AuthenticatedDevice } from './device-auth.ts';
import { hashSecret, keyPattern, newKey } from './secrets.ts';

export const signedOutMessage = 'Je bent niet (meer) aangemeld bij de server. Meld je opnieuw aan.';

/**
 * A user signs in at the server from a paired desk, with the account's name and password, under the same limits
 * on guessing as a login at a desk. The token returned (once; kept as a hash) is bound to that desk: with the
 * desk's key it makes the desk's pushes and pulls act as this account.
 */
export async function signIn(
  db: Kysely<DB>,
  throttle: ClientLoginThrottle,
  device: AuthenticatedDevice,
  request: z.output<typeof signInRequest>,
  now: string,
): Promise<SignInResponse> {
  const attempt = await startAttempt({ now, session: { throttle } }, request.username);
  const row = await accountForCredentials(db, request.username, request.password);
  await attempt.succeeded();
  const token = newKey();
  const ids = new IdSource(now);
  // The token and its audit entry in one transaction: the beheerder sees who signed in on which desk.
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('sync_tokens')
      .values({
        id: ids.next(),
        device_id: device.id,
        account_id: row.id,
        token_hash: hashSecret(token),
        created_at: now,
        last_used_at: now,
        revoked_at: null,
      })
      .execute();
    await writeAudit(trx, {
      call: 'sync.signIn',
      now,
      accountId: row.id,
      input: { username: request.username },
      context: JSON.stringify({ now, ids: ids.issued }),
      records: [
        {
          recordType: 'werkplek',
          recordId: device.id,
          recordVersion: null,
          summary: `Aangemeld bij de server: ${row.display_name}`,
          changes: [],
        },
      ],
      origin: { deviceId: device.id, deviceNaam: device.naam, commandId: null },
    });
  });
  return { token, account: toSessionAccount(row) };
}

/**
 * How long a token lasts on the server. A desk in use syncs every half minute in the background, and each push or
 * pull counts as use, so only a desk left unused for two weeks (a laptop in a drawer, one lost or taken) passes
 * the idle limit. The absolute limit makes every user give their password to the server again each quarter, so a
 * token copied off a desk stops working in time even while that desk keeps syncing. Either way the desk hears it
 * is signed out, and the user's next sign-in there gets a new token.
 */
export const tokenLimits = { idleDays: 14, maxDays: 90 };

const dayMs = 24 * 60 * 60 * 1000;
/** How stale the recorded last use may get: a desk pulling every few seconds writes it once a minute, not each time. */
const useResolutionMs = 60_000;
const before = (now: string, ms: number) => new Date(Date.parse(now) - ms).toISOString();

/**
 * The account a request acts as: its token must belong to this desk, not be revoked (a revoked desk revokes its
 * tokens) nor expired (tokenLimits), and its account must still be active. The token is found by its SHA-256,
 * which reveals nothing through timing about the token itself. A role changed or an account deactivated meanwhile
 * counts at once: the account is read fresh each time, in the same statement. The use is noted only when the one
 * noted is over a minute old, so the usual request costs that one statement.
 */
export async function authenticateUser(
  db: Kysely<DB>,
  device: AuthenticatedDevice,
  token: string | undefined,
  now: string,
): Promise<SessionAccount> {
  if (token === undefined || !keyPattern.test(token)) throw new Failure('unauthenticated', signedOutMessage);
  const row = await db
    .selectFrom('sync_tokens')
    .innerJoin('accounts', 'accounts.id', 'sync_tokens.account_id')
    .selectAll('accounts')
    .select(['sync_tokens.id as token_id', 'sync_tokens.last_used_at'])
    .where('sync_tokens.token_hash', '=', hashSecret(token))
    .where('sync_tokens.device_id', '=', device.id)
    .where('sync_tokens.revoked_at', 'is', null)
    .where('sync_tokens.created_at', '>', before(now, tokenLimits.maxDays * dayMs))
    .where(
      (eb) => eb.fn.coalesce('sync_tokens.last_used_at', 'sync_tokens.created_at'),
      '>',
      before(now, tokenLimits.idleDays * dayMs),
    )
    .executeTakeFirst();
  if (row?.active !== 1) throw new Failure('unauthenticated', signedOutMessage);
  const { token_id: tokenId, last_used_at: lastUsedAt, ...account } = row;
  const stale = before(now, useResolutionMs);
  if (lastUsedAt === null || lastUsedAt < stale) {
    await db
      .updateTable('sync_tokens')
      .set({ last_used_at: now })
      .where('id', '=', tokenId)
      .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', stale)]))
      .execute();
  }
  return toSessionAccount(account);
}
