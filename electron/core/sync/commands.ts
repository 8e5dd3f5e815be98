import { type CallName, contract, isCallName } from '../../../shared/contract.ts';

/** Areas whose writes stay on the desk: signing in, backups of the desk's own file, the desk's link to the server. */
const deskOnlyAreas = new Set(['auth', 'backups', 'sync']);
/**
 * Writes of those areas that change the organisation's data all the same: a new password must reach the server,
 * where the user signs in next, or the server's copy of the account would bring the old one back to the desk; a
 * desk's upload when it connects (desk-upload.ts) is a command for the server by nature.
 */
const sharedAnyway = new Set<string>(['auth.changePassword', 'sync.importRows']);

/** A write about the organisation's data: what a desk records as a command and the server replays. */
export function isCommandCall(call: string): call is CallName {
  return (
    isCallName(call) &&
    contract[call].write &&
    (sharedAnyway.has(call) || !deskOnlyAreas.has(call.split('.')[0] ?? ''))
  );
}
