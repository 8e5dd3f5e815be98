import { type CallName, callNames, isCallName } from '../../shared/contract.ts';
import type { InzagePart } from './avg/inzage-part.ts';
import type { Handler, Handlers } from './handler-types.ts';

type AreaOf<N> = N extends `${infer A}.${string}` ? A : never;
/** An area is the prefix of its calls, the folder in electron/core/, the module in shared/ and the screens folder. */
export type Area = AreaOf<CallName>;
export type AreaCall<A extends Area> = Extract<CallName, `${A}.${string}`>;
/** Part of an area's calls: an area may keep its handlers in more than one file of its own folder. */
export type AreaHandlers<A extends Area> = { [N in AreaCall<A>]?: Handler<N> };

/**
 * Every call's handler, registered per area. A name registered twice, a name outside its area's prefix and a call
 * of the contract without a handler are refused when the registry is built (at start), never resolved silently.
 * An area that stores rows about a person registers its part of the inzage export beside its handlers.
 */
export class CallRegistry {
  private readonly byName = new Map<CallName, Handler<CallName>>();
  private readonly parts: { area: Area; part: InzagePart }[] = [];
  private last: Area | null = null;
  private built = false;

  area<A extends Area>(area: A, ...handlerMaps: AreaHandlers<A>[]): this {
    this.last = area;
    for (const handlerMap of handlerMaps) {
      for (const [name, handler] of Object.entries(handlerMap)) {
        if (!isCallName(name)) throw new Error(`Handler for ${name}, a call the contract does not name`);
        if (!name.startsWith(`${area}.`)) throw new Error(`Call ${name} registered in area ${area}`);
        if (this.byName.has(name)) throw new Error(`Call ${name} registered twice`);
        this.byName.set(name, handler as Handler<CallName>);
      }
    }
    return this;
  }

  /**
   * The inzage part of the area registered just before: `.area('claims', claimsHandlers).inzage(claimsInzage)`.
   * One part per area, and each table exported by one part only.
   */
  inzage(part: InzagePart): this {
    const area = this.last;
    if (area === null) throw new Error('An inzage part is registered after its area');
    if (this.parts.some((p) => p.area === area)) throw new Error(`Area ${area} has two inzage parts`);
    for (const table of Object.keys(part.tables)) {
      const other = this.parts.find((p) => Object.hasOwn(p.part.tables, table));
      if (other) throw new Error(`Table ${table} exported by the inzage parts of ${other.area} and ${area}`);
    }
    this.parts.push({ area, part });
    return this;
  }

  /** The complete table for the dispatcher; refuses when a call of the contract has no handler. */
  handlers(): Handlers {
    const missing = callNames.filter((name) => !this.byName.has(name));
    if (missing.length > 0) throw new Error(`Calls without a handler: ${missing.join(', ')}`);
    this.built = true;
    return Object.fromEntries(this.byName) as unknown as Handlers;
  }

  /** Every area's inzage part, in the order the areas registered; read once the registry is built, none missing. */
  inzageParts(): readonly InzagePart[] {
    if (!this.built) throw new Error('The inzage parts are read before every area registered');
    return this.parts.map((p) => p.part);
  }
}
