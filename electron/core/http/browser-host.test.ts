import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../../shared/result.ts';
import { clientHeader, contentSecurityPolicy, tokenHeader } from '../../../shared/security.ts';
import { type Harness, harness, password, personInput } from '../../../test/support/harness.ts';
import { type BrowserHost, plainCallPath, requestPath, startBrowserHost } from './browser-host.ts';

const indexHtml = '<!doctype html><title>Schakel</title><div id="root"></div>';
const appJs = 'console.log("schakel");';
const secret = 'GEHEIM-buiten-de-map';
const setup = { organisatieNaam: 'W', displayName: 'B', username: 'bea', password, role: 'administrateur' };
const badToken =
  'Ongeldige of ontbrekende sleutel. Open Schakel via de link die bij het starten werd getoond.';

let h: Harness;
let root: string;
let host: BrowserHost;
const hosts: BrowserHost[] = [];

async function start(options: { maxBodyBytes?: number } = {}) {
  const staticDir = path.join(root, 'static');
  const started = await startBrowserHost({ dispatcher: h.core.dispatcher, staticDir, ...options });
  hosts.push(started);
  return started;
}

beforeEach(async () => {
  h = await harness();
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-host-'));
  // A file beside (not inside) the static folder: what a path traversal would be after.
  fs.writeFileSync(path.join(root, 'secret.txt'), secret);
  fs.mkdirSync(path.join(root, 'static', 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'static', 'index.html'), indexHtml);
  fs.writeFileSync(path.join(root, 'static', 'assets', 'app.js'), appJs);
  host = await start();
});

afterEach(async () => {
  for (const started of hosts.splice(0)) await started.close();
  await h.close();
  fs.rmSync(root, { recursive: true, force: true });
});

/** Token and a fresh client key for `on`: a browser window that has not logged in. */
function client(on = host): Record<string, string> {
  return { [tokenHeader]: on.token, [clientHeader]: randomUUID() };
}

