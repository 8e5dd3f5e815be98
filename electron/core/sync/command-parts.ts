/**
 * What one call made on a desk becomes in its outbox: one command, as a rule. A batch approval of claims becomes
 * one command per claim. On the desk the batch was all or nothing, as the queue promises, but checked against what
 * the desk knew while offline; the server checks each claim again against everything it knows (another desk's
 * approvals count toward the same fiscal limits) and refuses only the claims that now cross one, each into its
 * author's Te verwerken, while the others are approved.
 */
import type { z } from 'zod';
import type { claimApproveInput } from '../../../shared/claims.ts';
import type { RecordedCommand } from './command-recorder.ts';

export interface CommandPart {
  input: unknown;
  ids: string[];
}

export function commandParts(command: Pick<RecordedCommand, 'call' | 'input' | 'ids'>): CommandPart[] {
  // An approval creates no records: it draws no ids, so each part replays whole on its own.
  if (command.call === 'claims.approve' && command.ids.length === 0) {
    const { items } = command.input as z.output<typeof claimApproveInput>;
    return items.map((item) => ({ input: { items: [item] }, ids: [] }));
  }
  return [{ input: command.input, ids: command.ids }];
}
