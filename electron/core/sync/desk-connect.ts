/**
 * Connecting a computer that works on its own to a Schakel server (sync.connect): it pairs with the one-time code,
 * the server's certificate pinned, and signs the beheerder in there; only then is this computer changed, in one
 * transaction that clears its own records and stores the link and the beheerder's token. Every failure before
 * that leaves the computer as it was. A pairing whose sign-in failed (a mistyped password) is remembered in memory,
 * so trying again with the same code works: the server took the code at the pairing.
 */
import type { z } from 'zod';
import type { AppError } from '../../../shared/result.ts';
import type { connectInput, SignInResponse } from '../../../shared/sync.ts';
import { accountStillThere, writeAudit } from '../audit/record.ts';
import { Failure } from '../failure.ts';
import type { SqliteStore } from '../store/store.ts';
import { type DeskLink, storeLink, storeToken } from './desk-link-state.ts';
import { queueUpload } from './desk-upload.ts';
import { wipeStore } from './desk-wipe.ts';
import { normaliseFingerprint, serverClient } from './server-client.ts';

type ConnectInput = z.output<typeof connectInput>;

/** A desk paired at the server, and the input it was paired with. */
export interface Pairing {
  made: string;
  link: DeskLink;
}

const pairingOf = (input: ConnectInput) =>
  JSON.stringify([input.url, normaliseFingerprint(input.fingerprint), input.code, input.naam]);

/**
 * The server's refusal as this call's: a code or password that is wrong names its field; the server out of
 * reach, busy or of another version says so as it is.
 */
function refusal(error: AppError, field: 'code' | 'password'): Failure {
  if (error.code === 'unavailable' || error.code === 'rate_limited' || error.code === 'protocol_mismatch')
    return new Failure(error.code, error.message);
  return new Failure('invalid_input', error.message, field);
}

/**
 * Pairs (or reuses the pairing made with this very input) and signs the beheerder in. `paired` is told of a new
 * pairing before the sign-in, so that a failed sign-in can be tried again with the same code.
 */
export async function pairAndSignIn(
  input: ConnectInput,
  previous: Pairing | null,
  paired: (pairing: Pairing) => void,
): Promise<{ link: DeskLink; signedIn: SignInResponse }> {
  const address = { url: new URL(input.url).origin, fingerprint: normaliseFingerprint(input.fingerprint) };
  const client = serverClient(address);
  let pairing = previous?.made === pairingOf(input) ? previous : null;
  if (!pairing) {
    const answer = await client.pair({ code: input.code, naam: input.naam });
    if (!answer.ok) throw refusal(answer.error, 'code');
    const { deviceId, deviceKey, organisatie } = answer.value;
    pairing = {
      made: pairingOf(input),
      link: { ...address, organisatie, apparaat: input.naam, deviceId, deviceKey },
    };
    paired(pairing);
  }
  const { deviceId, deviceKey } = pairing.link;
  const signedIn = await client.signIn(
    { deviceId, deviceKey },
    { username: input.username, password: input.password },
  );
  if (!signedIn.ok) throw refusal(signedIn.error, 'password');
  return { link: pairing.link, signedIn: signedIn.value };
}

/**
 * One transaction: this computer's own records are queued for the server when taken along (`takeAlong`: the
 * beheerder's account here, whose id becomes their server account's), then they go from the store, and the link
 * and the beheerder's server token come. The first round pushes the queue and pulls everything back from the
 * server, as the server now has it. Returns how many records were queued.
 */
export async function linkComputer(
  store: SqliteStore,
  link: DeskLink,
  signedIn: SignInResponse,
  takeAlong: { accountId: string; now: string } | null,
): Promise<number> {
  return store.db.transaction().execute(async (transaction) => {
    const queued = takeAlong
      ? await queueUpload(transaction, { ...takeAlong, serverAccount: signedIn.account })
      : 0;
    await wipeStore(transaction, takeAlong ? ['sync_outbox'] : []);
    await storeLink(transaction, link);
    await storeToken(transaction, signedIn.account.id, signedIn.token);
    return queued;
  });
}

/**
 * The connection in the audit log, by the beheerder's server account when the first pull brought it (the local
 * account is gone with the rest), else without one; the summary names them either way.
 */
export async function auditConnection(
  store: SqliteStore,
  link: DeskLink,
  signedIn: SignInResponse,
  now: string,
  meegenomen: number | null,
): Promise<void> {
  const account = signedIn.account;
  await writeAudit(store.db, {
    call: 'sync.connect',
    now,
    accountId: await accountStillThere(store.db, account.id),
    input: { url: link.url, fingerprint: link.fingerprint, naam: link.apparaat, username: account.username },
    context: JSON.stringify({ now, ids: [] }),
    records: [
      {
        recordType: 'werkplek',
        recordId: link.deviceId,
        recordVersion: null,
        summary: `Deze computer (${link.apparaat}) gekoppeld aan de server van ${link.organisatie} door ${account.displayName}; ${
          meegenomen === null
            ? 'de eigen gegevens zijn vervangen door die van de server'
            : `de eigen gegevens (${meegenomen} records) gaan mee naar de server`
        }`,
        changes: [{ field: 'server', before: null, after: link.url }],
      },
    ],
  });
}
