/**
 * The fuzzed boundary (issue 7, part 4): generated and malicious input to every call in the contract, from every
 * role and from a client that never logged in. Whatever arrives, the dispatcher answers: no exception, never
 * 'internal', a Dutch message, and nothing written unless the input was valid and the role allowed it. New calls
 * are covered by iterating `callNames`; nothing here lists calls by hand.
 */
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { type CallName, callNames, contract, isCallName } from '../../shared/contract.ts';
import { mayCall } from '../../shared/permissions.ts';
import type { Result } from '../../shared/result.ts';
import type { SessionAccount } from '../../shared/roles.ts';
import {
  anything,
  auditEntries,
  changedBetween,
  confinePaths,
  errorProblem,
  fingerprint,
  hostileString,
  hostileValue,
  pathsOf,
  plausibleInputs,
  pollutingKey,
  pollutingObject,
  pollution,
  remove,
  replaceAt,
  valueAt,
} from '../../test/support/fuzz.ts';
import {
  type Harness,
  harness,
  password,
  personInput,
  volunteerContract,
} from '../../test/support/harness.ts';

const team = ['beheer', 'projectleider', 'begeleider', 'administrateur'] as const;
const clients = [...team, 'anon'] as const;
type Client = (typeof clients)[number];
const usernames: Record<(typeof team)[number], string> = {
  beheer: 'bea',
  projectleider: 'projectleider',
  begeleider: 'begeleider',
  administrateur: 'administrateur',
};

let h: Harness;
let before: Awaited<ReturnType<typeof fingerprint>>;
/** Ids of records that exist: a sleutelpersoon, a concept contract and a claim. */
let knownIds: string[] = [];
/** Per call, plausible objects for each variant of its input: the base that one hostile value is put into. */
const variants = new Map<CallName, Record<string, unknown>[]>();
/** Per call, the clients whose role may make it (as the team logged in). */
const allowed = new Map<CallName, Client[]>();
/** Where a folder named by the fuzz ends up (see confinePaths). */
let sandbox = '';

let clock = Date.parse('2026-11-25T10:00:00.000Z');

beforeAll(async () => {
  h = await harness(new Date(clock).toISOString());
  sandbox = path.join(h.dir, 'fuzz-mappen');
  await h.withTeam();
  // Records whose ids the plausible inputs use: valid input then reaches real work, not 'niet gevonden'.
  const person = await h.ok('projectleider', 'persons.create', personInput());
  const draft = await h.ok('projectleider', 'contracts.create', volunteerContract(person.id));
  const claim = await h.ok('administrateur', 'claims.create', {
    personId: person.id,
    soort: 'ov',
    datum: '2026-11-02',
    omschrijving: 'Trein naar Utrecht',
    bedragCents: 1250,
    bonnen: [],
  });
  knownIds = [person.id, draft.id, claim.id];
  const { variants: variantsOf } = plausibleInputs(knownIds);
  const accounts = new Map<Client, SessionAccount | null>();
  for (const client of clients) accounts.set(client, await whoIs(client));
  for (const call of callNames) {
    variants.set(call, variantsOf(schemaOf(call)));
    allowed.set(
      call,
      clients.filter((c) => mayCall(accounts.get(c) ?? null, call)),
    );
  }
  before = await fingerprint(h.core.store.db);
});
afterAll(() => h.close());

const schemaOf = (call: CallName) => contract[call].input as z.ZodType;

