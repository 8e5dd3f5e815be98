/**
 * The application log: `<dataDir>/logs/schakel.log`, one JSON object a line, rotated by size (schakel.log.1 is the
 * newest old file). It is for a support person, so it never holds personal data: a line carries only an event from
 * a closed list and fields from a closed list, each checked at run time against its own pattern. Free text (an
 * error's message, an input value, a file path) has no field to go in, so it cannot get in by accident.
 *
 * Writes are synchronous appends of one whole line, so a crash loses at most the line being written; a failing disk
 * never breaks a call (every error here is swallowed).
 */
import fs from 'node:fs';
import path from 'node:path';
import { isCallName } from '../../../shared/contract.ts';
import { type ErrorCode, httpStatusFor } from '../../../shared/result.ts';
import { isStackFrame, stackFrames } from '../../../shared/stack-frames.ts';
import { type StoreErrorKind, storeErrorKinds } from '../store/store-error.ts';

export const logFileName = 'schakel.log';

export type LogLevel = 'info' | 'warn' | 'error';

/** Every event the log knows; a line with another name is written as 'log.invalid_event'. */
export const logEvents = [
  'app.start',
  'app.stop',
  'store.open',
  'store.open_failed',
  'store.migrated',
  'call.internal',
  'call.failed',
  'call.slow',
  'backup.created',
  'backup.failed',
  'backup.restored',
  'sync.connected',
  'sync.offline',
  'sync.revoked',
  'log.invalid_event',
] as const;
export type LogEvent = (typeof logEvents)[number];

/** The only fields a line may carry. None can hold a name, an address, an IBAN, a note or a path. */
export interface LogFields {
  /** A call name from the contract. */
  call?: string;
  /** The result's error code. */
  code?: ErrorCode;
  /** The short reference the user sees with an internal error, to find this line. */
  reference?: string;
  /** An error's class name ('SqliteError', 'TypeError'), never its message. */
  error?: string;
  /** SQLite's error code ('SQLITE_CONSTRAINT_UNIQUE'), never its message (which can name a value). */
  sqlite?: string;
  /** Why the store could not be opened. */
  kind?: StoreErrorKind;
  /** Where in the code: `functionName file.js:line:col`, no folders, no message. */
  stack?: string[];
  ms?: number;
  count?: number;
  /** Schema version (highest applied migration). */
  schema?: number;
  /** Migration versions applied during this start. */
  migrations?: number[];
  /** Schakel's version. */
  version?: string;
  host?: 'electron' | 'browser';
  platform?: string;
  node?: string;
}

type Check = (value: unknown) => boolean;
const word =
  (pattern: RegExp): Check =>
  (v) =>
    typeof v === 'string' && pattern.test(v);
const count: Check = (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0;

const errorCodes = new Set<string>(Object.keys(httpStatusFor));
const storeKinds = new Set<string>(storeErrorKinds);

const fieldChecks: { [K in keyof Required<LogFields>]: Check } = {
  call: isCallName,
  code: (v) => typeof v === 'string' && errorCodes.has(v),
  reference: word(/^[0-9a-f]{8}$/),
  // Error classes only: a capitalised word of any kind could be a surname.
  error: word(/^(?:(?:[A-Z][A-Za-z0-9]{0,34})?Error|Failure)$/),
  sqlite: word(/^SQLITE_[A-Z_]{1,40}$/),
  kind: (v) => typeof v === 'string' && storeKinds.has(v),
  stack: (v) => Array.isArray(v) && v.length <= 20 && v.every(isStackFrame),
  ms: count,
  count,
  schema: count,
  migrations: (v) => Array.isArray(v) && v.length <= 1000 && v.every(count),
  version: word(/^\d{1,4}\.\d{1,4}\.\d{1,4}(?:-[0-9A-Za-z.]{1,20})?$/),
  host: (v) => v === 'electron' || v === 'browser',
  platform: word(/^[a-z0-9]{1,20}$/),
  node: word(/^v\d{1,3}\.\d{1,3}\.\d{1,3}$/),
};

/**
 * Keeps the fields whose key is on the list and whose value passes that key's check; the rest is dropped and
 * counted, so a mistake shows in the log as `dropped` instead of as data.
 */
export function cleanFields(fields: Record<string, unknown>): Record<string, unknown> {
  const clean: Record<string, unknown> = {};
  let dropped = 0;
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    const check = Object.hasOwn(fieldChecks, key) ? fieldChecks[key as keyof LogFields] : undefined;
    if (check?.(value)) clean[key] = key === 'ms' ? Math.round(value as number) : value;
    else dropped++;
  }
  if (dropped > 0) clean.dropped = dropped;
  return clean;
}

