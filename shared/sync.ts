/**
 * The wire protocol between a desk and the Schakel server (working as a team). Every write a desk makes is a
 * command: the call's name and validated input with the context that makes a replay produce the same records
 * (the time and the ids the call drew). The server replays each command once through the same dispatcher and
 * answers with its outcome; a desk then pulls the rows that changed since its cursor, only those its user may read.
 */
import { z } from 'zod';
import { secretFields } from './accounts.ts';
import { loginInput } from './auth.ts';
import type { ConflictDetails } from './result.ts';
import type { SessionAccount } from './roles.ts';
import { id, version } from './validation.ts';

/** Raised when the protocol changes in a way an older desk cannot follow; the server refuses other versions. */
export const syncProtocolVersion = 2;

/** How a pushed command ended on the server. */
export const commandOutcomes = ['toegepast', 'afgewezen', 'conflict'] as const;
export type CommandOutcome = (typeof commandOutcomes)[number];

const timestamp = z.iso.datetime({ offset: true, error: 'ongeldig tijdstip' });

export const pushedCommand = z.strictObject({
  /** UUIDv7, drawn on the desk: the key that makes a repeated push apply nothing twice. */
  id,
  call: z.string().min(1).max(80),
  input: z.unknown(),
  /** The call's `now` on the desk: kept, whatever the server's clock says (order comes from the server). */
  now: timestamp,
  /** The ids the call drew on the desk, in order, so the server creates the same records. */
  ids: z.array(id).max(10_000),
});
export type PushedCommand = z.output<typeof pushedCommand>;

export const pushRequest = z.strictObject({ commands: z.array(pushedCommand).min(1).max(500) });

export interface CommandResult {
  id: string;
  outcome: CommandOutcome;
  /** Dutch, for the user: why it was refused, or what changed in the meantime. */
  message: string | null;
  details: ConflictDetails | null;
}

export interface PushResponse {
  results: CommandResult[];
}

/**
 * The most changes a page of a pull holds, what a desk asks for: with rows of some hundreds of bytes a page of a few
 * MB, and fewer round trips for a first download. Files are bounded apart (pull-page.ts).
 */
export const pullPageLimit = 10_000;

export const pullRequest = z.strictObject({
  since: z.int().min(0),
  limit: z.int().min(1).max(pullPageLimit).default(1_000),
});

/**
 * The rows of one table on a page, as the server has them now. Those the user may read come as arrays of values in
 * the order of `columns`: the names once, not in every row (a first download is over 100,000 rows). `dropped` are
 * the ids of rows removed, or no longer for this user's eyes: the desk drops its copy. See wire-rows.ts.
 */
export interface PulledTable {
  table: string;
  columns: string[];
  rows: unknown[][];
  dropped: string[];
}

export interface PullResponse {
  /** The change number to ask from next time. */
  cursor: number;
  /** Each table with rows on the page, once. */
  tables: PulledTable[];
  /** More changes wait beyond this page. */
  more: boolean;
  /**
   * The server is behind the desk's cursor: it was put back from a backup. The desk drops its copy and pulls again
   * from the first change (its waiting commands stay and go as usual).
   */
  opnieuw?: true;
}

export const pairRequest = z.strictObject({
  code: z.string().trim().min(6).max(64),
  naam: z.string().trim().min(1, 'geef de computer een naam').max(80),
});

export interface PairResponse {
  deviceId: string;
  /** Shown to the desk once; the server keeps only its hash. */
  deviceKey: string;
  organisatie: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Trust: pairing a desk, its device key, a user signed in on it

/** The header every request after pairing carries: `Schakel-Device <deviceId>.<deviceKey>`. */
export const deviceAuthScheme = 'Schakel-Device';
/** The header with the token of the user signed in on the desk (`X-Schakel-User`), lower case as Node reads it. */
export const userTokenHeader = 'x-schakel-user';
/** The header with the desk's protocol version; the server refuses any other than syncProtocolVersion. */
export const protocolHeader = 'x-schakel-protocol';

/** How long a pairing code may be typed on a desk. */
export const pairingCodeMinutes = 15;

/** A pairing code as the beheerder sees it, once: the server keeps only its hash. */
export interface PairingCode {
  /** Three groups of four characters, e.g. `K7QD-M3XW-9HTP`. */
  code: string;
  expiresAt: string;
}

/** A desk paired with the server, as the beheerder's list shows it. */
export interface SyncDevice {
  id: string;
  naam: string;
  pairedAt: string;
  /** The display name of the beheerder who made the pairing code. */
  pairedBy: string | null;
  lastContactAt: string | null;
  revokedAt: string | null;
  version: number;
}

export const pairingCodeInput = z.strictObject({});
export const revokeDeviceInput = z.strictObject({ id, version });

/**
 * The beheerder's calls about the server's desks. Made on a linked desk they are asked of the server at once
 * (POST /sync/beheer, as the beheerder signed in there) and never queued: live actions, not commands to replay.
 */
export const beheerCalls = ['sync.devices', 'sync.pairingCode', 'sync.revokeDevice'] as const;
export type BeheerCall = (typeof beheerCalls)[number];
export const isBeheerCall = (call: string): call is BeheerCall =>
  (beheerCalls as readonly string[]).includes(call);
export const beheerRequest = z.strictObject({
  call: z.enum(beheerCalls),
  input: z.record(z.string(), z.unknown()),
});

/** A user signs in at the server from a paired desk, with the same name and password as anywhere. */
export const signInRequest = loginInput;

export interface SignInResponse {
  /** Shown to the desk once; the server keeps only its hash. Sent as X-Schakel-User with every push and pull. */
  token: string;
  account: SessionAccount;
}

/** A blob's name: the lower-case hex SHA-256 of its content. */
export const blobHash = z.string().regex(/^[0-9a-f]{64}$/, 'ongeldige verwijzing naar een bestand');

// ---------------------------------------------------------------------------------------------------------------
// Te verwerken (desk side): commands the server refused or found in conflict, and their resolution

/** A command of the signed-in user that the server did not apply, as the inbox shows it. */
export interface InboxItem {
  id: string;
  /** The call as made ('persons.update'); the screen says it in words. */
  call: string;
  /** What the user entered, passwords hidden. */
  input: unknown;
  /** When it was made on the desk. */
  madeAt: string;
  outcome: Exclude<CommandOutcome, 'toegepast'>;
  /** Dutch, from the server: why it was refused, or who changed what meanwhile. */
  message: string;
  details: ConflictDetails | null;
  receivedAt: string;
  version: number;
}

/**
 * 'opnieuw': send it again, for a conflict on the record's current version. 'aangepast': send it with some of its
 * text changed first (`invoer`, field by field; checked as the call checks its input). 'verworpen': let it go.
 */
export const inboxChoices = ['opnieuw', 'aangepast', 'verworpen'] as const;
export const resolveInboxInput = z.strictObject({
  id,
  version,
  keuze: z.enum(inboxChoices),
  invoer: z.record(z.string().max(80), z.string().max(20_000)).optional(),
});

/** What is not the user's text in an entered value: the record and its version, files, secrets. */
const notText = new Set(['id', 'version', 'base64', 'logo', 'inhoud', ...secretFields]);
/** Text that is a choice made in a form, not typed: a chosen record, a date from a date picker. */
const chosen = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{4}-\d{2}-\d{2}.*)$/i;

