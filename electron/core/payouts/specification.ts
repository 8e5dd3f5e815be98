import { type ClaimKind, claimKindLabels } from '../../../shared/claims.ts';
import type { DocumentModel } from '../../../shared/document-model.ts';
import { formatCents, formatDate, formatDateLong, formatIban } from '../../../shared/format.ts';
import { fullName } from '../../../shared/persons.ts';
import { foldForSearch } from '../../../shared/search.ts';
import { organisationHead } from '../contracts/documents.ts';
import { notFound } from '../failure.ts';
import { renderPdf } from '../pdf/render-document.ts';
import { loadPerson } from '../persons/read.ts';
import type { AreaHandlers } from '../registry.ts';
import { loadSettings } from '../settings/read.ts';

const line = (c: { datum: string; soort: string; omschrijving: string; km: number | null }) =>
  `${formatDate(c.datum)} · ${claimKindLabels[c.soort as ClaimKind]} · ${c.omschrijving}${c.km ? ` (${c.km} km)` : ''}`;

/** Per person in a batch: what was paid, and what was rejected in the same months with the reason. */
export const specificationHandlers = {
  'payouts.people': async (ctx, input) => {
    const rows = await ctx.db
      .selectFrom('claims')
      .innerJoin('persons', 'persons.id', 'claims.person_id')
      .select((eb) => [
        'persons.id',
        'persons.voornaam',
        'persons.tussenvoegsel',
        'persons.achternaam',
        'persons.roepnaam',
        eb.fn.sum<number>('claims.bedrag_cents').as('cents'),
      ])
      .where('claims.batch_id', '=', input.id)
      .groupBy([
        'persons.id',
        'persons.voornaam',
        'persons.tussenvoegsel',
        'persons.achternaam',
        'persons.roepnaam',
        'persons.sort_name',
      ])
      .orderBy('persons.sort_name')
      .execute();
    return rows.map((r) => ({ personId: r.id, naam: fullName(r), totaalCents: Number(r.cents) }));
  },

  'payouts.specification': async (ctx, input) => {
    const batch = await ctx.db
      .selectFrom('payout_batches')
      .selectAll()
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (!batch) throw notFound('Deze betaalbatch');
    const person = await loadPerson(ctx.db, input.personId);
    const paid = await ctx.db
      .selectFrom('claims')
      .selectAll()
      .where('batch_id', '=', batch.id)
      .where('person_id', '=', input.personId)
      .orderBy('datum')
      .execute();
    if (paid.length === 0) throw notFound('Een betaling aan deze persoon in deze batch');
    const months = [...new Set(paid.map((c) => c.datum.slice(0, 7)))];
    const rejected = (
      await ctx.db
        .selectFrom('claims')
        .selectAll()
        .where('person_id', '=', input.personId)
        .where('status', '=', 'afgewezen')
        .orderBy('datum')
        .execute()
    ).filter((c) => months.includes(c.datum.slice(0, 7)));
    const total = paid.reduce((n, c) => n + c.bedrag_cents, 0);
    const settings = await loadSettings(ctx.db);
    const name = fullName({ ...person, roepnaam: null });
    const model: DocumentModel = {
      title: 'Specificatie uitbetaling',
      subtitle: name,
      organisation: organisationHead(settings),
      footer: `Betaalbatch ${batch.nummer} · ${name}`,
      numberSections: false,
      sections: [
        {
          title: 'Betaling',
          blocks: [
            {
              kind: 'facts',
              rows: [
                ['Betaalbatch', batch.nummer],
                ['Uitvoerdatum', formatDateLong(batch.uitvoerdatum)],
                ['Naar rekening', formatIban(person.iban) || '—'],
                ['Totaal', formatCents(total)],
              ],
            },
          ],
        },
        {
          title: 'Uitbetaald',
          blocks: [
            {
              kind: 'facts',
              rows: paid.map((c): [string, string] => [line(c), formatCents(c.bedrag_cents)]),
            },
          ],
        },
        ...(rejected.length > 0
          ? [
              {
                title: 'Afgewezen',
                blocks: rejected.flatMap((c) => [
                  {
                    kind: 'facts' as const,
                    rows: [[line(c), formatCents(c.bedrag_cents)]] as [string, string][],
                  },
                  { kind: 'paragraph' as const, text: `Reden: ${c.reden_afwijzing ?? '—'}` },
                ]),
              },
            ]
          : []),
      ],
      signatories: [],
    };
    const pdf = await renderPdf(model, { creationDate: new Date(batch.created_at) });
    const slug = foldForSearch(name).replace(/[^a-z0-9]+/g, '-');
    return { fileName: `specificatie-${batch.nummer}-${slug}.pdf`, base64: pdf.toString('base64') };
  },
} satisfies AreaHandlers<'payouts'>;
