/**
 * The portfolio a sleutelpersoon takes to a job interview, as a document on the organisation's letterhead: the
 * begeleider's text, trainings with their certificates, the contracts held, the POP goals reached, education and
 * languages, work experience. Plain Dutch for an employer who knows none of Schakel's terms; a section with
 * nothing in it is left out, never printed empty.
 */

import type { Block, DocumentModel } from '../../../shared/document-model.ts';
import {
  type DoorgroeiView,
  dutchExamLabels,
  dutchSkillLabels,
  type EducationEntry,
  educationLevelLabels,
  idwLabels,
} from '../../../shared/doorgroei.ts';
import { capitalise, formatDateLong, formatMinutes, formatMonth } from '../../../shared/format.ts';
import { fullName, languageLevelLabels, type Person } from '../../../shared/persons.ts';
import { contractFormLabels } from '../../../shared/profiles.ts';
import type { TrainingOfPerson } from '../../../shared/scholing.ts';
import type { ReachedGoal } from '../begeleiding/read.ts';
import type { ContractHeld } from '../contracts/read.ts';

export interface PortfolioData {
  person: Person;
  doorgroei: Pick<DoorgroeiView, 'opleidingen' | 'nederlands' | 'werkervaring' | 'portfolioTekst'>;
  trainingen: TrainingOfPerson[];
  contracten: ContractHeld[];
  leerdoelen: ReachedGoal[];
  /** The day it is printed: certificates are valid or expired on it. */
  today: string;
}

type Section = DocumentModel['sections'][number];
type Row = [label: string, value: string];

/** The name on official papers: an employer checks it against diplomas and the passport, not the roepnaam. */
export const officialName = (person: Person) => fullName({ ...person, roepnaam: null });

const details = (...parts: (string | null | false)[]) => parts.filter(Boolean).join(' · ');

function certificate(t: TrainingOfPerson, today: string): string | null {
  if (t.verloopdatum) {
    const until = `certificaat, geldig tot ${formatDateLong(t.verloopdatum)}`;
    return t.verloopdatum < today ? `${until} (verlopen)` : until;
  }
  return t.heeftCertificaat ? 'certificaat' : null;
}

/**
 * Completed trainings newest first, dated by their completion; then those in progress. Planned and stopped ones
 * are no achievement yet, so an employer does not see them.
 */
function trainings(list: TrainingOfPerson[], today: string): Block[] {
  const done = list.filter((t) => t.status === 'afgerond').reverse();
  const busy = list.filter((t) => t.status === 'bezig');
  const blocks: Block[] = [];
  if (done.length > 0) {
    blocks.push({
      kind: 'facts',
      rows: done.map(
        (t): Row => [
          formatDateLong(t.einddatum ?? t.startdatum),
          `${t.naam}\n${details(t.aanbieder, t.minuten !== null && formatMinutes(t.minuten), certificate(t, today))}`,
        ],
      ),
    });
  }
  if (busy.length > 0) {
    blocks.push({ kind: 'heading', text: 'Nu bezig' });
    blocks.push({
      kind: 'facts',
      rows: busy.map(
        (t): Row => [
          t.startdatum ? `sinds ${formatDateLong(t.startdatum)}` : 'nu bezig',
          `${t.naam}\n${t.aanbieder}`,
        ],
      ),
    });
  }
  return blocks;
}

function contractPeriod(c: ContractHeld, today: string): string {
  if (c.startdatum > today) return `vanaf ${formatDateLong(c.startdatum)}`;
  if (!c.einddatum) return `sinds ${formatDateLong(c.startdatum)}`;
  return `${formatDateLong(c.startdatum)} – ${formatDateLong(c.einddatum)}`;
}

function contracts(list: ContractHeld[], today: string): Block[] {
  if (list.length === 0) return [];
  return [
    {
      kind: 'facts',
      rows: list.map((c): Row => {
        const form = contractFormLabels[c.vorm] ?? c.vorm;
        return [contractPeriod(c, today), c.functie ? `${c.functie}\n${form}` : form];
      }),
    },
  ];
}

function goals(list: ReachedGoal[]): Block[] {
  if (list.length === 0) return [];
  return [
    {
      kind: 'bullets',
      items: list.map((g) => (g.behaaldOp ? `${g.wat} (behaald op ${formatDateLong(g.behaaldOp)})` : g.wat)),
    },
  ];
}

function education(e: EducationEntry, herkomstland: string | null): string {
  const where =
    e.land === 'nederland' ? 'in Nederland' : herkomstland ? `in ${herkomstland}` : 'in het buitenland';
  const diploma = e.diploma ? 'diploma behaald' : 'geen diploma';
  const idw = e.idw ? `; diplomawaardering (IDW): ${idwLabels[e.idw].toLowerCase()}` : '';
  return `${educationLevelLabels[e.niveau]}, ${e.richting}, ${where}: ${diploma}${idw}`;
}

