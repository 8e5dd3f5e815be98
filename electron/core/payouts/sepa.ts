/**
 * SEPA credit transfer file (pain.001.001.09, EPC SCT customer-to-bank) for paying out approved claims.
 * Pure and self-contained: sepaProblems says in Dutch what is wrong and with whom, buildPain001 writes the XML,
 * validatePain001 checks it against the XSD shipped beside this module, in plain Node (libxml2 as WASM).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import transliterate from '@sindresorhus/transliterate';
import { create } from 'xmlbuilder2';
import { memoryPages, validateXML } from 'xmllint-wasm';
import { formatCents } from '../../../shared/format.ts';
import { bicProblem, normalizeIban, sepaIbanProblem } from '../../../shared/iban.ts';

export interface SepaDebtor {
  name: string;
  iban: string;
  bic: string | null;
}

export interface SepaTransfer {
  endToEndId: string;
  name: string;
  iban: string;
  amountCents: number;
  remittance: string;
}

export interface SepaBatch {
  messageId: string;
  /** ISO UTC timestamp, e.g. '2026-11-25T13:41:00.000Z'. */
  createdAt: string;
  /** ISO date on which the bank should execute the batch. */
  executionDate: string;
  debtor: SepaDebtor;
  transfers: SepaTransfer[];
}

export interface SepaProblem {
  /** Path into the batch, e.g. 'transfers.3.iban'. */
  field: string;
  /** Dutch, names the person or account concerned. */
  message: string;
}

/** Thrown by buildPain001 for a batch with problems; field is the first problem's, problems has them all. */
export class SepaError extends Error {
  readonly field: string;
  readonly problems: readonly SepaProblem[];

  constructor(problems: readonly SepaProblem[]) {
    super(problems.map((p) => p.message).join('; '));
    this.name = 'SepaError';
    this.field = problems[0]?.field ?? '';
    this.problems = problems;
  }
}

const NAMESPACE = 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.09';
const MAX_ID = 35;
// The EPC schema narrows Max140Text to 70 for every party name.
const MAX_NAME = 70;
const MAX_REMITTANCE = 140;
const MIN_CENTS = 1;
const MAX_CENTS = 99_999_999_999;
// CtrlSum is a decimal with at most 18 digits, two of them after the point.
const MAX_TOTAL_CENTS = 10n ** 18n - 1n;

