/**
 * A printable document as plain data: what a contract, a functieprofiel or a POP says, without layout. The main
 * process renders it to PDF (pdfmake); the renderer shows the same model as a live preview, so both always agree.
 */
export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'bullets'; items: string[] }
  /** Label/value pairs, shown as a two-column table: 'Ingangsdatum' → '1 januari 2026'. */
  | { kind: 'facts'; rows: [label: string, value: string][] }
  /** A warning box, e.g. the fiscal check's outcome. */
  | { kind: 'notice'; text: string }
  /** A chart as an SVG string, drawn `width` points wide and `height` high (the verantwoording's charts). */
  | { kind: 'chart'; svg: string; width: number; height: number; title: string }
  /** A table of figures with a header row; columns after the first are numbers, right-aligned. */
  | { kind: 'table'; header: string[]; rows: string[][] };

export interface Signatory {
  /** 'Namens Stichting Welzijn Oost' or 'De vrijwilliger'. */
  role: string;
  name: string;
}

export interface DocumentModel {
  /** Title on the first page: 'Vrijwilligersovereenkomst'. */
  title: string;
  /** A line under the title: 'tussen Stichting Welzijn Oost en Şükrü Çelik'. */
  subtitle?: string;
  /** The letterhead, from the organisation's settings. */
  organisation: {
    name: string;
    addressLines: string[];
    kvk?: string | null;
    /** A PNG or JPEG data URL. */
    logo?: string | null;
  };
  /** Footer text beside the page number, e.g. 'Contract 2026-0007 · versie 2'. */
  footer: string;
  /** Big diagonal text on every page for drafts: 'CONCEPT'. */
  watermark?: string;
  /** Numbered articles ('Artikel 1 Werkzaamheden') or plain sections, in order. */
  sections: { title: string; blocks: Block[] }[];
  numberSections: boolean;
  /** Room for signatures with place and date; empty for documents that are not signed. */
  signatories: Signatory[];
}
