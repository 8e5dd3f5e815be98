/**
 * Bad input on the Schakel server (issue 13, Tests), over real HTTPS to the server's core on PostgreSQL: hostile
 * bodies on every route, wrong, missing and revoked device keys and user tokens, wrong protocol versions, expired
 * and used pairing codes, commands replayed and reordered, commands of unknown calls or of calls that stay on a desk
 * (auth.*, backups.*, sync.*), and inputs that fail their schema. Every answer is a 200 or a 4xx with a Dutch
 * message, never a 5xx, and what a refused request or command leaves in the database is at most its recorded
 * refusal (sync_commands) and the desk's last contact (sync_devices): every other table, the change counter and the
 * feed included, is as it was.
 */
import https from 'node:https';
import fc from 'fast-check';
import { v7 } from 'uuid';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { type CallName, callNames, contract } from '../../shared/contract.ts';
import type { AppError } from '../../shared/result.ts';
import {
  beheerCalls,
  type CommandResult,
  type PushedCommand,
  protocolHeader,
  syncProtocolVersion,
  userTokenHeader,
} from '../../shared/sync.ts';
import {
  errorProblem,
  fingerprint,
  hostileString,
  hostileValue,
  oddNumber,
  pathsOf,
  plausibleInputs,
  replaceAt,
  sqlFragment,
} from '../../test/support/fuzz.ts';
import { password, personInput } from '../../test/support/harness.ts';
import {
  commandDesk,
  forgetFailedGuesses,
  type InProcessServer,
  inProcessServer,
} from '../../test/support/sync-server.ts';
import { isCommandCall } from '../core/sync/commands.ts';
import { deviceRefusals } from '../core/sync/device-auth.ts';
import { pairingRefusals } from '../core/sync/pairing.ts';
import type { DeskCredentials } from '../core/sync/server-client.ts';
import { signedOutMessage } from '../core/sync/user-sign-in.ts';

/** Where refusals are recorded on purpose: the refused command's outcome, the desk's last contact, a failed guess. */
// A desk's last contact and a token's last use move with any request the server answers (user-sign-in.ts).
const recordedOnPurpose = [
  'sync_commands',
  'sync_devices',
  'sync_tokens.last_used_at',
  'sync_login_failures',
  'sync_login_attempts',
];
const notShared = 'Deze opdracht wordt niet via de server gedeeld.';

let server: InProcessServer;
let deskTeam: Awaited<ReturnType<typeof commandDesk>>;
/** Paired desks: the projectleider's and the administrateur's, and a begeleider's the beheerder revoked. */
const desks = {} as Record<'active' | 'admin' | 'revoked', DeskCredentials>;
const codes = { used: '', expired: '' };
let personId = '';
/** A command applied at the start: pushed again, it gets its stored answer. */
let applied: PushedCommand;
const variants = new Map<CallName, Record<string, unknown>[]>();

beforeAll(async () => {
  server = await inProcessServer('2026-06-01T12:00:00.000Z');
  deskTeam = await commandDesk('2026-06-01T11:00:00.000Z');
  desks.active = await server.pairedDesk('projectleider');
  desks.admin = await server.pairedDesk('administrateur');
  desks.revoked = await server.pairedDesk('begeleider');
  const revoked = await server.db
    .selectFrom('sync_devices')
    .select(['id', 'version'])
    .where('id', '=', desks.revoked.deviceId)
    .executeTakeFirstOrThrow();
  await server.beheer('sync.revokeDevice', { id: revoked.id, version: revoked.version });
  codes.expired = ((await server.beheer('sync.pairingCode', {})) as { code: string }).code;
  codes.used = ((await server.beheer('sync.pairingCode', {})) as { code: string }).code;
  const used = await server.client.pair({ code: codes.used, naam: 'Laptop gebruikt' });
  expect(used.ok).toBe(true);
  // Twenty minutes on: the code made above has expired.
  server.setNow('2026-06-01T12:20:00.000Z');

  applied = await deskTeam.madeOnDesk('projectleider', 'persons.create', personInput({ voornaam: 'Vaste' }));
  personId = applied.ids[0] as string;
  expect(await push(desks.active, [applied])).toMatchObject([{ outcome: 'toegepast' }]);
  const { variants: variantsOf } = plausibleInputs([personId]);
  for (const call of callNames) variants.set(call, variantsOf(contract[call].input as z.ZodType));
}, 60_000);
// The guesses one test makes (wrong codes, passwords) do not hold the next one back.
beforeEach(() => forgetFailedGuesses(server.db));
afterEach(() => {
  // Bad input is refused for what it is, never an unexpected failure of the server.
  expect(server.internalErrors).toEqual([]);
});
afterAll(async () => {
  await deskTeam?.desk.close();
  await server?.close();
});

