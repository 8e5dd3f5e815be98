/**
 * Requests: the list, one request, saving it (with its languages and leefgebieden as child rows) and the status
 * changes a user makes by hand. Which change is allowed from which status is one table (statusTransitions in
 * shared/aanvragen.ts); the main process refuses the rest in Dutch. Matching is in match.ts.
 */

import type { z } from 'zod';
import {
  type RequestRow,
  type requestSaveInput,
  statusTransitions,
  transitionLabel,
} from '../../../shared/aanvragen.ts';
import { formatDate } from '../../../shared/format.ts';
import { fullName } from '../../../shared/persons.ts';
import {
  type ActivityKind,
  type RequestStatus,
  requestStatusLabels,
} from '../../../shared/work-vocabulary.ts';
import { diff, type WriteCtx } from '../context.ts';
import { Failure, invalidField } from '../failure.ts';
import { requirePartner, requireProject } from '../ketenpartners/read.ts';
import type { AreaHandlers } from '../registry.ts';
import { updateVersioned } from '../versioning.ts';
import { loadRequestDetail, loadRequestRow, requestTitle } from './read.ts';

type SaveInput = z.output<typeof requestSaveInput>;

async function checkReferences(ctx: WriteCtx, input: SaveInput) {
  if (input.partnerId) await requirePartner(ctx.db, input.partnerId);
  if (input.projectId) await requireProject(ctx.db, input.projectId);
  if (input.ontvangenOp > ctx.today) throw invalidField('ontvangenOp', 'ligt in de toekomst');
}

async function replaceChildren(ctx: WriteCtx, requestId: string, input: SaveInput) {
  await ctx.db.deleteFrom('request_languages').where('request_id', '=', requestId).execute();
  await ctx.db.deleteFrom('request_leefgebieden').where('request_id', '=', requestId).execute();
  if (input.talen.length > 0)
    await ctx.db
      .insertInto('request_languages')
      .values(
        input.talen.map((t) => ({
          id: ctx.newId(),
          request_id: requestId,
          taal: t.taal,
          verplicht: t.verplicht ? 1 : 0,
          version: 1,
        })),
      )
      .execute();
  if (input.leefgebieden.length > 0)
    await ctx.db
      .insertInto('request_leefgebieden')
      .values(
        input.leefgebieden.map((l) => ({
          id: ctx.newId(),
          request_id: requestId,
          leefgebied: l,
          version: 1,
        })),
      )
      .execute();
}

/** The fields of a request as the audit log shows them, from the input or from the stored detail alike. */
const auditedFields = [
  'partnerId',
  'projectId',
  'ontvangenOp',
  'gewenstVan',
  'gewenstTot',
  'plaats',
  'gemeente',
  'voorkeurGender',
  'voorkeurHerkomst',
  'soortHulp',
  'verwachteMinuten',
  'omschrijving',
] as const;
type Audited = { [K in (typeof auditedFields)[number]]: SaveInput[K] | string | null } & {
  talen: readonly { taal: string; verplicht: boolean }[];
  leefgebieden: readonly string[];
};
function shown(r: Audited) {
  return {
    ...Object.fromEntries(auditedFields.map((f) => [f, r[f]])),
    talen: r.talen.map((t) => `${t.taal}${t.verplicht ? '' : ' (wens)'}`).join(', '),
    leefgebieden: r.leefgebieden.join(', '),
  };
}

const closed: readonly RequestStatus[] = ['afgesloten', 'niet_uitvoerbaar'];

