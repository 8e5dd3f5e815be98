/**
 * Renders a DocumentModel to an A4 PDF with pdfmake, in plain Node: no Electron, no network, and no file
 * reads other than the Roboto fonts shipped with pdfmake. The rendering itself runs in a worker thread.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import pdfmake, { type CanvasLine, type Content, type DocumentDefinition, type NodeInfo } from 'pdfmake';
import type { Block, DocumentModel, Signatory } from '../../../shared/document-model.ts';
import { runInWorker } from '../worker/pool.ts';

const mm = (value: number) => (value * 72) / 25.4;
const margin = { side: mm(20), top: mm(18), bottom: mm(22) };
const contentWidth = 595.28 - 2 * margin.side;
const gap = mm(10);
// pdfmake widens '*' and 'auto' columns to their longest word, running off the page, but hard-wraps words
// inside fixed widths: so every column and table gets a width in points.
const width = {
  logo: mm(40),
  label: contentWidth * 0.35,
  factsGap: 8,
  noticeEdge: 2,
  noticePadding: 10,
  signature: (contentWidth - gap) / 2,
  pageLabel: mm(30),
};
const colour = {
  text: '#1f2933',
  muted: '#5f6b7a',
  rule: '#d3d9df',
  notice: '#fdf6e4',
  noticeEdge: '#d9b45a',
};
const footerStyle = 'pageFooter';

// pdfmake is a process-wide singleton: register fonts and lock down resource access once, at import.
// import.meta.url is empty in the esbuild CJS bundle of the Electron main process; __filename works there.
const here = import.meta.url || __filename;
const fontDir = path.join(path.dirname(createRequire(here).resolve('pdfmake/package.json')), 'fonts/Roboto');
const roboto = {
  normal: path.join(fontDir, 'Roboto-Regular.ttf'),
  bold: path.join(fontDir, 'Roboto-Medium.ttf'),
  italics: path.join(fontDir, 'Roboto-Italic.ttf'),
  bolditalics: path.join(fontDir, 'Roboto-MediumItalic.ttf'),
};
const fontFiles = new Set(Object.values(roboto));
pdfmake.setFonts({ Roboto: roboto });
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((file) => fontFiles.has(file));

const logoDataUrl = /^data:image\/(png|jpeg);base64,([A-Za-z0-9+/]+={0,2})$/;
const magicBytes = { png: [0x89, 0x50, 0x4e, 0x47], jpeg: [0xff, 0xd8, 0xff] };

/** The logo if it is a PNG or JPEG data URL whose bytes say so; anything else (a path, a URL, SVG) is null. */
export function acceptedLogo(logo: string | null | undefined): string | null {
  const match = logo ? logoDataUrl.exec(logo) : null;
  if (!match?.[1] || !match[2]) return null;
  const head = Buffer.from(match[2].slice(0, 8), 'base64');
  const magic = magicBytes[match[1] as keyof typeof magicBytes];
  return magic.every((byte, i) => head[i] === byte) ? match[0] : null;
}

function line(length: number, color: string, lineWidth: number): CanvasLine {
  return { type: 'line', x1: 0, y1: 0, x2: length, y2: 0, lineWidth, lineColor: color };
}

function letterhead(organisation: DocumentModel['organisation'], hasLogo: boolean): Content {
  const lines = [...organisation.addressLines, ...(organisation.kvk ? [`KvK ${organisation.kvk}`] : [])];
  const details: Content = {
    width: hasLogo ? contentWidth - width.logo - gap : contentWidth,
    alignment: 'right',
    stack: [
      { text: organisation.name, bold: true, fontSize: 11 },
      lines.length
        ? { text: lines.join('\n'), fontSize: 8.5, color: colour.muted, margin: [0, 2, 0, 0] }
        : [],
    ],
  };
  const logo: Content = { image: 'logo', fit: [width.logo, mm(20)], width: width.logo };
  return [
    { columns: hasLogo ? [logo, details] : [details], columnGap: gap },
    { canvas: [line(contentWidth, colour.rule, 0.5)], margin: [0, mm(5), 0, mm(10)] },
  ];
}

function titleBlock({ title, subtitle }: DocumentModel): Content {
  return [
    { text: title, fontSize: 18, bold: true, margin: [0, 0, 0, subtitle ? 3 : mm(6)] },
    subtitle ? { text: subtitle, fontSize: 11, color: colour.muted, margin: [0, 0, 0, mm(6)] } : [],
  ];
}

function section(title: string, blocks: Block[], number: number | null): Content {
  const text = (number === null ? title : `Artikel ${number} ${title}`).trim();
  const heading: Content = text
    ? { text, fontSize: 11.5, bold: true, margin: [0, mm(3), 0, 4], headlineLevel: 1 }
    : { text: '', margin: [0, mm(3), 0, 0] };
  return headedBlocks(heading, blocks);
}

/**
 * The blocks after a section heading, each heading kept on one page with what follows it. keepWithNext does that
 * for text, but not before a facts table: pdfmake moves a table row that does not fit (dontBreakRows) after it
 * has recorded the row's cells on the page it left, so the heading looks followed and stays behind alone. A
 * heading and the first row of the table after it are therefore one unbreakable block.
 */
