import { randomBytes } from 'node:crypto';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Kysely } from 'kysely';
import { StoredLoginThrottle } from '../core/auth/stored-login-throttle.ts';
import type { DB } from '../core/store/schema.ts';
import { refusalOf, sendJson } from './http-io.ts';
import { handleSyncRequest, type SyncServices } from './sync-routes.ts';

/**
 * How long the server waits for a client, and how many it serves at once: a slow or silent client (or many) is
 * cut off within seconds and cannot hold the server's sockets. Node checks the header and request limits every
 * `checkIntervalMs`, so a client is cut off at most that much later.
 */
export interface ServerLimits {
  /** From the TCP connection to a finished TLS handshake. */
  handshakeMs: number;
  /** From the first byte of a request to the end of its headers. */
  headersMs: number;
  /**
   * From the first byte of a request to the end of its body: a push of some 35 MB (one claim with five large
   * receipts) over a line of 4 Mbit/s fits; a client that dribbles is still cut off.
   */
  requestMs: number;
  /** How long an idle kept-alive connection waits for the next request. */
  keepAliveMs: number;
  /**
   * A connection on which nothing moves either way, whatever its state. It also runs while the server works on an
   * answer (a push of 500 approvals takes seconds), so it is the generous one; the limits above catch slow clients.
   */
  idleSocketMs: number;
  maxConnections: number;
  checkIntervalMs: number;
}

export const defaultLimits: ServerLimits = {
  handshakeMs: 5_000,
  headersMs: 5_000,
  requestMs: 90_000,
  keepAliveMs: 5_000,
  idleSocketMs: 120_000,
  maxConnections: 256,
  checkIntervalMs: 1_000,
};

export interface SyncServerOptions {
  db: Kysely<DB>;
  services: SyncServices;
  /** PEM key and certificate (see certificate.ts). */
  tls: { key: string; cert: string };
  /** Where to listen; any address, as the server speaks only HTTPS. */
  host: string;
  port?: number;
  clock?: () => Date;
  limits?: Partial<ServerLimits>;
  /** Told of unexpected failures with the reference the desk is shown; never given request bodies. */
  logError?: (thrown: unknown, reference: string) => void;
}

export interface SyncServer {
  port: number;
  close(): Promise<void>;
}

/** The Schakel server's front: HTTPS only, the sync routes only (see sync-routes.ts). */
export async function startSyncServer(options: SyncServerOptions): Promise<SyncServer> {
  const limits = { ...defaultLimits, ...options.limits };
  const deps = {
    db: options.db,
    services: options.services,
    clock: options.clock ?? (() => new Date()),
    // In the database, shared by every server process on it.
    pairingThrottle: new StoredLoginThrottle(options.db, 'koppelcode'),
    signInThrottle: new StoredLoginThrottle(options.db, 'wachtwoord'),
  };
  const server = https.createServer(
    {
      key: options.tls.key,
      cert: options.tls.cert,
      minVersion: 'TLSv1.2',
      handshakeTimeout: limits.handshakeMs,
      headersTimeout: limits.headersMs,
      requestTimeout: limits.requestMs,
      keepAliveTimeout: limits.keepAliveMs,
      connectionsCheckingInterval: limits.checkIntervalMs,
      maxHeaderSize: 8 * 1024,
    },
    (req, res) => {
      handleSyncRequest(req, res, deps).catch((thrown: unknown) => {
        // A body left unread (refused before or while reading it) is not drained: the connection closes instead.
        if (!req.complete) res.setHeader('connection', 'close');
        const refusal = refusalOf(thrown);
        if (refusal) {
          sendJson(res, refusal.status, { ok: false, error: refusal.error });
          return;
        }
        const reference = randomBytes(4).toString('hex');
        try {
          options.logError?.(thrown, reference);
        } catch {
          // Reporting a failure must not turn it into another one.
        }
        const message = `Er ging iets mis op de server. Er is niets gewijzigd. Meld het aan de beheerder met kenmerk ${reference}.`;
        if (!res.headersSent)
          sendJson(res, 500, { ok: false, error: { code: 'internal', message, reference } });
        else res.destroy();
      });
    },
  );
  server.maxHeadersCount = 50;
  server.maxConnections = limits.maxConnections;
  server.setTimeout(limits.idleSocketMs);
  // A TLS client that fails its handshake (plain HTTP, a port scan) costs nothing more than its socket.
  server.on('tlsClientError', (_err, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
