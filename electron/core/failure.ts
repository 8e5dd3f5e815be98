import { labelOf } from '../../shared/field-labels.ts';
import type { AppError, ErrorCode } from '../../shared/result.ts';

/** Thrown by a service to end a call with a Dutch message; the dispatcher turns it into the error result. */
export class Failure extends Error {
  readonly error: AppError;
  constructor(code: ErrorCode, message: string, field?: string, fieldMessage?: string) {
    super(message);
    this.error = field
      ? { code, message, field, fields: { [field]: fieldMessage ?? message } }
      : { code, message };
  }
}

export const notFound = (what: string) => new Failure('not_found', `${what} bestaat niet (meer).`);
/** 'Vaste begeleider: kies een actief account.' as the message; the form shows the part after the label at the field. */
export const invalidField = (field: string, message: string) =>
  new Failure('invalid_input', `${labelOf(field)}: ${message}`, field, message);

/**
 * Several fields wrong at once, each with its own message (the form shows each at its place); `message` says it
 * as a whole for a notice. The first field is the one focused.
 */
export function invalidFields(message: string, fields: Record<string, string>): Failure {
  const failure = new Failure('invalid_input', message);
  const first = Object.keys(fields)[0];
  if (first !== undefined) Object.assign(failure.error, { field: first, fields });
  return failure;
}