/** A call name for a failure message; String() would throw on an object without a prototype. */
const shown = (call: unknown) => (typeof call === 'string' ? call.slice(0, 80) : typeof call);

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** A call's plausible input with one value anywhere inside it replaced or removed, or a hostile key added. */
function deepInput(call: CallName): fc.Arbitrary<unknown> {
  const bases = variants.get(call) ?? [];
  if (bases.length === 0) return anything;
  return fc.constantFrom(...bases).chain((base) => {
    const paths = pathsOf(base);
    const objectPaths = [[], ...paths.filter((p) => isObject(valueAt(base, p)))];
    const extraKey = fc
      .tuple(
        fc.constantFrom(...objectPaths),
        fc.oneof(pollutingKey, fc.string({ maxLength: 40 })),
        hostileValue,
      )
      .map(([path, key, value]) => replaceAt(base, [...path, key], value));
    if (paths.length === 0) return fc.oneof(extraKey, fc.constant(base));
    const replaced = fc.constantFrom(...paths).chain((path) => {
      const current = valueAt(base, path);
      // An id gets another record's id too; a string field mostly a hostile string: often valid, so it travels
      // on to the handler and the database.
      const value = knownIds.includes(current as string)
        ? fc.oneof(fc.constantFrom(...knownIds), hostileValue)
        : typeof current === 'string'
          ? fc.oneof({ arbitrary: hostileString, weight: 2 }, hostileValue)
          : fc.oneof({ arbitrary: hostileValue, weight: 4 }, fc.constant<unknown>(remove));
      return value.map((v) => replaceAt(base, path, v));
    });
    return fc.oneof(
      { arbitrary: replaced, weight: 6 },
      { arbitrary: extraKey, weight: 2 },
      { arbitrary: validHostile(call, base, paths), weight: 2 },
    );
  });
}

/**
 * The plausible input with every text field replaced by a hostile string where the schema still accepts it:
 * valid input carrying SQL fragments, control characters and lone surrogates to the handlers and the database.
 */
function validHostile(call: CallName, base: unknown, paths: (string | number)[][]): fc.Arbitrary<unknown> {
  const textPaths = paths.filter(
    (p) => typeof valueAt(base, p) === 'string' && !knownIds.includes(valueAt(base, p) as string),
  );
  return fc.array(hostileString, { minLength: textPaths.length, maxLength: textPaths.length }).map((texts) =>
    textPaths.reduce((input, path, i) => {
      const next = replaceAt(input, path, texts[i]);
      return schemaOf(call).safeParse(next).success ? next : input;
    }, base),
  );
}

const inputFor = (call: CallName): fc.Arbitrary<unknown> =>
  fc
    .oneof(
      { arbitrary: deepInput(call), weight: 6 },
      { arbitrary: hostileValue, weight: 2 },
      { arbitrary: pollutingObject, weight: 1 },
    )
    .map((input) => confinePaths(input, sandbox));

/** Mostly a client whose role may make the call (so the input is what gets tested), sometimes any. */
function clientFor(call: CallName): fc.Arbitrary<Client> {
  const may = allowed.get(call) ?? [];
  const any = fc.constantFrom(...clients);
  return may.length > 0 ? fc.oneof({ arbitrary: fc.constantFrom(...may), weight: 3 }, any) : any;
}

async function whoIs(client: Client): Promise<SessionAccount | null> {
  const me = await h.core.dispatcher.dispatch('auth.me', {}, client);
  return me.ok ? (me.value as SessionAccount | null) : null;
}

/**
 * Puts the client back in its own, unlocked session when a fuzzed login, logout or lock changed it. Fuzzed logins
 * are failed guesses that the login throttle counts; the clock moves past its longest wait first. What the
 * restoring calls themselves write is not the fuzz's doing: the fingerprint is taken anew after them.
 */
async function restore(client: Client): Promise<void> {
  const me = await whoIs(client);
  if (client === 'anon') {
    if (!me) return;
    await h.ok(client, 'auth.logout', {});
  } else if (me?.username !== usernames[client]) {
    passThrottle();
    await h.ok(client, 'auth.login', { username: usernames[client], password });
  } else {
    const active = await h.core.dispatcher.dispatch('auth.activity', {}, client);
    if (active.ok || active.error.code !== 'locked') return;
    passThrottle();
    await h.ok(client, 'auth.unlock', { password });
  }
  before = await fingerprint(h.core.store.db);
}

function passThrottle() {
  clock += 16 * 60 * 1000;
  h.setNow(new Date(clock).toISOString());
}

type Expected = 'unknown_call' | 'refused' | 'invalid' | 'valid';

