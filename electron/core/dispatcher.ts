import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { type CallName, contract, isCallName } from '../../shared/contract.ts';
import { dutchDate } from '../../shared/dates.ts';
import { mayCall } from '../../shared/permissions.ts';
import type { AppError, Result } from '../../shared/result.ts';
import type { SessionAccount } from '../../shared/roles.ts';
import { isBeheerCall } from '../../shared/sync.ts';
import { writeAudit } from './audit/record.ts';
import { LoginThrottle } from './auth/login-throttle.ts';
import { handlers as allHandlers } from './calls.ts';
import type { AuditRecord, PrepareCtx, ReadCtx, SessionControl, WriteCtx } from './context.ts';
import {
  noBackups,
  noLink,
  notUse,
  passesLock,
  postgresBackups,
  sessionControlFor,
} from './dispatch-context.ts';
import { failure, inputError, storeFailure, unknownCallMessage } from './dispatch-errors.ts';
import type { DispatcherDeps, Replay } from './dispatcher-deps.ts';
import { Failure } from './failure.ts';
import type { Handlers } from './handler-types.ts';
import { IdSource } from './ids.ts';
import type { Store } from './store/store.ts';
import { isCommandCall } from './sync/commands.ts';

/**
 * The one boundary every call passes, from either host: name → session → role → zod → one transaction → audit.
 * No feature writes boundary code of its own.
 */
export class Dispatcher<S extends Store = Store> {
  private readonly deps: DispatcherDeps<S>;
  private readonly handlers: Handlers;
  private readonly throttle = new LoginThrottle();
  /** Calls running now (an await inside a transaction keeps one open across turns of the event loop). */
  private inFlight = 0;
  private readonly settled = new Set<() => void>();
  /** Set while a restore needs the database to itself: new calls are refused with a plain message. */
  private exclusiveRunning = false;
  /** Set when a failed restore could not reopen any database: only a restart helps. */
  private broken = false;
  constructor(deps: DispatcherDeps<S>) {
    this.deps = deps;
    this.handlers = deps.handlers ?? allHandlers;
  }

  get store(): S {
    return this.deps.store;
  }

  /**
   * Runs `work` with the database to itself: new calls are refused, the ones running (apart from `own`, the call
   * asking) are waited for, so no transaction is open while a restore swaps the file. (A backup needs none of
   * this: it copies through a connection of its own, see backups/backup-service.ts.)
   */
  async exclusive<T>(work: () => Promise<T>, own: 0 | 1 = 1): Promise<T> {
    if (this.exclusiveRunning) {
      throw new Failure(
        'unavailable',
        'Er wordt al een reservekopie teruggezet. Er is niets gewijzigd; probeer het zo opnieuw.',
      );
    }
    this.exclusiveRunning = true;
    try {
      while (this.inFlight > own) await new Promise<void>((resolve) => this.settled.add(resolve));
      return await work();
    } finally {
      this.exclusiveRunning = false;
    }
  }

  /**
   * Runs work that is not a call (the daily backup) as if it were one: refused while a backup is restored, and
   * waited for by one.
   */
  async background<T>(work: () => Promise<T>): Promise<T> {
    if (this.exclusiveRunning || this.broken) {
      throw new Failure(
        'unavailable',
        'Schakel zet op dit moment een reservekopie terug. Er is niets gewijzigd; probeer het zo opnieuw.',
      );
    }
    this.inFlight++;
    try {
      return await work();
    } finally {
      this.callEnded();
    }
  }

  /** Resolves when the writes running now have ended; writes that start meanwhile are not waited for. */
  async writesSettled(): Promise<void> {
    await Promise.allSettled([...this.writing]);
  }
  private readonly writing = new Set<Promise<unknown>>();

  private callEnded(): void {
    this.inFlight--;
    for (const resolve of this.settled) resolve();
    this.settled.clear();
  }

  /** Serves from the store `replace` returns; if it throws without one, the dispatcher refuses every call. */
  async replaceStore(replace: () => Promise<S>): Promise<void> {
    try {
      this.deps.store = await replace();
    } catch (err) {
      const store: Store = this.deps.store;
      this.broken = store.engine === 'sqlite' && !store.sqlite.open;
      throw err;
    } finally {
      this.idleLimit = null;
    }
  }

