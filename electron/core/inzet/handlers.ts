/**
 * Inzet: activities recorded once, with the claims they prepare. A begeleider records and reads the inzet of the
 * people they guide; the administrateur reads hours and costs, never what an activity was about.
 */
import type { InzetRequestOption } from '../../../shared/inzet.ts';
import { Failure } from '../failure.ts';
import type { AreaHandlers } from '../registry.ts';
import { parseInzetFile } from './import.ts';
import { listInzet, loadInzet } from './read.ts';
import { removeInzet, saveInzet } from './write.ts';

export const inzetHandlers = {
  'inzet.list': (ctx, input) =>
    listInzet(ctx.db, input, ctx.account?.role === 'begeleider' ? ctx.account.id : null),

  'inzet.get': async (ctx, input) => {
    const inzet = await loadInzet(ctx.db, input.id, ctx.account);
    if (ctx.account?.role === 'begeleider') {
      const own = await ctx.db
        .selectFrom('inzet_persons')
        .innerJoin('persons', 'persons.id', 'inzet_persons.person_id')
        .select('inzet_persons.id')
        .where('inzet_persons.inzet_id', '=', input.id)
        .where('persons.begeleider_id', '=', ctx.account.id)
        .executeTakeFirst();
      if (!own)
        throw new Failure('forbidden', 'Deze inzet hoort niet bij sleutelpersonen die jij begeleidt.');
    }
    return inzet;
  },

  'inzet.save': saveInzet,
  'inzet.remove': removeInzet,

  'inzet.import': async (ctx, input) => {
    const rows = await parseInzetFile(ctx.db, Buffer.from(input.base64, 'base64'));
    for (const { line, input: row } of rows) {
      try {
        await saveInzet(ctx, row);
      } catch (e) {
        // The whole file is refused (the transaction rolls back); the message names the row.
        if (e instanceof Failure)
          throw new Failure(
            e.error.code,
            `Regel ${line}: ${e.error.message} Er is niets ingelezen.`,
            'base64',
          );
        throw e;
      }
    }
    return { count: rows.length };
  },

  /** Requests inzet can be recorded for: matched ones first, then new ones, with what they fill in. */
  'inzet.requests': async (ctx) => {
    const rows = await ctx.db
      .selectFrom('requests')
      .leftJoin('partners', 'partners.id', 'requests.partner_id')
      .select([
        'requests.id',
        'requests.ontvangen_op',
        'requests.status',
        'requests.partner_id',
        'requests.project_id',
        'requests.soort_hulp',
        'requests.gemeente',
        'requests.omschrijving',
        'partners.naam as partner_naam',
      ])
      .where('requests.status', 'in', ['gematcht', 'nieuw'])
      .orderBy('requests.status')
      .orderBy('requests.ontvangen_op', 'desc')
      .limit(500)
      .execute();
    const matched =
      rows.length === 0
        ? []
        : await ctx.db
            .selectFrom('request_persons')
            .select(['request_id', 'person_id'])
            .where(
              'request_id',
              'in',
              rows.map((r) => r.id),
            )
            .execute();
    const matchedBy = Map.groupBy(matched, (m) => m.request_id);
    return rows.map(
      (r): InzetRequestOption => ({
        id: r.id,
        ontvangenOp: r.ontvangen_op,
        status: r.status,
        partnerId: r.partner_id,
        partnerNaam: r.partner_naam,
        projectId: r.project_id,
        soortHulp: r.soort_hulp,
        gemeente: r.gemeente,
        omschrijving: r.omschrijving,
        personIds: (matchedBy.get(r.id) ?? []).map((m) => m.person_id),
      }),
    );
  },
} satisfies AreaHandlers<'inzet'>;