/** What the dispatcher must do with this call, input and account, from the contract and permissions alone. */
function expected(call: unknown, input: unknown, account: SessionAccount | null): Expected {
  if (!isCallName(call)) return 'unknown_call';
  if (!mayCall(account, call)) return 'refused';
  return schemaOf(call).safeParse(input ?? {}).success ? 'valid' : 'invalid';
}

/**
 * The error with the names of people in the store taken out: a refusal may name the person it is about, and a
 * fuzzed name ('undefined', 'null') is the caller's text, not the app speaking English.
 */
function withoutStoredNames<E extends { message: string; fields?: Record<string, string> }>(error: E): E {
  const names = (
    h.core.store.sqlite
      .prepare('select voornaam, tussenvoegsel, achternaam, roepnaam from persons')
      .all() as Record<string, string | null>[]
  )
    .flatMap((row) => Object.values(row))
    .filter((name): name is string => typeof name === 'string' && name.trim().length >= 2)
    .sort((a, b) => b.length - a.length);
  const scrub = (text: string) => names.reduce((out, name) => out.replaceAll(name, 'Naam'), text);
  return {
    ...error,
    message: scrub(error.message),
    ...(error.fields
      ? { fields: Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [k, scrub(v)])) }
      : {}),
  };
}

function expectAnswer(r: Result<unknown>, call: unknown, what: Expected, account: SessionAccount | null) {
  expect(pollution()).toEqual([]);
  if (!r.ok) {
    expect(r.error.code, `${shown(call)}: ${r.error.message}`).not.toBe('internal');
    expect(errorProblem(withoutStoredNames(r.error)), r.error.message).toBeNull();
  }
  if (what === 'unknown_call') expect(r).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
  if (what === 'refused') {
    expect(r).toMatchObject({ ok: false, error: { code: account ? 'forbidden' : 'unauthenticated' } });
  }
  if (what === 'invalid') {
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', field: expect.any(String) } });
  }
}

/** The database is as it was after the last write that was allowed to happen. */
async function expectUnchanged(what: string) {
  expect(await fingerprint(h.core.store.db), `${what} veranderde de database`).toEqual(before);
}

/**
 * Dispatches one call and checks its answer. Valid input from a role that may make the call may change the
 * database, but only with an audit entry of that call (writes, and the backup calls that audit themselves): the
 * batch before it is checked first and the fingerprint taken anew after it. Everything else must leave the
 * database as it was; `settle` (or the next valid call) checks that.
 */
async function run(call: unknown, input: unknown, client: Client, { settle = true } = {}) {
  const account = await whoIs(client);
  const what = expected(call, input, account);
  const valid = what === 'valid' ? (call as CallName) : null;
  if (valid) await expectUnchanged('een eerdere geweigerde opdracht');
  const audited = valid ? await auditEntries(h.core.store.db, valid) : 0;
  let r: Result<unknown>;
  try {
    r = await h.core.dispatcher.dispatch(call, input, client);
  } catch (err) {
    throw new Error(`dispatch(${shown(call)}) gooide een fout: ${String(err)}`);
  }
  expectAnswer(r, call, what, account);
  if (valid) {
    const after = await fingerprint(h.core.store.db);
    if (changedBetween(after, before)) {
      expect(
        await auditEntries(h.core.store.db, valid),
        `${valid} schreef zonder auditregel`,
      ).toBeGreaterThan(audited);
      // Whatever text a valid write stored, the schema is as it was: no table dropped or added.
      expect(after.tables).toBe(before.tables);
    }
    before = after;
  } else if (settle) {
    await expectUnchanged(shown(call));
  }
  await restore(client);
}

