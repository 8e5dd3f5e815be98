import { z } from 'zod';
import { id, isoDate, nullable, optionalText, requiredText, version } from './validation.ts';

export const groupSaveInput = z.strictObject({
  id: id.nullish(),
  version: version.nullish(),
  naam: requiredText(120),
  begeleiderId: nullable(id),
  leden: z.array(id).max(40, 'maximaal 40 leden'),
});
export const sessionCreateInput = z.strictObject({
  groupId: id,
  datum: isoDate,
  thema: requiredText(200),
  duurMinuten: nullable(z.int('hele minuten').min(1).max(600)),
  samenvatting: optionalText(5000),
  aanwezig: z.array(id).min(1, 'kies wie er waren').max(40),
});

export interface IntervisieGroup {
  id: string;
  version: number;
  naam: string;
  begeleiderId: string | null;
  leden: { personId: string; naam: string }[];
  sessies: { id: string; datum: string; thema: string; aanwezig: number }[];
}
