import type { CallName, CallOutput, Contract, ParsedInput } from '../../shared/contract.ts';
import type { PrepareCtx, ReadCtx, WriteCtx } from './context.ts';

type ReadHandler<N extends CallName> = (ctx: ReadCtx, input: ParsedInput<N>) => Promise<CallOutput<N>>;
type WriteHandler<N extends CallName> = (ctx: WriteCtx, input: ParsedInput<N>) => Promise<CallOutput<N>>;

/**
 * A write whose slow part (rendering a PDF) is done first, outside the transaction, with read access only; `write`
 * then runs in the call's one short transaction with what `prepare` made. Another desk may write in between, so
 * `write` checks again what it relies on (at least the record's version, through updateVersioned) and refuses
 * with a conflict when it moved on. Written with `preparedWrite`, which types `prepared` as what prepare returns.
 */
export interface PreparedWrite<N extends CallName, P> {
  prepare(ctx: PrepareCtx, input: ParsedInput<N>): Promise<P>;
  // Method syntax on purpose: a handler with its own P then fits the table's PreparedWrite<N, unknown>, which is
  // sound because the dispatcher hands `write` exactly the value its own `prepare` returned.
  write(ctx: WriteCtx, input: ParsedInput<N>, prepared: P): Promise<CallOutput<N>>;
}

export type Handler<N extends CallName> = Contract[N]['write'] extends true
  ? WriteHandler<N> | PreparedWrite<N, unknown>
  : ReadHandler<N>;

/** Every call of the contract, implemented once; a missing or misspelt handler fails the type check. */
export type Handlers = { [N in CallName]: Handler<N> };

/** A prepared write, with `prepared` in `write` typed as what `prepare` returns. */
export function preparedWrite<N extends CallName, P>(handler: PreparedWrite<N, P>): PreparedWrite<N, P> {
  return handler;
}
