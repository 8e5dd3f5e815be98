import Papa from 'papaparse';
import { type ClaimKind, claimCreateInput, claimKindLabels, claimKinds } from '../../../shared/claims.ts';
import { parseDutchDate } from '../../../shared/dates.ts';
import { labelForPath } from '../../../shared/field-labels.ts';
import { parseEuroToCents } from '../../../shared/money.ts';
import type { Reader } from '../context.ts';
import { Failure } from '../failure.ts';
import type { ClaimFields } from './write.ts';

/** The columns of an import file, as a spreadsheet saved as CSV (semicolons, as Dutch Excel writes them). */
export const importColumns = [
  'e-mail',
  'soort',
  'datum',
  'omschrijving',
  'van',
  'naar',
  'km',
  'minuten',
  'bedrag',
] as const;

function refuse(line: number, message: string): never {
  throw new Failure('invalid_input', `Regel ${line}: ${message}. Er is niets ingelezen.`, 'csv');
}

function kindOf(text: string): ClaimKind | null {
  const t = text.trim().toLowerCase();
  return claimKinds.find((k) => k === t || claimKindLabels[k].toLowerCase() === t) ?? null;
}

/** A Dutch date as typed ('25-11-2026', '25/11/26') or ISO → ISO; anything else stays as typed so the schema names it. */
function isoDate(text: string): string {
  return parseDutchDate(text) ?? text.trim();
}

/**
 * Reads claims from a CSV export (header row first, `;` or `,` separated, quoted cells allowed), finds each person
 * by e-mail and checks every row as an entered claim would be. One wrong row refuses the whole file, naming the row.
 */
export async function parseClaimsCsv(db: Reader, csv: string): Promise<ClaimFields[]> {
  const text = csv.replace(/^\uFEFF/, '');
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  // Quoted cells (Excel quotes a description holding the separator or a quote) need a real CSV parser.
  const rows = Papa.parse<string[]>(text, {
    delimiter: firstLine.includes(';') ? ';' : ',',
    skipEmptyLines: 'greedy',
  }).data;
  if (rows.length < 2) refuse(1, 'het bestand heeft geen regels met declaraties');
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const missing = importColumns.filter((c) => !header.includes(c));
  if (missing.length > 0) refuse(1, `kolommen ontbreken: ${missing.join(', ')}`);
  const persons = await db
    .selectFrom('persons')
    .select(['id', 'email'])
    .where('email', 'is not', null)
    .execute();
  const byEmail = new Map<string, string[]>();
  for (const p of persons) {
    const key = (p.email as string).toLowerCase();
    byEmail.set(key, [...(byEmail.get(key) ?? []), p.id]);
  }

  return rows.slice(1).map((cells, i) => {
    const line = i + 2;
    const cell = (name: (typeof importColumns)[number]) => (cells[header.indexOf(name)] ?? '').trim();
    const matches = byEmail.get(cell('e-mail').toLowerCase()) ?? [];
    if (matches.length !== 1) {
      refuse(
        line,
        matches.length === 0
          ? `geen sleutelpersoon met e-mail ${cell('e-mail') || '(leeg)'}`
          : `meer dan één sleutelpersoon met e-mail ${cell('e-mail')}`,
      );
    }
    const soort = kindOf(cell('soort'));
    if (!soort) refuse(line, `onbekende soort '${cell('soort')}'`);
    const bedrag = cell('bedrag');
    const cents = bedrag === '' ? null : parseEuroToCents(bedrag);
    if (bedrag !== '' && cents === null) refuse(line, `bedrag '${bedrag}' is geen bedrag`);
    const parsed = claimCreateInput.safeParse({
      personId: matches[0],
      soort,
      datum: isoDate(cell('datum')),
      omschrijving: cell('omschrijving'),
      van: cell('van') || null,
      naar: cell('naar') || null,
      km: cell('km') === '' ? null : Number(cell('km')),
      minuten: cell('minuten') === '' ? null : Number(cell('minuten')),
      bedragCents: cents,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      refuse(line, `${issue ? labelForPath(issue.path) : 'invoer'}: ${issue?.message ?? 'ongeldig'}`);
    }
    const { bonnen: _none, ...fields } = parsed.data;
    return fields;
  });
}
