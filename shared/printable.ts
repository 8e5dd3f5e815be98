// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this replaces
const unprintable = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g;

/**
 * Text from the caller (an unknown field or call name) made safe to show inside a message: control, zero-width
 * and direction characters become '?', and it is cut at `max` characters.
 */
export function printable(text: string, max: number): string {
  const shown = text.replace(unprintable, '?');
  return shown.length > max ? `${shown.slice(0, max)}…` : shown;
}
