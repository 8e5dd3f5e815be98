import { createHash } from 'node:crypto';
import { maxReceiptBytes } from '../../../shared/claims.ts';
import { invalidField } from '../failure.ts';

const signatures: [mime: string, bytes: number[]][] = [
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
];

/** A receipt's type read from its first bytes, never from its name; anything else is refused. */
export function readReceipt(base64: string, index: number) {
  const field = `bonnen.${index}`;
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64))
    throw invalidField(field, 'het bestand is niet goed doorgegeven');
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) throw invalidField(field, 'het bestand is leeg');
  if (bytes.length > maxReceiptBytes) throw invalidField(field, 'bestand groter dan 5 MB');
  const match = signatures.find(([, sig]) => sig.every((b, i) => bytes[i] === b));
  if (!match) throw invalidField(field, 'alleen een foto (JPEG, PNG) of een PDF');
  return {
    mime: match[0],
    bytes,
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}
