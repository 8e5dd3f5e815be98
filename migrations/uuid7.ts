/**
 * A UUIDv7 for rows a migration creates: 48 bits of milliseconds, then random bits (RFC 9562). A frozen copy, so a
 * migration never changes with the app's own id code or a library update.
 */
export function uuid7(ms: number): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let time = ms;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = time % 256;
    time = Math.floor(time / 256);
  }
  bytes[6] = 0x70 | ((bytes[6] as number) & 0x0f);
  bytes[8] = 0x80 | ((bytes[8] as number) & 0x3f);
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
