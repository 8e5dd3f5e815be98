import { randomBytes } from 'node:crypto';
import { v7 } from 'uuid';

/**
 * Issues UUIDv7 ids for one call. Normal calls draw fresh ones stamped with the call's time; a replay hands in the
 * ids the original call recorded, so it produces the very same records.
 */
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
    if (!id) throw new Error('replay ran out of recorded ids');
    this.issued.push(id);
    return id;
  }
}
