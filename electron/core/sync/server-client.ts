import http from 'node:http';
import { isIP } from 'node:net';
import tls from 'node:tls';
import { z } from 'zod';
import type { CallInput, CallOutput } from '../../../shared/contract.ts';
import { type AppError, type ErrorCode, httpStatusFor, type Result } from '../../../shared/result.ts';
import { roles } from '../../../shared/roles.ts';
import {
  type BeheerCall,
  commandOutcomes,
  deviceAuthScheme,
  type PairResponse,
  type PullResponse,
  type PushedCommand,
  type PushResponse,
  type pairRequest,
  protocolHeader,
  type SignInResponse,
  type SyncDevice,
  type signInRequest,
  syncProtocolVersion,
  userTokenHeader,
} from '../../../shared/sync.ts';
import { id } from '../../../shared/validation.ts';
import { keyPattern } from './secrets.ts';
import { isWireValue } from './wire-rows.ts';

/** The server as a desk knows it: its address and the certificate fingerprint pinned at pairing. */
export interface ServerAddress {
  /** `https://host:port` */
  url: string;
  /** SHA-256 of the server's certificate, as the server prints it (hex pairs, colons optional). */
  fingerprint: string;
}

/** A paired desk's credentials (kept in the keychain or the encrypted store) and the signed-in user's token. */
export interface DeskCredentials {
  deviceId: string;
  deviceKey: string;
  userToken?: string;
}

export interface ClientOptions {
  /** For the whole exchange, from connecting to the last byte of the answer. */
  timeoutMs?: number;
  maxResponseBytes?: number;
  /** Told of each part of an answer as it arrives (its size in bytes), for the progress of a long pull. */
  onBytes?: (bytes: number) => void;
}

const defaults: ClientOptions & Required<Omit<ClientOptions, 'onBytes'>> = {
  timeoutMs: 30_000,
  maxResponseBytes: 64 * 1024 * 1024,
};

/**
 * The desk's side of the Schakel server: JSON over HTTPS to the one server whose certificate has the pinned
 * fingerprint. The TLS connection is made and its certificate checked first; only then is a request (with the
 * device key) written on it, so a server with another certificate never sees a byte of it. Answers are parsed
 * like any input from outside.
 */
export function serverClient(address: ServerAddress, options: ClientOptions = {}) {
  const settings = { ...defaults, ...options };
  const base = new URL(address.url);
  if (base.protocol !== 'https:') throw new Error('De server moet via https:// bereikbaar zijn.');
  const pinned = normaliseFingerprint(address.fingerprint);
  // One TLS context for every connection to this server: making one per request cost as much as the rest of a
  // pull with nothing new.
  const context = tls.createSecureContext();
  const request = <T>(path: string, body: unknown, schema: z.ZodType<T>, desk?: DeskCredentials) =>
    exchange({
      base,
      pinned,
      context,
      settings,
      path,
      body,
      read: (answer) => parseAnswer(answer, schema),
      desk,
    });
  return {
    pair: (input: z.input<typeof pairRequest>) => request('/sync/pair', input, pairResponse),
    signIn: (desk: DeskCredentials, input: z.input<typeof signInRequest>) =>
      request('/sync/login', input, signInResponse, desk),
    push: (desk: DeskCredentials, commands: PushedCommand[]) =>
      request('/sync/push', { commands }, pushResponse, desk),
    pull: (desk: DeskCredentials, since: number, limit?: number) =>
      request('/sync/pull', { since, ...(limit === undefined ? {} : { limit }) }, pullResponse, desk),
    /** A beheerder's call about the server's desks, run there at once as the signed-in user. */
    beheer: <C extends BeheerCall>(desk: DeskCredentials, call: C, input: CallInput<C>) =>
      request('/sync/beheer', { call, input }, beheerAnswers[call] as z.ZodType<CallOutput<C>>, desk),
    /** A file's content by its hash (GET, no body), as the signed-in user may read it; checked by the caller. */
    blob: (desk: DeskCredentials, sha256: string): Promise<Result<Buffer>> =>
      exchange({
        base,
        pinned,
        context,
        settings,
        path: `/sync/blob/${encodeURIComponent(sha256)}`,
        body: undefined,
        read: (answer) =>
          answer.status === 200 ? { ok: true, value: answer.body } : parseAnswer(answer, never),
        desk,
      }),
  };
}

export function normaliseFingerprint(fingerprint: string): string {
  return fingerprint.replace(/[\s:]/g, '').toUpperCase();
}

