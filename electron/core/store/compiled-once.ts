import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type { Reader } from '../context.ts';
import type { DB } from './schema.ts';

/** Stands in for the i-th value while a shape is compiled: never a value a user could type. */
const standIn = (i: number) => `\u0000schakel-waarde-${i}\u0000`;
const standInMark = '\u0000schakel-waarde-';

interface Compiled {
  query: CompiledQuery;
  /** For each parameter of the compiled query: the index of the value it takes, or null for a constant of the shape. */
  slots: (number | null)[];
}

const byStore = new WeakMap<Reader, Map<string, Compiled>>();
const shapesPerStore = 1000;

/**
 * Runs a hot list's query, built and compiled by kysely once per shape instead of on every call (on a register page
 * that is a third of the time the page spends outside SQLite).
 *
 * - `shape` names everything that changes the statement's text: which filters are on, the sort, list lengths, the
 *   page. Calls with the same shape must build the same text.
 * - `values` are what may differ between calls of one shape, each used as one bound value.
 * - `build` gets a stand-in for each value and builds the query with them the first time a shape is asked.
 *
 * The compiled query shows where each stand-in went; a value used in a larger text (a `like` pattern built inside
 * `build`) would be frozen into the shape, so it is refused at once. Anything else bound is a constant of the shape
 * and stays as compiled.
 */
export async function runCompiledOnce<O>(
  db: Reader,
  shape: string,
  values: readonly unknown[],
  build: (standIns: readonly string[]) => Compilable<O>,
): Promise<O[]> {
  let shapes = byStore.get(db);
  if (!shapes) {
    shapes = new Map();
    byStore.set(db, shapes);
  }
  let compiled = shapes.get(shape);
  if (!compiled) {
    compiled = compile(build(values.map((_, i) => standIn(i))), values.length);
    // Stryker disable next-line all: equivalent, bounds the cache
    if (shapes.size >= shapesPerStore) shapes.clear();
    shapes.set(shape, compiled);
  }
  const { query, slots } = compiled;
  const parameters = slots.map((slot, i) => (slot === null ? query.parameters[i] : values[slot]));
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
