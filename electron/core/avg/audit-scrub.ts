/**
 * Removing data from the records is a sham while the audit log still holds it: a person's entry keeps their
 * name in its summary, their fields in its changes and the whole form in its input. This rewrites the log where
 * it speaks about removed data, keeping what happened, when and by whom.
 */
import type { Transaction } from 'kysely';
import type { DB } from '../store/schema.ts';

export const removed = '[verwijderd]';

export interface ScrubTarget {
  /** Records whose entries are wholly about the removed data: their values go, their shape stays. */
  recordIds: ReadonlySet<string>;
  /** Identifying text replaced wherever else it appears (case-insensitive), longest first. */
  phrases: { text: string; replacement: string }[];
  /** Lines of an imported CSV (claims.import) holding any of these (lowercase) are dropped. */
  csvKeys: string[];
  /** What a linked entry's summary says after its colon: 'Sleutelpersoon toegevoegd: Verwijderd persoon 2026-0001'. */
  summaryLabel: string;
}

/** Values that say what happened, not about whom: kept in the entries of removed records. */
const keptFields = new Set([
  'status',
  'soort',
  'vorm',
  'datum',
  'startdatum',
  'einddatum',
  'statusDatum',
  'getekendDatum',
  'beeindigdDatum',
  'vergoedingEenheid',
  'tariefSoort',
  'uitvoerdatum',
]);
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuids = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every value of a removed record's entry: ids and numbers stay, text goes unless it names what happened. */
function strip(value: unknown, key: string | null): unknown {
  if (typeof value === 'string') {
    return value === '' || uuid.test(value) || (key && keptFields.has(key)) ? value : removed;
  }
  if (Array.isArray(value)) return value.map((v) => strip(v, key));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, strip(v, k)]));
  }
  return value;
}

export class AuditScrubber {
  private readonly target: ScrubTarget;
  private readonly patterns: { re: RegExp; lower: string; replacement: string }[];
  constructor(target: ScrubTarget) {
    this.target = target;
    this.patterns = [...target.phrases]
      .filter((p) => p.text.trim().length >= 3)
      .sort((a, b) => b.text.length - a.text.length)
      .map((p) => ({
        re: new RegExp(escapeRegExp(p.text), 'giu'),
        lower: p.text.toLowerCase(),
        replacement: p.replacement,
      }));
  }

  replace(text: string): string {
    let out = text;
    for (const p of this.patterns)
      if (out.toLowerCase().includes(p.lower)) out = out.replace(p.re, p.replacement);
    return out;
  }

  private dropCsvLines(csv: string): string {
    if (this.target.csvKeys.length === 0) return csv;
    return csv
      .split(/\r?\n/)
      .filter((line) => !this.target.csvKeys.some((k) => line.toLowerCase().includes(k)))
      .join('\n');
  }

  /** Text elsewhere in an entry: objects about a removed record lose their values, names are replaced. */
  private targeted(value: unknown, key: string | null): unknown {
    if (typeof value === 'string') return this.replace(key === 'csv' ? this.dropCsvLines(value) : value);
    if (Array.isArray(value)) return value.map((v) => this.targeted(v, key));
    if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (typeof record.id === 'string' && this.target.recordIds.has(record.id)) return strip(record, null);
      return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, this.targeted(v, k)]));
    }
    return value;
  }

  private mentions(text: string): boolean {
    const lower = text.toLowerCase();
    if (this.patterns.some((p) => lower.includes(p.lower))) return true;
    if (this.target.csvKeys.some((k) => lower.includes(k))) return true;
    return (text.match(uuids) ?? []).some((id) => this.target.recordIds.has(id.toLowerCase()));
  }

  /** The entry rewritten, or null when it says nothing about the removed data. */
  rewrite(row: { record_id: string | null; summary: string; changes: string; input: string }) {
    if (row.record_id && this.target.recordIds.has(row.record_id)) {
      const colon = row.summary.indexOf(': ');
      return {
        summary:
          colon >= 0
            ? `${row.summary.slice(0, colon)}: ${this.target.summaryLabel}`
            : this.replace(row.summary),
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
    if (!this.mentions(`${row.summary}\n${row.changes}\n${row.input}`)) return null;
    const next = {
      summary: this.replace(row.summary),
      changes: JSON.stringify(this.targeted(JSON.parse(row.changes), null)),
      input: JSON.stringify(this.targeted(JSON.parse(row.input), null)),
    };
    return next.summary === row.summary && next.changes === row.changes && next.input === row.input
      ? null
      : next;
  }
}

/**
 * Rewrites every audit entry that speaks about the targets, in one pass over the log (in pages, so a long log
 * never sits in memory whole). Returns per target how many entries it rewrote.
 */
export async function scrubAudit(db: Transaction<DB>, targets: ScrubTarget[]): Promise<number[]> {
  const scrubbers = targets.map((t) => new AuditScrubber(t));
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
      scrubbers.forEach((scrubber, i) => {
        const next = scrubber.rewrite(current);
        if (next) {
          current = { ...current, ...next };
          changed[i] = (changed[i] ?? 0) + 1;
        }
      });
      if (current === row) continue;
      await db
        .updateTable('audit_log')
        .set({
          summary: current.summary,
          changes: current.changes,
          input: current.input,
          version: row.version + 1,
        })
        .where('id', '=', row.id)
        .execute();
    }
    after = (page.at(-1) as { id: string }).id;
  }
}
