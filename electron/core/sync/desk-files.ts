/**
 * Files on a linked desk come when needed. A pulled row names its file by hash (wire-rows.ts) and, unless the desk
 * holds those bytes already, is written with an empty placeholder in its place: a first download does not wait for
 * every receipt and certificate. Opening such a file fetches it at once (LinkService.file); after each pull the
 * desk's background round fetches the rest, a bounded amount at a time, so that a laptop that goes offline later
 * still opens them. Every file is checked against the hash its row records before it is written.
 *
 * A real file is never empty (uploads.ts refuses an empty one), so an empty value means: not fetched yet.
 */
import type { Kysely } from 'kysely';
import { Failure } from '../failure.ts';
import type { DB } from '../store/schema.ts';
import type { DeskLink } from './desk-link-state.ts';
import { clientRefusals, serverClient } from './server-client.ts';
import { ServerRefusal } from './server-refusal.ts';
import { sha256Hex } from './wire-rows.ts';

/** Each column of files, with the column that holds the hash of its content. */
const fileColumns = [
  { table: 'receipts', column: 'bytes', hash: 'sha256' },
  { table: 'training_certificates', column: 'bytes', hash: 'sha256' },
  { table: 'contracts', column: 'pdf', hash: 'pdf_sha256' },
] as const;

export const fileRefusals = {
  tampered:
    'Een bestand van de server (bon, certificaat of contract) klopt niet met zijn vingerafdruk. Het is niet opgeslagen; Schakel probeert het later opnieuw.',
  notHere:
    'Dit bestand staat nog niet op deze computer en de server is nu niet bereikbaar. Het wordt opgehaald zodra er verbinding is; probeer het dan opnieuw.',
};

/** An empty placeholder: the file's row arrived, its content not yet. */
export const notFetched = (bytes: Uint8Array | null): boolean => bytes !== null && bytes.byteLength === 0;

/** Fetches a file's content by its hash from the server. */
export type FetchFile = (sha256: string) => Promise<Buffer>;

/** The content of this hash, fetched and checked; a mismatch is refused and nothing written. */
async function fetchChecked(fetch: FetchFile, sha256: string): Promise<Buffer> {
  const content = await fetch(sha256);
  if (content.byteLength === 0 || sha256Hex(content) !== sha256)
    throw new ServerRefusal({ code: 'unavailable', message: fileRefusals.tampered });
  return content;
}

/** Writes a file into every row that waits for it (the same scan may be attached twice). */
async function fill(db: Kysely<DB>, sha256: string, content: Buffer): Promise<void> {
  await db.transaction().execute(async (transaction) => {
    for (const { table, column, hash } of fileColumns) {
      await transaction
        .updateTable(table as 'receipts')
        .set({ [column]: content } as { bytes: Buffer })
        .where(hash as 'sha256', '=', sha256)
        .where((eb) => eb.fn('length', [column as 'bytes']), '=', 0)
        .execute();
    }
  });
}

/** Fetches one file this desk waits for, writes it where it is wanted, and returns it. */
export async function fetchFile(db: Kysely<DB>, fetch: FetchFile, sha256: string): Promise<Buffer> {
  const content = await fetchChecked(fetch, sha256);
  await fill(db, sha256, content);
  return content;
}

/** The hashes of the files this desk still waits for. */
async function missing(db: Kysely<DB>): Promise<string[]> {
  const hashes = new Set<string>();
  for (const { table, column, hash } of fileColumns) {
    const rows = await db
      .selectFrom(table as 'receipts')
      .select(hash as 'sha256')
      .where((eb) => eb.fn('length', [column as 'bytes']), '=', 0)
      .execute();
    for (const row of rows) if (row.sha256) hashes.add(row.sha256);
  }
  return [...hashes];
}

/**
 * Fetches the files still missing, one by one, until about `budgetBytes` came in this time (the next round goes
 * on). Returns how many are still missing.
 */
export async function fetchMissingFiles(
  db: Kysely<DB>,
  fetch: FetchFile,
  budgetBytes: number,
): Promise<number> {
  const wanted = await missing(db);
  let received = 0;
  let fetched = 0;
  for (const sha256 of wanted) {
    if (received >= budgetBytes) break;
    received += (await fetchFile(db, fetch, sha256)).byteLength;
    fetched++;
  }
  return wanted.length - fetched;
}

/**
 * A file opened before the background fetched it: asked of the server at once with this user token. Refused in
 * Dutch, with nothing written, when the server cannot be reached or sends other content.
 */
export async function fileFromServer(
  db: Kysely<DB>,
  link: DeskLink,
  userToken: string,
  sha256: string,
): Promise<Buffer> {
  const desk = { deviceId: link.deviceId, deviceKey: link.deviceKey, userToken };
  const outOfReach = new Set([clientRefusals.unreachable, clientRefusals.timeout]);
  try {
    return await fetchFile(
      db,
      async (hash) => {
        const answer = await serverClient(link).blob(desk, hash);
        if (answer.ok) return answer.value;
        // Out of reach: say what that means for this file; another refusal (a certificate) speaks for itself.
        const { code, message } = answer.error;
        throw new Failure(code, outOfReach.has(message) ? fileRefusals.notHere : message);
      },
      sha256,
    );
  } catch (thrown) {
    if (thrown instanceof ServerRefusal) throw new Failure(thrown.error.code, thrown.error.message);
    throw thrown;
  }
}
