/**
 * Shared pieces of the boundary fuzz tests: hostile values, plausible inputs derived from a call's zod schema,
 * a fingerprint of the whole database and checks that a message is Dutch and the prototypes are clean.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { type Kysely, PostgresAdapter, sql } from 'kysely';
import { z } from 'zod';

// ---------------------------------------------------------------------------------------------------------------
// Hostile values

/** One string of `length` characters built from `unit`, without generating it character by character. */
const repeatTo = (unit: string, length: number) =>
  unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

export const hugeString = fc.oneof(
  fc.constantFrom(
    repeatTo('x', 100_001),
    repeatTo('é', 150_000),
    repeatTo('\u0000', 100_001),
    repeatTo('🙂', 120_000),
    repeatTo("'; drop table persons; --", 200_000),
    repeatTo('a', 2_000_001),
  ),
  fc
    .tuple(
      fc.string({ minLength: 1, maxLength: 6, unit: 'binary' }),
      fc.integer({ min: 100_000, max: 160_000 }),
    )
    .map(([unit, length]) => repeatTo(unit, length)),
);

export const sqlFragment = fc.constantFrom(
  "'; drop table persons; --",
  "' OR '1'='1",
  '1 OR 1=1',
  '" or ""="',
  "'); delete from audit_log; --",
  "%' union select password_hash, username from accounts --",
  "x'; attach database '/tmp/schakel-evil.sqlite' as evil; --",
  '1; pragma writable_schema = 1; --',
  "\\'; update accounts set role = 'projectleider'; --",
  '%',
  '_',
  '*',
  '" --',
  '/*',
  "char(39)||'x'",
);

export const controlString = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)), maxLength: 40 }),
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '\u202eesrever',
    '\u200b\u200c\u200d\ufeff',
    '\u2028\u2029',
    '\r\n\r\nHTTP/1.1 200 OK',
    '\u007f\u0085\u00a0',
    ' \t\n ',
  ),
);

export const loneSurrogate = fc.constantFrom(
  '\ud800',
  '\udfff',
  'a\ud83d',
  '\ude00b',
  '\udbff\udbff',
  'x\ud800y',
);

export const oddNumber = fc.oneof(
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    1.5,
    -1,
    2 ** 53,
    2 ** 53 + 2,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    -(2 ** 31),
    2 ** 63,
    1e21,
  ),
  fc.double(),
  fc.integer(),
);

/** `{"__proto__": …}` parsed from JSON: an own key named __proto__, as a body from the network would hold. */
export const pollutingObject = fc
  .constantFrom(
    () => JSON.parse('{"__proto__":{"polluted":"ja","x":1}}'),
    () => JSON.parse('{"constructor":{"prototype":{"polluted":"ja"}}}'),
    () => JSON.parse('{"__proto__":{"__proto__":{"polluted":"ja"}}}'),
    () => JSON.parse('{"prototype":{"polluted":"ja"},"toString":"x","hasOwnProperty":1,"valueOf":null}'),
    () => Object.assign(Object.create(null), { a: 1 }),
    () => [JSON.parse('{"__proto__":{"polluted":"ja"}}')],
  )
  .map((make) => make() as unknown);

export const pollutingKey = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
  'isPrototypeOf',
);

/** An array or object nested `depth` deep, far beyond anything the contract describes. */
export const deeplyNested = fc
  .tuple(fc.integer({ min: 50, max: 5000 }), fc.boolean())
  .map(([depth, arrays]) => {
    let v: unknown = 'bodem';
    for (let i = 0; i < depth; i++) v = arrays ? [v] : { a: v };
    return v;
  });

/** Whatever the other side of IPC could send: structured clone carries dates, maps, sets, typed arrays, bigints. */
export const anything = fc.anything({
  maxDepth: 4,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
});