const replacements: [string, string][] = [
  // Dutch habit drops the diaeresis (Zoë, Şükrü → Zoe, Sukru); the library's default is German 'ue'.
  ['ä', 'a'],
  ['Ä', 'A'],
  ['ö', 'o'],
  ['Ö', 'O'],
  ['ü', 'u'],
  ['Ü', 'U'],
  // Keep the meaning of two common signs the SEPA set lacks (the library makes '€' an 'E').
  ['&', '+'],
  ['€', 'EUR'],
];
// Typographic apostrophes and double quotes become the one quote the SEPA set has.
const quotes = /[‘’‚‛′`´ʹʻʼʽ"“”„‟″«»]/g;
const outsideSepaSet = /[^A-Za-z0-9/\-?:().,'+ ]+/g;

// Transliteration leaves every character of the SEPA set as it is, so text made of those alone can skip it (and
// NFKC): identifiers, amounts and most names and descriptions do.
const onlySepaSet = /^[A-Za-z0-9/\-?:().,'+ ]*$/;
const transliteration = { customReplacements: replacements };

/** Text for the bank: transliterated to the SEPA character set, spaces collapsed, trimmed, at most max long. */
export function sepaText(text: string, max: number): string {
  // NFKC first folds compatibility forms the transliteration table lacks: ligatures, full-width letters, odd spaces.
  const folded = onlySepaSet.test(text)
    ? text
    : transliterate(text.normalize('NFKC'), transliteration)
        .replace(quotes, "'")
        .replace(outsideSepaSet, ' ');
  return folded.replace(/\s+/g, ' ').trim().slice(0, max).trimEnd();
}

/** An identifier for the bank: SEPA characters only, no spaces, no leading or trailing '/', no '//'. */
export function sepaId(text: string, max: number): string {
  const id = sepaText(text, Number.POSITIVE_INFINITY)
    .replace(/ ?- ?/g, '-') // 'Declaratie 12 - oktober' → 'Declaratie-12-oktober'
    .replaceAll(' ', '-')
    .replace(/\/{2,}/g, '/');
  // Trim slashes before cutting and again after, as the cut may end on one.
  return trimSlashes(trimSlashes(id).slice(0, max));
}

const trimSlashes = (id: string) => id.replace(/^\/+|\/+$/g, '');

/** Everything that would make the bank (or the schema) refuse the batch, in Dutch, naming whom it concerns. */
export function sepaProblems(batch: SepaBatch): SepaProblem[] {
  return checked(batch).problems;
}

/** The problems, and what the file is written from: each name in bank characters and each IBAN compact, made once. */
interface Checked {
  problems: SepaProblem[];
  debtorName: string;
  names: string[];
  ibans: string[];
  totalCents: bigint;
}

function checked(batch: SepaBatch): Checked {
  const problems: SepaProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });

  // Ids go into the file verbatim: the bank statement reports them back, so they must match what the app stored.
  if (sepaId(batch.messageId, MAX_ID) !== batch.messageId) {
    add('messageId', `Berichtkenmerk '${batch.messageId}' is geen geldig SEPA-kenmerk ${idRule}`);
  }
  if (!isIsoTimestamp(batch.createdAt)) {
    add('createdAt', `Aanmaakmoment '${batch.createdAt}' is geen geldige datum en tijd`);
  }
  if (!isIsoDate(batch.executionDate)) {
    add('executionDate', `Uitvoerdatum '${batch.executionDate}' is geen geldige datum`);
  }

  const debtor = batch.debtor;
  const debtorWho = debtor.name.trim()
    ? `de betalende rekening (${debtor.name.trim()})`
    : 'de betalende rekening';
  const debtorName = sepaText(debtor.name, MAX_NAME);
  if (debtorName === '') {
    add('debtor.name', `Naam van ${debtorWho} wordt na omzetting naar bankletters leeg`);
  }
  const debtorIban = sepaIbanProblem(debtor.iban);
  if (debtorIban) add('debtor.iban', `IBAN van ${debtorWho}: ${debtorIban}`);
  if (debtor.bic !== null) {
    const bic = bicProblem(compactBic(debtor.bic));
    if (bic) add('debtor.bic', `BIC van ${debtorWho}: ${bic}`);
  }

  if (batch.transfers.length === 0) add('transfers', 'Geen betalingen in deze batch');
  const seenIds = new Map<string, string>();
  const names: string[] = [];
  const ibans: string[] = [];
  let totalCents = 0n;
  batch.transfers.forEach((transfer, i) => {
    const field = `transfers.${i}`;
    const who = transfer.name.trim() || `betaling ${i + 1}`;
    const name = sepaText(transfer.name, MAX_NAME);
    names.push(name);
    if (name === '') {
      add(
        `${field}.name`,
        `Naam van ${who} wordt na omzetting naar bankletters leeg; vul een naam in Latijnse letters in`,
      );
    }
    const iban = normalizeIban(transfer.iban);
    ibans.push(iban);
    const ibanRefused = sepaIbanProblem(transfer.iban);
    if (ibanRefused) add(`${field}.iban`, `IBAN van ${who}: ${ibanRefused}`);
    if (!Number.isInteger(transfer.amountCents)) {
      add(`${field}.amountCents`, `Bedrag van ${who} is geen heel aantal centen`);
    } else if (transfer.amountCents < MIN_CENTS || transfer.amountCents > MAX_CENTS) {
      add(
        `${field}.amountCents`,
        `Bedrag van ${who} moet tussen ${formatCents(MIN_CENTS)} en ${formatCents(MAX_CENTS)} liggen`,
      );
    } else {
      totalCents += BigInt(transfer.amountCents);
    }
    const id = transfer.endToEndId;
    if (sepaId(id, MAX_ID) !== id) {
      add(`${field}.endToEndId`, `Betalingskenmerk '${id}' van ${who} is geen geldig SEPA-kenmerk ${idRule}`);
    } else if (seenIds.has(id)) {
      add(`${field}.endToEndId`, `Betalingskenmerk '${id}' van ${who} komt ook voor bij ${seenIds.get(id)}`);
    } else {
      seenIds.set(id, who);
    }
  });
  if (totalCents > MAX_TOTAL_CENTS)
    add('transfers', 'Het totaalbedrag van deze batch is te groot voor één bestand');
  return { problems, debtorName, names, ibans, totalCents };
}

/** The pain.001.001.09 document (UTF-8). Throws SepaError when sepaProblems finds anything. */
export function buildPain001(batch: SepaBatch): string {
  const { problems, debtorName, names, ibans, totalCents } = checked(batch);
  if (problems.length > 0) throw new SepaError(problems);

  const count = String(batch.transfers.length);
  const total = centsToDecimal(totalCents);
  // The checks passed, so each id is already what sepaId makes of it.
  const messageId = batch.messageId;

  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const initiation = doc.ele(NAMESPACE, 'Document').ele('CstmrCdtTrfInitn');
  // Object keys become elements in insertion order, which is the order the schema demands.
  initiation.ele({
    GrpHdr: {
      MsgId: messageId,
      CreDtTm: `${new Date(batch.createdAt).toISOString().slice(0, 19)}Z`,
      NbOfTxs: count,
      CtrlSum: total,
      InitgPty: { Nm: debtorName },
    },
  });
  // One payment information block: a single debit date and account for the whole batch.
  const payment = initiation.ele('PmtInf');
  payment.ele({
    PmtInfId: messageId,
    PmtMtd: 'TRF',
    NbOfTxs: count,
    CtrlSum: total,
    PmtTpInf: { SvcLvl: { Cd: 'SEPA' } },
    ReqdExctnDt: { Dt: batch.executionDate },
    // No postal addresses: banks refuse unstructured ones from November 2026 and none are required.
    Dbtr: { Nm: debtorName },
    DbtrAcct: { Id: { IBAN: normalizeIban(batch.debtor.iban) } },
    DbtrAgt: {
      FinInstnId: batch.debtor.bic
        ? { BICFI: compactBic(batch.debtor.bic) }
        : { Othr: { Id: 'NOTPROVIDED' } },
    },
    ChrgBr: 'SLEV',
  });
  // The transactions element by element: for thousands of them a tenth cheaper than through an object.
  // A batch's descriptions mostly repeat (organisation, kinds, month): each is made bank text once.
  const remittances = new Map<string, string>();
  batch.transfers.forEach((transfer, i) => {
    let remittance = remittances.get(transfer.remittance);
    if (remittance === undefined) {
      remittance = sepaText(transfer.remittance, MAX_REMITTANCE);
      remittances.set(transfer.remittance, remittance);
    }
    const transaction = payment.ele('CdtTrfTxInf');
    transaction.ele('PmtId').ele('EndToEndId').txt(transfer.endToEndId);
    transaction.ele('Amt').ele('InstdAmt').att('Ccy', 'EUR').txt(centsToDecimal(transfer.amountCents));
    transaction
      .ele('Cdtr')
      .ele('Nm')
      .txt(names[i] as string);
    transaction
      .ele('CdtrAcct')
      .ele('Id')
      .ele('IBAN')
      .txt(ibans[i] as string);
    // RmtInf is optional, and an empty Ustrd would not validate.
    if (remittance) transaction.ele('RmtInf').ele('Ustrd').txt(remittance);
  });
  return doc.end({ prettyPrint: true });
}

// The XSD ships beside this module. import.meta.url is empty in the esbuild CJS bundle of the Electron main
// process; __filename works there.
const here = import.meta.url || __filename;
const schemaPath = path.join(
  path.dirname(here.startsWith('file:') ? fileURLToPath(here) : here),
  'pain.001.001.09.xsd',
);
let schema: Promise<Buffer> | null = null;

/** Validates against the EPC pain.001.001.09 XSD with libxml2 (WASM, in a worker thread): no binary, no network. */
export async function validatePain001(
  xml: string,
): Promise<{ valid: true } | { valid: false; errors: string[] }> {
  schema ??= readFile(schemaPath).catch((error: unknown) => {
    schema = null; // let a later call retry
    throw error;
  });
  const contents = await schema;
  try {
    const result = await validateXML({
      // As UTF-8 bytes, encoded natively rather than by the WASM glue's loop; a string with a lone surrogate (no
      // UTF-8 at all) goes as it is, so libxml2 judges what it was given.
      xml: { fileName: 'pain.001.xml', contents: xml.isWellFormed() ? Buffer.from(xml) : xml },
      schema: { fileName: 'pain.001.001.09.xsd', contents },
      // Wasm memory grows on demand; the default 32 MiB cap is too small for batches of thousands.
      maxMemoryPages: memoryPages.GiB,
    });
    if (result.valid) return { valid: true };
    return { valid: false, errors: result.errors.map((e) => e.rawMessage) };
  } catch (error) {
    // xmllint exits with a code other than 3/4 for XML that is not well-formed; its stderr is the reason.
    if (error instanceof Error && typeof (error as { code?: unknown }).code === 'number') {
      return { valid: false, errors: error.message.split('\n').filter((line) => line.trim() !== '') };
    }
    throw error;
  }
}

const idRule =
  "(max. 35 tekens: letters, cijfers en / - ? : ( ) . , ' +; geen spaties, niet beginnen of eindigen met '/', geen '//')";

function compactBic(bic: string): string {
  return bic.replace(/\s+/g, '').toUpperCase();
}

/** Integer cents → '5.75', without floating point (a checked amount is a safe integer; a total may not be). */
function centsToDecimal(cents: bigint | number): string {
  const digits = cents.toString().padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

function isIsoDate(value: string): boolean {
  const time = Date.parse(`${value}T00:00:00Z`);
  // Date.parse rolls 30 February over to March; the round trip catches that.
  return (
    /^(19|2\d)\d\d-\d\d-\d\d$/.test(value) &&
    !Number.isNaN(time) &&
    new Date(time).toISOString().startsWith(value)
  );
}

function isIsoTimestamp(value: string): boolean {
  return (
    /^(19|2\d)\d\d-\d\d-\d\dT\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) &&
    !Number.isNaN(Date.parse(value))
  );
}
