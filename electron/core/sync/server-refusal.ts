import type { AppError } from '../../../shared/result.ts';

/** The server's answer (or what came with it) ended a sync round: the link shows its message and tries later. */
export class ServerRefusal extends Error {
  readonly error: AppError;
  constructor(error: AppError) {
    super(error.message);
    this.error = error;
  }
}