/** A string a free-text field may well accept: what must then be stored and shown as is. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  sqlFragment,
  controlString,
  loneSurrogate,
  fc.string({ maxLength: 120, unit: 'binary' }),
  fc.string({ maxLength: 60, unit: 'grapheme' }),
  fc.tuple(sqlFragment, loneSurrogate, controlString).map((fragments) => `Çelik ${fragments.join('')}`),
);

/** A value of any kind, biased towards the nasty ones. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: hugeString, weight: 1 },
  { arbitrary: sqlFragment, weight: 2 },
  { arbitrary: controlString, weight: 2 },
  { arbitrary: loneSurrogate, weight: 1 },
  { arbitrary: oddNumber, weight: 2 },
  { arbitrary: pollutingObject, weight: 2 },
  { arbitrary: deeplyNested, weight: 1 },
  { arbitrary: anything, weight: 3 },
  {
    arbitrary: fc.constantFrom<unknown>(
      null,
      undefined,
      true,
      false,
      '',
      ' ',
      [],
      {},
      '0',
      'null',
      'undefined',
    ),
    weight: 2,
  },
  { arbitrary: fc.string({ maxLength: 300, unit: 'binary' }), weight: 2 },
);

// ---------------------------------------------------------------------------------------------------------------
// Plausible inputs, derived from a call's schema

/** Every path to a value inside `value` (object keys and array indexes), the root excluded. */
export function pathsOf(value: unknown, prefix: readonly (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) {
    return value.flatMap((v, i) => [[...prefix, i], ...pathsOf(v, [...prefix, i])]);
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...pathsOf(v, [...prefix, k])]);
  }
  return [];
}

export function valueAt(value: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>(
    (at, key) => (at as Record<string | number, unknown> | undefined)?.[key],
    value,
  );
}

/** Passed to replaceAt as the value: the key is removed instead. */
export const remove = Symbol('remove');

