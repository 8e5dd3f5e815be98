/**
 * A month of inzet from a spreadsheet (CSV or XLSX), with the claims import's rule: every row is checked as a typed
 * activity would be, and one wrong row refuses the whole file, naming the row and the field in Dutch.
 */
import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/node';
import { parseDutchDate } from '../../../shared/dates.ts';
import { parseDurationToMinutes } from '../../../shared/duration.ts';
import { labelForPath } from '../../../shared/field-labels.ts';
import { type inzetImportColumns, inzetSaveInput, requiredImportColumns } from '../../../shared/inzet.ts';
import { fullName } from '../../../shared/persons.ts';
import { knownRoles, leefgebieden } from '../../../shared/profiles.ts';
import { foldForSearch } from '../../../shared/search.ts';
import {
  activityKindLabels,
  activityKinds,
  hulpvraagCategories,
  hulpvraagLabels,
  referralKinds,
  referralLabels,
} from '../../../shared/work-vocabulary.ts';
import type { Reader } from '../context.ts';
import { Failure } from '../failure.ts';

type Column = (typeof inzetImportColumns)[number];
export type ImportedInzet = ReturnType<typeof inzetSaveInput.parse>;

function refuse(line: number, message: string): never {
  throw new Failure('invalid_input', `Regel ${line}: ${message}. Er is niets ingelezen.`, 'base64');
}

/** The duur column: a whole number is minutes ('90'); '1:30' or '1,5 uur' as a claim's time field reads it. */
const duration = (text: string) => (/^\d+$/.test(text) ? Number(text) : parseDurationToMinutes(text));

/** An XLSX file is a zip archive: it starts with 'PK'. */
const isXlsx = (bytes: Buffer) => bytes[0] === 0x50 && bytes[1] === 0x4b;

/** A cell as text: dates (XLSX) as ISO, numbers as typed, empty as ''. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}

/** The file's rows as text cells, the header first. */
export async function readRows(bytes: Buffer): Promise<string[][]> {
  if (isXlsx(bytes)) {
    const rows = await readSheet(bytes).catch(() => {
      throw new Failure(
        'invalid_input',
        'Dit bestand is geen leesbaar Excel-bestand (XLSX). Er is niets ingelezen.',
        'base64',
      );
    });
    return rows.map((r) => r.map(cellText)).filter((r) => r.some((c) => c !== ''));
  }
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  return Papa.parse<string[]>(text, {
    delimiter: firstLine.includes(';') ? ';' : ',',
    skipEmptyLines: 'greedy',
  }).data.map((r) => r.map((c) => c.trim()));
}

/** Finds a word of a list by its key or its Dutch label, ignoring case and accents. */
function lookup<K extends string>(keys: readonly K[], labels: Record<K, string> | null) {
  const byText = new Map<string, K>();
  for (const k of keys) {
    byText.set(foldForSearch(k.replaceAll('_', ' ')), k);
    if (labels) byText.set(foldForSearch(labels[k]), k);
  }
  return (text: string) => byText.get(foldForSearch(text.replaceAll('_', ' '))) ?? null;
}

const kindOf = lookup(activityKinds, activityKindLabels);
const roleOf = lookup(knownRoles, null);
const leefgebiedOf = lookup(leefgebieden, null);
const hulpvraagOf = lookup(hulpvraagCategories, hulpvraagLabels);
const referralOf = lookup(referralKinds, referralLabels);

/** 'voorlichter, verbinder' → each looked up; an unknown word refuses the row. */
function list<K>(line: number, column: string, text: string, find: (t: string) => K | null): K[] {
  return text
    .split(/[,|]/)
    .map((t) => t.trim())
    .filter((t) => t !== '')
    .map((t) => find(t) ?? refuse(line, `${column}: '${t}' is onbekend`));
}