async function post(name: string, body: unknown, headers = client(), on = host) {
  const res = await fetch(`http://127.0.0.1:${on.port}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, json: (await res.json()) as unknown } satisfies Reply;
}

/** Logs `username` in over HTTP with a client key of its own; returns the headers of that window. */
async function login(username: string, on = host) {
  const headers = client(on);
  expect((await post('auth.login', { username, password }, headers, on)).status).toBe(200);
  return headers;
}

type Reply = { status: number; headers: Headers | http.IncomingHttpHeaders; json: unknown };
type RawOptions = { method?: string; headers?: http.OutgoingHttpHeaders; body?: string; on?: BrowserHost };

/** node:http instead of fetch: sends the Host header and the path exactly as given. */
function raw(pathname: string, { method = 'GET', headers = {}, body, on = host }: RawOptions = {}) {
  return new Promise<Reply & { text: string }>((resolve, reject) => {
    const options = { host: '127.0.0.1', port: on.port, path: pathname, method, headers };
    const req = http.request(options, (res) => {
      const chunks: string[] = [];
      res.setEncoding('utf8').on('data', (chunk: string) => chunks.push(chunk));
      res.on('end', () => {
        const text = chunks.join('');
        const json: unknown = text.startsWith('{') ? JSON.parse(text) : null;
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    req.setTimeout(3000, () => req.destroy(new Error(`geen antwoord op ${pathname}`)));
    req.end(body);
  });
}

function expectRefused(r: Reply, status: number, code: ErrorCode, message: string | RegExp) {
  expect(r.status).toBe(status);
  const text = typeof message === 'string' ? message : expect.stringMatching(message);
  expect(r.json).toMatchObject({ ok: false, error: { code, message: text } });
}

async function count(table: 'audit_log' | 'persons' | 'accounts' | 'claims') {
  const r = await h.core.store.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

describe('browser host: API', () => {
  it('refuses a missing or wrong token with 401 and writes nothing', async () => {
    const sameLength = `${host.token.startsWith('A') ? 'B' : 'A'}${host.token.slice(1)}`;
    for (const token of [undefined, sameLength, 'kort', `${host.token}x`]) {
      const headers = { [clientHeader]: randomUUID(), ...(token ? { [tokenHeader]: token } : {}) };
      for (const [name, body] of Object.entries({ 'settings.status': {}, 'auth.setup': setup })) {
        expectRefused(await post(name, body, headers), 401, 'unauthenticated', badToken);
      }
    }
    expect(await count('accounts')).toBe(0);
    expect(await count('audit_log')).toBe(0);
    // The same setup with the right token does go through: the token was all that stopped it.
    expect((await post('auth.setup', setup)).status).toBe(200);
    expect(await count('accounts')).toBe(1);
  });

  it('takes the token only from its header: not from a cookie, the query string or an Authorization header', async () => {
    const body = JSON.stringify(setup);
    const json = { 'content-type': 'application/json', [clientHeader]: randomUUID() };
    const attempts: [string, http.OutgoingHttpHeaders][] = [
      ['/api/auth.setup', { ...json, cookie: `${tokenHeader}=${host.token}; token=${host.token}` }],
      [`/api/auth.setup?token=${host.token}&${tokenHeader}=${host.token}`, json],
      ['/api/auth.setup', { ...json, authorization: `Bearer ${host.token}` }],
    ];
    for (const [pathname, headers] of attempts) {
      expectRefused(await raw(pathname, { method: 'POST', headers, body }), 401, 'unauthenticated', badToken);
    }
    expect(await count('accounts')).toBe(0);
    // The fragment that carries the token in the printed address never reaches the server at all.
    expect(host.url).toMatch(/\/#token=/);
  });

  it('limits login attempts: one window trying name after name, and many windows at once (429)', async () => {
    await h.withTeam();
    const wrong = (username: string) => ({ username, password: 'verkeerd wachtwoord' });
    const tooMany = /^Te veel mislukte pogingen\. Probeer het over \d+ (seconden|minuten) opnieuw\.$/;

    // One window: the names differ, the window is the same.
    const window = client();
    for (const username of ['anna', 'bert', 'cor']) {
      expect((await post('auth.login', wrong(username), window)).status).toBe(401);
    }
    expectRefused(
      await post('auth.login', { username: 'begeleider', password }, window),
      429,
      'rate_limited',
      tooMany,
    );

    // A caller that makes up a new client key for every request, all at the same time: twenty guesses in ten
    // minutes get an answer (three have been used above), the rest are refused before any password is checked.
    const burst = await Promise.all(
      Array.from({ length: 25 }, (_, i) => post('auth.login', wrong(`naam-${i}`), client())),
    );
    expect(burst.filter((r) => r.status === 401)).toHaveLength(17);
    const refused = burst.filter((r) => r.status === 429);
    expect(refused).toHaveLength(8);
    for (const r of refused) expectRefused(r, 429, 'rate_limited', tooMany);
    // Until the oldest guesses age out, even the right password waits.
    expectRefused(
      await post('auth.login', { username: 'begeleider', password }),
      429,
      'rate_limited',
      tooMany,
    );
    h.setNow('2026-11-25T10:10:01.000Z');
    expect((await post('auth.login', { username: 'begeleider', password })).status).toBe(200);
  });

  it('answers settings.status with 200 for the right token and a client key', async () => {
    const r = await post('settings.status', {});
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ ok: true });
    expect(r.headers.get('cache-control')).toBe('no-store');
  });

  it('refuses a Host header other than loopback with 421, for the API and for files', async () => {
    for (const name of ['evil.example:1234', 'evil.example', `127.0.0.1.nip.io:${host.port}`]) {
      const headers = { ...client(), host: name, 'content-type': 'application/json' };
      const body = JSON.stringify(setup);
      const api = await raw('/api/auth.setup', { method: 'POST', headers, body });
      expectRefused(api, 421, 'forbidden', 'Onbekende host: Schakel is alleen bereikbaar via 127.0.0.1.');
      for (const file of ['/', '/assets/app.js']) {
        const page = await raw(file, { headers: { host: name } });
        expect(page.status).toBe(421);
        expect(page.text).not.toContain(indexHtml);
        expect(page.text).not.toContain(appJs);
      }
    }
    expect(await count('accounts')).toBe(0);
    expect(await count('audit_log')).toBe(0);
  });

  it('accepts localhost and 127.0.0.1 with the port as Host', async () => {
    for (const name of [`localhost:${host.port}`, `127.0.0.1:${host.port}`]) {
      const api = await raw('/api/settings.status', { method: 'POST', headers: { ...client(), host: name } });
      expect(api.status).toBe(200);
      expect(await raw('/', { headers: { host: name } })).toMatchObject({ status: 200, text: indexHtml });
    }
  });

  it('refuses a body that is not JSON with 400 and stores nothing', async () => {
    await h.withTeam();
    const audits = await count('audit_log');
    const headers = await login('projectleider');
    for (const body of ['{"voornaam": ', 'tekst', '<persoon/>']) {
      const r = await post('persons.create', body, headers);
      expectRefused(r, 400, 'invalid_input', 'Ongeldige aanvraag: de inhoud is geen JSON.');
    }
    expect(await count('persons')).toBe(0);
    expect(await count('audit_log')).toBe(audits);
  });

  it('refuses a body over the limit with 413, announced or streamed, and stores nothing', async () => {
    await h.withTeam();
    const audits = await count('audit_log');
    const small = await start({ maxBodyBytes: 1024 });
    const headers = await login('projectleider', small);
    // A valid person, only too large: notities may hold 5000 characters.
    const body = JSON.stringify(personInput({ notities: 'x'.repeat(4400) }));
    expect(body.length).toBeGreaterThan(4900);

    const announced = await post('persons.create', body, headers, small);
    expectRefused(announced, 413, 'invalid_input', 'De aanvraag is te groot.');
    const chunked = { ...headers, 'content-type': 'application/json', 'transfer-encoding': 'chunked' };
    const streamed = await raw('/api/persons.create', { on: small, method: 'POST', headers: chunked, body });
    expectRefused(streamed, 413, 'invalid_input', 'De aanvraag is te groot.');

    expect(await count('persons')).toBe(0);
    expect(await count('audit_log')).toBe(audits);
  });

  it('answers an unknown call with 404 unknown_call', async () => {
    expectRefused(await post('persons.drop', {}), 404, 'unknown_call', 'Onbekende opdracht: persons.drop.');
  });

  it('answers a wrong role with 403 "Geen toegang" and stores nothing; the right role may', async () => {
    await h.withTeam();
    const audits = await count('audit_log');
    const denied = await post('persons.create', personInput(), await login('administrateur'));
    expectRefused(denied, 403, 'forbidden', /^Geen toegang/);
    expect(await count('persons')).toBe(0);
    expect(await count('audit_log')).toBe(audits);

    const allowed = await post('persons.create', personInput(), await login('projectleider'));
    expect(allowed.status).toBe(200);
    expect(allowed.json).toMatchObject({ ok: true, value: { version: 1 } });
    expect(await count('persons')).toBe(1);
  });

  it('keeps claims to the administrateur over HTTP: a begeleider or projectleider may not enter or approve one', async () => {
    await h.withTeam();
    const claim = {
      personId: '01900000-0000-7000-8000-000000000001',
      soort: 'ov',
      datum: '2026-01-01',
      omschrijving: 'Trein',
      bedragCents: 500,
      bonnen: [],
    };
    for (const who of ['begeleider', 'projectleider']) {
      const headers = await login(who);
      expectRefused(await post('claims.create', claim, headers), 403, 'forbidden', /^Geen toegang/);
      expectRefused(
        await post('claims.approve', { items: [{ id: claim.personId, version: 1 }] }, headers),
        403,
        'forbidden',
        /^Geen toegang/,
      );
      expectRefused(
        await post('payouts.create', { claimIds: [claim.personId], uitvoerdatum: '2026-01-02' }, headers),
        403,
        'forbidden',
        /^Geen toegang/,
      );
    }
    expect(await count('claims')).toBe(0);
  });

  it('asks a window that has not logged in over HTTP to log in (401)', async () => {
    // The team is logged in on the dispatcher directly; that is not this window.
    await h.withTeam();
    const r = await post('persons.list', {});
    expectRefused(r, 401, 'unauthenticated', 'Je bent niet (meer) ingelogd. Log opnieuw in.');
  });

  it('answers GET on an API call with 405 and Allow: POST', async () => {
    const r = await raw('/api/settings.status', { headers: client() });
    expect(r.headers).toMatchObject({ allow: 'POST' });
    expectRefused(r, 405, 'invalid_input', 'Alleen POST is toegestaan.');
  });

  it('rejects prototype-pollution keys with 400 and stores nothing', async () => {
    await h.withTeam();
    const audits = await count('audit_log');
    const body = JSON.stringify(personInput()).replace('{', '{"__proto__":{"x":1},');
    const r = await post('persons.create', body, await login('projectleider'));
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ ok: false, error: { code: 'invalid_input', field: '__proto__' } });
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(await count('persons')).toBe(0);
    expect(await count('audit_log')).toBe(audits);
  });

  it('answers a call name with broken percent-encoding and keeps running', async () => {
    const r = await raw('/api/%E0%A4%A', { method: 'POST', headers: client(), body: '{}' });
    expect([400, 404]).toContain(r.status);
    expect((await post('settings.status', {})).status).toBe(200);
  });

  it('answers a request target that is no URL with 400 and keeps running', async () => {
    const r = await raw('http://[', { headers: { host: `127.0.0.1:${host.port}` } });
    expect(r.status).toBe(400);
    expect((await post('settings.status', {})).status).toBe(200);
  });
});

describe('browser host: files', () => {
  it('serves index.html and scripts with the security headers', async () => {
    const page = await fetch(`http://127.0.0.1:${host.port}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toBe(indexHtml);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    // Scripts only from the app's own files: no inline script, no eval.
    const scriptSrc = contentSecurityPolicy.split('; ').find((d) => d.startsWith('script-src '));
    expect(scriptSrc).toBe("script-src 'self'");
    expect(contentSecurityPolicy).toContain("object-src 'none'");
    expect(contentSecurityPolicy).toContain("frame-ancestors 'none'");

    const script = await fetch(`http://127.0.0.1:${host.port}/assets/app.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await script.text()).toBe(appJs);
  });

  it('never serves a file outside the static folder', async () => {
    const attempts = [
      '/..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/..%5csecret.txt',
      '/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
      '/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/assets%00/../secret.txt',
    ];
    for (const attempt of attempts) {
      const r = await raw(attempt);
      expect([200, 404], attempt).toContain(r.status);
      if (r.status === 200) expect(r.text, attempt).toBe(indexHtml);
      expect(r.text, attempt).not.toContain(secret);
      expect(r.text, attempt).not.toContain('root:');
    }
  });

  it('serves index.html for a screen of the app and 404 for a missing file', async () => {
    const screen = await fetch(`http://127.0.0.1:${host.port}/personen/123`);
    expect(screen.status).toBe(200);
    expect(await screen.text()).toBe(indexHtml);
    const missing = await fetch(`http://127.0.0.1:${host.port}/assets/ontbreekt.js`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('Niet gevonden');
  });
});

describe('request paths', () => {
  const parsed = (target: string) => URL.parse(target, 'http://127.0.0.1')?.pathname;

  it('reads a plain call path as the URL parser would', () => {
    fc.assert(
      fc.property(fc.stringMatching(plainCallPath), (target) => {
        expect(requestPath(target)).toBe(parsed(target));
      }),
    );
  });

  it('leaves every other target to the URL parser', () => {
    const odd = ['/api/./auth.me', '/api/../auth.me', '/api/auth.me?x=1', '/api/auth.me#x', '/api/%61uth.me'];
    for (const target of [...odd, '/api\\auth.me', '/x/../api/auth.me', '//evil/api/auth.me', '']) {
      expect(requestPath(target), target).toBe(parsed(target));
    }
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (rest) => {
        expect(requestPath(`/api/${rest}`)).toBe(parsed(`/api/${rest}`));
      }),
    );
  });
});
