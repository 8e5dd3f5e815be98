/**
 * A JavaScript stack as short frames, `functionName file.js:line:col`, for the log and the technical report. The
 * error's message (the stack's first line) and every folder are left out: a message can carry a value from the
 * data, and a folder the user's name (C:\Users\jan.jansen\…). What remains names only code.
 */
const framePattern = /^\s*at (?:(.+?) \()?(.+?):(\d+):(\d+)\)?\s*$/;
const functionPattern = /^(?:async )?(?:new )?[\w$.<>[\] ]{1,80}$/;
const filePattern = /^[\w.-]{1,80}$/;

export function stackFrames(stack: string | undefined | null, max = 12): string[] {
  if (!stack) return [];
  const frames: string[] = [];
  for (const line of stack.split('\n')) {
    const match = framePattern.exec(line);
    if (!match) continue;
    const [, fn, location, row, col] = match;
    // Only the file's own name: no folders, no query string (a bundle's ?v=…), no host and port.
    const file =
      (location ?? '')
        .split(/[\\/]/)
        .pop()
        ?.replace(/[?#].*$/, '') ?? '';
    if (!filePattern.test(file)) continue;
    const name = fn && functionPattern.test(fn) ? fn : '<anoniem>';
    frames.push(`${name} ${file}:${row}:${col}`);
    if (frames.length >= max) break;
  }
  return frames;
}

/** A frame as stackFrames writes it, for code that must check one it did not make. */
export function isStackFrame(frame: unknown): boolean {
  return (
    typeof frame === 'string' && /^(?:async )?(?:new )?[\w$.<>[\] ]{1,80} [\w.-]{1,80}:\d+:\d+$/.test(frame)
  );
}
