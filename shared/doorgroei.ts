/**
 * Doorgroei: a person's education, Dutch level per skill and work experience (what shows they can move on to paid
 * work or study), and their uitstroom: what they went on to when they stopped. Projectleiders and begeleiders
 * keep it; the administrateur does not see it.
 */
import { z } from 'zod';
import { id, isoDate, nullable, optionalIsoDate, optionalText, requiredText, version } from './validation.ts';

/** The levels of the Common European Framework, lowest first (also the person's overall Dutch level). */
export const cefrLevels = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;

export const educationCountries = ['herkomstland', 'nederland'] as const;
export const educationCountryLabels: Record<(typeof educationCountries)[number], string> = {
  herkomstland: 'Land van herkomst',
  nederland: 'Nederland',
};

export const educationLevels = ['basisonderwijs', 'voortgezet', 'mbo', 'hbo', 'wo', 'anders'] as const;
export const educationLevelLabels: Record<(typeof educationLevels)[number], string> = {
  basisonderwijs: 'Basisonderwijs',
  voortgezet: 'Voortgezet onderwijs',
  mbo: 'Mbo (of vergelijkbaar)',
  hbo: 'Hbo (of vergelijkbaar)',
  wo: 'Universiteit (wo)',
  anders: 'Anders',
};

/** Whether the IDW (Internationale Diplomawaardering) valued a diploma from abroad. */
export const idwAnswers = ['ja', 'nee', 'aangevraagd'] as const;
export const idwLabels: Record<(typeof idwAnswers)[number], string> = {
  ja: 'Gewaardeerd',
  nee: 'Niet gewaardeerd',
  aangevraagd: 'Aangevraagd',
};

export const dutchSkills = ['lezen', 'luisteren', 'schrijven', 'spreken'] as const;
export type DutchSkill = (typeof dutchSkills)[number];
export const dutchSkillLabels: Record<DutchSkill, string> = {
  lezen: 'Lezen',
  luisteren: 'Luisteren',
  schrijven: 'Schrijven',
  spreken: 'Spreken',
};

export const dutchExams = [
  'staatsexamen_nt2_i',
  'staatsexamen_nt2_ii',
  'inburgeringsexamen',
  'anders',
] as const;
export const dutchExamLabels: Record<(typeof dutchExams)[number], string> = {
  staatsexamen_nt2_i: 'Staatsexamen NT2 I',
  staatsexamen_nt2_ii: 'Staatsexamen NT2 II',
  inburgeringsexamen: 'Inburgeringsexamen',
  anders: 'Ander examen',
};

/** The levels the register's filter counts as "B1 of hoger". */
export const atLeastB1: readonly (typeof cefrLevels)[number][] = ['B1', 'B2', 'C1', 'C2'];

/** The register's filter "Nederlands B1 of hoger": in one named skill, or in each of the four. */
export const dutchFilters = [...dutchSkills, 'alle'] as const;
export type DutchFilter = (typeof dutchFilters)[number];
export const dutchFilterLabels: Record<DutchFilter, string> = {
  lezen: 'Lezen',
  luisteren: 'Luisteren',
  schrijven: 'Schrijven',
  spreken: 'Spreken',
  alle: 'Alle vier vaardigheden',
};

export const outflowKinds = [
  'betaald_werk',
  'studie',
  'andere_organisatie',
  'verhuisd',
  'gestopt',
  'anders',
] as const;
export type OutflowKind = (typeof outflowKinds)[number];
export const outflowKindLabels: Record<OutflowKind, string> = {
  betaald_werk: 'Betaald werk',
  studie: 'Studie of opleiding',
  andere_organisatie: 'Andere organisatie',
  verhuisd: 'Verhuisd',
  gestopt: 'Gestopt, geen vervolg',
  anders: 'Anders',
};

/** The portfolio's text stays short: a few paragraphs on the first page, not a letter. */
export const portfolioTextMax = 1200;