const snapshot = () => fingerprint(server.db, recordedOnPurpose);

async function push(desk: DeskCredentials, commands: PushedCommand[]): Promise<CommandResult[]> {
  const answer = await server.client.push(desk, commands);
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value.results;
}

async function appliedCommands(): Promise<number> {
  const { n } = await server.db
    .selectFrom('sync_commands')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('outcome', '=', 'toegepast')
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** A pushed command's refusal: a Dutch reason, nothing of the program's inside. */
function expectDutchRefusal(result: CommandResult | undefined) {
  expect(result?.outcome).not.toBe('toegepast');
  const problem = errorProblem({ code: 'invalid_input', message: result?.message ?? '' });
  expect(problem, result?.message ?? '').toBeNull();
}

describe('replayed and reordered commands', () => {
  it('apply once: twice in one push, again after a newer one, and under the same id with another input', async () => {
    const { status: _s, statusDatum: _d, ...fields } = personInput({ voornaam: 'Vaste' });
    const edit = (notities: string, version: number) =>
      deskTeam.madeOnDesk('projectleider', 'persons.update', { ...fields, id: personId, version, notities });
    const first = await edit('eerste', 1);
    const second = await edit('tweede', 2);
    const before = await server.db.selectFrom('audit_log').select('id').execute();

    // The newer edit arrives first: a conflict, kept. Then the older one twice in one push: applied once.
    const [early] = await push(desks.active, [second]);
    expect(early).toMatchObject({ outcome: 'conflict' });
    const [once, twice] = await push(desks.active, [first, first]);
    expect(once).toMatchObject({ outcome: 'toegepast' });
    expect(twice).toEqual(once);
    // The newer one again: its stored answer, though it would now apply.
    expect(await push(desks.active, [second])).toEqual([early]);
    // The same id with another input, and the first command of all again: their stored answers, nothing applied.
    const altered = { ...first, input: { ...(first.input as object), notities: 'anders' } };
    expect(await push(desks.active, [altered, applied])).toEqual([
      once,
      expect.objectContaining({ outcome: 'toegepast' }),
    ]);

    const person = await server.db
      .selectFrom('persons')
      .select(['version', 'notities'])
      .where('id', '=', personId)
      .executeTakeFirstOrThrow();
    expect(person).toEqual({ version: 2, notities: 'eerste' });
    const after = await server.db.selectFrom('audit_log').select('id').execute();
    expect(after.length - before.length).toBe(1);
    const kept = await server.db
      .selectFrom('sync_commands')
      .select(['id', 'outcome'])
      .where('id', 'in', [first.id, second.id, applied.id])
      .orderBy('id')
      .execute();
    expect(kept).toHaveLength(3);
  });
});

describe('pairing codes and device keys', () => {
  it('refuse an expired or used code, a revoked desk, a token of another desk and a NUL, in Dutch, writing nothing', async () => {
    const before = await snapshot();
    const expired = await server.client.pair({ code: codes.expired, naam: 'Laptop te laat' });
    expect(expired).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated', message: pairingRefusals.expired },
    });
    server.setNow('2026-06-01T12:40:00.000Z');
    const used = await server.client.pair({ code: codes.used, naam: 'Laptop tweede keer' });
    expect(used).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated', message: pairingRefusals.used },
    });
    const revoked = await server.client.pull(desks.revoked, 0);
    expect(revoked).toMatchObject({
      ok: false,
      error: { code: 'device_revoked', message: deviceRefusals.revoked },
    });
    const borrowed = await server.client.push({ ...desks.active, userToken: desks.admin.userToken }, [
      applied,
    ]);
    expect(borrowed).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated', message: signedOutMessage },
    });
    // A NUL character reaches PostgreSQL in the routes' own queries: refused as input, not a failure (was a 500).
    const nul = { ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/nul-teken/) } };
    expect(await server.client.signIn(desks.active, { username: 'bea\u0000', password })).toMatchObject(nul);
    expect(await snapshot()).toEqual(before);

    const { code } = (await server.beheer('sync.pairingCode', {})) as { code: string };
    const withCode = await snapshot();
    expect(await server.client.pair({ code, naam: 'Laptop\u0000' })).toMatchObject(nul);
    expect(await snapshot()).toEqual(withCode);
    // The code is still unused: the refused pairing took nothing. (Past the wait after three failed pairings.)
    server.setNow('2026-06-01T12:45:00.000Z');
    expect(await server.client.pair({ code, naam: 'Laptop' })).toMatchObject({ ok: true });
  });
});