export const clientRefusals = {
  wrongCertificate:
    'De server laat een ander certificaat zien dan bij het koppelen is vastgelegd. Er is niets verstuurd. Vraag de beheerder of de server is vervangen; anders kan iemand zich voor de server uitgeven.',
  unreachable:
    'De server is niet bereikbaar. Je wijzigingen blijven bewaard en gaan mee zodra er verbinding is.',
  timeout:
    'De server antwoordt niet op tijd. Je wijzigingen blijven bewaard en gaan mee bij de volgende poging.',
  badAnswer: 'De server gaf een antwoord dat Schakel niet begrijpt. Werk Schakel bij of vraag de beheerder.',
};

interface Exchange<T> {
  base: URL;
  pinned: string;
  context: tls.SecureContext;
  settings: typeof defaults;
  path: string;
  /** JSON for a POST; undefined: a GET without a body. */
  body: unknown;
  read: (answer: RawAnswer) => Result<T>;
  desk?: DeskCredentials | undefined;
}

class ClientFailure extends Error {
  readonly error: AppError;
  constructor(error: AppError) {
    super(error.message);
    this.error = error;
  }
}
const unavailable = (message: string) => new ClientFailure({ code: 'unavailable', message });

async function exchange<T>(x: Exchange<T>): Promise<Result<T>> {
  let socket: tls.TLSSocket | undefined;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(unavailable(clientRefusals.timeout)), x.settings.timeoutMs);
  });
  try {
    socket = await Promise.race([pinnedConnection(x.base, x.pinned, x.context), deadline]);
    const answer = await Promise.race([send(socket, x), deadline]);
    return x.read(answer);
  } catch (thrown) {
    if (thrown instanceof ClientFailure) return { ok: false, error: thrown.error };
    return { ok: false, error: { code: 'unavailable', message: clientRefusals.unreachable } };
  } finally {
    clearTimeout(timer);
    socket?.destroy();
  }
}

/** A TLS connection to the server whose certificate has the pinned fingerprint, or a refusal. */
function pinnedConnection(base: URL, pinned: string, context: tls.SecureContext): Promise<tls.TLSSocket> {
  const host = base.hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve, reject) => {
    // No certificate authority decides here: the fingerprint the beheerder gave at pairing does, checked below
    // before anything is written.
    const socket = tls.connect({
      host,
      port: Number(base.port || 443),
      ...(isIP(host) ? {} : { servername: host }),
      rejectUnauthorized: false,
      ALPNProtocols: ['http/1.1'],
      // Never a resumed session (none is given): each connection shows the certificate the pin is checked against.
      secureContext: context,
    });
    // A request and its answer, nothing to gather: without this a request's last bytes wait for an acknowledgement.
    socket.setNoDelay(true);
    socket.once('secureConnect', () => {
      const presented = socket.getPeerX509Certificate()?.fingerprint256;
      if (presented !== undefined && normaliseFingerprint(presented) === pinned) resolve(socket);
      else {
        socket.destroy();
        reject(unavailable(clientRefusals.wrongCertificate));
      }
    });
    socket.once('error', reject);
  });
}

interface RawAnswer {
  status: number;
  body: Buffer;
}

function send(socket: tls.TLSSocket, x: Exchange<unknown>): Promise<RawAnswer> {
  const payload = x.body === undefined ? undefined : JSON.stringify(x.body);
  const headers: http.OutgoingHttpHeaders = {
    host: x.base.host,
    [protocolHeader]: String(syncProtocolVersion),
  };
  if (payload !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = Buffer.byteLength(payload);
  }
  if (x.desk) headers.authorization = `${deviceAuthScheme} ${x.desk.deviceId}.${x.desk.deviceKey}`;
  if (x.desk?.userToken) headers[userTokenHeader] = x.desk.userToken;
  return new Promise((resolve, reject) => {
    const method = payload === undefined ? 'GET' : 'POST';
    const req = http.request({ method, path: x.path, headers, createConnection: () => socket });
    req.once('error', reject);
    req.once('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        x.settings.onBytes?.(chunk.length);
        if (size > x.settings.maxResponseBytes) {
          res.destroy();
          reject(unavailable(clientRefusals.badAnswer));
        } else chunks.push(chunk);
      });
      res.once('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      res.once('error', reject);
    });
    req.end(payload);
  });
}

const errorAnswer = z.object({
  ok: z.literal(false),
  error: z.object({
    code: z.string().refine((code) => Object.hasOwn(httpStatusFor, code)),
    message: z.string().min(1).max(2_000),
    field: z.string().max(200).optional(),
    reference: z.string().max(20).optional(),
  }),
});

