import { createHash } from 'node:crypto';
import { invalidField } from './failure.ts';

const signatures: [mime: string, bytes: number[]][] = [
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
];

/** The extension a stored file is handed out with, from the type its content showed. */
export const extensionOf: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
};

/**
 * An uploaded scan or photo (a receipt, a certificate): its type read from its first bytes, never from its name;
 * anything but a PDF, PNG or JPEG is refused at `field`, as is an empty or too large file.
 */
export function readTypedFile(base64: string, field: string, maxBytes: number) {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64))
    throw invalidField(field, 'het bestand is niet goed doorgegeven');
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) throw invalidField(field, 'het bestand is leeg');
  if (bytes.length > maxBytes)
    throw invalidField(field, `bestand groter dan ${Math.round(maxBytes / 1024 / 1024)} MB`);
  const match = signatures.find(([, sig]) => sig.every((b, i) => bytes[i] === b));
  if (!match) throw invalidField(field, 'alleen een foto (JPEG, PNG) of een PDF');
  return {
    mime: match[0],
    bytes,
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}