/** 'Lezen en luisteren' → 'B2 · Staatsexamen NT2 II · examen op 12 juni 2025': skills alike share one row. */
function dutchRows(levels: DoorgroeiView['nederlands']): Row[] {
  const skills = new Map<string, string[]>();
  for (const l of levels) {
    const value = details(
      l.niveau,
      l.examen && dutchExamLabels[l.examen],
      l.examenDatum && `examen op ${formatDateLong(l.examenDatum)}`,
    );
    skills.set(value, [...(skills.get(value) ?? []), dutchSkillLabels[l.vaardigheid].toLowerCase()]);
  }
  return [...skills].map(([value, names]) => {
    const label = names.length > 1 ? `${names.slice(0, -1).join(', ')} en ${names.at(-1)}` : (names[0] ?? '');
    return [capitalise(label), value];
  });
}

/** Education, Dutch per skill (or the register's overall level when no skill is recorded), other languages. */
function educationAndLanguages(d: PortfolioData): Block[] {
  const { opleidingen, nederlands } = d.doorgroei;
  const blocks: Block[] = [];
  if (opleidingen.length > 0) {
    blocks.push({ kind: 'heading', text: 'Opleiding' });
    blocks.push({ kind: 'bullets', items: opleidingen.map((e) => education(e, d.person.herkomstland)) });
  }
  if (nederlands.length > 0) {
    blocks.push({ kind: 'heading', text: 'Nederlands' });
    blocks.push({ kind: 'facts', rows: dutchRows(nederlands) });
  } else if (d.person.niveauNederlands) {
    blocks.push({ kind: 'heading', text: 'Nederlands' });
    blocks.push({ kind: 'paragraph', text: `Niveau ${d.person.niveauNederlands}.` });
  }
  if (d.person.talen.length > 0) {
    blocks.push({ kind: 'heading', text: 'Andere talen' });
    blocks.push({
      kind: 'paragraph',
      text: d.person.talen
        .map((t) => `${t.taal} (${languageLevelLabels[t.niveau].toLowerCase()})`)
        .join(', '),
    });
  }
  return blocks;
}

function work(list: DoorgroeiView['werkervaring']): Block[] {
  if (list.length === 0) return [];
  return [
    {
      kind: 'bullets',
      items: list.map(
        (w) =>
          `${w.functie}${w.sector ? `, ${w.sector}` : ''}, ${w.land} (${formatMonth(w.van)} – ${w.tot ? formatMonth(w.tot) : 'heden'})`,
      ),
    },
  ];
}

export function portfolioDocument(
  d: PortfolioData,
  organisation: DocumentModel['organisation'],
): DocumentModel {
  const naam = officialName(d.person);
  const roepnaam = d.person.roepnaam || d.person.voornaam;
  const done = {
    trainingen: trainings(d.trainingen, d.today),
    contracten: contracts(d.contracten, d.today),
    leerdoelen: goals(d.leerdoelen),
  };
  const tekst = d.doorgroei.portfolioTekst;
  const content: Section[] = [
    { title: `Over ${roepnaam}`, blocks: tekst ? [{ kind: 'paragraph', text: tekst }] : [] },
    { title: 'Trainingen', blocks: done.trainingen },
    { title: `Werk bij ${organisation.name}`, blocks: done.contracten },
    { title: 'Behaalde leerdoelen', blocks: done.leerdoelen },
    { title: 'Opleiding en talen', blocks: educationAndLanguages(d) },
    { title: 'Werkervaring', blocks: work(d.doorgroei.werkervaring) },
  ].filter((s): s is Section => s.blocks.length > 0);
  const intro: Block[] = [
    {
      kind: 'paragraph',
      text: `Een overzicht van de trainingen, het werk en de ontwikkeling van ${naam} als sleutelpersoon bij ${organisation.name}, opgesteld op ${formatDateLong(d.today)}.`,
    },
  ];
  // Someone who just started still gets a page that says so, rather than a title alone.
  if (Object.values(done).every((blocks) => blocks.length === 0))
    intro.push({
      kind: 'paragraph',
      text: 'Er zijn nog geen trainingen, contracten of behaalde leerdoelen vastgelegd.',
    });
  return {
    title: 'Portfolio',
    subtitle: naam,
    organisation,
    footer: `Portfolio ${naam} · ${formatDateLong(d.today)}`,
    numberSections: false,
    sections: [{ title: '', blocks: intro }, ...content],
    signatories: [],
  };
}