  /** The organisation's idle time before a session locks; read once and again after the settings change. */
  private idleLimit: number | null = null;
  private async idleLimitMilliseconds(): Promise<number> {
    if (this.idleLimit === null) {
      const row = await this.deps.store.db
        .selectFrom('settings')
        .select('vergrendelen_na_minuten')
        .executeTakeFirst();
      this.idleLimit = (row?.vergrendelen_na_minuten ?? 15) * 60_000;
    }
    return this.idleLimit;
  }

  /**
   * The Dutch calendar day of a call's moment, formatted once per second: Intl takes longer than a light call's own
   * work, and calls come in bursts. Exact, as time zone offsets are whole seconds.
   */
  private lastDay = { second: Number.NaN, day: '' };
  private today(now: string): string {
    const second = Math.floor(Date.parse(now) / 1000);
    if (second !== this.lastDay.second) this.lastDay = { second, day: dutchDate(new Date(now)) };
    return this.lastDay.day;
  }

  /**
   * A call made for `account` without a window or tab of its own: a command a desk pushed, replayed on the server
   * through the same checks (role, input, rules, one transaction, audit) as any call, or the server's command line.
   */
  async dispatchAs(
    account: SessionAccount,
    call: unknown,
    rawInput: unknown,
    replay?: Replay,
  ): Promise<Result<unknown>> {
    const clientKey = `opdracht:${randomBytes(12).toString('hex')}`;
    this.deps.sessions.set(clientKey, account, this.deps.idleClock?.() ?? Date.now());
    try {
      return await this.dispatch(call, rawInput, clientKey, replay);
    } finally {
      this.deps.sessions.clear(clientKey);
    }
  }

  async dispatch(
    call: unknown,
    rawInput: unknown,
    clientKey: string,
    replay?: Replay,
  ): Promise<Result<unknown>> {
    const started = performance.now();
    this.inFlight++;
    let result: Result<unknown>;
    try {
      result = await this.run(call, rawInput, clientKey, replay);
    } finally {
      this.callEnded();
    }
    if (this.deps.onCall && isCallName(call)) {
      try {
        this.deps.onCall(call, result, performance.now() - started);
      } catch {
        // The log never changes a call's result.
      }
    }
    return result;
  }

  private async run(
    call: unknown,
    rawInput: unknown,
    clientKey: string,
    replay: Replay | undefined,
  ): Promise<Result<unknown>> {
    if (!isCallName(call)) {
      return failure({ code: 'unknown_call', message: unknownCallMessage(call) });
    }
    if (this.broken) {
      return failure({
        code: 'unavailable',
        message: 'Schakel kon na het terugzetten geen database openen. Start Schakel opnieuw.',
      });
    }
    if (this.exclusiveRunning) {
      return failure({
        code: 'unavailable',
        message:
          'Schakel zet op dit moment een reservekopie terug. Er is niets opgeslagen; probeer het zo opnieuw.',
      });
    }
    const account = this.deps.sessions.get(clientKey);
    if (!mayCall(account, call)) {
      return account
        ? failure({ code: 'forbidden', message: 'Geen toegang: je rol mag dit niet.' })
        : failure({ code: 'unauthenticated', message: 'Je bent niet (meer) ingelogd. Log opnieuw in.' });
    }
    const nowMilliseconds = this.deps.idleClock?.() ?? Date.now();
    if (account && !passesLock.has(call)) {
      const locked = this.deps.sessions.lockedAt(
        clientKey,
        nowMilliseconds,
        this.idleLimit ?? (await this.idleLimitMilliseconds()),
        !notUse.has(call),
      );
      if (locked) {
        return failure({
          code: 'locked',
          message:
            'Schakel is vergrendeld omdat het een tijd niet is gebruikt. Vul je wachtwoord in om verder te gaan.',
        });
      }
    }
    let parsed: z.ZodSafeParseResult<unknown>;
    try {
      parsed = (contract[call].input as z.ZodType).safeParse(rawInput ?? {});
    } catch (thrown) {
      // A check that throws (rather than reporting an issue) is a bug of ours, not bad input: report it as such.
      return this.internal(call, thrown);
    }
    if (!parsed.success) return failure(inputError(parsed.error));

    const now = replay?.now ?? (this.deps.clock?.() ?? new Date()).toISOString();
    const base = { now, today: this.today(now), account };
    const session = sessionControlFor({
      sessions: this.deps.sessions,
      throttle: this.throttle,
      clientKey,
      nowMilliseconds,
      idleLimitMilliseconds: () => this.idleLimitMilliseconds(),
    });
    try {
      // On a linked desk the beheerder's calls about the desks are the server's (after the checks here, and again there).
      if (account && isBeheerCall(call)) {
        const answer = await this.controls().link.atServer(call, parsed.data, account);
        if (answer) return answer;
      }
      if (!contract[call].write) {
        const handler = this.handlers[call] as (ctx: ReadCtx, input: unknown) => Promise<unknown>;
        const value = await handler(
          { ...base, db: this.deps.store.db, session, ...this.controls() },
          parsed.data,
        );
        return { ok: true, value: value ?? null };
      }
      const writing = this.runWrite(call, parsed.data, base, session, replay);
      this.writing.add(writing);
      try {
        return await writing;
      } finally {
        this.writing.delete(writing);
      }
    } catch (thrown) {
      if (thrown instanceof Failure) {
        return thrown.error.code === 'internal'
          ? this.internal(call, thrown, thrown.error)
          : failure(thrown.error);
      }
      const storeError = storeFailure(thrown, this.deps.store.location);
      return storeError ? failure(storeError) : this.internal(call, thrown);
    }
  }

