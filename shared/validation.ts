import { z } from 'zod';
import { isRealDate } from './dates.ts';
import { bicProblem, ibanProblem, normalizeIban } from './iban.ts';

// Dutch messages for every generic zod issue; field-specific messages are set where the field is defined. The
// locale's wording names the type ('verwacht dat string <=200 tekens heeft'); a user reads 'maximaal 200 tekens'.
// The locale stays underneath for any issue kind a later zod adds.
z.config(z.locales.nl());
z.config({ customError: (issue) => genericMessage(issue) });

const dutchNumber = (n: number | bigint) => n.toLocaleString('nl-NL');
/** The bounds z.int() sets by itself: a number beyond them is simply too large (or small) for any field. */
const unbounded = (n: number | bigint) => Math.abs(Number(n)) >= Number.MAX_SAFE_INTEGER;

function genericMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'verplicht' : 'ongeldige waarde';
    case 'too_big': {
      const max = issue.maximum;
      if (issue.origin === 'string') return `maximaal ${dutchNumber(max)} tekens`;
      if (issue.origin === 'array' || issue.origin === 'set') return `maximaal ${dutchNumber(max)}`;
      if (unbounded(max)) return 'te groot getal';
      return issue.inclusive ? `hoogstens ${dutchNumber(max)}` : `minder dan ${dutchNumber(max)}`;
    }
    case 'too_small': {
      const min = issue.minimum;
      if (issue.origin === 'string')
        return Number(min) <= 1 ? 'verplicht' : `minimaal ${dutchNumber(min)} tekens`;
      if (issue.origin === 'array' || issue.origin === 'set') {
        return Number(min) <= 1 ? 'kies er minstens één' : `kies er minstens ${dutchNumber(min)}`;
      }
      if (unbounded(min)) return 'te klein getal';
      return issue.inclusive ? `minimaal ${dutchNumber(min)}` : `meer dan ${dutchNumber(min)}`;
    }
    case 'invalid_value':
      return issue.values.length > 1 ? 'kies een van de mogelijkheden' : 'ongeldige waarde';
    case 'invalid_format':
      return issue.format === 'uuid' ? 'ongeldige verwijzing' : 'ongeldige waarde';
    case 'not_multiple_of':
      return 'ongeldig getal';
    case 'unrecognized_keys':
      return 'onbekend veld; niet toegestaan';
    case 'invalid_key':
      return 'ongeldige veldnaam';
    case 'invalid_union':
    case 'invalid_element':
      return 'ongeldige waarde';
    default:
      return undefined;
  }
}

/** Optional free text: trimmed, '' stored as null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `maximaal ${max} tekens`)
    .nullish()
    .transform((v) => (v ? v : null));

export const requiredText = (max: number) =>
  z.string({ error: 'verplicht' }).trim().min(1, 'verplicht').max(max, `maximaal ${max} tekens`);

/** An ISO calendar date 'YYYY-MM-DD' that exists. */
export const isoDate = z
  .string({ error: 'vul een datum in' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'vul een datum in als dd-mm-jjjj')
  .refine(isRealDate, 'deze datum bestaat niet')
  .refine((v) => v >= '1900-01-01' && v <= '2199-12-31', 'datum buiten bereik');

export const optionalIsoDate = isoDate.nullish().transform((v) => v ?? null);

/** Dutch postcode, stored as '1234 AB'. SA, SD and SS are never issued. */
export const postcode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[1-9][0-9]{3} ?[A-Z]{2}$/, 'vul een postcode in als 1234 AB')
  .refine((v) => !/(SA|SD|SS)$/.test(v), 'deze lettercombinatie bestaat niet in postcodes')
  .transform((v) => `${v.slice(0, 4)} ${v.slice(-2)}`);

export const iban = z
  .string({ error: 'vul een IBAN in' })
  .transform(normalizeIban)
  .superRefine((v, ctx) => {
    const problem = ibanProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const bic = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((v, ctx) => {
    const problem = bicProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()-]{8,20}$/, 'vul een telefoonnummer in, bijvoorbeeld 06 12345678')
  .refine((v) => v.replace(/\D/g, '').length >= 9, 'te weinig cijfers voor een telefoonnummer');

export const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'maximaal 254 tekens')
  .email('ongeldig e-mailadres');

export const kvkNumber = z
  .string()
  .trim()
  .regex(/^[0-9]{8}$/, 'een KvK-nummer heeft 8 cijfers');

export const id = z.uuid({ error: 'ongeldige verwijzing' });

/** The version of a record as the caller read it; an update against a newer version is refused. */
export const version = z.int('ongeldige versie').min(1, 'ongeldige versie');

/** Empty form fields arrive as '' or null; make both null before the optional schema runs. */
export const nullable = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' || v === undefined ? null : v), schema.nullable());
