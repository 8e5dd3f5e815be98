/**
 * Removing data from the records is a sham while the audit log still holds it: a person's entry keeps their
 * name in its summary, their fields in its changes and the whole form in its input. This rewrites the log where
 * it speaks about removed data, keeping what happened, when and by whom.
 */
import type { Transaction } from 'kysely';
import type { WriteCtx } from '../context.ts';
import type { DB } from '../store/schema.ts';
import { updateVersioned } from '../versioning.ts';
import { type Phrase, PhraseReplacer } from './phrases.ts';

export const removed = '[verwijderd]';

export interface ScrubTarget {
  /** Records whose entries are wholly about the removed data: their values go, their shape stays. */
  recordIds: ReadonlySet<string>;
  /**
   * Identifying text replaced wherever else it appears, as whole words. A name (`name: true`) is left alone in an
   * entry about another person's record: there it may well be a namesake's.
   */
  phrases: (Phrase & { name?: boolean })[];
  /**
   * The person's first names (those no one else in the register carries), replaced only in entries that list the
   * person among others, such as an intervisie session's attendance: there the first name alone is theirs.
   */
  firstNames?: { personId: string; phrases: Phrase[] };
  /** Lines of an imported CSV (claims.import) holding any of these (lowercase) are dropped. */
  csvKeys: string[];
  /** What a linked entry's summary says after its colon: 'Sleutelpersoon toegevoegd: Verwijderd persoon 2026-0001'. */
  summaryLabel: string;
}

/**
 * The only values kept in the entries of removed records: what kind of thing happened and its state, when, which
 * version, and how much or how many. Every other value goes, yes/no answers included (bijstand, vertrouwelijk).
 */
const keptFields = new Set([
  'status',
  'soort',
  'vorm',
  'vergoedingEenheid',
  'tariefSoort',
  'cao',
  'schaal',
  'trede',
  'datum',
  'startdatum',
  'einddatum',
  'statusDatum',
  'getekendDatum',
  'beeindigdDatum',
  'uitvoerdatum',
  'version',
  'versie',
  'km',
  'minuten',
  'uren',
  'duurMinuten',
  'urenPerWeek',
  'verwachtUrenPerMaand',
  'verwachteActiviteitenPerMaand',
  'verwachteKmPerMaand',
  'opzegtermijnWeken',
  'proeftijdMaanden',
  'leerdoelen',
  'bonnen',
  'aanwezig',
  'leden',
  // An uitstroom keeps what the person went on to, as its record does (the verantwoording counts it).
  'vervolg',
]);
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuids = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** Every value of a removed record's entry: ids and the kept fields' texts and numbers stay, the rest goes. */
function strip(value: unknown, key: string | null): unknown {
  if (Array.isArray(value)) return value.map((v) => strip(v, key));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, strip(v, k)]));
  }
  if (value === null || value === undefined || value === '') return value;
  if (typeof value === 'string' && uuid.test(value)) return value;
  const kept = key !== null && (keptFields.has(key) || key.endsWith('Cents'));
  return kept && (typeof value === 'string' || typeof value === 'number') ? value : removed;
}

class AuditScrubber {
  private readonly target: ScrubTarget;
  /** Every phrase, and the phrases that are no name: for entries about someone else's record. */
  private readonly all: PhraseReplacer;
  private readonly identifiers: PhraseReplacer;
  /** Every phrase and the first names: for entries that list the person by id. */
  private readonly withFirstNames: PhraseReplacer;

  constructor(target: ScrubTarget) {
    this.target = target;
    this.all = new PhraseReplacer(target.phrases);
    this.identifiers = new PhraseReplacer(target.phrases.filter((p) => !p.name));
    this.withFirstNames = new PhraseReplacer([...target.phrases, ...(target.firstNames?.phrases ?? [])]);
  }

  private dropCsvLines(csv: string): string {
    if (this.target.csvKeys.length === 0) return csv;
    return csv
      .split(/\r?\n/)
      .filter((line) => !this.target.csvKeys.some((k) => line.toLowerCase().includes(k)))
      .join('\n');
  }