/** What the log may say about a thrown value: its class, SQLite's code and where in the code, never its message. */
export function describeError(err: unknown): Pick<LogFields, 'error' | 'sqlite' | 'stack'> {
  if (!(err instanceof Error)) return { error: 'NonError' };
  const code = 'code' in err ? err.code : undefined;
  return {
    error: err.name,
    ...(typeof code === 'string' && code.startsWith('SQLITE_') ? { sqlite: code } : {}),
    stack: stackFrames(err.stack, 10),
  };
}

export interface AppLog {
  info(event: LogEvent, fields?: LogFields): void;
  warn(event: LogEvent, fields?: LogFields): void;
  error(event: LogEvent, fields?: LogFields): void;
  /** Closes the file; later lines open it again. */
  close(): void;
}

export interface AppLogOptions {
  /** Rotate when the next line would take the file past this size. */
  maxBytes?: number;
  /** Old files kept beside the current one (schakel.log.1 … .keep). */
  keep?: number;
  /** Also one line on stderr for warnings and errors (as a console shows them). */
  stderr?: boolean;
}

export function openAppLog(dir: string, options: AppLogOptions = {}): AppLog {
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const keep = Math.max(1, options.keep ?? 5);
  const file = path.join(dir, logFileName);
  let fd: number | null = null;
  let size = 0;

  function open(): number {
    if (fd !== null) return fd;
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const opened = fs.openSync(file, 'a', 0o600);
    fd = opened;
    size = fs.fstatSync(opened).size;
    return opened;
  }

  function closeFile(): void {
    if (fd === null) return;
    const open = fd;
    fd = null;
    try {
      fs.closeSync(open);
    } catch {
      // Nothing to do: the next line opens the file again.
    }
  }

  function rotate(): void {
    closeFile();
    fs.rmSync(`${file}.${keep}`, { force: true });
    for (let i = keep - 1; i >= 1; i--) {
      if (fs.existsSync(`${file}.${i}`)) fs.renameSync(`${file}.${i}`, `${file}.${i + 1}`);
    }
    if (fs.existsSync(file)) fs.renameSync(file, `${file}.1`);
  }

  function write(level: LogLevel, event: LogEvent, fields: LogFields = {}): void {
    const name = (logEvents as readonly string[]).includes(event) ? event : 'log.invalid_event';
    const line = `${JSON.stringify({
      time: new Date().toISOString(),
      level,
      event: name,
      ...cleanFields(fields as Record<string, unknown>),
    })}\n`;
    if (options.stderr && level !== 'info') process.stderr.write(`[schakel] ${line}`);
    try {
      const bytes = Buffer.byteLength(line);
      open();
      if (size > 0 && size + bytes > maxBytes) rotate();
      fs.writeSync(open(), line);
      size += bytes;
    } catch {
      // A full or failing disk must never break a call: the line is lost, the next one tries again.
      closeFile();
    }
  }

  return {
    info: (event, fields) => write('info', event, fields),
    warn: (event, fields) => write('warn', event, fields),
    error: (event, fields) => write('error', event, fields),
    close: closeFile,
  };
}
