import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { httpStatusFor, type Result } from '../../../shared/result.ts';
import { clientHeader, contentSecurityPolicy, tokenHeader } from '../../../shared/security.ts';
import type { Dispatcher } from '../dispatcher.ts';
import { resolveStatic } from './static-files.ts';

export interface BrowserHostOptions {
  dispatcher: Dispatcher;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  port?: number;
  token?: string;
  maxBodyBytes?: number;
}

export interface BrowserHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const defaultMaxBody = 2 * 1024 * 1024;
const clientKeyPattern = /^[A-Za-z0-9-]{16,64}$/;

const securityHeaders = {
  'content-security-policy': contentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};
/** Every API answer's headers, built once (writeHead only reads them). */
const jsonHeaders = Object.freeze({
  ...securityHeaders,
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
});
/**
 * A call's path as the renderer sends it ('/api/persons.list'): nothing in it that URL parsing would change (no
 * percent sign, dot segment, backslash, query or fragment), so it is the pathname as it stands.
 */
export const plainCallPath = /^\/api\/[A-Za-z]+\.[A-Za-z]+$/;

/** The pathname of a request target, or undefined for one that is no URL path; a plain call path skips the parser. */
export function requestPath(target: string): string | undefined {
  return plainCallPath.test(target) ? target : URL.parse(target, 'http://127.0.0.1')?.pathname;
}

/**
 * The second host of the contract: node:http on 127.0.0.1 only, serving the built renderer and POST /api/<call>.
 * Every API request needs the per-start secret token; a Host header other than the loopback address is refused
 * (a page on another site cannot reach us through DNS rebinding).
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const tokenBytes = Buffer.from(token);
  const maxBody = options.maxBodyBytes ?? defaultMaxBody;
  let allowedHosts = new Set<string>();

  const server = http.createServer((req, res) => {
    const send = (status: number, body: Result<unknown>) => {
      const json = JSON.stringify(body);
      res.writeHead(status, jsonHeaders);
      res.end(json);
    };
    const refuse = (status: number, code: Parameters<typeof fail>[0], message: string) => {
      send(status, fail(code, message));
      // Stop reading a body we will not use; the connection closes after the answer.
      req.resume();
    };

    if (!allowedHosts.has(req.headers.host ?? '')) {
      refuse(421, 'forbidden', 'Onbekende host: Schakel is alleen bereikbaar via 127.0.0.1.');
      return;
    }
    const pathname = requestPath(req.url ?? '/');
    if (pathname === undefined) {
      refuse(400, 'invalid_input', 'Ongeldige aanvraag.');
      return;
    }

    if (pathname.startsWith('/api/')) {
      if (req.method !== 'POST') {
        res.setHeader('allow', 'POST');
        refuse(405, 'invalid_input', 'Alleen POST is toegestaan.');
        return;
      }
      const given = Buffer.from(String(req.headers[tokenHeader] ?? ''));
      if (given.length !== tokenBytes.length || !timingSafeEqual(given, tokenBytes)) {
        refuse(
          401,
          'unauthenticated',
          'Ongeldige of ontbrekende sleutel. Open Schakel via de link die bij het starten werd getoond.',
        );
        return;
      }
      const clientKey = String(req.headers[clientHeader] ?? '');
      if (!clientKeyPattern.test(clientKey)) {
        refuse(400, 'invalid_input', 'Ontbrekende vensterherkenning in de aanvraag.');
        return;
      }
      if (Number(req.headers['content-length'] ?? 0) > maxBody) {
        refuse(413, 'invalid_input', 'De aanvraag is te groot.');
        return;
      }
      if (!declaresJson(req.headers['content-type'])) {
        refuse(415, 'invalid_input', 'Ongeldige aanvraag: de inhoud moet JSON zijn (application/json).');
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      let tooLarge = false;
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBody) tooLarge = true;
        else chunks.push(chunk);
      });
      req.on('end', () => {
        if (tooLarge) {
          send(413, fail('invalid_input', 'De aanvraag is te groot.'));
          return;
        }
        let input: unknown;
        try {
          const text = Buffer.concat(chunks).toString('utf8');
          input = text.trim() === '' ? {} : JSON.parse(text);
        } catch {
          send(400, fail('invalid_input', 'Ongeldige aanvraag: de inhoud is geen JSON.'));
          return;
        }
        // Call names are plain ASCII; anything percent-encoded is no call and the dispatcher says so.
        const call = pathname.slice('/api/'.length);
        options.dispatcher.dispatch(call, input, `http:${clientKey}`).then(
          (result) => send(result.ok ? 200 : httpStatusFor[result.error.code], result),
          () => send(500, fail('internal', 'Er ging iets mis in Schakel. Er is niets gewijzigd.')),
        );
      });
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      refuse(405, 'invalid_input', 'Alleen GET is toegestaan.');
      return;
    }
    const found = resolveStatic(options.staticDir, pathname);
    if (!found) {
      res.writeHead(404, { ...securityHeaders, 'content-type': 'text/plain; charset=utf-8' });
      res.end('Niet gevonden');
      return;
    }
    res.writeHead(200, {
      ...securityHeaders,
      'content-type': found.type,
      'cache-control': found.file.endsWith('.html') ? 'no-store' : 'max-age=31536000, immutable',
    });
    if (req.method === 'HEAD') res.end();
    // A file removed between lookup and read (a rebuild) ends this response, not the host.
    else
      fs.createReadStream(found.file)
        .on('error', () => res.destroy())
        .pipe(res);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The body is read as JSON: a request that says it is something else (a form, text/plain, XML) is refused rather
 * than guessed at. One that names no content type is read as JSON too (fetch and curl send none for a call
 * without a body); the renderer always names it.
 */
export function declaresJson(contentType: string | undefined): boolean {
  if (contentType === undefined || contentType === 'application/json') return true;
  return contentType.split(';')[0]?.trim().toLowerCase() === 'application/json';
}

function fail(
  code: 'invalid_input' | 'unauthenticated' | 'forbidden' | 'internal',
  message: string,
): Result<never> {
  return { ok: false, error: { code, message } };
}