  /** Text elsewhere in an entry: objects about a removed record lose their values, identifying text is replaced. */
  private targeted(value: unknown, key: string | null, phrases: PhraseReplacer): unknown {
    if (typeof value === 'string') return phrases.replace(key === 'csv' ? this.dropCsvLines(value) : value);
    if (Array.isArray(value)) return value.map((v) => this.targeted(v, key, phrases));
    if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (typeof record.id === 'string' && this.target.recordIds.has(record.id)) return strip(record, null);
      return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, this.targeted(v, k, phrases)]));
    }
    return value;
  }

  private mentions(text: string): boolean {
    const lower = text.toLowerCase();
    if (this.withFirstNames.mightMention(lower)) return true;
    if (this.target.csvKeys.some((k) => lower.includes(k))) return true;
    return (text.match(uuids) ?? []).some((id) => this.target.recordIds.has(id.toLowerCase()));
  }

  /**
   * The entry rewritten, or null when it says nothing about the removed data. `othersRecord`: the entry is about
   * a record of another person, so names in it are not touched.
   */
  rewrite(
    row: { record_id: string | null; summary: string; changes: string; input: string },
    othersRecord: boolean,
  ) {
    if (row.record_id && this.target.recordIds.has(row.record_id)) {
      const colon = row.summary.indexOf(': ');
      return {
        summary:
          colon >= 0
            ? `${row.summary.slice(0, colon)}: ${this.target.summaryLabel}`
            : this.all.replace(row.summary),
        changes: JSON.stringify(
          (JSON.parse(row.changes) as { field: string; before: unknown; after: unknown }[]).map((c) => ({
            field: c.field,
            before: strip(c.before, c.field),
            after: strip(c.after, c.field),
          })),
        ),
        input: JSON.stringify(strip(JSON.parse(row.input), null)),
      };
    }
    const text = `${row.summary}\n${row.changes}\n${row.input}`;
    if (!this.mentions(text)) return null;
    const listsPerson =
      this.target.firstNames !== undefined && text.includes(this.target.firstNames.personId);
    const phrases = othersRecord ? this.identifiers : listsPerson ? this.withFirstNames : this.all;
    const next = {
      summary: phrases.replace(row.summary),
      changes: JSON.stringify(this.targeted(JSON.parse(row.changes), null, phrases)),
      input: JSON.stringify(this.targeted(JSON.parse(row.input), null, phrases)),
    };
    return next.summary === row.summary && next.changes === row.changes && next.input === row.input
      ? null
      : next;
  }
}

/** The ids of every record that belongs to one person: the entries about them are that person's. */
async function personRecords(db: Transaction<DB>): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const table of [
    'persons',
    'contracts',
    'pops',
    'log_entries',
    'claims',
    'doorgroei_profiles',
    'doorgroei_outflows',
  ] as const) {
    for (const r of await db.selectFrom(table).select('id').execute()) ids.add(r.id);
  }
  return ids;
}

/**
 * Rewrites every audit entry that speaks about the targets, in one pass over the log (in pages, so a long log
 * never sits in memory whole). Returns per target how many entries it rewrote.
 */
export async function scrubAudit(
  ctx: Pick<WriteCtx, 'db' | 'audit'>,
  targets: ScrubTarget[],
): Promise<number[]> {
  const db = ctx.db;
  const scrubbers = targets.map((t) => new AuditScrubber(t));
  const known = targets.some((t) => t.phrases.some((p) => p.name))
    ? await personRecords(db)
    : new Set<string>();
  const changed = targets.map(() => 0);
  let after = '';
  for (;;) {
    const page = await db
      .selectFrom('audit_log')
      .select(['id', 'record_id', 'summary', 'changes', 'input', 'version'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(2000)
      .execute();
    if (page.length === 0) return changed;
    for (const row of page) {
      let current = row;
      const othersRecord = (t: ScrubTarget) =>
        row.record_id !== null && known.has(row.record_id) && !t.recordIds.has(row.record_id);
      scrubbers.forEach((scrubber, i) => {
        const next = scrubber.rewrite(current, othersRecord(targets[i] as ScrubTarget));
        if (next) {
          current = { ...current, ...next };
          changed[i] = (changed[i] ?? 0) + 1;
        }
      });
      if (current === row) continue;
      // The rewrite is not itself logged: an entry about removing data would have to say what was removed.
      await updateVersioned(
        ctx,
        'audit_log',
        row,
        { summary: current.summary, changes: current.changes, input: current.input },
        null,
      );
    }
    after = (page.at(-1) as { id: string }).id;
  }
}
