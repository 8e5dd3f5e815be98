import { createHash } from 'node:crypto';
import https from 'node:https';
import net from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SessionAccount } from '../../shared/roles.ts';
import {
  type PullResponse,
  type PushedCommand,
  protocolHeader,
  syncProtocolVersion,
  userTokenHeader,
} from '../../shared/sync.ts';
import { errorProblem, fingerprint } from '../../test/support/fuzz.ts';
import { type Harness, harness, password } from '../../test/support/harness.ts';
import { forgetFailedGuesses } from '../../test/support/sync-server.ts';
import { clientRefusals, type DeskCredentials, serverClient } from '../core/sync/server-client.ts';
import { serverCertificate } from './certificate.ts';
import type { ServerLimits } from './https-server.ts';
import { type RunningSchakelServer, startSchakelServer } from './start-server.ts';
import { bodyLimits, type SyncServices, selfRevokeMessage } from './sync-routes.ts';

/** Short limits so the tests of slow clients take a second or two; the defaults are a few seconds. */
const limits: Partial<ServerLimits> = {
  handshakeMs: 800,
  headersMs: 800,
  requestMs: 1_500,
  keepAliveMs: 800,
  idleSocketMs: 3_000,
  checkIntervalMs: 200,
  maxConnections: 8,
};

const storedBlob = Buffer.from('bon van de trein');
const storedBlobHash = createHash('sha256').update(storedBlob).digest('hex');

/** What the pull service answers instead of an empty feed, for a test of the client's checks. */
let pullAnswer: PullResponse | undefined;

/** The simplest real services: every pushed command applied, an empty change feed, one stored blob. */
const pushedBy: { account: string; device: string; ids: string[] }[] = [];
const services: SyncServices = {
  push: async (account: SessionAccount, deviceId: string, commands: PushedCommand[]) => {
    pushedBy.push({ account: account.username, device: deviceId, ids: commands.map((c) => c.id) });
    return {
      results: commands.map((c) => ({ id: c.id, outcome: 'toegepast', message: null, details: null })),
    };
  },
  pull: async (_account, since) => pullAnswer ?? { cursor: since, tables: [], more: false },
  blob: async (_account, sha256) => (sha256 === storedBlobHash ? storedBlob : null),
  // As the server's core does it: the beheerder's calls about the desks through the dispatcher, as that account.
  beheer: (account, call, input) => h.core.dispatcher.dispatchAs(account, call, input),
};

let h: Harness;
let server: RunningSchakelServer;
let clock = new Date('2026-11-25T10:00:00.000Z');
const url = () => `https://127.0.0.1:${server.port}`;
const client = () => serverClient({ url: url(), fingerprint: server.fingerprint }, { timeoutMs: 5_000 });

async function start(dataDir: string, extra: Partial<ServerLimits> = {}, port?: number) {
  return startSchakelServer({
    dataDir,
    db: h.core.store.db,
    services,
    host: '127.0.0.1',
    ...(port === undefined ? {} : { port }),
    clock: () => clock,
    limits: { ...limits, ...extra },
  });
}

beforeAll(async () => {
  // The server's store: the beheerder's calls about the desks run here only on PostgreSQL (a desk asks the server).
  h = await harness(clock.toISOString(), 'postgres');
  await h.withTeam();
  server = await start(path.join(h.dir, 'server'));
});
beforeEach(() => forgetFailedGuesses(h.core.store.db));
afterAll(async () => {
  await server.close();
  await h.close();
});

async function pairedDesk(naam = 'Laptop Fatima'): Promise<DeskCredentials> {
  const { code } = await h.ok('beheer', 'sync.pairingCode', {});
  const paired = await client().pair({ code, naam });
  if (!paired.ok) throw new Error(paired.error.message);
  return { deviceId: paired.value.deviceId, deviceKey: paired.value.deviceKey };
}

async function signedIn(desk: DeskCredentials, username = 'administrateur'): Promise<DeskCredentials> {
  const session = await client().signIn(desk, { username, password });
  if (!session.ok) throw new Error(session.error.message);
  return { ...desk, userToken: session.value.token };
}

interface Reply {
  status: number;
  json: { ok: boolean; value?: unknown; error?: { code: string; message: string } };
}

