import type { ReadCtx } from './context.ts';
import { notFetched } from './sync/desk-files.ts';

/**
 * A file's bytes as a read call hands them out. On a linked desk a file whose row arrived before its content
 * (sync/desk-files.ts) is fetched from the server now, by the hash its row records.
 */
export async function storedFile(ctx: ReadCtx, bytes: Uint8Array, sha256: string | null): Promise<Buffer> {
  if (!notFetched(bytes) || sha256 === null) return Buffer.from(bytes);
  return ctx.link.file(sha256, ctx.account);
}
