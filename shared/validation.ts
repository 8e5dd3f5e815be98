import { z } from 'zod';
import { bicProblem, ibanProblem, normalizeIban } from './iban.ts';

// Dutch messages for every generic zod issue; field-specific messages are set where the field is defined.
// A missing field reads 'verplicht', a value of the wrong kind 'ongeldige waarde': plainer than the locale's wording.
z.config(z.locales.nl());
z.config({
  customError: (issue) => {
    if (issue.code !== 'invalid_type') return undefined;
    return issue.input === undefined ? 'verplicht' : 'ongeldige waarde';
  },
});

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

function isRealDate(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

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