/** People by e-mail or by name (accents and case do not matter); one cell may hold several, split by , or |. */
async function personFinder(db: Reader) {
  const rows = await db
    .selectFrom('persons')
    .select(['id', 'voornaam', 'roepnaam', 'tussenvoegsel', 'achternaam', 'email'])
    .execute();
  const byKey = new Map<string, Set<string>>();
  const add = (key: string, id: string) => {
    const k = foldForSearch(key);
    if (k) byKey.set(k, (byKey.get(k) ?? new Set()).add(id));
  };
  for (const p of rows) {
    if (p.email) add(p.email, p.id);
    add(fullName(p), p.id);
    add(fullName({ ...p, roepnaam: null }), p.id);
  }
  return (line: number, text: string) =>
    text
      .split(/[,|]/)
      .map((t) => t.trim())
      .filter((t) => t !== '')
      .map((t) => {
        const found = byKey.get(foldForSearch(t));
        if (!found)
          refuse(line, `Sleutelpersonen: geen sleutelpersoon '${t}' gevonden (naam of e-mailadres)`);
        if (found.size > 1)
          refuse(line, `Sleutelpersonen: meer dan één sleutelpersoon heet '${t}'; gebruik het e-mailadres`);
        return [...found][0] as string;
      });
}

/** Partners and projects by name. */
async function nameFinder(db: Reader, table: 'partners' | 'projects') {
  const rows = await db.selectFrom(table).select(['id', 'naam']).execute();
  const byName = new Map(rows.map((r) => [foldForSearch(r.naam), r.id]));
  return (text: string) => (text === '' ? null : (byName.get(foldForSearch(text)) ?? undefined));
}

/** Reads and checks every row; returns the activities to save, or refuses the file with the first wrong row. */
export async function parseInzetFile(
  db: Reader,
  bytes: Buffer,
): Promise<{ line: number; input: ImportedInzet }[]> {
  const rows = await readRows(bytes);
  if (rows.length < 2) refuse(1, 'het bestand heeft geen regels met inzet');
  const header = (rows[0] ?? []).map((h) => foldForSearch(h));
  const missing = requiredImportColumns.filter((c) => !header.includes(foldForSearch(c)));
  if (missing.length > 0) refuse(1, `kolommen ontbreken: ${missing.join(', ')}`);
  const findPeople = await personFinder(db);
  const findPartner = await nameFinder(db, 'partners');
  const findProject = await nameFinder(db, 'projects');

  return rows.slice(1).map((cells, i) => {
    const line = i + 2;
    const cell = (name: Column) => {
      const at = header.indexOf(foldForSearch(name));
      return at < 0 ? '' : (cells[at] ?? '').trim();
    };
    const number = (name: Column) => {
      const t = cell(name);
      if (t === '') return 0;
      const n = Number(t);
      if (!Number.isInteger(n)) refuse(line, `${name}: '${t}' is geen heel aantal`);
      return n;
    };
    const soort = kindOf(cell('soort'));
    if (!soort) refuse(line, `Soort: '${cell('soort')}' is geen bekende soort activiteit`);
    const minuten = duration(cell('duur'));
    if (minuten === null) refuse(line, `Duur: '${cell('duur')}' is geen duur (minuten, of uren als 1:30)`);
    const partnerId = findPartner(cell('partner'));
    if (partnerId === undefined) refuse(line, `Partner: geen ketenpartner '${cell('partner')}'`);
    const projectId = findProject(cell('project'));
    if (projectId === undefined) refuse(line, `Project: geen project '${cell('project')}'`);
    const parsed = inzetSaveInput.safeParse({
      datum: parseDutchDate(cell('datum')) ?? cell('datum'),
      minuten,
      personIds: findPeople(line, cell('sleutelpersonen')),
      partnerId,
      requestId: null,
      projectId,
      soort,
      gemeente: cell('gemeente') || null,
      rollen: list(line, 'Rollen', cell('rollen'), roleOf),
      leefgebieden: list(line, 'Leefgebieden', cell('leefgebieden'), leefgebiedOf),
      bereikVolwassenen: number('bereik volwassenen'),
      bereikKinderen: number('bereik kinderen'),
      bereikStatushouders: number('bereik statushouders'),
      bereikProfessionals: number('bereik professionals'),
      hulpvraag: list(line, 'Hulpvraag', cell('hulpvraag'), hulpvraagOf),
      hulpvraagNotitie: cell('hulpvraag notitie') || null,
      doorverwijzing: list(line, 'Doorverwijzing', cell('doorverwijzing'), referralOf),
      uitkomst: cell('uitkomst') || null,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      refuse(line, `${issue ? labelForPath(issue.path) : 'invoer'}: ${issue?.message ?? 'ongeldig'}`);
    }
    return { line, input: parsed.data };
  });
}
