/**
 * The transfers in a stored payment file (pain.001), found by the account they pay into. A transfer is matched on
 * its IBAN only: two people may share a name, an account is one person's. This reaches files whose claims have
 * moved on too (a cancelled batch gives its claims back, but keeps its file).
 */
import { sepaText } from '../payouts/sepa.ts';

const transferBlock = /<CdtTrfTxInf>[\s\S]*?<\/CdtTrfTxInf>/g;
const creditorName = /(<Cdtr>\s*<Nm>)([^<]*)(<\/Nm>)/;
const creditorIban = /(<CdtrAcct>[\s\S]*?<IBAN>)([^<]*)(<\/IBAN>)/;
const amount = /<InstdAmt[^>]*>([^<]*)<\/InstdAmt>/;

interface Transfer {
  naam: string;
  iban: string;
  cents: number;
}

/** The transfers into these accounts (normalised IBANs). */
export function transfersTo(xml: string, ibans: ReadonlySet<string>): Transfer[] {
  return (xml.match(transferBlock) ?? []).flatMap((block) => {
    const iban = creditorIban.exec(block)?.[2] ?? '';
    if (!ibans.has(iban)) return [];
    const [euros = '0', cents = '0'] = (amount.exec(block)?.[1] ?? '0').split('.');
    return [
      {
        naam: creditorName.exec(block)?.[2] ?? '',
        iban,
        cents: Number(euros) * 100 + Number(cents.padEnd(2, '0').slice(0, 2)),
      },
    ];
  });
}

/** The file with the transfers into these accounts renamed and their account removed; other transfers untouched. */
export function scrubPaymentFile(xml: string, ibans: ReadonlySet<string>, label: string): string {
  return xml.replace(transferBlock, (block) => {
    if (!ibans.has(creditorIban.exec(block)?.[2] ?? '')) return block;
    return block
      .replace(creditorName, (_m, open: string, _n, close: string) => `${open}${sepaText(label, 70)}${close}`)
      .replace(creditorIban, (_m, open: string, _i, close: string) => `${open}VERWIJDERD${close}`);
  });
}
