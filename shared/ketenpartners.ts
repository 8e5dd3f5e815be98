import { z } from 'zod';
import {
  email,
  id,
  isoDate,
  nullable,
  optionalIsoDate,
  optionalText,
  phone,
  requiredText,
  version,
} from './validation.ts';
import { type PartnerKind, partnerKinds } from './work-vocabulary.ts';

/** A partner organisation requests come from and inzet is done for; archived, never deleted. */
export interface Partner {
  id: string;
  version: number;
  naam: string;
  soort: PartnerKind;
  contactpersoon: string | null;
  telefoon: string | null;
  email: string | null;
  gemeente: string | null;
  gearchiveerd: boolean;
}

/** A project or subsidie that inzet and claims can carry; the verantwoording sets their costs against its budget. */
export interface Project {
  id: string;
  version: number;
  naam: string;
  /** The funder, when it is a partner in the register. */
  partnerId: string | null;
  gemeente: string | null;
  startdatum: string;
  einddatum: string | null;
  budgetCents: number;
  gearchiveerd: boolean;
}

export const partnerSaveInput = z.strictObject({
  id: id.nullish(),
  version: version.nullish(),
  naam: requiredText(150),
  soort: z.enum(partnerKinds, { error: 'kies een soort organisatie' }),
  contactpersoon: optionalText(120),
  telefoon: nullable(phone),
  email: nullable(email),
  gemeente: optionalText(80),
});

export const projectSaveInput = z
  .strictObject({
    id: id.nullish(),
    version: version.nullish(),
    naam: requiredText(150),
    partnerId: nullable(id),
    gemeente: optionalText(80),
    startdatum: isoDate,
    einddatum: optionalIsoDate,
    budgetCents: z
      .int('een bedrag heeft hoogstens 2 decimalen')
      .min(0, 'niet negatief')
      .max(100_000_000_00, 'hoger dan € 100 miljoen'),
  })
  .superRefine((p, ctx) => {
    if (p.einddatum && p.einddatum < p.startdatum)
      ctx.addIssue({ code: 'custom', path: ['einddatum'], message: 'ligt vóór de begindatum' });
  });

export const archiveInput = z.strictObject({ id, version, gearchiveerd: z.boolean() });
export const listInput = z.strictObject({ metGearchiveerd: z.boolean().default(false) });
