/**
 * What an area contributes to the inzage export (art. 15 AVG), as types only: any area may import this module.
 * Each area that stores rows about a person exports them from `electron/core/<area>/inzage.ts` and registers the
 * part beside its handlers (`registry.area('claims', …).inzage(claimsInzage)`); `avg.inzage` runs every
 * registered part. A test holds every table of the store to one part, or to the short list of tables that hold
 * nothing about a person, so a new table cannot be forgotten.
 */
import type { Block } from '../../../shared/document-model.ts';
import type { Reader } from '../context.ts';
import type { DB, PersonsTable } from '../store/schema.ts';

/** A value of the JSON file. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** An amount as integer cents beside its written form. */
export interface Bedrag {
  centen: number;
  weergave: string;
}

export type InzageTable = keyof DB;

/** Who the export is about, and what every part needs to describe their rows. */
export interface InzageSubject {
  person: PersonsTable;
  /** Every IBAN the person had (the record now and the audit log's earlier values), normalised. */
  ibans: ReadonlySet<string>;
  /** The name of every account, to say who wrote or changed something. */
  accounts: ReadonlyMap<string, string>;
  /** An account's name; null for no account, 'onbekend account' for one that is gone. */
  who(accountId: string | null): string | null;
  /** When and by whom the export is made. */
  made: { now: string; by: string | null };
  /**
   * For a part that `readsLogged`: every record the other parts named in their `logged` (the person, their
   * contracts, verslagen, claims). Empty for the other parts, which run first.
   */
  logged: readonly string[];
}

/** One part's share of the export. */
export interface InzageCollected<S extends object> {
  /** Top-level entries of the JSON file (Dutch keys, ISO dates, amounts as Bedrag), none shared with a part. */
  sections: S;
  /** The person's records whose history in the audit log belongs in the export. */
  logged?: readonly string[];
  /** How many of what were exported, for the audit entry of the export: counts, never the data. */
  counts?: Record<string, number>;
}

/** A chapter of the PDF. */
export interface InzageChapter {
  title: string;
  blocks: Block[];
}

export interface InzagePart<S extends object = object> {
  /** The tables whose rows about the person this part exports, each with where they end up in the export. */
  readonly tables: Readonly<Partial<Record<InzageTable, string>>>;
  /** Runs after the parts that don't, and reads their `logged` records through the subject (the audit log). */
  readonly readsLogged?: boolean;
  /** Everything the part's tables hold about the person; other people's data never enters it. */
  collect(db: Reader, subject: InzageSubject): Promise<InzageCollected<S>>;
  /** Its chapters of the PDF, made from the same sections as the JSON file so both say the same. */
  chapters(sections: S): InzageChapter[];
}