describe('dispatcher under fuzzed input', () => {
  it('builds plausible inputs that the schemas accept, so the fuzz reaches past the first field', () => {
    const valid = callNames.filter((call) =>
      (variants.get(call) ?? []).some((base) => schemaOf(call).safeParse(base).success),
    );
    expect(valid.length / callNames.length).toBeGreaterThan(0.9);
  });

  it('answers every call, from every role, with a Dutch refusal and writes nothing for input the schema rejects', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .constantFrom(...callNames)
          .chain((call) => fc.tuple(fc.constant(call), inputFor(call), clientFor(call))),
        async ([call, input, client]) => run(call, input, client),
      ),
      { numRuns: 1500 },
    );
  }, 60_000);

  it('gives every call each kind of hostile whole input', async () => {
    const wholeInputs: unknown[] = [
      undefined,
      null,
      0,
      -0,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      '',
      'x'.repeat(100_001),
      "'; drop table accounts; --",
      '\ud800',
      [],
      [{}],
      true,
      10n,
      Symbol('x'),
      () => 1,
      new Date(Number.NaN),
      new Map([['id', 1]]),
      new Set([1]),
      new Uint8Array(8),
      Object.create(null),
      JSON.parse('{"__proto__":{"polluted":"ja"}}'),
      JSON.parse('{"constructor":{"prototype":{"polluted":"ja"}}}'),
    ];
    // One batch per call, the database checked after each. A client whose role may make the call (the input is
    // then parsed) and one that never logged in; the property above covers the other roles.
    for (const call of callNames) {
      const may = allowed.get(call) ?? [];
      for (const client of new Set<Client>([...may.slice(0, 1), 'anon'])) {
        for (const input of wholeInputs) await run(call, input, client, { settle: false });
      }
      await expectUnchanged(call);
    }
  }, 60_000);

  it('answers a call name that is not a call, of any kind, with unknown_call', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          anything,
          pollutingKey,
          fc.constantFrom(
            '',
            ' persons.list',
            'persons.list\u0000',
            'PERSONS.LIST',
            '../persons.list',
            'persons/../accounts.create',
            'x'.repeat(10_000),
          ),
        ),
        fc.constantFrom(...clients),
        async (call, client) => {
          fc.pre(!isCallName(call));
          await run(call, {}, client);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('what the fuzz found, kept as plain cases', () => {
  it('names an unknown field after itself, never after what Object.prototype holds under that name', async () => {
    for (const key of ['constructor', 'toString', 'hasOwnProperty']) {
      const r = await h.core.dispatcher.dispatch('persons.list', JSON.parse(`{"${key}":1}`), 'projectleider');
      expect(r).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', field: key, message: `${key}: onbekend veld; niet toegestaan` },
      });
    }
    const proto = await h.core.dispatcher.dispatch(
      'persons.list',
      JSON.parse('{"__proto__":1}'),
      'projectleider',
    );
    expect(proto).toMatchObject({
      ok: false,
      error: { message: '__proto__: onbekend veld; niet toegestaan' },
    });
    const nameless = await h.core.dispatcher.dispatch('persons.list', { '': 1 }, 'projectleider');
    expect(nameless).toMatchObject({
      ok: false,
      error: { message: 'Veld zonder naam: onbekend veld; niet toegestaan' },
    });
  });

  it('answers a call name that is no text without throwing and without "[object …]"', async () => {
    for (const call of [Object.create(null), new Map(), { toString: () => 'persons.list' }, 42, null]) {
      expect(await h.core.dispatcher.dispatch(call, {}, 'beheer')).toEqual({
        ok: false,
        error: { code: 'unknown_call', message: 'Onbekende opdracht.' },
      });
    }
    const long = await h.core.dispatcher.dispatch(`x\u0000\u202e${'y'.repeat(100)}`, {}, 'beheer');
    expect(long).toMatchObject({
      ok: false,
      error: { message: `Onbekende opdracht: x??${'y'.repeat(57)}….` },
    });
  });

  it("words zod's generic limits plainly, without its type names", async () => {
    const cases: [CallName, unknown, string][] = [
      ['auth.login', { username: 'iemand', password: 'x'.repeat(201) }, 'Wachtwoord: maximaal 200 tekens'],
      ['persons.list', { pageSize: 201 }, 'Aantal per pagina: hoogstens 200'],
      ['persons.list', { page: 2 ** 60 }, 'Pagina: te groot getal'],
      ['persons.list', { status: ['weg'] }, 'Status (regel 1): kies een van de mogelijkheden'],
    ];
    for (const [call, input, message] of cases) {
      expect(await h.core.dispatcher.dispatch(call, input, 'projectleider')).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', message },
      });
    }
  });
});
