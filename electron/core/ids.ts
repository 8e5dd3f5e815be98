import { randomBytes } from 'node:crypto';
import { v7 } from 'uuid';
import { Failure } from './failure.ts';

/**
 * Issues UUIDv7 ids for one call. Normal calls draw fresh ones stamped with the call's time; a replay hands in the
 * ids the original call recorded, so it produces the very same records.
 */
export const replayShortMessage =
  'Deze opdracht is onvolledig doorgegeven: er ontbreken verwijzingen voor wat ze aanmaakt. Er is niets opgeslagen.';

export class IdSource {
  readonly issued: string[] = [];
  private readonly msecs: number;
  private readonly replay: string[] | undefined;
  constructor(now: string, replay?: readonly string[]) {
    this.msecs = Date.parse(now);
    this.replay = replay ? [...replay] : undefined;
  }
  next(): string {
    const id = this.replay ? this.replay.shift() : v7({ msecs: this.msecs, random: randomBytes(16) });
    // A replayed command (pushed by a desk) that brings fewer ids than the call draws is incomplete, not a fault here.
    if (!id) throw new Failure('invalid_input', replayShortMessage);
    this.issued.push(id);
    return id;
  }
}