function headedBlocks(sectionHeading: Content, blocks: Block[]): Content[] {
  const content: Content[] = [];
  let heading: Content | null = sectionHeading;
  for (const b of blocks) {
    if (b.kind === 'heading') {
      // A section title straight above a heading travels with it (and so with what follows both).
      heading = heading ? { stack: [heading, block(b)], headlineLevel: 1 } : block(b);
      continue;
    }
    if (heading && b.kind === 'table' && b.rows.length > 0) {
      // The header and a few rows stay with the heading; a long table runs on over the pages after it.
      const rest = b.rows.slice(3);
      const top = figures(b.header, b.rows.slice(0, 3), rest.length ? 'top' : 'whole');
      content.push({ stack: [heading, top], unbreakable: true });
      if (rest.length > 0) content.push(figures(b.header, rest, 'rest'));
    } else if (heading && b.kind === 'chart') {
      // A chart never breaks, so the heading above it goes where the chart goes.
      content.push({ stack: [heading, block(b)], unbreakable: true });
    } else if (heading && b.kind === 'facts' && b.rows.length > 0) {
      const rest = b.rows.slice(1);
      content.push({ stack: [heading, facts(b.rows.slice(0, 1), 'top')], unbreakable: true });
      if (rest.length > 0) content.push(facts(rest, 'rest'));
    } else {
      if (heading) content.push(heading);
      content.push(block(b));
    }
    heading = null;
  }
  if (heading) content.push(heading);
  return content;
}

function block(b: Block): Content {
  switch (b.kind) {
    case 'heading':
      return { text: b.text, bold: true, margin: [0, 4, 0, 2], headlineLevel: 2 };
    case 'paragraph':
      return { text: b.text, margin: [0, 0, 0, 6] };
    case 'bullets':
      return {
        ul: b.items.map((text) => ({ text, margin: [0, 0, 0, 2] })),
        markerColor: colour.muted,
        margin: [0, 0, 0, 6],
      };
    case 'facts':
      return facts(b.rows);
    case 'notice':
      return notice(b.text);
    case 'chart':
      return { svg: b.svg, width: b.width, height: b.height, margin: [0, 4, 0, 10], unbreakable: true };
    case 'table':
      return figures(b.header, b.rows);
  }
}

/**
 * A table of figures: the label column takes what the number columns and the cell padding leave. Like facts, it
 * may be drawn in two parts that read as one: the header and first rows ('top', kept with the heading above it)
 * and the other rows ('rest').
 */
function figures(header: string[], rows: string[][], part: 'whole' | 'top' | 'rest' = 'whole'): Content {
  const numbers = header.length - 1;
  const pad = 6;
  const numberWidth = Math.min(mm(28), (contentWidth * 0.5) / Math.max(1, numbers));
  const label = contentWidth - numbers * (numberWidth + 2 * pad) - 1;
  const widths = header.map((_, i) => (i === 0 ? label : numberWidth));
  const cell = (text: string, i: number, bold = false) => ({
    text,
    bold,
    alignment: i === 0 ? ('left' as const) : ('right' as const),
    color: bold ? colour.muted : colour.text,
  });
  return {
    table: {
      widths,
      dontBreakRows: true,
      body: [
        ...(part === 'rest' ? [] : [header.map((h, i) => cell(h, i, true))]),
        ...rows.map((r) => r.map((v, i) => cell(v, i))),
      ],
    },
    layout: {
      hLineWidth: (i) => (i === 0 && part === 'rest' ? 0 : i === 1 && part !== 'rest' ? 0.8 : 0.4),
      vLineWidth: () => 0,
      hLineColor: () => colour.rule,
      paddingLeft: (i) => (i === 0 ? 0 : pad),
      paddingRight: (i) => (i === numbers ? 0 : pad),
      paddingTop: () => 3,
      paddingBottom: () => 3,
    },
    fontSize: 9,
    margin: [0, part === 'rest' ? 0 : 2, 0, part === 'top' ? 0 : 10],
  };
}

/**
 * Label/value rows between hairlines; a row that does not fit moves to the next page whole, its label with its
 * value. One table may be drawn in two parts that read as one: its first row ('top', kept with the heading above
 * it) and the other rows ('rest', without a line of their own at the top).
 */
function facts(rows: [label: string, value: string][], part: 'whole' | 'top' | 'rest' = 'whole'): Content {
  return {
    table: {
      widths: [width.label, contentWidth - width.label - width.factsGap],
      body: rows.map(([label, value]) => [{ text: label, color: colour.muted }, value]),
      dontBreakRows: true,
    },
    layout: {
      hLineWidth: (i) => (i === 0 && part === 'rest' ? 0 : 0.5),
      vLineWidth: () => 0,
      hLineColor: () => colour.rule,
      paddingLeft: (i) => (i === 0 ? 0 : width.factsGap),
      paddingRight: () => 0,
      paddingTop: () => 4,
      paddingBottom: () => 4,
    },
    margin: [0, part === 'rest' ? 0 : 2, 0, part === 'top' ? 0 : 8],
  };
}