/** A deep copy of `base` with the value at `path` replaced (or removed). */
export function replaceAt(base: unknown, path: readonly (string | number)[], value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  const copy: Record<string | number, unknown> | unknown[] = Array.isArray(base)
    ? [...base]
    : { ...(base as Record<string, unknown>) };
  const next =
    rest.length === 0 ? value : replaceAt((copy as Record<string | number, unknown>)[head], rest, value);
  if (next === remove) {
    if (Array.isArray(copy)) copy.splice(Number(head), 1);
    else delete copy[head];
  } else {
    // defineProperty, not assignment: a key such as '__proto__' becomes an own key, as JSON.parse makes it.
    Object.defineProperty(copy, head, { value: next, enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

/** Values tried in order for a field: the first its schema accepts is that field's plausible value. */
const baseSamples: readonly unknown[] = [
  'tekst',
  '01900000-0000-7000-8000-00000000f022',
  '2026-01-01',
  '2026-01',
  '1234 AB',
  'NL91ABNA0417164300',
  'ABNANL2A',
  '12345678',
  '06 12345678',
  'iemand@example.org',
  'abc_def',
  'Geheim-wachtwoord-2026',
  'data:image/png;base64,iVBORw0KGgo=',
  1,
  0,
  5,
  2026,
  true,
  false,
  null,
  undefined,
  [],
  {},
];

/** Builds plausible inputs; `ids` (of records that exist) are tried before a made-up id, to get past 'niet gevonden'. */
export function plausibleInputs(ids: readonly string[] = []) {
  const samples = [...ids, ...baseSamples];

  /** The shape a value of this schema has, before checks: objects by their keys, arrays with one element. */
  function structural(schema: z.ZodType): unknown {
    if (schema instanceof z.ZodObject) {
      const entries = Object.entries(schema.shape as Record<string, z.ZodType>).map(
        ([key, field]) => [key, plausible(field)] as const,
      );
      return Object.fromEntries(entries.filter(([, v]) => v !== undefined));
    }
    if (schema instanceof z.ZodArray) return [plausible(schema.element as z.ZodType)];
    if (
      schema instanceof z.ZodOptional ||
      schema instanceof z.ZodNullable ||
      schema instanceof z.ZodDefault ||
      schema instanceof z.ZodPrefault ||
      schema instanceof z.ZodReadonly
    ) {
      return structural(schema.unwrap() as z.ZodType);
    }
    if (schema instanceof z.ZodPipe) {
      return structural((schema.in instanceof z.ZodTransform ? schema.out : schema.in) as z.ZodType);
    }
    if (schema instanceof z.ZodUnion) return structural(schema.options[0] as z.ZodType);
    if (schema instanceof z.ZodEnum) return schema.options[0];
    if (schema instanceof z.ZodLiteral) return [...schema.values][0];
    if (schema instanceof z.ZodRecord) return {};
    return undefined;
  }

  /** A value the schema most likely accepts: its structure, else the first accepted sample. */
  function plausible(schema: z.ZodType): unknown {
    const candidates = [structural(schema), ...samples];
    return candidates.find((c) => schema.safeParse(c).success) ?? candidates[0];
  }

  /** The object variants a schema describes (one per member of a union), each in its plain structure. */
  function objectVariants(schema: z.ZodType): Record<string, unknown>[] {
    if (schema instanceof z.ZodObject) return [structural(schema) as Record<string, unknown>];
    if (schema instanceof z.ZodUnion) {
      return (schema.options as z.ZodType[]).flatMap((option) => objectVariants(option));
    }
    if (schema instanceof z.ZodPipe) {
      return objectVariants((schema.in instanceof z.ZodTransform ? schema.out : schema.in) as z.ZodType);
    }
    if (
      schema instanceof z.ZodOptional ||
      schema instanceof z.ZodNullable ||
      schema instanceof z.ZodDefault
    ) {
      return objectVariants(schema.unwrap() as z.ZodType);
    }
    return [];
  }

  /**
   * Fixes what a rule between fields refuses ('alleen bij een signaal', 'vul het aantal kilometers in'): at the
   * path of the first issue, the first sample (or leaving the field out) that makes that issue go away.
   */
  function repaired(schema: z.ZodType, base: Record<string, unknown>): Record<string, unknown> {
    let value = base;
    for (let round = 0; round < 5; round++) {
      const result = schema.safeParse(value);
      if (result.success) break;
      const path = (result.error.issues[0]?.path ?? []).filter((k) => typeof k !== 'symbol');
      if (path.length === 0) break;
      const issueAt = (v: unknown) =>
        schema.safeParse(v).error?.issues.some((i) => i.path.join('.') === path.join('.')) ?? false;
      const fixed = [remove, ...samples].map((s) => replaceAt(value, path, s)).find((v) => !issueAt(v));
      if (!fixed) break;
      value = fixed as Record<string, unknown>;
    }
    return value;
  }

  return {
    plausible,
    /** The object variants a call's input can take (one per member of a union), each as a plausible object. */
    variants: (schema: z.ZodType) => objectVariants(schema).map((base) => repaired(schema, base)),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Checks

const englishWords =
  /\b(invalid|expected|required|received|too (big|small|long|short)|unrecognized|must|should|string|number|boolean|undefined|object|array|key|instanceof|nan|null|error|failed|cannot|unexpected|is not)\b/i;

/** Why `text` shows the program's inside ('[object Object]', native code, a stack frame, SQLite), or null. */
export function technicalProblem(text: string): string | null {
  return /\[object \w+\]|native code|\bat \S+ \(.*:\d+|sqlite/i.test(text) ? 'technisch detail' : null;
}

/** Why `message` is no plain Dutch text for a user, or null when it is. */
export function messageProblem(message: unknown): string | null {
  if (typeof message !== 'string') return 'geen tekst';
  if (message.trim().length < 5) return 'te kort';
  if (message.length > 500) return 'te lang';
  if (englishWords.test(message)) return 'Engels';
  return technicalProblem(message);
}

/**
 * Why an app error is no plain Dutch message for its user, or null. An unknown call's message repeats the name it
 * was given and an unknown field's message the field's name ('x: onbekend veld; niet toegestaan'): that part is
 * the caller's text, checked only for showing the program's inside.
 */
export function errorProblem(error: {
  code: string;
  message: string;
  field?: string;
  fields?: Record<string, string>;
}): string | null {
  for (const fieldMessage of Object.values(error.fields ?? {})) {
    const problem = messageProblem(fieldMessage);
    if (problem) return `${problem}: ${fieldMessage}`;
  }
  const { code, message, field, fields } = error;
  if (code === 'unknown_call') {
    return /^Onbekende opdracht(\.|: \P{Cc}{1,61}\.)$/u.test(message)
      ? null
      : 'onbekende opdracht anders gemeld';
  }
  const own = field !== undefined && fields && Object.hasOwn(fields, field) ? fields[field] : undefined;
  const at = own === undefined ? -1 : message.indexOf(`: ${own}`);
  if (at > 0) return technicalProblem(message.slice(0, at)) ?? messageProblem(message.slice(at + 2));
  return messageProblem(message);
}

/**
 * A cheap, complete fingerprint of the database: every table's name and rows, hashed, and the rows per table. Tables
 * in `except` are left out (where a refusal is recorded on purpose), and so are columns named there as
 * `table.column` (a time of last use that any request may move on).
 */
export async function fingerprint<DB>(
  db: Kysely<DB>,
  except: readonly string[] = [],
): Promise<{ tables: number; rows: Record<string, number>; hashes: Record<string, string> }> {
  const names = await (db.getExecutor().adapter instanceof PostgresAdapter
    ? sql<{ name: string }>`select table_name as name from information_schema.tables
        where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`
    : sql<{ name: string }>`select name from sqlite_master where type = 'table' order by name`
  ).execute(db);
  const rows: Record<string, number> = {};
  // Per table, so that a difference names the table that changed.
  const hashes: Record<string, string> = {};
  for (const { name } of names.rows) {
    if (except.includes(name)) continue;
    const result = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db);
    rows[name] = result.rows.length;
    // Each row hashed on its own and the hashes sorted: an update moves a row in PostgreSQL's reading order.
    const rowHashes = result.rows.map((row) => {
      const hash = createHash('sha256');
      for (const [column, value] of Object.entries(row)) {
        if (except.includes(`${name}.${column}`)) continue;
        hash.update(`${column}=`);
        if (value instanceof Uint8Array) hash.update(value);
        else hash.update(`${typeof value}:${String(value)}`);
        hash.update('\u0000');
      }
      return hash.digest('hex');
    });
    hashes[name] = createHash('sha256').update(rowHashes.sort().join()).digest('hex');
  }
  return { tables: names.rows.length, rows, hashes };
}

/** Whether two fingerprints differ anywhere. */
export const changedBetween = (
  a: Awaited<ReturnType<typeof fingerprint>>,
  b: Awaited<ReturnType<typeof fingerprint>>,
) => JSON.stringify(a) !== JSON.stringify(b);

/** Audit entries a call left: a call that changes the database says so in the audit log. */
export async function auditEntries<DB>(db: Kysely<DB>, call: string): Promise<number> {
  const r = await sql<{ n: number }>`select count(*) as n from audit_log where call = ${call}`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

const pathLike = /^([\\/]|[A-Za-z]:)/;

/**
 * Every text in `value` that looks like a file path (starting with a slash, a backslash or a drive letter) moved
 * into `sandbox`, with only plain characters left: a call that takes a folder (backups) would otherwise create it wherever the fuzz said, and
 * the tests may run as root. Anything else, and a value without such text, is returned as it was.
 */
export function confinePaths(value: unknown, sandbox: string, depth = 0): unknown {
  if (typeof value === 'string') {
    if (!pathLike.test(value)) return value;
    const plain = value.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 60);
    return `${sandbox}/${plain || 'leeg'}`;
  }
  if (depth > 40 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const mapped = value.map((v) => confinePaths(v, sandbox, depth + 1));
    return mapped.some((v, i) => v !== value[i]) ? mapped : value;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  let changed = false;
  const copy = Object.create(proto) as Record<string, unknown>;
  for (const [key, v] of Object.entries(value)) {
    const next = confinePaths(v, sandbox, depth + 1);
    changed ||= next !== v;
    Object.defineProperty(copy, key, { value: next, enumerable: true, writable: true, configurable: true });
  }
  return changed ? copy : value;
}

const prototypes = { Object: Object.prototype, Array: Array.prototype, Function: Function.prototype };
const cleanKeys = Object.fromEntries(
  Object.entries(prototypes).map(([name, proto]) => [name, Reflect.ownKeys(proto).map(String).sort()]),
);

/** What was added to a built-in prototype since this module loaded; empty when nothing was. */
export function pollution(): string[] {
  const found: string[] = [];
  for (const [name, proto] of Object.entries(prototypes)) {
    const keys = Reflect.ownKeys(proto).map(String).sort();
    for (const key of keys) if (!cleanKeys[name]?.includes(key)) found.push(`${name}.prototype.${key}`);
  }
  for (const key of ['polluted', 'x']) {
    if (key in {}) found.push(`({}).${key}`);
  }
  return found;
}
