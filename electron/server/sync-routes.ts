import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Kysely } from 'kysely';
import { httpStatusFor, type Result } from '../../shared/result.ts';
import type { SessionAccount } from '../../shared/roles.ts';
import {
  type BeheerCall,
  beheerRequest,
  blobHash,
  type PullResponse,
  type PushedCommand,
  type PushResponse,
  pairRequest,
  protocolHeader,
  pullRequest,
  pushRequest,
  signInRequest,
  syncProtocolVersion,
  userTokenHeader,
} from '../../shared/sync.ts';
import type { StoredLoginThrottle } from '../core/auth/stored-login-throttle.ts';
import { Failure } from '../core/failure.ts';
import type { DB } from '../core/store/schema.ts';
import { authenticateDevice, recordContact } from '../core/sync/device-auth.ts';
import { pairDevice } from '../core/sync/pairing.ts';
import { authenticateUser, signIn } from '../core/sync/user-sign-in.ts';
import { HttpRefusal, jsonBody, sendJson } from './http-io.ts';

/** What the server does with a signed-in desk's commands and questions; the transport only carries them. */
export interface SyncServices {
  push(account: SessionAccount, deviceId: string, commands: PushedCommand[]): Promise<PushResponse>;
  pull(account: SessionAccount, since: number, limit: number): Promise<PullResponse>;
  /** A receipt or printed PDF by its SHA-256, or null when the server has none this account may read. */
  blob(account: SessionAccount, sha256: string): Promise<Buffer | null>;
  /** A beheerder's call about the desks, through the dispatcher as this account (its role checked there). */
  beheer(account: SessionAccount, call: BeheerCall, input: unknown): Promise<Result<unknown>>;
}

export interface SyncRouteDeps {
  db: Kysely<DB>;
  services: SyncServices;
  clock: () => Date;
  /** Wrong pairing codes, from any address. */
  pairingThrottle: StoredLoginThrottle;
  /** Wrong passwords at sign-in, per user name and per desk. */
  signInThrottle: StoredLoginThrottle;
}

/**
 * Body caps per route: a pairing or sign-in is a few hundred bytes; a push is up to 500 commands in some 8 MB, or
 * one larger command alone (a claim with five receipts of 5 MB is some 35 MB as JSON).
 */
export const bodyLimits = {
  pair: 2 * 1024,
  login: 2 * 1024,
  pull: 1024,
  beheer: 1024,
  push: 48 * 1024 * 1024,
} as const;

export const selfRevokeMessage =
  'Deze computer kan zichzelf niet intrekken. Trek hem in vanaf een andere computer of op de server (scripts/schakel server intrekken).';

const blobPath = /^\/sync\/blob\/([^/]*)$/;

/**
 * One request of a desk: protocol version, then who is asking, then its body, then the work. The desk's last
 * contact is noted only once its request is accepted, so a refused one writes nothing.
 */
export async function handleSyncRequest(
  req: IncomingMessage,
  res: ServerResponse,
  deps: SyncRouteDeps,
): Promise<void> {
  const path = req.url ?? '';
  const blob = blobPath.exec(path);
  const route = blob ? 'blob' : routeOf(path);
  if (!route)
    throw new HttpRefusal(404, { code: 'not_found', message: 'Deze aanvraag kent de server niet.' });
  const method = route === 'blob' ? 'GET' : 'POST';
  if (req.method !== method) {
    res.setHeader('allow', method);
    throw new HttpRefusal(405, { code: 'invalid_input', message: `Alleen ${method} is hier toegestaan.` });
  }
  if (req.headers[protocolHeader] !== String(syncProtocolVersion)) {
    throw new Failure(
      'protocol_mismatch',
      'Deze computer en de server gebruiken een andere versie van Schakel. Werk Schakel bij en probeer het opnieuw.',
    );
  }
  const now = () => deps.clock().toISOString();

  if (route === 'pair') {
    const input = await jsonBody(req, bodyLimits.pair, pairRequest);
    const client = deps.pairingThrottle.forClient(req.socket.remoteAddress ?? '');
    sendJson(res, 200, { ok: true, value: await pairDevice(deps.db, client, input, now()) });
    return;
  }

  const device = await authenticateDevice(deps.db, req.headers.authorization);
  if (route === 'login') {
    const input = await jsonBody(req, bodyLimits.login, signInRequest);
    const value = await signIn(deps.db, deps.signInThrottle.forClient(device.id), device, input, now());
    await recordContact(deps.db, device, now());
    sendJson(res, 200, { ok: true, value });
    return;
  }

  const account = await authenticateUser(deps.db, device, single(req.headers[userTokenHeader]), now());
  if (route === 'push') {
    const { commands } = await jsonBody(req, bodyLimits.push, pushRequest);
    await recordContact(deps.db, device, now());
    sendJson(res, 200, { ok: true, value: await deps.services.push(account, device.id, commands) });
  } else if (route === 'pull') {
    const { since, limit } = await jsonBody(req, bodyLimits.pull, pullRequest);
    await recordContact(deps.db, device, now());
    sendJson(res, 200, { ok: true, value: await deps.services.pull(account, since, limit) });
  } else if (route === 'beheer') {
    const { call, input } = await jsonBody(req, bodyLimits.beheer, beheerRequest);
    // Its copy would be wiped while the beheerder works on it: another desk or the server's command line does it.
    if (call === 'sync.revokeDevice' && input.id === device.id)
      throw new Failure('invalid_input', selfRevokeMessage);
    await recordContact(deps.db, device, now());
    const result = await deps.services.beheer(account, call, input);
    sendJson(res, result.ok ? 200 : httpStatusFor[result.error.code], result);
  } else {
    const hash = blobHash.safeParse(blob?.[1]);
    if (!hash.success) throw new Failure('invalid_input', 'Ongeldige verwijzing naar een bestand.');
    await recordContact(deps.db, device, now());
    const content = await deps.services.blob(account, hash.data);
    if (!content) throw new Failure('not_found', 'Dit bestand is niet (meer) op de server.');
    res.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-length': content.length,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    res.end(content);
  }
}

function routeOf(path: string): 'pair' | 'login' | 'push' | 'pull' | 'beheer' | undefined {
  switch (path) {
    case '/sync/pair':
      return 'pair';
    case '/sync/login':
      return 'login';
    case '/sync/push':
      return 'push';
    case '/sync/pull':
      return 'pull';
    case '/sync/beheer':
      return 'beheer';
    default:
      return undefined;
  }
}

function single(header: string | string[] | undefined): string | undefined {
  return Array.isArray(header) ? undefined : header;
}
