/**
 * The fuzzed boundary over HTTP (issue 7, part 4): raw requests to the browser host with malformed JSON, JSON
 * with __proto__, bodies over the limit, wrong content types, odd call names, missing or wrong tokens and
 * client keys, and bytes that are no HTTP at all. Each gets the status it should (never 5xx), a JSON body with a
 * Dutch message where the app answers, nothing written, and the host keeps answering valid calls.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { type CallName, callNames, contract, isCallName } from '../../../shared/contract.ts';
import { mayCall } from '../../../shared/permissions.ts';
import { type AppError, type ErrorCode, httpStatusFor } from '../../../shared/result.ts';
import type { SessionAccount } from '../../../shared/roles.ts';
import { clientHeader, tokenHeader } from '../../../shared/security.ts';
import {
  auditEntries,
  changedBetween,
  confinePaths,
  errorProblem,
  fingerprint,
  hostileString,
  hostileValue,
  plausibleInputs,
  pollution,
  replaceAt,
} from '../../../test/support/fuzz.ts';
import { type Harness, harness, password } from '../../../test/support/harness.ts';
import { type BrowserHost, startBrowserHost } from './browser-host.ts';

/** The small limit of the host under fuzz, so bodies over it stay cheap to send. */
const maxBodyBytes = 64 * 1024;
const indexHtml = '<!doctype html><title>Schakel</title><div id="root"></div>';
const secret = 'GEHEIM-buiten-de-map';

const roles = {
  beheer: 'bea',
  projectleider: 'projectleider',
  begeleider: 'begeleider',
  administrateur: 'administrateur',
};
type Window = keyof typeof roles | 'anon';
/** One browser window per role, logged in over HTTP, and one that never logged in: their client keys. */
const windows = {} as Record<Window, string>;

let h: Harness;
let root: string;
let host: BrowserHost;
let before: Awaited<ReturnType<typeof fingerprint>>;
let clock = Date.parse('2026-11-25T10:00:00.000Z');
/** Where a folder named by the fuzz ends up (see confinePaths). */
let sandbox = '';
const variants = new Map<CallName, Record<string, unknown>[]>();

beforeAll(async () => {
  h = await harness(new Date(clock).toISOString());
  sandbox = path.join(h.dir, 'fuzz-mappen');
  await h.withTeam();
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-fuzz-host-'));
  fs.writeFileSync(path.join(root, 'secret.txt'), secret);
  fs.mkdirSync(path.join(root, 'static'));
  fs.writeFileSync(path.join(root, 'static', 'index.html'), indexHtml);
  host = await startBrowserHost({
    dispatcher: h.core.dispatcher,
    staticDir: path.join(root, 'static'),
    maxBodyBytes,
  });
  for (const [name, username] of Object.entries(roles)) {
    windows[name as Window] = randomUUID();
    const r = await send({
      path: '/api/auth.login',
      body: JSON.stringify({ username, password }),
      window: name as Window,
    });
    expect(r.status).toBe(200);
  }
  windows.anon = randomUUID();
  const { variants: variantsOf } = plausibleInputs();
  for (const call of callNames) variants.set(call, variantsOf(contract[call].input as z.ZodType));
  before = await fingerprint(h.core.store.db);
});

