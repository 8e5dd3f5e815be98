import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { create } from 'xmlbuilder2';
import { memoryPages, validateXML } from 'xmllint-wasm';
import {
  buildPain001,
  type SepaBatch,
  sepaId,
  sepaText,
  validatePain001,
} from '../../electron/core/payouts/sepa.ts';
import { normalizeIban } from '../../shared/iban.ts';
import { benchIban } from './iban.ts';
import { type Figures, race } from './measure.ts';

const transfers = 5000;
const names = [
  'Şükrü Çelik',
  'Nguyễn Thị Hương',
  'Jan Jansen',
  'Małgorzata Wiśniewska',
  'Zoë O’Brien',
  'Amal Haddad',
];

/** A payout batch as payouts.create makes it: one transfer per person, ids and texts shaped alike. */
export function benchBatch(count = transfers): SepaBatch {
  return {
    messageId: 'UB-2026-0001',
    createdAt: '2026-04-01T10:00:00.000Z',
    executionDate: '2026-04-03',
    debtor: { name: 'Stichting Wélzijn & Zorg', iban: benchIban(9_999_999), bic: null },
    transfers: Array.from({ length: count }, (_, i) => ({
      endToEndId: `UB-2026-0001-${i + 1}`,
      name: `${names[i % names.length]} ${i}`,
      iban: benchIban(i),
      amountCents: 100 + i,
      remittance: `Stichting Wélzijn & Zorg: ${1 + (i % 4)} declaraties (km, ov) maart 2026`,
    })),
  };
}

const schemaFile = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../electron/core/payouts/pain.001.001.09.xsd',
);

/**
 * The floor: bare xmlbuilder2 writing the same document from values already in the bank's character set (no checks,
 * no transliteration), serialised alike, plus one xmllint-wasm validation against the same XSD. It uses the libraries
 * as cheaply as sepa.ts does (transactions element by element, the XML handed over as bytes), so that the ratio is
 * what sepa.ts adds and never a cheaper way of calling them that the floor left out.
 */
function bareFloor(batch: SepaBatch, schema: Buffer) {
  const cents = (n: bigint) => {
    const digits = n.toString().padStart(3, '0');
    return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
  };
  const total = cents(batch.transfers.reduce((sum, t) => sum + BigInt(t.amountCents), 0n));
  const count = String(batch.transfers.length);
  const debtorName = sepaText(batch.debtor.name, 70);
  const debtorIban = normalizeIban(batch.debtor.iban);
  const rows = batch.transfers.map((t) => ({
    id: t.endToEndId,
    amount: cents(BigInt(t.amountCents)),
    name: sepaText(t.name, 70),
    iban: normalizeIban(t.iban),
    remittance: sepaText(t.remittance, 140),
  }));
  const build = () => {
    const doc = create({ version: '1.0', encoding: 'UTF-8' });
    const initiation = doc
      .ele('urn:iso:std:iso:20022:tech:xsd:pain.001.001.09', 'Document')
      .ele('CstmrCdtTrfInitn');
    initiation.ele({
      GrpHdr: {
        MsgId: batch.messageId,
        CreDtTm: '2026-04-01T10:00:00Z',
        NbOfTxs: count,
        CtrlSum: total,
        InitgPty: { Nm: debtorName },
      },
    });
    const payment = initiation.ele('PmtInf');
    payment.ele({
      PmtInfId: batch.messageId,
      PmtMtd: 'TRF',
      NbOfTxs: count,
      CtrlSum: total,
      PmtTpInf: { SvcLvl: { Cd: 'SEPA' } },
      ReqdExctnDt: { Dt: batch.executionDate },
      Dbtr: { Nm: debtorName },
      DbtrAcct: { Id: { IBAN: debtorIban } },
      DbtrAgt: { FinInstnId: { Othr: { Id: 'NOTPROVIDED' } } },
      ChrgBr: 'SLEV',
    });
    for (const row of rows) {
      const transaction = payment.ele('CdtTrfTxInf');
      transaction.ele('PmtId').ele('EndToEndId').txt(row.id);
      transaction.ele('Amt').ele('InstdAmt').att('Ccy', 'EUR').txt(row.amount);
      transaction.ele('Cdtr').ele('Nm').txt(row.name);
      transaction.ele('CdtrAcct').ele('Id').ele('IBAN').txt(row.iban);
      transaction.ele('RmtInf').ele('Ustrd').txt(row.remittance);
    }
    return doc.end({ prettyPrint: true });
  };
  const validate = (xml: string) =>
    validateXML({
      xml: { fileName: 'pain.001.xml', contents: Buffer.from(xml) },
      schema: { fileName: 'pain.001.001.09.xsd', contents: schema },
      maxMemoryPages: memoryPages.GiB,
    });
  return { build, validate };
}

/** Building and validating a 5,000-transfer SEPA file: sepa.ts versus bare xmlbuilder2 + xmllint-wasm. */
export async function sepaBench(): Promise<Figures> {
  const batch = benchBatch();
  if (batch.transfers.some((t) => sepaId(t.endToEndId, 35) !== t.endToEndId))
    throw new Error('sepa bench: ids');
  const floor = bareFloor(batch, await readFile(schemaFile));
  // The floor is only honest if it writes the very same bytes.
  const xml = buildPain001(batch);
  if (floor.build() !== xml) throw new Error('sepa bench: the floor writes a different document');
  const subject = async () => {
    const checked = await validatePain001(buildPain001(batch));
    if (!checked.valid) throw new Error(`sepa bench: ${checked.errors[0]}`);
  };
  const bare = async () => {
    const checked = await floor.validate(floor.build());
    if (!checked.valid) throw new Error(`sepa bench floor: ${checked.errors[0]?.rawMessage}`);
  };
  const medians = await race({ subject, bare }, 15, 3);
  return {
    sepa: {
      subjectMs: medians.subject ?? 0,
      floorMs: medians.bare ?? 0,
      about: { transfers, bytes: Buffer.byteLength(xml) },
    },
  };
}
