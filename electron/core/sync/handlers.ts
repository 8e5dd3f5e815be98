import { Failure } from '../failure.ts';
import type { AreaHandlers } from '../registry.ts';
import { listInbox, resolveInbox } from './desk-inbox.ts';
import { listDevices, revokeDevice } from './devices.ts';
import { importRows } from './import-rows.ts';
import { createPairingCode } from './pairing.ts';

// Placeholder while the desk link is being built (replaced before this lands).
const notYet = (): never => {
  throw new Failure('unavailable', 'Nog niet beschikbaar.');
};

/**
 * The beheerder's side of working as a team, on the server: pairing codes for new desks, the list of desks and
 * revoking one. The desks' own requests (pairing, sign-in, push, pull) come in over HTTPS (electron/server/).
 */
export const syncHandlers = {
  'sync.pairingCode': (ctx) => createPairingCode(ctx),
  'sync.devices': (ctx) => listDevices(ctx.db),
  'sync.revokeDevice': (ctx, input) => revokeDevice(ctx, input),
  // Te verwerken, on the desk (desk-sync).
  'sync.inbox': (ctx) => listInbox(ctx.db, ctx.account?.id ?? ''),
  'sync.resolve': (ctx, input) => resolveInbox(ctx, input),
  'sync.status': notYet,
  'sync.connect': notYet,
  'sync.now': notYet,
  // On the server: a desk's records, when it connects and takes them along (desk-upload.ts).
  'sync.importRows': (ctx, input) => importRows(ctx, input),
} satisfies AreaHandlers<'sync'>;
