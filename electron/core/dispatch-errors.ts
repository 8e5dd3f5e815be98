import type { z } from 'zod';
import { labelForPath } from '../../shared/field-labels.ts';
import { printable } from '../../shared/printable.ts';
import type { AppError, Result } from '../../shared/result.ts';
import { errorCode, storeErrorFrom } from './store/store-error.ts';

/** A call's result when it fails: the error the user is shown. */
export function failure(error: AppError): Result<never> {
  return { ok: false, error };
}

/**
 * 'Onbekende opdracht: persons.drop.' for a name, and no name for anything else: String() of an object could
 * throw (a null prototype) or read as '[object Map]'.
 */
export function unknownCallMessage(call: unknown): string {
  if (typeof call !== 'string' || call.trim() === '') return 'Onbekende opdracht.';
  return `Onbekende opdracht: ${printable(call, 60)}.`;
}

/**
 * A zod error as Dutch text naming the field ('IBAN: controlecijfer klopt niet; controleer het nummer'), and per
 * field the message without its label, for the form to show at that field.
 */
export function inputError(error: z.ZodError): AppError {
  // A Map, not an object: a key such as '__proto__' in the input must not reach an object's prototype.
  const fields = new Map<string, string>();
  const labelled = new Map<string, string>();
  for (const issue of error.issues) {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    const path = keys.length > 0 ? [...issue.path, keys[0] as string] : issue.path;
    const key = path.map(String).join('.') || 'invoer';
    const label = path.length ? labelForPath(path) : 'Invoer';
    const message = keys.length > 0 ? 'onbekend veld; niet toegestaan' : issue.message;
    if (!fields.has(key)) {
      fields.set(key, message);
      labelled.set(key, `${label}: ${message}`);
    }
  }
  const [field, message] = [...labelled][0] ?? ['invoer', 'Invoer: ongeldig'];
  const count = fields.size;
  return {
    code: 'invalid_input',
    message: count > 1 ? `${message} (en ${count - 1} andere ${count === 2 ? 'fout' : 'fouten'})` : message,
    field,
    fields: Object.fromEntries(fields),
  };
}

/**
 * PostgreSQL's passing troubles (its SQLSTATE classes: 08 connection, 40 rolled back as a deadlock or
 * serialisation failure, 53 out of resources, 57 shut down or cancelled) and a lost connection: nothing was saved,
 * and the same call may well succeed in a moment. A command pushed to the server is then sent again, not refused.
 */
function passingServerTrouble(thrown: unknown): boolean {
  const code = (thrown as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return false;
  return (
    /^(08|40|53|57)[0-9A-Z]{3}$/.test(code) ||
    ['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE'].includes(code)
  );
}

/** PostgreSQL's codes for text it cannot store: character_not_in_repertoire (a NUL), untranslatable_character. */
const notStorableText = new Set(['22021', '22P05']);

/**
 * PostgreSQL keeps no NUL character in text, where SQLite does: a command made on a desk, or a name sent to the
 * server, may carry one. Refused as input, with nothing stored; null for any other failure.
 */
export function unstorableText(thrown: unknown): AppError | null {
  if (!notStorableText.has(errorCode(thrown))) return null;
  return {
    code: 'invalid_input',
    message:
      'De invoer bevat een teken dat niet kan worden opgeslagen (een nul-teken). Er is niets opgeslagen; haal het teken weg en probeer het opnieuw.',
  };
}

/**
 * A failure of the database itself (busy, disk full, no access, a passing trouble of PostgreSQL), or text it cannot
 * hold, that ended a call, as what the user is told; null for anything else, which is a bug of ours.
 */
export function storeFailure(thrown: unknown, file: string): AppError | null {
  if (passingServerTrouble(thrown)) {
    return {
      code: 'unavailable',
      message:
        'De database was even niet bereikbaar of bezet. Er is niets opgeslagen; probeer het zo opnieuw.',
    };
  }
  const text = unstorableText(thrown);
  if (text) return text;
  const storeError = storeErrorFrom(thrown, file);
  if (storeError?.kind === 'locked') {
    return {
      code: 'unavailable',
      message:
        'De database is even bezet door een ander venster of programma. Er is niets opgeslagen; probeer het zo opnieuw.',
    };
  }
  if (storeError?.kind === 'no_space' || storeError?.kind === 'no_access') {
    // The transaction was rolled back: say why, and that nothing half-saved stays behind.
    return {
      code: 'unavailable',
      message:
        storeError.kind === 'no_space'
          ? 'De schijf is vol of weigert te schrijven. Er is niets opgeslagen; maak ruimte vrij en probeer het opnieuw.'
          : 'Schakel kan niet schrijven in zijn gegevensmap (alleen-lezen of geen rechten). Er is niets opgeslagen.',
    };
  }
  return null;
}
