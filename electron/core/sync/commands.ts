import { type CallName, contract, isCallName } from '../../../shared/contract.ts';

/** Areas whose writes stay on the desk: signing in, backups of the desk's own file, the desk's link to the server. */
const deskOnlyAreas = new Set(['auth', 'backups', 'sync']);

/** A write about the organisation's data: what a desk records as a command and the server replays. */
export function isCommandCall(call: string): call is CallName {
  return isCallName(call) && contract[call].write && !deskOnlyAreas.has(call.split('.')[0] ?? '');
}
