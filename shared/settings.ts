import { z } from 'zod';
import {
  bic,
  iban,
  kvkNumber,
  nullable,
  optionalText,
  postcode,
  requiredText,
  version,
} from './validation.ts';

/** A logo as a data URL; 512 KiB of image is plenty for a letterhead. */
export const maxLogoBytes = 512 * 1024;
const logo = z
  .string()
  .regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+=*$/, 'alleen een PNG- of JPEG-afbeelding')
  .refine((v) => ((v.length - v.indexOf(',') - 1) * 3) / 4 <= maxLogoBytes, 'afbeelding groter dan 512 kB');

export const settingsUpdateInput = z.strictObject({
  version,
  naam: requiredText(120),
  straat: optionalText(100),
  huisnummer: optionalText(12),
  postcode: nullable(postcode),
  plaats: optionalText(80),
  kvkNummer: nullable(kvkNumber),
  iban: nullable(iban),
  bic: nullable(bic),
  logo: nullable(logo),
  vergrendelenNaMinuten: z
    .int('vul een aantal minuten in')
    .min(1, 'minimaal 1 minuut')
    .max(240, 'maximaal 240 minuten (4 uur)'),
});

export type Settings = z.output<typeof settingsUpdateInput> & { updatedAt: string };

/** What the window title and the login screen may show before anyone logs in. */
export interface AppStatus {
  needsSetup: boolean;
  organisatieNaam: string | null;
  appVersion: string;
  /** What this computer tells whoever comes to it, e.g. that the server's beheerder revoked it; else null. */
  melding: string | null;
}