/**
 * The fields of a command's input that Te verwerken lets its user change before sending it again: the text they
 * typed at the top level. Amounts, dates, choices of records, files and what they left empty are changed on their
 * own screen.
 */
export function editableFields(input: unknown): string[] {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return [];
  return Object.entries(input)
    .filter(
      ([key, value]) => !notText.has(key) && typeof value === 'string' && value !== '' && !chosen.test(value),
    )
    .map(([key]) => key);
}

// ---------------------------------------------------------------------------------------------------------------
// The desk's link with a server: connecting from Instellingen, the status line, syncing now

/** 'alleen': this computer works on its own, the default. 'team': it is connected to a Schakel server. */
export const deskModes = ['alleen', 'team'] as const;
export type DeskMode = (typeof deskModes)[number];

/**
 * How the link is now. 'bezig': a push or pull is under way. 'niet-aangemeld': the signed-in user has no
 * token at the server yet (signed in here while offline). 'ingetrokken': the beheerder revoked this computer.
 */
export const linkStates = ['online', 'offline', 'bezig', 'niet-aangemeld', 'ingetrokken'] as const;
export type LinkState = (typeof linkStates)[number];

export interface SyncStatus {
  mode: DeskMode;
  /** The server this desk is paired with; null in single-desk mode. */
  server: {
    url: string;
    fingerprint: string;
    organisatie: string;
    /** This computer's name and its id in the server's list of desks (sync.devices). */
    apparaat: string;
    apparaatId: string;
  } | null;
  verbinding: LinkState;
  /** Commands made on this computer that the server has not answered yet. */
  wachtend: number;
  /** Open items in the signed-in user's Te verwerken inbox. */
  teVerwerken: number;
  /** When the last pull finished (ISO); null before the first. */
  bijgewerktOm: string | null;
  /** While changes come in: rows and bytes received in this round so far. */
  voortgang: { rijen: number; bytes: number } | null;
  /** The last problem, in Dutch, for the user (unreachable, refused, another certificate); null when all is well. */
  melding: string | null;
  /** Single-desk mode: how many records this computer holds that could go to the server when connecting. */
  eigenGegevens: number;
}

/** A server address as the beheerder types it: https, a host, an optional port. */
const serverUrl = z
  .string()
  .trim()
  .min(1, 'vul het adres van de server in')
  .max(200)
  .refine((value) => URL.canParse(value) && new URL(value).protocol === 'https:', {
    error: 'het adres begint met https://',
  });

/** SHA-256 as the server prints it: 32 hex pairs, colons and spaces optional. */
const fingerprint = z
  .string()
  .trim()
  .refine((value) => /^[0-9a-f]{64}$/i.test(value.replace(/[\s:]/g, '')), {
    error: 'een vingerafdruk is 64 tekens 0-9 en A-F (met of zonder dubbele punten)',
  });

export const connectInput = z.strictObject({
  url: serverUrl,
  fingerprint,
  code: pairRequest.shape.code,
  /** This computer's name in the beheerder's list of desks. */
  naam: pairRequest.shape.naam,
  /** The beheerder's own account on the server. */
  username: loginInput.shape.username,
  password: loginInput.shape.password,
  /** Send this computer's records to the server once (true), or replace them with the server's (false). */
  meenemen: z.boolean(),
});

export interface ConnectResult {
  organisatie: string;
  /** Records queued for the server (0 when not taken along). */
  meegenomen: number;
}

/** The most rows one upload command carries. */
export const importRowsBatch = 500;

/**
 * One command of a desk's upload when it connects: rows of one table as the desk holds them (a column of bytes as
 * `{ $bytes: base64 }`, see wire-rows.ts), inserted as they are on the server. Refused whole if any id is already
 * there.
 */
export const importRowsInput = z.strictObject({
  table: z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, 'ongeldige tabelnaam'),
  rows: z.array(z.record(z.string(), z.unknown())).min(1).max(importRowsBatch),
});
export type ImportRowsInput = z.output<typeof importRowsInput>;

export interface ImportedRows {
  table: string;
  rijen: number;
}
