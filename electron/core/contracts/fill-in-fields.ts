import type { ProfileContent } from '../../../shared/profiles.ts';
import { Failure } from '../failure.ts';

type Value = string | number | string[];

function refuse(naam: string, label: string, message: string): never {
  throw new Failure('invalid_input', `${label}: ${message}`, `velden.${naam}`, message);
}

/**
 * Checks the values a contract gives for its profile's fill-in fields, each against the kind the profile declares,
 * and returns them normalised. Required fields may stay empty in a concept; `complete` (at definitief) insists.
 */
export function checkFillInFields(
  profile: ProfileContent | null,
  values: Record<string, Value>,
  complete: boolean,
): Record<string, Value> {
  const declared = new Map((profile?.velden ?? []).map((f) => [f.naam, f]));
  for (const naam of Object.keys(values)) {
    if (!declared.has(naam)) refuse(naam, naam, 'dit veld staat niet in het functieprofiel');
  }
  const result: Record<string, Value> = {};
  for (const field of declared.values()) {
    const raw = values[field.naam];
    const empty = raw === undefined || raw === '' || (Array.isArray(raw) && raw.length === 0);
    if (empty) {
      if (complete && field.verplicht)
        refuse(field.naam, field.label, 'verplicht voor een definitief contract');
      continue;
    }
    switch (field.soort) {
      case 'tekst':
      case 'lange_tekst': {
        if (typeof raw !== 'string') refuse(field.naam, field.label, 'vul tekst in');
        const max = field.soort === 'tekst' ? 200 : 4000;
        if (raw.trim().length > max) refuse(field.naam, field.label, `maximaal ${max} tekens`);
        result[field.naam] = raw.trim();
        break;
      }
      case 'getal': {
        const n =
          typeof raw === 'number'
            ? raw
            : typeof raw === 'string'
              ? Number(raw.replace(',', '.'))
              : Number.NaN;
        if (!Number.isFinite(n) || n < 0 || n > 100_000) refuse(field.naam, field.label, 'vul een getal in');
        result[field.naam] = n;
        break;
      }
      case 'keuze':
        if (typeof raw !== 'string' || !field.keuzes.includes(raw)) {
          refuse(field.naam, field.label, `kies uit: ${field.keuzes.join(', ')}`);
        }
        result[field.naam] = raw;
        break;
      case 'talen':
        if (!Array.isArray(raw)) refuse(field.naam, field.label, 'kies een of meer talen');
        result[field.naam] = raw.map((t) => t.trim()).filter((t) => t !== '');
        break;
    }
  }
  return result;
}
