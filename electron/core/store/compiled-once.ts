import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type { Reader } from '../context.ts';
import { perStore } from './per-store.ts';
import type { DB } from './schema.ts';

/** Bound values by name: each list as long as the query needs (a filter that is off has none). */
export type BoundValues = Record<string, readonly string[]>;

/** Stands in for a value while a shape is compiled: never a value a user could type. */
const standInMark = '\u0000schakel-waarde-';
const standIn = (i: number) => `${standInMark}${i}\u0000`;

interface Compiled {
  query: CompiledQuery;
  /** For each parameter of the compiled query: the index of the value it takes, or null for a constant of the shape. */
  slots: (number | null)[];
}

const shapesOf = perStore(() => new Map<string, Compiled>());
const shapesPerStore = 1000;

/**
 * Runs a hot list's query, built and compiled by kysely once per shape instead of on every call (on a register page
 * that is a third of the time the page spends outside SQLite).
 *
 * - `values` are what may differ between calls, by name, each value bound once; `build` gets a stand-in for each
 *   and builds the query with them the first time a shape is asked.
 * - The shape is `name`, the length of each list of values, and `shape`: everything else that changes the
 *   statement's text (the sort, the page, a filter's fixed choice). Calls with the same shape build the same text.
 *
 * The compiled query shows where each stand-in went. A value used in a larger text (a `like` pattern built inside
 * `build`) or written into the text would be frozen into the shape, and a value left unused means `build` and the
 * values disagree: each is refused at once. Anything else bound is a constant of the shape and stays as compiled.
 */
export async function runCompiledOnce<V extends BoundValues, O>(
  db: Reader,
  name: string,
  values: V,
  build: (standIns: V) => Compilable<O>,
  shape = '',
): Promise<O[]> {
  const lists = Object.values(values);
  const key = `${name} ${lists.map((list) => list.length).join(',')} ${shape}`;
  const shapes = shapesOf(db);
  let compiled = shapes.get(key);
  if (!compiled) {
    let next = 0;
    const standIns = Object.fromEntries(
      Object.entries(values).map(([k, list]) => [k, list.map(() => standIn(next++))]),
    ) as unknown as V;
    compiled = compile(build(standIns), next);
    // Stryker disable next-line all: equivalent, bounds the cache
    if (shapes.size >= shapesPerStore) shapes.clear();
    shapes.set(key, compiled);
  }
  const flat = lists.flat();
  const { query, slots } = compiled;
  const parameters = slots.map((slot, i) => (slot === null ? query.parameters[i] : flat[slot]));
  const result = await (db as unknown as Kysely<DB>).executeQuery<O>({ ...query, parameters });
  return result.rows;
}

function compile(query: Compilable<unknown>, count: number): Compiled {
  const compiled = query.compile();
  if (compiled.sql.includes(standInMark))
    throw new Error(`a value is written into the text: ${compiled.sql}`);
  const slots = compiled.parameters.map((parameter) => {
    if (typeof parameter !== 'string' || !parameter.includes(standInMark)) return null;
    const slot = Number(parameter.slice(standInMark.length, -1));
    if (parameter !== standIn(slot)) {
      throw new Error(`a value is used inside a larger text: ${JSON.stringify(parameter)}`);
    }
    return slot;
  });
  const unused = Array.from({ length: count }, (_, i) => i).filter((i) => !slots.includes(i));
  if (unused.length > 0) throw new Error(`values ${unused.join(', ')} are not used by the query`);
  return { query: compiled, slots };
}