describe('commands the server does not take', () => {
  it('refuses calls that stay on a desk, reads and unknown calls, and inputs that fail their schema, writing nothing', async () => {
    const before = await snapshot();
    const command = (call: string, input: unknown): PushedCommand => ({
      id: v7(),
      call,
      input,
      now: '2026-06-01T11:30:00.000Z',
      ids: [v7(), v7()],
    });
    const notCommands = [
      ...callNames.filter((call) => !isCommandCall(call)),
      'persons.verwijderAlles',
      'auth',
      '__proto__',
      'constructor.prototype',
    ];
    const results = await push(
      desks.active,
      notCommands.map((call) => command(call, variants.get(call as CallName)?.[0] ?? {})),
    );
    expect(results).toHaveLength(notCommands.length);
    for (const result of results) expect(result).toMatchObject({ outcome: 'afgewezen', message: notShared });

    // Every call the server does take, with an input its schema refuses: a field that does not exist.
    const commandCalls = callNames.filter((call) => isCommandCall(call));
    const refused = await push(
      desks.admin,
      commandCalls.map((call) => command(call, { ...(variants.get(call)?.[0] ?? {}), onbekendVeld: 1 })),
    );
    expect(refused).toHaveLength(commandCalls.length);
    for (const result of refused) expectDutchRefusal(result);

    // Text with a NUL character: SQLite on a desk stores it, PostgreSQL cannot. Refused in Dutch, not a failure.
    const { ids, ...withNul } = command(
      'persons.create',
      personInput({ voornaam: 'Nul', notities: 'voor\u0000na' }),
    );
    const [nul] = await push(desks.active, [{ ...withNul, ids: [ids[0] as string] }]);
    expect(nul).toMatchObject({ outcome: 'afgewezen', message: expect.stringMatching(/nul-teken/) });
    expectDutchRefusal(nul);
    // A command that drew more ids on the desk than it brings along: refused, not half made.
    const [short] = await push(desks.active, [{ ...withNul, id: v7(), input: personInput(), ids: [] }]);
    expectDutchRefusal(short);
    expect(await snapshot()).toEqual(before);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The fuzz: any request on any route

type DeviceChoice = 'active' | 'admin' | 'revoked' | 'none' | 'wrongKey' | 'unknownId' | 'garbage';
type TokenChoice = 'own' | 'none' | 'other' | 'revoked' | 'garbage' | 'random';

interface FuzzRequest {
  path: string;
  method: string;
  protocol: string | undefined;
  device: DeviceChoice;
  token: TokenChoice;
  garbage: string;
  contentType: string | undefined;
  body: string;
}

const routes = {
  '/sync/pair': 'POST',
  '/sync/login': 'POST',
  '/sync/push': 'POST',
  '/sync/pull': 'POST',
  '/sync/beheer': 'POST',
} as const;
const blobRoute = /^\/sync\/blob\/[^/]*$/;
/** The protocol version the server speaks; the fuzz sends others too. */
const current = String(syncProtocolVersion);

/** Header text a client can send at all (node refuses control characters in headers before sending). */
const headerText = fc.oneof(
  sqlFragment,
  fc.string({ maxLength: 80, unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) }),
  fc.constantFrom('Bearer abc', 'Schakel-Device ', 'Schakel-Device a.b.c', 'schakel-device x.y'),
);

const key43 = fc
  .string({ minLength: 43, maxLength: 43, unit: fc.constantFrom(...'ABCxyz019_-') })
  .map((s) => s);

const commandCalls = callNames.filter((call) => isCommandCall(call));
const otherCalls = callNames.filter((call) => !isCommandCall(call));

/** An input for `call`: a plausible one with a hostile value somewhere, or anything at all. */
const inputFor = (call: string) => {
  const bases = variants.get(call as CallName) ?? [{}];
  return fc.oneof(
    fc.constantFrom(...bases),
    fc.constantFrom(...bases).chain((base) => {
      const paths = pathsOf(base);
      if (paths.length === 0) return hostileValue;
      return fc
        .tuple(fc.constantFrom(...paths), hostileValue)
        .map(([at, value]) => replaceAt(base, at, value));
    }),
    hostileValue,
  );
};

const pushedCommand = fc
  .oneof(
    { arbitrary: fc.constantFrom(...commandCalls), weight: 4 },
    { arbitrary: fc.constantFrom(...otherCalls), weight: 2 },
    {
      arbitrary: fc.oneof(fc.constantFrom('persons.nietBestaand', '', 'x'.repeat(81)), hostileString),
      weight: 1,
    },
  )
  .chain((call) =>
    fc.record({
      id: fc.oneof(
        { arbitrary: fc.constant(null).map(() => v7()), weight: 12 },
        { arbitrary: fc.constant(null).map(() => applied.id), weight: 3 },
        { arbitrary: hostileString, weight: 1 },
      ),
      call: fc.constant(call),
      input: inputFor(call),
      now: fc.oneof(
        { arbitrary: fc.constant('2026-06-01T11:45:00.000Z'), weight: 15 },
        { arbitrary: fc.oneof(fc.constantFrom('2026-13-45T25:61:00Z', ''), hostileValue), weight: 1 },
      ),
      ids: fc.oneof(
        { arbitrary: fc.constant(null).map(() => [v7(), v7(), v7()]), weight: 12 },
        { arbitrary: fc.constant([]), weight: 3 },
        { arbitrary: fc.array(hostileValue, { maxLength: 3 }), weight: 1 },
      ),
    }),
  );

/** JSON text of `value`; what JSON cannot say (a bigint, nesting deeper than its stack) as JSON nested as deep. */
function asJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'null';
  } catch {
    return `${'['.repeat(5_000)}${']'.repeat(5_000)}`;
  }
}

/** A body for the route: mostly of the right shape with hostile parts, sometimes anything, sometimes no JSON. */
function bodyFor(path: string): fc.Arbitrary<string> {
  const shaped: fc.Arbitrary<unknown> =
    path === '/sync/pair'
      ? fc.record({
          code: fc.oneof(
            fc.constant(codes.used),
            fc.constant(codes.expired),
            fc.constant('ABCD-EFGH-JKLM'),
            hostileValue,
          ),
          naam: fc.oneof(fc.constant('Laptop'), hostileValue),
        })
      : path === '/sync/login'
        ? fc.record({
            username: fc.oneof(fc.constantFrom('bea', 'projectleider', 'niemand'), hostileValue),
            password: fc.oneof(fc.constant(`${password}!`), hostileValue),
          })
        : path === '/sync/pull'
          ? fc.record({
              since: fc.oneof(fc.nat(), oddNumber, hostileValue),
              limit: fc.oneof(fc.nat(), oddNumber),
            })
          : path === '/sync/beheer'
            ? // The desks' users are no beheerders: past the checks, the dispatcher refuses, writing nothing.
              fc
                .oneof(fc.constantFrom(...beheerCalls, ...otherCalls), hostileString)
                .chain((call) => fc.record({ call: fc.constant(call), input: inputFor(call) }))
            : fc.record({
                commands: fc.oneof(
                  { arbitrary: fc.array(pushedCommand, { minLength: 1, maxLength: 4 }), weight: 12 },
                  hostileValue,
                ),
              });
  return fc.oneof(
    { arbitrary: shaped.map(asJson), weight: 12 },
    { arbitrary: hostileValue.map(asJson), weight: 2 },
    {
      arbitrary: fc.constantFrom('{', '{"commands":[', '\u0000', 'null', '[]', '{"__proto__":{"x":1}}'),
      weight: 1,
    },
  );
}

const fuzzRequest: fc.Arbitrary<FuzzRequest> = fc
  .oneof(
    { arbitrary: fc.constant('/sync/push'), weight: 5 },
    { arbitrary: fc.constantFrom('/sync/pair', '/sync/login', '/sync/pull', '/sync/beheer'), weight: 3 },
    {
      arbitrary: fc.oneof(
        fc.constantFrom(
          `/sync/blob/${'a'.repeat(64)}`,
          '/sync/blob/../push',
          '/sync/blob/',
          '/sync/onbekend',
          '/sync/push?x=1',
          '/sync/push/',
          '/',
        ),
        fc
          .string({ maxLength: 40, unit: fc.constantFrom(...'/syncpushblo.%?#az09') })
          .map((s) => `/sync/${s}`),
      ),
      weight: 2,
    },
  )
  .chain((path) =>
    fc.record({
      path: fc.constant(path),
      method: fc.oneof(
        { arbitrary: fc.constant(blobRoute.test(path) ? 'GET' : 'POST'), weight: 9 },
        { arbitrary: fc.constantFrom('GET', 'PUT', 'DELETE', 'PATCH'), weight: 1 },
      ),
      protocol: fc.oneof(
        { arbitrary: fc.constant(current), weight: 8 },
        {
          arbitrary: fc.constantFrom(
            undefined,
            '0',
            String(syncProtocolVersion - 1),
            `${current}.0`,
            `0${current}`,
            'abc',
          ),
          weight: 1,
        },
      ),
      device: fc.oneof(
        { arbitrary: fc.constantFrom<DeviceChoice>('active', 'admin'), weight: 12 },
        {
          arbitrary: fc.constantFrom<DeviceChoice>('revoked', 'none', 'wrongKey', 'unknownId', 'garbage'),
          weight: 3,
        },
      ),
      token: fc.oneof(
        { arbitrary: fc.constant<TokenChoice>('own'), weight: 12 },
        {
          arbitrary: fc.constantFrom<TokenChoice>('none', 'other', 'revoked', 'garbage', 'random'),
          weight: 3,
        },
      ),
      garbage: headerText,
      contentType: fc.oneof(
        { arbitrary: fc.constant('application/json'), weight: 9 },
        {
          arbitrary: fc.constantFrom(undefined, 'text/plain', 'application/x-www-form-urlencoded'),
          weight: 1,
        },
      ),
      body: bodyFor(path),
    }),
  );

function headersOf(req: FuzzRequest, key: string, unknownId: string): Record<string, string> {
  const headers: Record<string, string> = {};
  if (req.protocol !== undefined) headers[protocolHeader] = req.protocol;
  if (req.contentType !== undefined) headers['content-type'] = req.contentType;
  const device = (d: DeskCredentials, k = d.deviceKey) => `Schakel-Device ${d.deviceId}.${k}`;
  const byChoice: Record<DeviceChoice, string | undefined> = {
    active: device(desks.active),
    admin: device(desks.admin),
    revoked: device(desks.revoked),
    none: undefined,
    wrongKey: device(desks.active, key),
    unknownId: `Schakel-Device ${unknownId}.${desks.active.deviceKey}`,
    garbage: req.garbage,
  };
  const authorization = byChoice[req.device];
  if (authorization !== undefined) headers.authorization = authorization;
  const own = req.device === 'admin' ? desks.admin : desks.active;
  const other = req.device === 'admin' ? desks.active : desks.admin;
  const tokens: Record<TokenChoice, string | undefined> = {
    own: own.userToken,
    none: undefined,
    other: other.userToken,
    revoked: desks.revoked.userToken,
    garbage: req.garbage,
    random: key,
  };
  const token = tokens[req.token];
  if (token !== undefined) headers[userTokenHeader] = token;
  return headers;
}

/** The refusal the server owes before it reads a body, in the order it checks; null once past those checks. */
function owed(req: FuzzRequest): { status: number; code: string } | null {
  const route = blobRoute.test(req.path) ? 'GET' : routes[req.path as keyof typeof routes];
  if (!route) return { status: 404, code: 'not_found' };
  if (req.method !== route) return { status: 405, code: 'invalid_input' };
  if (req.protocol !== current) return { status: 400, code: 'protocol_mismatch' };
  if (req.path === '/sync/pair') return null;
  if (req.device === 'revoked') return { status: 403, code: 'device_revoked' };
  if (req.device !== 'active' && req.device !== 'admin') return { status: 401, code: 'unauthenticated' };
  if (req.path === '/sync/login') return null;
  if (req.token !== 'own') return { status: 401, code: 'unauthenticated' };
  return null;
}

interface Reply {
  status: number;
  text: string;
}

function send(req: FuzzRequest, headers: Record<string, string>): Promise<Reply> {
  const { port } = new URL(server.listening.url);
  return new Promise((resolve, reject) => {
    const request = https.request(
      {
        host: '127.0.0.1',
        port,
        method: req.method,
        path: req.path,
        headers: { ...headers, 'content-length': Buffer.byteLength(req.body) },
        rejectUnauthorized: false,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    request.on('error', reject);
    request.setTimeout(10_000, () => request.destroy(new Error(`geen antwoord op ${req.path}`)));
    request.end(req.method === 'GET' ? undefined : req.body);
  });
}

describe('the server under fuzz', () => {
  it('answers every request with a 200 or a Dutch 4xx, and writes nothing for what it refuses', async () => {
    let before = await snapshot();
    let appliedBefore = await appliedCommands();
    let clock = Date.parse('2026-06-01T12:20:00.000Z');
    await fc.assert(
      fc.asyncProperty(fuzzRequest, key43, fc.uuid(), async (req, key, unknownId) => {
        // Ten minutes a request, past the wait after wrong pairing codes and passwords: the checks behind it get
        // their turn. (The server's clock; a pushed command keeps its own.)
        clock += 10 * 60_000;
        server.setNow(new Date(clock).toISOString());
        const reply = await send(req, headersOf(req, key, unknownId));
        expect(reply.status, reply.text.slice(0, 300)).toBeLessThan(500);
        const json = JSON.parse(reply.text) as { ok: boolean; value?: unknown; error?: AppError };
        const expected = owed(req);
        if (expected) {
          expect(reply.status, reply.text.slice(0, 300)).toBe(expected.status);
          expect(json.error?.code).toBe(expected.code);
        }
        if (!json.ok) {
          expect(reply.status).toBeGreaterThanOrEqual(400);
          expect(errorProblem(json.error as AppError), json.error?.message).toBeNull();
        } else expect(reply.status).toBe(200);

        let newlyApplied = 0;
        if (json.ok && req.path === '/sync/push') {
          const { results } = json.value as { results: CommandResult[] };
          const sent = (JSON.parse(req.body) as { commands: PushedCommand[] }).commands;
          for (const [i, result] of results.entries()) {
            if (result.outcome !== 'toegepast') expectDutchRefusal(result);
            else if (sent[i]?.id !== applied.id) newlyApplied++;
          }
        }
        // Only a command applied writes: then the database moved on, and so does the comparison.
        const appliedNow = await appliedCommands();
        expect(appliedNow - appliedBefore).toBe(newlyApplied);
        if (newlyApplied > 0) {
          before = await snapshot();
          appliedBefore = appliedNow;
        } else expect(await snapshot()).toEqual(before);
      }),
      { numRuns: 250, seed: Number(process.env.SCHAKEL_FUZZ_SEED ?? Date.now() % 1_000_000) },
    );
  }, 60_000);
});
