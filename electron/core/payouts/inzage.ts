/**
 * The payouts' part of the inzage export: every batch that paid one of the person's claims, and every stored
 * payment file that pays into one of their accounts (a cancelled batch gave its claims back but keeps its file).
 * Of a batch only the person's share is exported; the other transfers in it are other people's.
 */
import { formatDateLong, formatIban } from '../../../shared/format.ts';
import { type BatchStatus, batchStatusLabels } from '../../../shared/payouts.ts';
import type { Bedrag, InzagePart } from '../avg/inzage-part.ts';
import { bedrag, none } from '../avg/inzage-values.ts';
import { transfersTo } from '../avg/payment-files.ts';

export interface PayoutsInzage {
  uitbetalingen: {
    kenmerk: string;
    betaalbatch: string;
    status: string;
    uitvoerdatum: string;
    /** The person's claims in the batch now (none once a cancelled batch gave them back). */
    declaraties: number;
    bedrag: Bedrag;
    /** The transfers to the person as the payment file holds them, or empty once the file is gone. */
    inBetaalbestand: { naam: string; iban: string; bedrag: Bedrag }[];
  }[];
}

export const payoutsInzage: InzagePart<PayoutsInzage> = {
  tables: {
    payout_batches:
      'uitbetalingen (de batches met een declaratie van de persoon of een betaling naar een van diens rekeningen)',
  },

  async collect(db, { person, ibans }) {
    const claims = await db
      .selectFrom('claims')
      .select(['batch_id', 'bedrag_cents'])
      .where('person_id', '=', person.id)
      .where('batch_id', 'is not', null)
      .execute();
    const batchIds = [...new Set(claims.map((c) => c.batch_id).filter((b): b is string => b !== null))];
    const batches =
      batchIds.length === 0 && ibans.size === 0
        ? []
        : await db
            .selectFrom('payout_batches')
            .select(['id', 'nummer', 'status', 'uitvoerdatum', 'xml'])
            .where((eb) =>
              eb.or([
                ...(batchIds.length > 0 ? [eb('id', 'in', batchIds)] : []),
                ...[...ibans].map((iban) => eb('xml', 'like', `%${iban}%`)),
              ]),
            )
            .orderBy('uitvoerdatum')
            .orderBy('nummer')
            .execute();
    const uitbetalingen = batches
      .map((b) => ({ ...b, transfers: transfersTo(b.xml, ibans) }))
      .filter((b) => batchIds.includes(b.id) || b.transfers.length > 0)
      .map((b) => {
        const paid = claims.filter((c) => c.batch_id === b.id);
        const cents =
          b.transfers.length > 0
            ? b.transfers.reduce((n, t) => n + t.cents, 0)
            : paid.reduce((n, c) => n + c.bedrag_cents, 0);
        return {
          kenmerk: b.id,
          betaalbatch: b.nummer,
          status: batchStatusLabels[b.status as BatchStatus] ?? b.status,
          uitvoerdatum: b.uitvoerdatum,
          declaraties: paid.length,
          bedrag: bedrag(cents),
          inBetaalbestand: b.transfers.map((t) => ({ naam: t.naam, iban: t.iban, bedrag: bedrag(t.cents) })),
        };
      });
    return { sections: { uitbetalingen } };
  },

  chapters({ uitbetalingen }) {
    if (uitbetalingen.length === 0)
      return [{ title: 'Uitbetalingen', blocks: none('Geen uitbetalingen vastgelegd.') }];
    return [
      {
        title: 'Uitbetalingen',
        blocks: [
          {
            kind: 'facts',
            rows: uitbetalingen.map((u): [string, string] => [
              `Betaalbatch ${u.betaalbatch}`,
              [
                `${u.bedrag.weergave}${u.declaraties > 0 ? ` voor ${u.declaraties} declaratie${u.declaraties === 1 ? '' : 's'}` : ''}, uitvoerdatum ${formatDateLong(u.uitvoerdatum)} (${u.status.toLowerCase()})`,
                ...u.inBetaalbestand.map(
                  (t) => `In het betaalbestand: ${t.bedrag.weergave} aan ${t.naam}, ${formatIban(t.iban)}`,
                ),
              ].join('\n'),
            ]),
          },
        ],
      },
    ];
  },
};
