/**
 * Minimal types for the pdfmake 0.3 server API (js/index.js), covering only what render-document.ts uses.
 * pdfmake 0.3 ships no TypeScript types, and @types/pdfmake describes the 0.2 API.
 */
declare module 'pdfmake' {
  export type Margin = number | [number, number] | [number, number, number, number];

  export interface Style {
    font?: string;
    fontSize?: number;
    bold?: boolean;
    italics?: boolean;
    color?: string;
    lineHeight?: number;
    alignment?: 'left' | 'right' | 'center' | 'justify';
    characterSpacing?: number;
    margin?: Margin;
  }

  export interface TableNode {
    /** dontBreakRows moves a row that does not fit to the next page (a row taller than a page is cut off). */
    table: { widths: (number | string)[]; body: Content[][]; dontBreakRows?: boolean; headerRows?: number };
  }

  /** Table layout callbacks; omitted ones fall back to pdfmake's defaults. */
  export interface TableLayout {
    hLineWidth?: (i: number, node: TableNode) => number;
    vLineWidth?: (i: number, node: TableNode) => number;
    hLineColor?: (i: number, node: TableNode) => string;
    vLineColor?: (i: number, node: TableNode) => string;
    fillColor?: (row: number, node: TableNode, column: number) => string | null;
    paddingLeft?: (i: number, node: TableNode) => number;
    paddingRight?: (i: number, node: TableNode) => number;
    paddingTop?: (i: number, node: TableNode) => number;
    paddingBottom?: (i: number, node: TableNode) => number;
  }

  export interface CanvasLine {
    type: 'line';
    x1: number;
    y1: number;
    x2: number;
    y2: number;
    lineWidth?: number;
    lineColor?: string;
  }

  export interface ContentNode extends Style {
    style?: string;
    text?: string | ContentNode | (string | ContentNode)[];
    stack?: Content[];
    columns?: Content[];
    columnGap?: number;
    ul?: Content[];
    markerColor?: string;
    table?: TableNode['table'];
    layout?: TableLayout | 'noBorders' | 'lightHorizontalLines' | 'headerLineOnly';
    /** A key of DocumentDefinition.images (or a data URL). */
    image?: string;
    /** An SVG string drawn at width × height points (pdfmake's svg node; text falls back to Roboto). */
    svg?: string;
    height?: number;
    fit?: [number, number];
    canvas?: CanvasLine[];
    width?: number | string;
    unbreakable?: boolean;
    headlineLevel?: number;
  }

  export type Content = string | ContentNode | Content[];

  export interface Watermark {
    text: string;
    color?: string;
    opacity?: number;
    bold?: boolean;
    italics?: boolean;
    fontSize?: number;
    angle?: number;
  }

  /** What pageBreakBefore sees of a laid-out node. */
  export interface NodeInfo {
    headlineLevel?: number;
    style?: string;
    pageNumbers: number[];
  }

  export interface PageBreakHelpers {
    getFollowingNodesOnPage(): NodeInfo[];
  }

  export interface DocumentDefinition {
    pageSize: 'A4';
    pageMargins: Margin;
    content: Content;
    footer?: (currentPage: number, pageCount: number) => Content;
    watermark?: Watermark;
    images?: Record<string, string>;
    defaultStyle?: Style;
    styles?: Record<string, Style>;
    language?: string;
    info?: { title?: string; creator?: string; producer?: string; creationDate?: Date };
    pageBreakBefore?: (node: NodeInfo, helpers: PageBreakHelpers) => boolean;
  }

  export interface FontFamily {
    normal: string;
    bold: string;
    italics: string;
    bolditalics: string;
  }

  export interface OutputDocument {
    getBuffer(): Promise<Buffer>;
  }

  interface PdfMake {
    setFonts(fonts: Record<string, FontFamily>): void;
    /** Called for every http(s) URL pdfmake would fetch; anything but `true` refuses it. */
    setUrlAccessPolicy(policy: (url: string) => boolean): void;
    /** Called for every local path pdfmake would read (fonts, images); anything but `true` refuses it. */
    setLocalAccessPolicy(policy: (path: string) => boolean): void;
    createPdf(definition: DocumentDefinition): OutputDocument;
  }

  const pdfmake: PdfMake;
  export default pdfmake;
}