  /** What a read call may control beside the store: the backups and the desk's link with a server. */
  private controls(): Pick<ReadCtx, 'backups' | 'link'> {
    const store = this.deps.store;
    return {
      backups: this.deps.backups ?? (store.engine === 'postgres' ? postgresBackups : noBackups),
      link: this.deps.link ?? noLink,
    };
  }

  /** An unexpected failure: logged under a short reference that the user's error also carries. */
  private internal(call: CallName, thrown: unknown, error?: AppError): Result<never> {
    const reference = randomBytes(4).toString('hex');
    try {
      this.deps.logError?.(call, thrown, reference);
    } catch {
      // Reporting a failure must not turn it into another one.
    }
    return failure({
      code: 'internal',
      message:
        error?.message ??
        `Er ging iets mis in Schakel. Er is niets gewijzigd. Probeer het opnieuw of meld het aan de beheerder met kenmerk ${reference}.`,
      reference,
    });
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
    const handler = this.handlers[call] as WriteEntry;
    const recorder = replay || !isCommandCall(call) ? undefined : this.deps.commandRecorder;
    // A prepared write does its slow part first, outside the transaction: other desks' writes go on meanwhile.
    const prepared =
      typeof handler === 'function'
        ? undefined
        : await handler.prepare({ ...base, db: this.deps.store.db }, input);
    const value = await this.deps.store.db.transaction().execute(async (transaction) => {
      const ctx: WriteCtx = {
        ...base,
        db: transaction,
        newId: () => ids.next(),
        audit: (record) => audits.push(record),
        afterCommit: (callback) => afterCommit.push(callback),
        session,
        originDevice: replay?.origin?.deviceId ?? null,
      };
      await replay?.transaction?.first(transaction);
      await recorder?.before(transaction);
      const result =
        typeof handler === 'function' ? await handler(ctx, input) : await handler.write(ctx, input, prepared);
      // The context keeps the ids the handler drew; the audit rows' own ids are not part of a replay.
      await writeAudit(transaction, {
        call,
        now: base.now,
        accountId: base.account?.id ?? null,
        input,
        context: JSON.stringify({ now: base.now, ids: ids.issued }),
        records: audits,
        origin: replay?.origin,
      });
      await replay?.transaction?.last(transaction);
      await recorder?.after(transaction, {
        call,
        input,
        accountId: base.account?.id ?? null,
        now: base.now,
        ids: ids.issued,
      });
      return result;
    });
    for (const callback of afterCommit) callback();
    if (call === 'settings.update') this.idleLimit = null;
    return { ok: true, value: value ?? null };
  }
}

/** A write handler as the dispatcher calls it, input already parsed by the contract's schema. */
type WriteEntry =
  | ((ctx: WriteCtx, input: unknown) => Promise<unknown>)
  | {
      prepare(ctx: PrepareCtx, input: unknown): Promise<unknown>;
      write(ctx: WriteCtx, input: unknown, prepared: unknown): Promise<unknown>;
    };