/** The envelope of each route's answer, made once: a schema built anew compiles anew at its first parse. */
const envelopes = new WeakMap<z.ZodType, z.ZodType>();
function envelopeOf<T>(schema: z.ZodType<T>): z.ZodType<{ ok: true; value: T }> {
  let envelope = envelopes.get(schema);
  if (!envelope) {
    envelope = z.object({ ok: z.literal(true), value: schema });
    envelopes.set(schema, envelope);
  }
  return envelope as z.ZodType<{ ok: true; value: T }>;
}

/** For a route whose success is no JSON (a blob): any JSON answer of 200 is not understood. */
const never = z.never();

function parseAnswer<T>(answer: RawAnswer, schema: z.ZodType<T>): Result<T> {
  let json: unknown;
  try {
    json = JSON.parse(answer.body.toString('utf8'));
  } catch {
    throw unavailable(clientRefusals.badAnswer);
  }
  if (answer.status === 200) {
    const parsed = envelopeOf(schema).safeParse(json);
    if (!parsed.success) throw unavailable(clientRefusals.badAnswer);
    return { ok: true, value: parsed.data.value };
  }
  const parsed = errorAnswer.safeParse(json);
  if (!parsed.success) throw unavailable(clientRefusals.badAnswer);
  const { code, message, field, reference } = parsed.data.error;
  return {
    ok: false,
    error: {
      code: code as ErrorCode,
      message,
      ...(field ? { field } : {}),
      ...(reference ? { reference } : {}),
    },
  };
}

const secret = z.string().regex(keyPattern);

const pairResponse = z.object({
  deviceId: id,
  deviceKey: secret,
  organisatie: z.string().max(200),
}) satisfies z.ZodType<PairResponse>;

const signInResponse = z.object({
  token: secret,
  account: z.object({
    id,
    username: z.string().max(64),
    displayName: z.string().max(200),
    role: z.enum(roles),
    isBeheerder: z.boolean(),
  }),
}) satisfies z.ZodType<SignInResponse>;

const moment = z.iso.datetime({ offset: true });

const syncDevice = z.object({
  id,
  naam: z.string().max(200),
  pairedAt: moment,
  pairedBy: z.string().max(200).nullable(),
  lastContactAt: moment.nullable(),
  revokedAt: moment.nullable(),
  version: z.int().min(1),
}) satisfies z.ZodType<SyncDevice>;

const beheerAnswers: { [C in BeheerCall]: z.ZodType<CallOutput<C>> } = {
  'sync.devices': z.array(syncDevice).max(100_000),
  'sync.pairingCode': z.object({ code: z.string().max(64), expiresAt: moment }),
  'sync.revokeDevice': z.object({ id, version: z.int().min(1) }),
};

const pushResponse = z.object({
  results: z.array(
    z.object({
      id,
      outcome: z.enum(commandOutcomes),
      message: z.string().nullable(),
      details: z
        .object({
          recordType: z.string(),
          recordId: z.string(),
          changedBy: z.string().nullable(),
          changedAt: z.string().nullable(),
          fields: z.array(z.string()),
        })
        .nullable(),
    }),
  ),
}) satisfies z.ZodType<PushResponse>;

/**
 * Each row of a pulled table in one pass, not a schema per row and value (a first download is over 100,000 rows):
 * an array with a value for each column, each value one a column of the store holds (wire-rows.ts), its id a text.
 */
function wellFormedRows({ columns, rows }: { columns: string[]; rows: unknown[][] }): boolean {
  if (new Set(columns).size !== columns.length) return false;
  if (rows.length === 0) return true;
  const idAt = columns.indexOf('id');
  if (idAt < 0) return false;
  for (const row of rows) {
    if (!Array.isArray(row) || row.length !== columns.length) return false;
    const rowId: unknown = row[idAt];
    if (typeof rowId !== 'string' || rowId.length > 80) return false;
    for (const value of row) if (!isWireValue(value)) return false;
  }
  return true;
}

const pulledTable = z
  .object({
    table: z.string().max(80),
    columns: z.array(z.string().min(1).max(80)).max(500),
    rows: z.custom<unknown[][]>((value) => Array.isArray(value)),
    dropped: z.array(z.string().max(80)),
  })
  .refine(wellFormedRows);

const pullResponse = z.object({
  cursor: z.int().min(0),
  tables: z.array(pulledTable),
  more: z.boolean(),
  opnieuw: z.literal(true).optional(),
}) satisfies z.ZodType<PullResponse>;
