import type { CallName, CallOutput, Contract, ParsedInput } from '../../shared/contract.ts';
import type { ReadCtx, WriteCtx } from './context.ts';

export type Handler<N extends CallName> = Contract[N]['write'] extends true
  ? (ctx: WriteCtx, input: ParsedInput<N>) => Promise<CallOutput<N>>
  : (ctx: ReadCtx, input: ParsedInput<N>) => Promise<CallOutput<N>>;

/** Every call of the contract, implemented once; a missing or misspelt handler fails the type check. */
export type Handlers = { [N in CallName]: Handler<N> };
