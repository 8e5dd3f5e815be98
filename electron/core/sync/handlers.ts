import type { SessionAccount } from '../../../shared/roles.ts';
import { Failure } from '../failure.ts';
import type { AreaHandlers } from '../registry.ts';
import { listInbox, resolveInbox } from './desk-inbox.ts';
import { listDevices, revokeDevice } from './devices.ts';
import { importRows } from './import-rows.ts';
import { createPairingCode } from './pairing.ts';

/** The sync calls need a signed-in account (shared/permissions.ts); the dispatcher checked it. */
const signedIn = (account: SessionAccount | null): SessionAccount => {
  if (!account) throw new Failure('unauthenticated', 'Je bent niet (meer) ingelogd. Log opnieuw in.');
  return account;
};

/**
 * Working as a team. On the server: pairing codes for new desks, the list of desks, revoking one, and a desk's
 * upload when it connects. On a desk: its link with the server and the Te verwerken inbox. The desks' own requests
 * (pairing, sign-in, push, pull) come in over HTTPS (electron/server/).
 */
export const syncHandlers = {
  'sync.pairingCode': (ctx) => createPairingCode(ctx),
  'sync.devices': (ctx) => listDevices(ctx.db),
  'sync.revokeDevice': (ctx, input) => revokeDevice(ctx, input),
  // Te verwerken, on the desk (desk-sync).
  'sync.inbox': (ctx) => listInbox(ctx.db, ctx.account?.id ?? ''),
  'sync.resolve': (ctx, input) => resolveInbox(ctx, input),
  // The desk's link with a server (desk-link.ts).
  'sync.status': (ctx) => ctx.link.status(signedIn(ctx.account)),
  'sync.connect': (ctx, input) => ctx.link.connect(input, signedIn(ctx.account)),
  'sync.now': (ctx) => ctx.link.syncNow(signedIn(ctx.account)),
  // On the server: a desk's records, when it connects and takes them along (desk-upload.ts).
  'sync.importRows': (ctx, input) => importRows(ctx, input),
} satisfies AreaHandlers<'sync'>;