export const requestHandlers = {
  'aanvragen.list': async (ctx, input) => {
    let query = ctx.db
      .selectFrom('requests')
      .leftJoin('partners', 'partners.id', 'requests.partner_id')
      .select([
        'requests.id',
        'requests.version',
        'requests.ontvangen_op',
        'requests.partner_id',
        'partners.naam as partner_naam',
        'requests.gemeente',
        'requests.soort_hulp',
        'requests.status',
        'requests.gewenst_van',
        'requests.gewenst_tot',
      ]);
    if (input.status.length > 0) query = query.where('requests.status', 'in', input.status);
    if (input.partnerId === 'inloop') query = query.where('requests.partner_id', 'is', null);
    else if (input.partnerId) query = query.where('requests.partner_id', '=', input.partnerId);
    if (input.van) query = query.where('requests.ontvangen_op', '>=', input.van);
    if (input.tot) query = query.where('requests.ontvangen_op', '<=', input.tot);
    if (input.personId) {
      const personId = input.personId;
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('request_persons')
            .select('request_persons.id')
            .whereRef('request_persons.request_id', '=', 'requests.id')
            .where('request_persons.person_id', '=', personId),
        ),
      );
    }
    // A desk works through a few hundred requests a year; the newest thousand is the working list.
    const rows = await query
      .orderBy('requests.ontvangen_op', 'desc')
      .orderBy('requests.id', 'desc')
      .limit(1000)
      .execute();
    const ids = rows.map((r) => r.id);
    const talen = new Map<string, string[]>();
    const personen = new Map<string, string[]>();
    for (let start = 0; start < ids.length; start += 500) {
      const chunk = ids.slice(start, start + 500);
      for (const t of await ctx.db
        .selectFrom('request_languages')
        .select(['request_id', 'taal'])
        .where('request_id', 'in', chunk)
        .orderBy('verplicht', 'desc')
        .orderBy('taal')
        .execute())
        talen.set(t.request_id, [...(talen.get(t.request_id) ?? []), t.taal]);
      for (const p of await ctx.db
        .selectFrom('request_persons')
        .innerJoin('persons', 'persons.id', 'request_persons.person_id')
        .select(['request_persons.request_id', 'voornaam', 'tussenvoegsel', 'achternaam', 'roepnaam'])
        .where('request_persons.request_id', 'in', chunk)
        .orderBy('persons.sort_name')
        .execute())
        personen.set(p.request_id, [...(personen.get(p.request_id) ?? []), fullName(p)]);
    }
    return rows.map(
      (r): RequestRow => ({
        id: r.id,
        version: r.version,
        ontvangenOp: r.ontvangen_op,
        partnerId: r.partner_id,
        partnerNaam: r.partner_naam,
        gemeente: r.gemeente,
        soortHulp: r.soort_hulp as ActivityKind,
        status: r.status as RequestStatus,
        gewenstVan: r.gewenst_van,
        gewenstTot: r.gewenst_tot,
        talen: talen.get(r.id) ?? [],
        personen: personen.get(r.id) ?? [],
      }),
    );
  },

  'aanvragen.get': (ctx, input) => loadRequestDetail(ctx.db, input.id),

  'aanvragen.save': async (ctx, input) => {
    await checkReferences(ctx, input);
    const values = {
      partner_id: input.partnerId,
      project_id: input.projectId,
      ontvangen_op: input.ontvangenOp,
      gewenst_van: input.gewenstVan,
      gewenst_tot: input.gewenstTot,
      plaats: input.plaats,
      gemeente: input.gemeente,
      voorkeur_gender: input.voorkeurGender,
      voorkeur_herkomst: input.voorkeurHerkomst,
      soort_hulp: input.soortHulp as string,
      verwachte_minuten: input.verwachteMinuten,
      omschrijving: input.omschrijving,
      updated_at: ctx.now,
    };
    const title = requestTitle(values);
    if (input.id) {
      const row = await loadRequestRow(ctx.db, input.id);
      const before = await loadRequestDetail(ctx.db, input.id);
      const status = row.status as RequestStatus;
      if (closed.includes(status))
        throw new Failure(
          'conflict',
          `Deze aanvraag is ${requestStatusLabels[status].toLowerCase()}; heropen haar eerst om haar te wijzigen.`,
        );
      // The begeleider takes requests in; once the coordinator matched one, only a projectleider changes it.
      if (status !== 'nieuw' && ctx.account?.role !== 'projectleider')
        throw new Failure(
          'forbidden',
          `Deze aanvraag is al ${requestStatusLabels[status].toLowerCase()}; alleen een projectleider wijzigt haar nog.`,
        );
      if (row.gematcht_op && input.ontvangenOp > row.gematcht_op)
        throw invalidField('ontvangenOp', `ligt na de dag van matchen (${formatDate(row.gematcht_op)})`);
      const saved = await updateVersioned(
        ctx,
        'requests',
        { id: row.id, version: input.version ?? 0 },
        values,
        {
          recordType: 'aanvraag',
          summary: `Aanvraag gewijzigd: ${title}`,
          changes: diff(shown(before), shown(input)),
        },
      );
      await replaceChildren(ctx, row.id, input);
      return saved;
    }
    const id = ctx.newId();
    await ctx.db
      .insertInto('requests')
      .values({
        id,
        ...values,
        status: 'nieuw',
        reden_niet_uitvoerbaar: null,
        gematcht_op: null,
        uitgevoerd_op: null,
        afgesloten_op: null,
        account_id: ctx.account?.id ?? null,
        created_at: ctx.now,
        version: 1,
      })
      .execute();
    await replaceChildren(ctx, id, input);
    ctx.audit({
      recordType: 'aanvraag',
      recordId: id,
      recordVersion: 1,
      summary: `Aanvraag ontvangen: ${title}`,
      changes: diff(null, shown(input)),
    });
    return { id, version: 1 };
  },

  'aanvragen.setStatus': async (ctx, input) => {
    const row = await loadRequestRow(ctx.db, input.id);
    const from = row.status as RequestStatus;
    const to = input.status;
    if (!statusTransitions[from]?.includes(to)) throw refusedTransition(from, to);
    const count = await ctx.db
      .selectFrom('request_persons')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('request_id', '=', row.id)
      .executeTakeFirstOrThrow();
    const matched = Number(count.n) > 0;
    const values: Parameters<typeof updateVersioned<'requests'>>[3] = { status: to, updated_at: ctx.now };
    if (to === 'niet_uitvoerbaar') values.reden_niet_uitvoerbaar = input.reden;
    if (to === 'uitgevoerd' && from === 'gematcht') values.uitgevoerd_op = ctx.today;
    if (to === 'afgesloten') values.afgesloten_op = ctx.today;
    // Reopening a closed request: it is done, not closed any more.
    if (to === 'uitgevoerd' && from === 'afgesloten') values.afgesloten_op = null;
    if (to === 'nieuw') {
      // Reopening one found niet uitvoerbaar: back where it stood, matched again when people were picked.
      values.reden_niet_uitvoerbaar = null;
      if (matched) values.status = 'gematcht';
    }
    const next = values.status as RequestStatus;
    const summary =
      to === 'niet_uitvoerbaar'
        ? `Aanvraag niet uitvoerbaar: ${requestTitle(row)}`
        : `Aanvraag ${transitionLabel(from, to) === 'Heropenen' ? 'heropend' : requestStatusLabels[next].toLowerCase()}: ${requestTitle(row)}`;
    return updateVersioned(ctx, 'requests', input, values, {
      recordType: 'aanvraag',
      summary,
      changes: diff(
        { status: requestStatusLabels[from], redenNietUitvoerbaar: row.reden_niet_uitvoerbaar },
        {
          status: requestStatusLabels[next],
          redenNietUitvoerbaar:
            values.reden_niet_uitvoerbaar === undefined
              ? row.reden_niet_uitvoerbaar
              : values.reden_niet_uitvoerbaar,
        },
      ),
    });
  },
} satisfies AreaHandlers<'aanvragen'>;

/** Why a status change is refused, in words a coordinator understands. */
function refusedTransition(from: RequestStatus, to: RequestStatus): Failure {
  const now = requestStatusLabels[from].toLowerCase();
  if (from === to) return new Failure('conflict', `Deze aanvraag is al ${now}.`);
  if (to === 'gematcht')
    return new Failure('invalid_input', 'Kies sleutelpersonen om een aanvraag te matchen.');
  if (from === 'nieuw' && (to === 'uitgevoerd' || to === 'afgesloten'))
    return new Failure('conflict', 'Deze aanvraag is nog niet gematcht; koppel eerst een sleutelpersoon.');
  if (from === 'niet_uitvoerbaar')
    return new Failure('conflict', 'Deze aanvraag is niet uitvoerbaar; heropen haar eerst.');
  if (from === 'afgesloten')
    return new Failure('conflict', 'Deze aanvraag is afgesloten; heropen haar eerst.');
  if (to === 'afgesloten')
    return new Failure(
      'conflict',
      'Deze aanvraag is nog niet uitgevoerd; sluit haar af als het werk gedaan is.',
    );
  return new Failure(
    'conflict',
    `Een aanvraag die ${now} is, kan niet naar ${requestStatusLabels[to].toLowerCase()}.`,
  );
}