function notice(text: string): Content {
  const padding = () => width.noticePadding;
  return {
    table: { widths: [contentWidth - width.noticeEdge - 2 * width.noticePadding], body: [[text]] },
    layout: {
      hLineWidth: () => 0,
      vLineWidth: (i) => (i === 0 ? width.noticeEdge : 0),
      vLineColor: () => colour.noticeEdge,
      fillColor: () => colour.notice,
      paddingLeft: padding,
      paddingRight: padding,
      paddingTop: () => 7,
      paddingBottom: () => 7,
    },
    margin: [0, 2, 0, 8],
  };
}

/** A line to write on with its caption under it. */
function signLine(caption: string, length: number, space: number): Content {
  return [
    { canvas: [line(length, colour.muted, 0.6)], margin: [0, space, 0, 2] },
    { text: caption, fontSize: 8, color: colour.muted },
  ];
}

function signatureBlock({ role, name }: Signatory): Content {
  const half = (width.signature - mm(5)) / 2;
  return {
    width: width.signature,
    stack: [
      { text: role, fontSize: 9, color: colour.muted },
      { text: name, bold: true, margin: [0, 1, 0, 0] },
      signLine('Handtekening', width.signature, mm(16)),
      { columns: [signLine('Plaats', half, mm(8)), signLine('Datum', half, mm(8))], columnGap: mm(5) },
    ],
  };
}

/** Two signatories side by side, kept on one page. pdfmake silently drops whatever overflows an unbreakable
 *  block, so each block holds at most two rows (four signatories); the first also holds the heading. */
function signatures(signatories: Signatory[]): Content {
  const rows: Content[] = [];
  for (let i = 0; i < signatories.length; i += 2) {
    const columns = signatories.slice(i, i + 2).map(signatureBlock);
    rows.push({ columns, columnGap: gap, margin: [0, i === 0 ? 0 : mm(8), 0, 0] });
  }
  const heading: Content = {
    text: 'Ondertekening',
    fontSize: 11.5,
    bold: true,
    margin: [0, mm(5), 0, mm(3)],
  };
  const blocks: Content[] = [];
  for (let i = 0; i < rows.length; i += 2) {
    blocks.push({ stack: [i === 0 ? heading : [], ...rows.slice(i, i + 2)], unbreakable: true });
  }
  return blocks;
}

/** Footer text left, 'pagina 1 van 3' right. Every node carries footerStyle so keepWithNext can skip them. */
function footer(text: string) {
  return (currentPage: number, pageCount: number): Content => ({
    columns: [
      { text, width: contentWidth - width.pageLabel - gap, style: footerStyle },
      {
        text: `pagina ${currentPage} van ${pageCount}`,
        width: width.pageLabel,
        alignment: 'right',
        style: footerStyle,
      },
    ],
    columnGap: gap,
    style: footerStyle,
    margin: [margin.side, mm(7), margin.side, 0],
  });
}

/** A heading with nothing but the footer after it on its page moves to the next page. */
function keepWithNext(node: NodeInfo, following: { getFollowingNodesOnPage(): NodeInfo[] }): boolean {
  return (
    !!node.headlineLevel && following.getFollowingNodesOnPage().every((next) => next.style === footerStyle)
  );
}

/** The pdfmake document for a model; exported for the benchmark's bare-pdfmake baseline. */
export function pdfDefinition(model: DocumentModel, creationDate: Date | undefined): DocumentDefinition {
  const logo = acceptedLogo(model.organisation.logo);
  const watermark = model.watermark
    ? { text: model.watermark, color: '#8a8f98', opacity: 0.14, bold: true }
    : undefined;
  return {
    pageSize: 'A4',
    pageMargins: [margin.side, margin.top, margin.side, margin.bottom],
    language: 'nl-NL',
    info: { title: model.title, creator: 'Schakel', producer: 'Schakel', creationDate },
    images: logo ? { logo } : {},
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.3, color: colour.text },
    styles: { [footerStyle]: { fontSize: 8, color: colour.muted } },
    content: [
      letterhead(model.organisation, logo !== null),
      titleBlock(model),
      model.sections.map((s, i) => section(s.title, s.blocks, model.numberSections ? i + 1 : null)),
      signatures(model.signatories),
    ],
    footer: footer(model.footer),
    pageBreakBefore: keepWithNext,
    ...(watermark ? { watermark } : {}),
  };
}

/**
 * The model as an A4 PDF, rendered in a worker thread: pdfmake is synchronous, and a long document on the main
 * thread would keep every other window waiting. Pass creationDate for byte-identical output of the same model.
 */
export async function renderPdf(
  model: DocumentModel,
  options: { creationDate?: Date } = {},
): Promise<Buffer> {
  const bytes = await runInWorker('renderPdf', { model, creationDate: options.creationDate });
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** renderPdf on the calling thread: what the worker runs. */
export async function renderPdfInThisThread(
  model: DocumentModel,
  options: { creationDate?: Date | undefined } = {},
): Promise<Buffer> {
  return pdfmake.createPdf(pdfDefinition(model, options.creationDate)).getBuffer();
}
