/** The one result shape every call returns, over IPC and HTTP alike. */
export type ErrorCode =
  | 'invalid_input'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'unknown_call'
  | 'conflict'
  | 'rate_limited'
  | 'setup_done'
  | 'unavailable'
  | 'locked'
  /** The server revoked this desk (a lost laptop): the desk wipes its copy. */
  | 'device_revoked'
  /** The desk speaks another sync protocol version than the server: one of them needs an update. */
  | 'protocol_mismatch'
  | 'internal';

/** A refused edit: the record moved on since it was read. What changed since, by whom and when. */
export interface ConflictDetails {
  recordType: string;
  recordId: string;
  changedBy: string | null;
  changedAt: string | null;
  /** Labels of the fields changed since ('Telefoon', 'IBAN'). */
  fields: string[];
}

export interface AppError {
  code: ErrorCode;
  /** Dutch, shown to the user as is. */
  message: string;
  /** The input field the error is about, when there is one. */
  field?: string;
  /** Every field error of the input, keyed by field path, for forms that show all at once. */
  fields?: Record<string, string>;
  /** With an internal error: the short code (8 hex characters) under which the log has it, for the user's report. */
  reference?: string;
  /** With a conflict: what the store has now, for a person to decide on (the Te verwerken inbox). */
  conflict?: ConflictDetails;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** HTTP status for each error code, so the browser host and its tests agree. */
export const httpStatusFor: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  unknown_call: 404,
  conflict: 409,
  rate_limited: 429,
  setup_done: 409,
  unavailable: 503,
  locked: 423,
  device_revoked: 403,
  protocol_mismatch: 400,
  internal: 500,
};
