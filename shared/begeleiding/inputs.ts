import { z } from 'zod';
import {
  id,
  isoDate,
  nullable,
  optionalIsoDate,
  optionalText,
  requiredText,
  version,
} from '../validation.ts';
import { type GoalStatus, goalStatuses, type PopChange, type PopContent } from './pop-diff.ts';
import { type Rhythm, rhythms } from './rhythm.ts';

export const logKinds = [
  'ontwikkelingsgesprek',
  'intervisie',
  'werkoverleg',
  'praktisch',
  'signaal',
] as const;
export type LogKind = (typeof logKinds)[number];
export const logKindLabels: Record<LogKind, string> = {
  ontwikkelingsgesprek: 'Ontwikkelingsgesprek',
  intervisie: 'Intervisie',
  werkoverleg: 'Werkoverleg',
  praktisch: 'Praktisch contact',
  signaal: 'Signaal',
};
export const signalKinds = ['overbelasting', 'grenzen', 'persoonlijke_situatie', 'conflict'] as const;
export type SignalKind = (typeof signalKinds)[number];
export const signalKindLabels: Record<SignalKind, string> = {
  overbelasting: 'Overbelasting',
  grenzen: 'Grenzen',
  persoonlijke_situatie: 'Persoonlijke situatie',
  conflict: 'Conflict',
};

const goal = z.strictObject({
  id,
  wat: requiredText(300),
  hoe: optionalText(1000).transform((v) => v ?? ''),
  wieHelpt: optionalText(200).transform((v) => v ?? ''),
  streefdatum: optionalIsoDate,
  status: z.enum(goalStatuses, { error: 'kies een status' }),
});

export const popContent = z
  .strictObject({
    startdatum: isoDate,
    kwaliteiten: optionalText(2000).transform((v) => v ?? ''),
    ambitie: optionalText(2000).transform((v) => v ?? ''),
    ritme: nullable(z.enum(rhythms, { error: 'kies een ritme' })),
    doelen: z
      .array(goal)
      .max(20, 'maximaal 20 leerdoelen')
      .refine((d) => new Set(d.map((g) => g.id)).size === d.length, 'elk leerdoel maar één keer'),
  })
  .superRefine((p, ctx) => {
    p.doelen.forEach((g, i) => {
      if (g.streefdatum && g.streefdatum < p.startdatum) {
        ctx.addIssue({
          code: 'custom',
          path: ['doelen', i, 'streefdatum'],
          message: 'ligt vóór de start van het POP',
        });
      }
    });
  });

export const popSaveInput = z.strictObject({
  personId: id,
  /** The POP's version as read; null when making the first POP. */
  version: version.nullable(),
  content: popContent,
});
export const popGetInput = z.strictObject({ personId: id, versie: z.int().min(1).nullish() });

const goalUpdate = z.strictObject({
  goalId: id,
  status: z.enum(goalStatuses, { error: 'kies een status' }),
  notitie: requiredText(1000),
});

export const logCreateInput = z
  .strictObject({
    personId: id,
    soort: z.enum(logKinds, { error: 'kies een soort' }),
    signaalSoort: nullable(z.enum(signalKinds)),
    datum: isoDate,
    duurMinuten: nullable(z.int('hele minuten').min(1, 'minimaal 1 minuut').max(600, 'meer dan 10 uur')),
    samenvatting: requiredText(5000),
    afspraken: optionalText(2000),
    volgendeAfspraak: optionalIsoDate,
    vertrouwelijk: z.boolean(),
    ownerId: nullable(id),
    doelUpdates: z.array(goalUpdate).max(20).default([]),
  })
  .superRefine((e, ctx) => {
    if (e.soort === 'signaal' && !e.signaalSoort) {
      ctx.addIssue({ code: 'custom', path: ['signaalSoort'], message: 'kies wat voor signaal' });
    }
    if (e.soort !== 'signaal' && e.signaalSoort) {
      ctx.addIssue({ code: 'custom', path: ['signaalSoort'], message: 'alleen bij een signaal' });
    }
    if (e.volgendeAfspraak && e.volgendeAfspraak < e.datum) {
      ctx.addIssue({ code: 'custom', path: ['volgendeAfspraak'], message: 'ligt vóór dit gesprek' });
    }
  });

export const logListInput = z.strictObject({ personId: id });
export const signalFollowUpInput = z.strictObject({
  id,
  version,
  opvolging: requiredText(2000),
  sluiten: z.boolean(),
  datum: isoDate,
});

export const caseloadInput = z.strictObject({ begeleiderId: id.nullish() });

export interface GoalView {
  goal: PopContent['doelen'][number];
  /** The status now: from the latest progress note, else as the POP version set it. */
  status: GoalStatus;
  progress: { id: string; datum: string; status: GoalStatus; notitie: string; door: string | null }[];
}

export interface PopView {
  id: string;
  version: number;
  personId: string;
  personNaam: string;
  versie: number;
  current: PopContent;
  shown: PopContent;
  shownVersie: number;
  versions: { versie: number; createdAt: string; createdBy: string | null }[];
  goals: GoalView[];
  /** Changes from the version before the shown one (empty for the first). */
  changes: PopChange[];
}

export interface LogEntry {
  id: string;
  version: number;
  soort: LogKind;
  signaalSoort: SignalKind | null;
  datum: string;
  duurMinuten: number | null;
  samenvatting: string;
  afspraken: string | null;
  volgendeAfspraak: string | null;
  vertrouwelijk: boolean;
  auteur: string;
  eigenaar: string | null;
  opvolging: string | null;
  geslotenOp: string | null;
  doelUpdates: { goalId: string; wat: string; status: GoalStatus; notitie: string }[];
}

export interface CaseloadRow {
  personId: string;
  naam: string;
  begeleiderId: string | null;
  begeleiderNaam: string | null;
  ritme: Rhythm | null;
  laatsteGesprek: string | null;
  volgendeGesprek: string | null;
  dagenTeLaat: number;
  stand: 'geen_ritme' | 'op_schema' | 'binnenkort' | 'te_laat';
  heeftPop: boolean;
  doelenOverDatum: number;
  openSignalen: number;
}