/** A request as any client may send it: no pinning, any headers, any body. */
function rawBytes(
  port: number,
  method: string,
  target: string,
  options: { headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: target,
        rejectUnauthorized: false,
        headers: { [protocolHeader]: String(syncProtocolVersion), ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

async function raw(
  method: string,
  target: string,
  options: { headers?: Record<string, string>; body?: string | Buffer } = {},
  port = server.port,
): Promise<Reply> {
  const reply = await rawBytes(port, method, target, options);
  return { status: reply.status, json: JSON.parse(reply.body.toString('utf8')) };
}

const deviceHeader = (desk: DeskCredentials) => `Schakel-Device ${desk.deviceId}.${desk.deviceKey}`;

function expectRefused(reply: Reply, status: number, code: string, message?: string | RegExp) {
  expect(reply.status).toBe(status);
  expect(reply.json.ok).toBe(false);
  expect(reply.json.error?.code).toBe(code);
  if (message !== undefined) expect(reply.json.error?.message).toMatch(message);
  expect(errorProblem(reply.json.error as { code: string; message: string })).toBeNull();
}

describe('the Schakel server over real TLS', () => {
  it('pairs a desk, signs a user in and carries pushes and pulls to the services, as that account', async () => {
    const desk = await signedIn(await pairedDesk());
    const command = {
      id: '019abcde-0000-7000-8000-000000000001',
      call: 'claims.approve',
      input: { id: '019abcde-0000-7000-8000-000000000002', version: 1 },
      now: clock.toISOString(),
      ids: [],
    };
    const pushed = await client().push(desk, [command]);
    expect(pushed).toEqual({
      ok: true,
      value: { results: [{ id: command.id, outcome: 'toegepast', message: null, details: null }] },
    });
    expect(pushedBy.at(-1)).toEqual({ account: 'administrateur', device: desk.deviceId, ids: [command.id] });
    expect(await client().pull(desk, 7)).toEqual({ ok: true, value: { cursor: 7, tables: [], more: false } });

    const devices = await h.ok('beheer', 'sync.devices', {});
    expect(devices.find((d) => d.id === desk.deviceId)).toMatchObject({
      naam: 'Laptop Fatima',
      revokedAt: null,
    });
  });

  it('runs the beheerder’s calls about the desks as the signed-in account, and only those three', async () => {
    const desk = await signedIn(await pairedDesk('Kantoor'), 'bea');
    const lost = await signedIn(await pairedDesk('Laptop die zoekraakt'));
    const devices = await client().beheer(desk, 'sync.devices', {});
    if (!devices.ok) throw new Error(devices.error.message);
    const listed = devices.value.find((d) => d.id === lost.deviceId);
    expect(listed).toMatchObject({ naam: 'Laptop die zoekraakt', pairedBy: 'Bea Beheer', revokedAt: null });
    expect(listed?.lastContactAt).toBe(clock.toISOString());

    const made = await client().beheer(desk, 'sync.pairingCode', {});
    expect(made.ok ? made.value.expiresAt : made.error.message).toBe('2026-11-25T10:15:00.000Z');
    expect((await client().pair({ code: made.ok ? made.value.code : '', naam: 'Nieuw' })).ok).toBe(true);

    // A desk does not revoke itself: its copy would be wiped under the beheerder's hands.
    const self = await client().beheer(desk, 'sync.revokeDevice', { id: desk.deviceId, version: 1 });
    expect(self).toEqual({ ok: false, error: { code: 'invalid_input', message: selfRevokeMessage } });
    // Another role on a desk is refused by the server's dispatcher, whatever the desk let through.
    const byOther = await client().beheer(lost, 'sync.revokeDevice', { id: desk.deviceId, version: 1 });
    expect(byOther).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const revoked = await client().beheer(desk, 'sync.revokeDevice', {
      id: lost.deviceId,
      version: listed?.version ?? 0,
    });
    expect(revoked).toEqual({ ok: true, value: { id: lost.deviceId, version: (listed?.version ?? 0) + 1 } });
    expect((await client().pull(lost, 0)).ok ? null : 'refused').toBe('refused');

    const headers = { authorization: deviceHeader(desk), [userTokenHeader]: desk.userToken ?? '' };
    const ask = (body: unknown, extra: Record<string, string> = headers) =>
      raw('POST', '/sync/beheer', { headers: extra, body: JSON.stringify(body) });
    for (const call of ['persons.list', 'sync.connect', 'accounts.create', 'sync.importRows'])
      expectRefused(await ask({ call, input: {} }), 400, 'invalid_input');
    expectRefused(await ask({ call: 'sync.devices' }), 400, 'invalid_input');
    expectRefused(
      await ask({ call: 'sync.devices', input: {} }, { authorization: deviceHeader(desk) }),
      401,
      'unauthenticated',
    );
    const padded = { call: 'sync.devices', input: { x: 'x'.repeat(bodyLimits.beheer) } };
    expectRefused(await ask(padded), 413, 'invalid_input', 'De aanvraag is te groot.');
    // The dispatcher checks the input too: an unknown field, in Dutch.
    expectRefused(await ask({ call: 'sync.devices', input: { x: 1 } }), 400, 'invalid_input');
  });

  it('hands the desk pulled tables whose rows fit their columns, and refuses an answer with any row that does not', async () => {
    const desk = await signedIn(await pairedDesk());
    const columns = ['id', 'voornaam', 'notities', 'version'];
    const table = (rows: unknown[][], names = columns) => ({
      table: 'persons',
      columns: names,
      rows,
      dropped: [],
    });
    try {
      pullAnswer = {
        cursor: 9,
        tables: [
          {
            table: 'persons',
            columns,
            rows: [['p1', 'Şükrü', null, 2]],
            dropped: ['p2'],
          },
          {
            table: 'receipts',
            columns: ['id', 'bytes'],
            rows: [['r1', { $blob: storedBlobHash, size: storedBlob.length }]],
            dropped: [],
          },
        ],
        more: false,
      };
      expect(await client().pull(desk, 7)).toEqual({ ok: true, value: pullAnswer });
      const wrongs = [
        // Not an array, one value short or over, no text for an id.
        table([{ id: 'p1' } as unknown as unknown[]]),
        table([['p1', 'Şükrü', null]]),
        table([['p1', 'Şükrü', null, 2, 'over']]),
        table([[1, 'Şükrü', null, 2]]),
        table([['p'.repeat(81), 'Şükrü', null, 2]]),
        // A value no column holds: an object or array, bytes not so marked, bytes themselves (a pull names files).
        table([['p1', { voornaam: 'Şükrü' }, null, 2]]),
        table([['p1', ['Şükrü'], null, 2]]),
        table([['p1', 'Şükrü', { type: 'Buffer', data: [1] }, 2]]),
        table([['p1', 'Şükrü', { $bytes: 'AAE=' }, 2]]),
        table([['p1', 'Şükrü', { $blob: 'x'.repeat(64), size: 1 }, 2]]),
        // No id column, or a column twice.
        table([['Şükrü', null, 2]], ['voornaam', 'notities', 'version']),
        table([['p1', 'Şükrü', 'Ş', 2]], ['id', 'voornaam', 'voornaam', 'version']),
      ];
      for (const wrong of wrongs) {
        pullAnswer = { cursor: 9, tables: [wrong as never], more: false };
        expect(await client().pull(desk, 7), JSON.stringify(wrong.rows)).toEqual({
          ok: false,
          error: { code: 'unavailable', message: clientRefusals.badAnswer },
        });
      }
    } finally {
      pullAnswer = undefined;
    }
  });

  it('serves a blob by its hash to a signed-in desk, 404 for one it does not have', async () => {
    const desk = await signedIn(await pairedDesk());
    const headers = { authorization: deviceHeader(desk), [userTokenHeader]: desk.userToken ?? '' };
    const found = await rawBytes(server.port, 'GET', `/sync/blob/${storedBlobHash}`, { headers });
    expect(found).toEqual({ status: 200, body: storedBlob });
    expectRefused(await raw('GET', `/sync/blob/${'0'.repeat(64)}`, { headers }), 404, 'not_found');
    expectRefused(await raw('GET', '/sync/blob/../../etc', { headers }), 404, 'not_found');
    expectRefused(await raw('GET', '/sync/blob/ABC', { headers }), 400, 'invalid_input');
    // The desk's client: the content over the pinned connection, the server's refusal as it said it.
    expect(await client().blob(desk, storedBlobHash)).toEqual({ ok: true, value: storedBlob });
    const missing = await client().blob(desk, '0'.repeat(64));
    expect(missing.ok ? null : missing.error.code).toBe('not_found');
    // Larger than the desk accepts: refused, not gathered without end.
    const small = serverClient({ url: url(), fingerprint: server.fingerprint }, { maxResponseBytes: 4 });
    expect(await small.blob(desk, storedBlobHash)).toEqual({
      ok: false,
      error: { code: 'unavailable', message: clientRefusals.badAnswer },
    });
  });

  it('refuses a server whose certificate is not the pinned one, before sending anything', async () => {
    // Another server on the same store, with a certificate of its own: had the desk sent its request, the code
    // would now be used.
    const impostor = await start(path.join(h.dir, 'impostor'));
    try {
      expect(impostor.fingerprint).not.toBe(server.fingerprint);
      const { code } = await h.ok('beheer', 'sync.pairingCode', {});
      const fooled = serverClient({
        url: `https://127.0.0.1:${impostor.port}`,
        fingerprint: server.fingerprint,
      });
      expect(await fooled.pair({ code, naam: 'Laptop' })).toEqual({
        ok: false,
        error: { code: 'unavailable', message: clientRefusals.wrongCertificate },
      });
      // Written with or without colons, in either case, the right fingerprint is the right one.
      const plain = server.fingerprint.replaceAll(':', '').toLowerCase();
      const right = serverClient({ url: url(), fingerprint: plain });
      expect((await right.pair({ code, naam: 'Laptop' })).ok).toBe(true);
    } finally {
      await impostor.close();
    }
  });

  it('checks the pin on every connection: a client that reached its server refuses an impostor at that address later', async () => {
    const first = await start(path.join(h.dir, 'moving'));
    const client = serverClient({ url: `https://127.0.0.1:${first.port}`, fingerprint: first.fingerprint });
    const { code } = await h.ok('beheer', 'sync.pairingCode', {});
    // A wrong code: refused by the server itself, so the connection got through.
    expect(await client.pair({ code: 'AAAA-BBBB-CCCC', naam: 'Laptop' })).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
    await first.close();
    const impostor = await start(path.join(h.dir, 'impostor-later'), {}, first.port);
    try {
      expect(await client.pair({ code, naam: 'Laptop' })).toEqual({
        ok: false,
        error: { code: 'unavailable', message: clientRefusals.wrongCertificate },
      });
    } finally {
      await impostor.close();
    }
  });

  it('keeps its self-signed certificate across starts, and uses the organisation’s own when given', async () => {
    const again = await serverCertificate(path.join(h.dir, 'server'));
    expect(again.fingerprint).toBe(server.fingerprint);
    expect(server.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const own = await startSchakelServer({
      dataDir: path.join(h.dir, 'elsewhere'),
      certificateFiles: {
        keyFile: path.join(h.dir, 'server', 'tls', 'server-key.pem'),
        certFile: path.join(h.dir, 'server', 'tls', 'server-cert.pem'),
      },
      db: h.core.store.db,
      services,
      host: '127.0.0.1',
    });
    await own.close();
    expect(own.fingerprint).toBe(server.fingerprint);
  });
});

describe('refusals', () => {
  it('refuses a wrong, expired or used pairing code in Dutch', async () => {
    const pair = (code: string) =>
      raw('POST', '/sync/pair', { body: JSON.stringify({ code, naam: 'Laptop' }) });
    expectRefused(await pair('ABCD-EFGH-JKMN'), 401, 'unauthenticated', /^Deze koppelcode klopt niet/);
    const { code } = await h.ok('beheer', 'sync.pairingCode', {});
    // Time moves on for the server and the beheerder alike, and stays there (the throttle keeps real order).
    clock = new Date('2026-11-25T10:20:00.000Z');
    h.setNow(clock.toISOString());
    expectRefused(await pair(code), 401, 'unauthenticated', /is verlopen/);
    const fresh = await h.ok('beheer', 'sync.pairingCode', {});
    expect((await pair(fresh.code)).status).toBe(200);
    expectRefused(await pair(fresh.code), 401, 'unauthenticated', /al gebruikt/);
  });

  it('slows down pairing after repeated wrong codes, on every server process of the database', async () => {
    // A second server process on the same database: the guesses it counted hold at the first one too.
    const other = await start(path.join(h.dir, 'server'));
    try {
      const pair = (code: string, port?: number) =>
        raw('POST', '/sync/pair', { body: JSON.stringify({ code, naam: 'Laptop' }) }, port);
      for (const guess of ['AAAA-AAAA-AAAA', 'BBBB-BBBB-BBBB', 'CCCC-CCCC-CCCC']) {
        expect((await pair(guess, other.port)).status).toBe(401);
      }
      const { code } = await h.ok('beheer', 'sync.pairingCode', {});
      expectRefused(await pair(code), 429, 'rate_limited', /^Te veel mislukte pogingen/);
      // Once the wait (two seconds) has passed, the right code pairs, wherever it is sent.
      clock = new Date(clock.getTime() + 2000);
      h.setNow(clock.toISOString());
      expect((await pair(code, other.port)).status).toBe(200);
    } finally {
      await other.close();
    }
  });

  it('refuses a missing, wrong or revoked device key, and a missing or foreign user token', async () => {
    const desk = await signedIn(await pairedDesk('Laptop die kwijtraakt'));
    const body = JSON.stringify({ since: 0 });
    const pull = (headers: Record<string, string>) => raw('POST', '/sync/pull', { headers, body });
    const token = { [userTokenHeader]: desk.userToken ?? '' };
    expectRefused(await pull(token), 401, 'unauthenticated', /niet \(meer\) gekoppeld/);
    const wrongKey = `Schakel-Device ${desk.deviceId}.${'B'.repeat(43)}`;
    expectRefused(await pull({ ...token, authorization: wrongKey }), 401, 'unauthenticated');
    expectRefused(await pull({ authorization: deviceHeader(desk) }), 401, 'unauthenticated', /aangemeld/);
    const other = await signedIn(await pairedDesk('Andere laptop'));
    const foreign = { authorization: deviceHeader(desk), [userTokenHeader]: other.userToken ?? '' };
    expectRefused(await pull(foreign), 401, 'unauthenticated');
    expect((await pull({ ...token, authorization: deviceHeader(desk) })).status).toBe(200);

    const [listed] = (await h.ok('beheer', 'sync.devices', {})).filter((d) => d.id === desk.deviceId);
    await h.ok('beheer', 'sync.revokeDevice', { id: desk.deviceId, version: listed?.version ?? 0 });
    expectRefused(
      await pull({ ...token, authorization: deviceHeader(desk) }),
      403,
      'device_revoked',
      /ingetrokken/,
    );
    expect(await client().signIn(desk, { username: 'bea', password })).toMatchObject({
      ok: false,
      error: { code: 'device_revoked' },
    });
  });

  it('refuses another protocol version, an unknown route and a wrong method', async () => {
    const noVersion = await raw('POST', '/sync/pair', { headers: { [protocolHeader]: '0' }, body: '{}' });
    expectRefused(noVersion, 400, 'protocol_mismatch', /andere versie van Schakel/);
    expectRefused(await raw('POST', '/api/persons.list', { body: '{}' }), 404, 'not_found');
    expectRefused(await raw('GET', '/sync/pull'), 405, 'invalid_input', /Alleen POST/);
  });

  it('refuses hostile bodies with a 4xx and a Dutch message, and writes nothing', async () => {
    const desk = await signedIn(await pairedDesk());
    const headers = { authorization: deviceHeader(desk), [userTokenHeader]: desk.userToken ?? '' };
    const before = await fingerprint(h.core.store.db);
    const cases: [string, string | Buffer, Record<string, string>?][] = [
      ['/sync/pair', 'geen json'],
      ['/sync/pair', '{"code": "ABCD-EFGH-JKMN"'],
      ['/sync/pair', '[]'],
      ['/sync/pair', 'null'],
      ['/sync/pair', JSON.stringify({ code: 'ABCD-EFGH-JKMN', naam: 'x', extra: 1 })],
      ['/sync/pair', JSON.stringify({ code: 12, naam: 'x' })],
      ['/sync/pair', JSON.stringify({ code: 'ABCD-EFGH-JKMN', naam: '' })],
      ['/sync/pair', '{"__proto__": {"polluted": "ja"}, "code": "ABCD-EFGH-JKMN", "naam": "x"}'],
      ['/sync/pair', JSON.stringify({ code: 'ABCD-EFGH-JKMN', naam: 'x' }), { 'content-type': 'text/plain' }],
      ['/sync/login', JSON.stringify({ username: 'bea' }), headers],
      ['/sync/login', Buffer.from([0xff, 0xfe, 0x00]), headers],
      ['/sync/pull', JSON.stringify({ since: -1 }), headers],
      ['/sync/pull', JSON.stringify({ since: 1.5 }), headers],
      ['/sync/pull', JSON.stringify({ since: 0, limit: 1_000_000 }), headers],
      ['/sync/pull', JSON.stringify({ since: '0' }), headers],
      ['/sync/push', JSON.stringify({ commands: [] }), headers],
      ['/sync/push', JSON.stringify({ commands: [{ id: 'x', call: 'claims.approve' }] }), headers],
      ['/sync/push', JSON.stringify({ commands: 'alles' }), headers],
    ];
    for (const [target, body, extra] of cases) {
      const reply = await raw('POST', target, { headers: extra ?? {}, body });
      expect(reply.status, `${target} ${String(body)}`).toBeGreaterThanOrEqual(400);
      expect(reply.status).toBeLessThan(500);
      expect(reply.json.ok).toBe(false);
      expect(errorProblem(reply.json.error as { code: string; message: string })).toBeNull();
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await fingerprint(h.core.store.db)).toEqual(before);
  });

  it('caps the body per route: announced or streamed, refused with 413', async () => {
    const big = JSON.stringify({ code: 'ABCD-EFGH-JKMN', naam: 'x'.repeat(4_000) });
    expectRefused(
      await raw('POST', '/sync/pair', { body: big }),
      413,
      'invalid_input',
      'De aanvraag is te groot.',
    );
    const streamed = await new Promise<number>((resolve, reject) => {
      const req = https.request(
        {
          host: '127.0.0.1',
          port: server.port,
          method: 'POST',
          path: '/sync/pair',
          rejectUnauthorized: false,
          headers: { [protocolHeader]: String(syncProtocolVersion), 'transfer-encoding': 'chunked' },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      // The server closes the connection after its answer; writing on meanwhile may fail, which is expected.
      req.on('error', () => undefined);
      const chunk = 'x'.repeat(1_024);
      let sent = 0;
      const more = () => {
        if (sent++ < 64) req.write(chunk, () => setTimeout(more, 5));
        else req.end();
      };
      more();
      setTimeout(() => reject(new Error('no answer')), 5_000);
    });
    expect(streamed).toBe(413);
  });
});

describe('slow and silent clients', () => {
  /** Resolves with the milliseconds until the server closed the connection. */
  function closedAfter(socket: net.Socket): Promise<number> {
    const started = performance.now();
    return new Promise((resolve) => {
      socket.on('error', () => undefined);
      // Read what the server sends (its 408), or the socket never sees the end of the connection.
      socket.resume();
      socket.on('close', () => resolve(performance.now() - started));
    });
  }
  const tlsConnect = () =>
    new Promise<tls.TLSSocket>((resolve, reject) => {
      const socket = tls.connect({ host: '127.0.0.1', port: server.port, rejectUnauthorized: false }, () =>
        resolve(socket),
      );
      socket.once('error', reject);
    });

  it('cuts off a client that sends half a header and then nothing', async () => {
    const socket = await tlsConnect();
    socket.write('POST /sync/pull HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: appl');
    const ms = await closedAfter(socket);
    expect(ms).toBeLessThan(2_500);
  });

  it('cuts off a client that dribbles its body forever', async () => {
    const socket = await tlsConnect();
    socket.write(
      `POST /sync/pair HTTP/1.1\r\nHost: 127.0.0.1\r\n${protocolHeader}: ${syncProtocolVersion}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{`,
    );
    const dribble = setInterval(() => socket.writable && socket.write(' '), 100);
    const ms = await closedAfter(socket);
    clearInterval(dribble);
    expect(ms).toBeLessThan(3_000);
  });

  it('cuts off a connection that never finishes its TLS handshake', async () => {
    const socket = net.connect({ host: '127.0.0.1', port: server.port });
    await new Promise((resolve) => socket.once('connect', resolve));
    expect(await closedAfter(socket)).toBeLessThan(2_500);
  });

  it('serves no more connections than its cap at once', async () => {
    const held = await Promise.all(Array.from({ length: 8 }, tlsConnect));
    const extra = net.connect({ host: '127.0.0.1', port: server.port });
    expect(await closedAfter(extra)).toBeLessThan(500);
    for (const socket of held) socket.destroy();
  });
});