afterAll(async () => {
  await host?.close();
  await h?.close();
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------------------------
// Requests

interface Request {
  method?: string;
  path: string;
  /** Whose client key goes in the header: a window's, or `{ key }` sent as given (undefined leaves it out). */
  window?: Window | { key: string | undefined };
  /** The token header: the host's own unless given (undefined leaves it out). */
  token?: { value: string | undefined };
  contentType?: string | undefined;
  body?: string | Buffer;
  /** Leave out Content-Length: the body then arrives chunked and its size is only known as it streams. */
  chunked?: boolean;
  hostHeader?: string;
}

interface Reply {
  status: number;
  contentType: string;
  text: string;
  json: unknown;
}

const keyOf = (window: Request['window']) =>
  window === undefined ? windows.anon : typeof window === 'string' ? windows[window] : window.key;

/** One request with node:http: the path, headers and body exactly as given. */
function send(req: Request): Promise<Reply> {
  const body = req.body ?? '';
  const headers: http.OutgoingHttpHeaders = { host: req.hostHeader ?? `127.0.0.1:${host.port}` };
  const token = req.token ? req.token.value : host.token;
  if (token !== undefined) headers[tokenHeader] = token;
  const key = keyOf(req.window);
  if (key !== undefined) headers[clientHeader] = key;
  const contentType = 'contentType' in req ? req.contentType : 'application/json';
  if (contentType !== undefined) headers['content-type'] = contentType;
  // Without either header node:http would add Content-Length itself for a body sent in one piece.
  if (req.chunked) headers['transfer-encoding'] = 'chunked';
  else headers['content-length'] = Buffer.byteLength(body);
  return new Promise((resolve, reject) => {
    const options = {
      host: '127.0.0.1',
      port: host.port,
      path: req.path,
      method: req.method ?? 'POST',
      headers,
      agent: false,
    };
    const request = http.request(options, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const type = String(res.headers['content-type'] ?? '');
        const json: unknown =
          type.startsWith('application/json') && text !== '' ? JSON.parse(text) : undefined;
        resolve({ status: res.statusCode ?? 0, contentType: type, text, json });
      });
    });
    // The host may answer (413) and close before the whole body is written: the answer is what counts.
    request.on('error', (err) => reject(err));
    request.setTimeout(5000, () => request.destroy(new Error(`geen antwoord op ${req.path.slice(0, 80)}`)));
    request.end(body);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// What the host must answer: the checks of browser-host.ts in their order, then the dispatcher's.

type Outcome = { status: number; code: ErrorCode } | { valid: CallName } | { page: true };
const clientKeyPattern = /^[A-Za-z0-9-]{16,64}$/;

async function whoIs(key: string): Promise<SessionAccount | null> {
  const me = await h.core.dispatcher.dispatch('auth.me', {}, `http:${key}`);
  return me.ok ? (me.value as SessionAccount | null) : null;
}

async function outcome(req: Request): Promise<Outcome> {
  const hostHeader = req.hostHeader ?? `127.0.0.1:${host.port}`;
  if (hostHeader !== `127.0.0.1:${host.port}` && hostHeader !== `localhost:${host.port}`) {
    return { status: 421, code: 'forbidden' };
  }
  const url = URL.parse(req.path, 'http://127.0.0.1');
  if (!url) return { status: 400, code: 'invalid_input' };
  const method = req.method ?? 'POST';
  if (!url.pathname.startsWith('/api/')) {
    return method === 'GET' || method === 'HEAD' ? { page: true } : { status: 405, code: 'invalid_input' };
  }
  if (method !== 'POST') return { status: 405, code: 'invalid_input' };
  if ((req.token ? req.token.value : host.token) !== host.token)
    return { status: 401, code: 'unauthenticated' };
  const key = keyOf(req.window);
  if (key === undefined || !clientKeyPattern.test(key)) return { status: 400, code: 'invalid_input' };
  const size = Buffer.byteLength(req.body ?? '');
  if (!req.chunked && size > maxBodyBytes) return { status: 413, code: 'invalid_input' };
  const contentType = 'contentType' in req ? req.contentType : 'application/json';
  if (contentType !== undefined && contentType.split(';')[0]?.trim().toLowerCase() !== 'application/json') {
    return { status: 415, code: 'invalid_input' };
  }
  if (size > maxBodyBytes) return { status: 413, code: 'invalid_input' };
  let input: unknown;
  try {
    const text = Buffer.from(req.body ?? '').toString('utf8');
    input = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    return { status: 400, code: 'invalid_input' };
  }
  const call = url.pathname.slice('/api/'.length);
  if (!isCallName(call)) return { status: 404, code: 'unknown_call' };
  const account = await whoIs(key);
  if (!mayCall(account, call)) {
    return account ? { status: 403, code: 'forbidden' } : { status: 401, code: 'unauthenticated' };
  }
  if (!(contract[call].input as z.ZodType).safeParse(input ?? {}).success) {
    return { status: 400, code: 'invalid_input' };
  }
  return { valid: call };
}

/** The answer's JSON: a refusal with the code expected and a Dutch message. */
function expectDutchError(reply: Reply, code: ErrorCode) {
  expect(reply.contentType).toMatch(/^application\/json/);
  expect(reply.json, reply.text.slice(0, 300)).toMatchObject({ ok: false, error: { code } });
  const { error } = reply.json as { error: AppError };
  expect(errorProblem(error), error.message).toBeNull();
}

/**
 * Logs the role windows back in, unlocked (and the anonymous one out), when a fuzzed login, logout or lock changed
 * them. Fuzzed logins are failed guesses the throttle counts; the clock moves past its longest wait first. What
 * these calls write is not the fuzz's doing: the fingerprint is taken anew after them.
 */
async function restoreWindows() {
  let restored = false;
  for (const [name, username] of Object.entries(roles)) {
    const client = `http:${windows[name as Window]}`;
    const me = await h.core.dispatcher.dispatch('auth.me', {}, client);
    if (!me.ok || (me.value as SessionAccount | null)?.username !== username) {
      passThrottle();
      await h.ok(client, 'auth.login', { username, password });
      restored = true;
      continue;
    }
    const active = await h.core.dispatcher.dispatch('auth.activity', {}, client);
    if (active.ok || active.error.code !== 'locked') continue;
    passThrottle();
    await h.ok(client, 'auth.unlock', { password });
    restored = true;
  }
  if (await whoIs(windows.anon)) {
    await h.ok(`http:${windows.anon}`, 'auth.logout', {});
    restored = true;
  }
  if (restored) before = await fingerprint(h.core.store.db);
}

function passThrottle() {
  clock += 16 * 60 * 1000;
  h.setNow(new Date(clock).toISOString());
}

/**
 * Sends the request and checks the answer against `outcome`, the database and the prototypes. A valid call from
 * a role that may make it may change the database, but only with an audit entry of that call.
 */
async function exchange(req: Request): Promise<Reply> {
  const expected = await outcome(req);
  const valid = 'valid' in expected ? expected.valid : null;
  if (valid) expect(await fingerprint(h.core.store.db), 'een eerdere geweigerde aanvraag').toEqual(before);
  const audited = valid ? await auditEntries(h.core.store.db, valid) : 0;
  const reply = await send(req);
  expect(
    reply.status,
    `${req.method ?? 'POST'} ${req.path.slice(0, 80)}: ${reply.text.slice(0, 200)}`,
  ).toBeLessThan(500);
  expect(pollution()).toEqual([]);
  if ('page' in expected) {
    expect([200, 404]).toContain(reply.status);
    expect(reply.text).not.toContain(secret);
  } else if ('valid' in expected) {
    // The handler decides, but never with 'internal'.
    if (reply.status !== 200) {
      const code = (reply.json as { error: { code: ErrorCode } }).error.code;
      expect(reply.status).toBe(httpStatusFor[code]);
      expectDutchError(reply, code);
    } else {
      expect(reply.json).toMatchObject({ ok: true });
    }
  } else {
    expect(reply.status, reply.text.slice(0, 300)).toBe(expected.status);
    if (req.method !== 'HEAD') expectDutchError(reply, expected.code);
  }
  const after = await fingerprint(h.core.store.db);
  if (valid) {
    if (changedBetween(after, before)) {
      expect(
        await auditEntries(h.core.store.db, valid),
        `${valid} schreef zonder auditregel`,
      ).toBeGreaterThan(audited);
      expect(after.tables).toBe(before.tables);
    }
    before = after;
  } else {
    expect(after, `${req.path.slice(0, 80)} veranderde de database`).toEqual(before);
  }
  await restoreWindows();
  return reply;
}

/** The host still serves: a call with a body, by a logged-in window. */
async function stillAnswers() {
  const status = await send({ path: '/api/settings.status', body: '{}' });
  expect(status.status).toBe(200);
  const list = await send({ path: '/api/persons.list', body: '{}', window: 'projectleider' });
  expect(list.status, list.text).toBe(200);
  expect(list.json).toMatchObject({ ok: true, value: { page: 0 } });
}

// ---------------------------------------------------------------------------------------------------------------
// Generators

/**
 * JSON text of a value fast-check made up: bigints as text, so that every value can be written; file paths moved
 * into the sandbox (see confinePaths). Nesting too deep for JSON.stringify is sent as deep nesting all the same.
 */
function toJson(v: unknown): string {
  try {
    const confined = confinePaths(v, sandbox);
    return JSON.stringify(confined, (_, x) => (typeof x === 'bigint' ? String(x) : x)) ?? 'null';
  } catch {
    return `${'['.repeat(5000)}${']'.repeat(5000)}`;
  }
}

const realCall = fc.constantFrom(...callNames);

const oddCallName = fc.oneof(
  fc.constantFrom(
    '',
    '..',
    '../accounts.create',
    '..%2faccounts.create',
    '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'persons.list%00',
    '%00',
    'persons.list/',
    'persons.list/../accounts.list',
    'persons.list;x=1',
    'persons.list?x=1',
    'persons%2Elist',
    'PERSONS.LIST',
    '__proto__',
    'constructor',
    'hasOwnProperty',
    'toString',
    '%E0%A4%A',
    '%',
    '%%',
    '%ff%fe',
    '%F0%9F%99%82',
    '%20persons.list',
    "persons.list'--",
    'x'.repeat(8000),
  ),
  fc.string({ maxLength: 80, unit: 'binary' }).map(encodeURIComponent),
  fc.string({ maxLength: 40 }).map((s) => s.replace(/[^\x21-\x7e]/g, '_')),
);

/** Bodies that are no JSON, or JSON of the wrong kind, or JSON carrying prototype keys. */
const oddBody: fc.Arbitrary<string | Buffer> = fc.oneof(
  fc.constantFrom(
    '{',
    '{"a":}',
    '{"a":1,}',
    "{'a':1}",
    '[',
    '"',
    'nul',
    'NaN',
    'Infinity',
    'undefined',
    '1e999',
    '-0',
    '[]',
    '[1,2]',
    '[{}]',
    '1',
    '"x"',
    'null',
    'true',
    '\ufeff{}',
    '{}garbage',
    '{"__proto__":{"polluted":"ja","x":1}}',
    '{"constructor":{"prototype":{"polluted":"ja"}}}',
    '{"__proto__":[]}',
    '{"a":"\\ud800"}',
    '{"a":"\\u0000"}',
    '<persoon/>',
    'voornaam=Anna&achternaam=Jansen',
    `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
    `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`,
  ),
  fc.constantFrom(Buffer.from([0xff, 0xfe, 0x00, 0x7b]), Buffer.from('{"a":"\xc3\x28"}', 'latin1')),
  fc.string({ maxLength: 200, unit: 'binary' }),
  hostileValue.map(toJson),
  fc.jsonValue().map(toJson),
);

const wrongContentType = fc.constantFrom(
  'text/plain',
  'text/plain;charset=UTF-8',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'text/json',
  'application/jsonp',
  'application/json-patch+json',
  'application/javascript',
  '*/*',
  '',
);

const goodContentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'Application/JSON',
  'application/json;charset=latin1',
);

/** A call with a plausible body, one value inside replaced by something hostile, as JSON text. */
const plausibleBody = realCall.chain((call) => {
  const bases = variants.get(call) ?? [];
  const body =
    bases.length === 0
      ? hostileValue
      : fc.constantFrom(...bases).chain((base) => {
          const keys = Object.keys(base);
          if (keys.length === 0) return fc.constant<unknown>(base);
          return fc
            .tuple(
              fc.constantFrom(...keys, '__proto__', 'constructor'),
              fc.oneof(hostileString, hostileValue),
            )
            .map(([key, value]) => replaceAt(base, [key], value));
        });
  return body.map((input) => ({ call, body: toJson(input) }));
});

const anyWindow = fc.constantFrom<Window>('beheer', 'projectleider', 'begeleider', 'administrateur', 'anon');

// ---------------------------------------------------------------------------------------------------------------

describe('browser host under fuzzed requests', () => {
  it('answers malformed, mistyped and hostile bodies to every call with a 4xx and a Dutch message', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.tuple(realCall, oddBody).map(([call, body]) => ({ call, body })),
          plausibleBody,
          fc
            .tuple(realCall, fc.integer({ min: maxBodyBytes - 16, max: maxBodyBytes * 3 }))
            .map(([call, size]) => ({ call, body: `{"search":"${'x'.repeat(Math.max(0, size - 14))}"}` })),
        ),
        anyWindow,
        fc.oneof({ arbitrary: goodContentType, weight: 4 }, wrongContentType, fc.constant(undefined)),
        fc.boolean(),
        async ({ call, body }, who, contentType, chunked) => {
          await exchange({ path: `/api/${call}`, body, window: who, contentType, chunked });
        },
      ),
      { numRuns: 400 },
    );
    await stillAnswers();
  }, 60_000);

  it('answers odd call names, methods, tokens, client keys and hosts with the right 4xx', async () => {
    const token = fc.oneof(
      { arbitrary: fc.constant(undefined), weight: 6 },
      fc.constantFrom<{ value: string | undefined }>(
        { value: undefined },
        { value: '' },
        { value: 'kort' },
        { value: 'x'.repeat(43) },
        { value: `${'x'.repeat(5000)}` },
      ),
      fc
        .string({ minLength: 1, maxLength: 60, unit: 'grapheme-ascii' })
        .map((value) => ({ value: value.trim() || 'x' })),
    );
    const clientKey = fc.oneof(
      { arbitrary: anyWindow, weight: 6 },
      fc.constantFrom<{ key: string | undefined }>(
        { key: undefined },
        { key: '' },
        { key: 'kort' },
        { key: 'x'.repeat(65) },
        { key: '../../etc/passwd' },
        { key: '__proto__-__proto__' },
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof({ arbitrary: realCall, weight: 2 }, oddCallName),
        fc.oneof(
          { arbitrary: fc.constant('POST'), weight: 8 },
          fc.constantFrom('GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'TRACE'),
        ),
        token,
        clientKey,
        fc.oneof(
          { arbitrary: fc.constant(undefined), weight: 10 },
          fc.constantFrom('evil.example', 'localhost:1', '127.0.0.1', `127.0.0.1.nip.io:${host.port}`),
        ),
        fc.oneof(fc.constant('{}'), oddBody),
        async (name, method, tokenValue, who, hostHeader, body) => {
          const req: Request = { path: `/api/${name}`, method, window: who, body };
          if (tokenValue) req.token = tokenValue;
          if (hostHeader !== undefined) req.hostHeader = hostHeader;
          await exchange(req);
        },
      ),
      { numRuns: 300 },
    );
    await stillAnswers();
  }, 60_000);

  it('refuses a body that says it is something other than JSON with 415, even when it is JSON', async () => {
    for (const contentType of [
      'text/plain;charset=UTF-8',
      'application/x-www-form-urlencoded',
      'multipart/form-data',
    ]) {
      const r = await exchange({
        path: '/api/persons.list',
        body: '{}',
        window: 'projectleider',
        contentType,
      });
      expect(r.status).toBe(415);
      expect(r.json).toMatchObject({
        ok: false,
        error: {
          code: 'invalid_input',
          message: 'Ongeldige aanvraag: de inhoud moet JSON zijn (application/json).',
        },
      });
    }
    // No content type at all is a call without a body; a charset or capitals do not matter.
    for (const contentType of [undefined, 'Application/JSON; charset=utf-8']) {
      const r = await exchange({
        path: '/api/persons.list',
        body: '{}',
        window: 'projectleider',
        contentType,
      });
      expect(r.status).toBe(200);
    }
  });

  it('refuses a body over the default limit with 413, announced or streamed, and stores nothing', async () => {
    const big = await startBrowserHost({
      dispatcher: h.core.dispatcher,
      staticDir: path.join(root, 'static'),
    });
    try {
      const key = randomUUID();
      await h.ok(`http:${key}`, 'auth.login', { username: 'projectleider', password });
      const body = `{"search":"${'x'.repeat(2 * 1024 * 1024)}"}`;
      for (const chunked of [false, true]) {
        const headers: http.OutgoingHttpHeaders = {
          [tokenHeader]: big.token,
          [clientHeader]: key,
          'content-type': 'application/json',
          ...(chunked ? { 'transfer-encoding': 'chunked' } : { 'content-length': Buffer.byteLength(body) }),
        };
        const reply = await new Promise<{ status: number; json: unknown }>((resolve, reject) => {
          const request = http.request(
            {
              host: '127.0.0.1',
              port: big.port,
              path: '/api/persons.create',
              method: 'POST',
              headers,
              agent: false,
            },
            (res) => {
              const chunks: Buffer[] = [];
              res.on('data', (c: Buffer) => chunks.push(c));
              res.on('end', () =>
                resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString()) }),
              );
            },
          );
          request.on('error', reject);
          request.end(body);
        });
        expect(reply.status).toBe(413);
        expect(reply.json).toMatchObject({
          ok: false,
          error: { code: 'invalid_input', message: 'De aanvraag is te groot.' },
        });
      }
      expect(await fingerprint(h.core.store.db)).toEqual(before);
    } finally {
      await big.close();
    }
  });

  it('survives bytes that are no valid HTTP request and keeps answering', async () => {
    const hostLine = `Host: 127.0.0.1:${host.port}`;
    const auth = `${tokenHeader}: ${host.token}\r\n${clientHeader}: ${windows.projectleider}`;
    const payloads = [
      'GARBAGE\r\n\r\n',
      '\u0000\u0001\u0002\r\n\r\n',
      `POST /api/settings.status HTTP/1.1\r\n${hostLine}\r\nContent-Length: -1\r\n\r\n`,
      `POST /api/settings.status HTTP/1.1\r\n${hostLine}\r\nContent-Length: abc\r\n\r\n`,
      `POST /api/persons.create HTTP/1.1\r\n${hostLine}\r\n${auth}\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`,
      `POST /api/persons.create HTTP/1.1\r\n${hostLine}\r\n${auth}\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`,
      `POST /api/persons.create HTTP/1.1\r\n${hostLine}\r\n${auth}\r\nContent-Length: 100\r\n\r\n{"voornaam":`,
      `POST /api/settings.status HTTP/1.1\r\n${hostLine}\r\nX-Lang: ${'a'.repeat(20_000)}\r\n\r\n`,
      `POST /api/settings.status HTTP/1.1\r\n${hostLine}\r\nX-Nul: a\u0000b\r\n\r\n`,
      `GET /../../../../etc/passwd HTTP/1.1\r\n${hostLine}\r\n\r\n`,
      `GET /..%2f..%2fsecret.txt HTTP/1.1\r\n${hostLine}\r\n\r\n`,
      `POST http://evil.example/api/settings.status HTTP/1.1\r\n${hostLine}\r\n${auth}\r\nContent-Length: 2\r\n\r\n{}`,
      'POST /api/settings.status HTTP/1.0\r\n\r\n',
      `POST /api/settings.status HTTP/9.9\r\n${hostLine}\r\n\r\n`,
    ];
    for (const payload of payloads) {
      const answer = await new Promise<string>((resolve) => {
        const socket = net.connect(host.port, '127.0.0.1');
        const chunks: Buffer[] = [];
        socket.on('data', (c: Buffer) => chunks.push(c));
        socket.on('error', () => resolve(Buffer.concat(chunks).toString('latin1')));
        socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
        socket.setTimeout(1000, () => socket.destroy());
        socket.end(payload, 'latin1');
      });
      // No answer (the connection closed) or a status line without a 5xx, and never the file beside the folder.
      if (answer !== '') expect(answer, payload.slice(0, 80)).toMatch(/^HTTP\/1\.[01] [1-4]\d\d /);
      expect(answer).not.toContain(secret);
      expect(answer).not.toContain('root:');
    }
    expect(await fingerprint(h.core.store.db)).toEqual(before);
    await stillAnswers();
  });
});