export const educationEntry = z
  .strictObject({
    land: z.enum(educationCountries, { error: 'kies Nederland of het land van herkomst' }),
    niveau: z.enum(educationLevels, { error: 'kies een niveau' }),
    richting: requiredText(100),
    diploma: z.boolean(),
    idw: nullable(z.enum(idwAnswers, { error: 'kies ja, nee of aangevraagd' })),
  })
  .superRefine((v, ctx) => {
    if (v.land === 'nederland' && v.idw !== null)
      ctx.addIssue({
        code: 'custom',
        path: ['idw'],
        message: 'alleen voor een opleiding uit het buitenland',
      });
  });

export const dutchLevel = z
  .strictObject({
    vaardigheid: z.enum(dutchSkills, { error: 'kies een vaardigheid' }),
    niveau: z.enum(cefrLevels, { error: 'kies A1 tot en met C2' }),
    examen: nullable(z.enum(dutchExams, { error: 'kies een examen' })),
    examenDatum: optionalIsoDate,
  })
  .superRefine((v, ctx) => {
    if (v.examenDatum && !v.examen)
      ctx.addIssue({ code: 'custom', path: ['examen'], message: 'kies het examen bij de datum' });
  });

export const workEntry = z
  .strictObject({
    functie: requiredText(100),
    sector: optionalText(80),
    land: requiredText(60),
    van: isoDate,
    tot: optionalIsoDate,
  })
  .superRefine((v, ctx) => {
    if (v.tot && v.tot < v.van)
      ctx.addIssue({ code: 'custom', path: ['tot'], message: 'ligt voor de begindatum' });
  });

export const doorgroeiSaveInput = z.strictObject({
  personId: id,
  /** The version read, or null for a person without doorgroei data yet. */
  version: version.nullable(),
  opleidingen: z.array(educationEntry).max(20, 'maximaal 20 opleidingen'),
  nederlands: z
    .array(dutchLevel)
    .max(dutchSkills.length)
    .refine(
      (list) => new Set(list.map((l) => l.vaardigheid)).size === list.length,
      'elke vaardigheid maar één keer',
    ),
  werkervaring: z.array(workEntry).max(30, 'maximaal 30 functies'),
  /** The begeleider's short text for the portfolio; saved with the rest, so an absent one clears it. */
  portfolioTekst: optionalText(portfolioTextMax),
});

/** What a person went on to; the date is the day they stopped. */
export const outflowFields = {
  datum: isoDate,
  vervolg: z.enum(outflowKinds, { error: 'kies wat de persoon gaat doen' }),
  toelichting: optionalText(500),
};

function checkOutflow(v: { vervolg: OutflowKind; toelichting: string | null }, ctx: z.RefinementCtx) {
  if (v.vervolg === 'anders' && !v.toelichting)
    ctx.addIssue({ code: 'custom', path: ['toelichting'], message: 'licht "anders" toe' });
}

/** The uitstroom given with a status change to gestopt (its date is the status date). */
export const outflowWithStatus = z
  .strictObject({ vervolg: outflowFields.vervolg, toelichting: outflowFields.toelichting })
  .superRefine(checkOutflow);

export const outflowAddInput = z.strictObject({ personId: id, ...outflowFields }).superRefine(checkOutflow);
export const outflowUpdateInput = z.strictObject({ id, version, ...outflowFields }).superRefine(checkOutflow);

export type EducationEntry = z.output<typeof educationEntry>;
export type DutchLevel = z.output<typeof dutchLevel>;
export type WorkEntry = z.output<typeof workEntry>;
export type DoorgroeiSaveInput = z.input<typeof doorgroeiSaveInput>;

export interface Outflow {
  id: string;
  version: number;
  datum: string;
  vervolg: OutflowKind;
  toelichting: string | null;
  doorNaam: string | null;
}

export interface DoorgroeiView {
  personId: string;
  /** null while nothing was saved for the person. */
  version: number | null;
  opleidingen: EducationEntry[];
  nederlands: DutchLevel[];
  werkervaring: WorkEntry[];
  portfolioTekst: string | null;
  /** Newest first. */
  uitstroom: Outflow[];
}
