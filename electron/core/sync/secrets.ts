import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * The secrets of working as a team: device keys and user tokens (32 random bytes) and pairing codes. The server
 * keeps only their SHA-256: each is random and long enough that a slow hash (as for passwords) adds nothing, and
 * a copy of the database does not let anyone act as a desk.
 */
export function newKey(): string {
  return randomBytes(32).toString('base64url');
}

/** A key or token as newKey makes it: 32 bytes in base64url. */
export const keyPattern = /^[A-Za-z0-9_-]{43}$/;

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Compares two SHA-256 hex digests in constant time. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === 32 && y.length === 32 && timingSafeEqual(x, y);
}

/** Letters and digits nobody confuses when reading them off a screen: no 0/O, 1/I/L. */
const codeAlphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const groups = 3;
const groupLength = 4;

/** A pairing code of three groups of four (`K7QD-M3XW-9HTP`): 12 × log2(31) ≈ 59 bits, typed by hand once. */
export function newPairingCode(): string {
  const chars = Array.from(
    { length: groups * groupLength },
    () => codeAlphabet[randomInt(codeAlphabet.length)],
  );
  return Array.from({ length: groups }, (_, g) =>
    chars.slice(g * groupLength, (g + 1) * groupLength).join(''),
  ).join('-');
}

/** A code as typed (lower case, spaces or dashes anywhere) in the one form that is hashed. */
export function normalisePairingCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}
