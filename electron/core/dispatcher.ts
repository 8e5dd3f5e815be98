import type { z } from 'zod';
import { secretFields } from '../../shared/accounts.ts';
import { type CallName, contract, isCallName } from '../../shared/contract.ts';
import { dutchDate } from '../../shared/dates.ts';
import { labelForPath } from '../../shared/field-labels.ts';
import { mayCall } from '../../shared/permissions.ts';
import type { AppError, Result } from '../../shared/result.ts';
import { LoginThrottle } from './accounts/login-throttle.ts';
import type { AuditRecord, ReadCtx, SessionControl, WriteCtx } from './context.ts';
import { Failure } from './failure.ts';
import type { Handlers } from './handler-types.ts';
import { handlers as allHandlers } from './handlers.ts';
import { IdSource } from './ids.ts';
import type { Sessions } from './sessions.ts';
import type { Store } from './store/open-store.ts';
import { storeErrorFrom } from './store/store-error.ts';

export interface DispatcherDeps {
  store: Store;
  sessions: Sessions;
  clock?: () => Date;
  handlers?: Handlers;
  /** Where failures are reported; never receives input values (they may hold personal data). */
  logError?: (call: string, err: unknown) => void;
}

/** A recorded write, replayed to the same result: the audit log's input and context. */
export interface Replay {
  now: string;
  ids: string[];
}

/**
 * The one boundary every call passes, from either host: name → session → role → zod → one transaction → audit.
 * No feature writes boundary code of its own.
 */
export class Dispatcher {
  private readonly deps: DispatcherDeps;
  private readonly handlers: Handlers;
  private readonly throttle = new LoginThrottle();
  constructor(deps: DispatcherDeps) {
    this.deps = deps;
    this.handlers = deps.handlers ?? allHandlers;
  }

  async dispatch(
    call: unknown,
    rawInput: unknown,
    clientKey: string,
    replay?: Replay,
  ): Promise<Result<unknown>> {
    if (!isCallName(call)) {
      return failure({ code: 'unknown_call', message: `Onbekende opdracht: ${String(call).slice(0, 60)}.` });
    }
    const account = this.deps.sessions.get(clientKey);
    if (!mayCall(account, call)) {
      return account
        ? failure({ code: 'forbidden', message: 'Geen toegang: je rol mag dit niet.' })
        : failure({ code: 'unauthenticated', message: 'Je bent niet (meer) ingelogd. Log opnieuw in.' });
    }
    const parsed = (contract[call].input as z.ZodType).safeParse(rawInput ?? {});
    if (!parsed.success) return failure(inputError(parsed.error));

    const now = replay?.now ?? (this.deps.clock?.() ?? new Date()).toISOString();
    const base = { now, today: dutchDate(new Date(now)), account };
    const session: SessionControl = {
      login: (a) => this.deps.sessions.set(clientKey, a),
      logout: () => this.deps.sessions.clear(clientKey),
      update: (accountId, a) => this.deps.sessions.update(accountId, a),
      throttle: this.throttle,
    };
    try {
      if (!contract[call].write) {
        const handler = this.handlers[call] as (ctx: ReadCtx, input: unknown) => Promise<unknown>;
        const value = await handler({ ...base, db: this.deps.store.db, session }, parsed.data);
        return { ok: true, value: value ?? null };
      }
      return await this.runWrite(call, parsed.data, base, session, replay);
    } catch (err) {
      if (err instanceof Failure) return failure(err.error);
      const storeError = storeErrorFrom(err, this.deps.store.file);
      if (storeError?.kind === 'locked') {
        return failure({
          code: 'unavailable',
          message:
            'De database is even bezet door een ander venster of programma. Er is niets opgeslagen; probeer het zo opnieuw.',
        });
      }
      this.deps.logError?.(call, err);
      return failure({
        code: 'internal',
        message:
          'Er ging iets mis in Schakel. Er is niets gewijzigd. Probeer het opnieuw of meld het aan de beheerder.',
      });
    }
  }

  private async runWrite(
    call: CallName,
    input: unknown,
    base: Pick<WriteCtx, 'now' | 'today' | 'account'>,
    session: SessionControl,
    replay: Replay | undefined,
  ): Promise<Result<unknown>> {
    const ids = new IdSource(base.now, replay?.ids);
    const audits: AuditRecord[] = [];
    const afterCommit: (() => void)[] = [];
    const handler = this.handlers[call] as (ctx: WriteCtx, input: unknown) => Promise<unknown>;
    const value = await this.deps.store.db.transaction().execute(async (trx) => {
      const result = await handler(
        {
          ...base,
          db: trx,
          newId: () => ids.next(),
          audit: (r) => audits.push(r),
          afterCommit: (fn) => afterCommit.push(fn),
          session,
        },
        input,
      );
      // The context keeps the ids the handler drew; the audit rows' own ids are not part of a replay.
      const context = JSON.stringify({ now: base.now, ids: ids.issued });
      const auditIds = new IdSource(base.now);
      for (const record of audits.length > 0 ? audits : [null]) {
        await trx
          .insertInto('audit_log')
          .values({
            id: auditIds.next(),
            at: base.now,
            account_id: base.account?.id ?? (record?.recordType === 'account' ? record.recordId : null),
            call,
            record_type: record?.recordType ?? null,
            record_id: record?.recordId ?? null,
            record_version: record?.recordVersion ?? null,
            summary: record?.summary ?? call,
            changes: JSON.stringify(record?.changes ?? []),
            input: JSON.stringify(redactSecrets(input)),
            context,
            version: 1,
          })
          .execute();
      }
      return result;
    });
    for (const fn of afterCommit) fn();
    return { ok: true, value: value ?? null };
  }
}

function failure(error: AppError): Result<never> {
  return { ok: false, error };
}

/**
 * A zod error as Dutch text naming the field ('IBAN: controlecijfer klopt niet; controleer het nummer'), and per
 * field the message without its label, for the form to show at that field.
 */
export function inputError(error: z.ZodError): AppError {
  // A Map, not an object: a key such as '__proto__' in the input must not reach an object's prototype.
  const fields = new Map<string, string>();
  const labelled = new Map<string, string>();
  for (const issue of error.issues) {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    const path = keys.length > 0 ? [...issue.path, keys[0] as string] : issue.path;
    const key = path.map(String).join('.') || 'invoer';
    const label = path.length ? labelForPath(path) : 'Invoer';
    const message = keys.length > 0 ? 'onbekend veld; niet toegestaan' : issue.message;
    if (!fields.has(key)) {
      fields.set(key, message);
      labelled.set(key, `${label}: ${message}`);
    }
  }
  const [field, message] = [...labelled][0] ?? ['invoer', 'Invoer: ongeldig'];
  const count = fields.size;
  return {
    code: 'invalid_input',
    message: count > 1 ? `${message} (en ${count - 1} andere ${count === 2 ? 'fout' : 'fouten'})` : message,
    field,
    fields: Object.fromEntries(fields),
  };
}

function redactSecrets(input: unknown): unknown {
  if (typeof input !== 'object' || input === null) return input;
  const copy: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  for (const key of secretFields) if (key in copy) copy[key] = '[verborgen]';
  return copy;
}
