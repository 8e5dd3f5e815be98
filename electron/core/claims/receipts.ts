import { maxReceiptBytes } from '../../../shared/claims.ts';
import { readTypedFile } from '../uploads.ts';

/** A receipt's type read from its first bytes, never from its name; anything else is refused. */
export function readReceipt(base64: string, index: number) {
  return readTypedFile(base64, `bonnen.${index}`, maxReceiptBytes);
}
