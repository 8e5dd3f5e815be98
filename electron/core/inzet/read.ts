/**
 * Reading inzet: one activity with its people, tags and reach, and the paged list. What the activity was about
 * (hulpvraag, its note, referrals, leefgebieden, outcome) is left out for the administrateur here, in the main
 * process, so it never reaches that role's screen.
 */

import type { z } from 'zod';
import type { ClaimStatus } from '../../../shared/claims.ts';
import type { Inzet, InzetContent, InzetPage, InzetRow, inzetListInput } from '../../../shared/inzet.ts';
import { fullName } from '../../../shared/persons.ts';
import type { SessionAccount } from '../../../shared/roles.ts';
import type {
  ActivityKind,
  HulpvraagCategory,
  OriginRegion,
  ReferralKind,
} from '../../../shared/work-vocabulary.ts';
import type { Reader } from '../context.ts';
import { notFound } from '../failure.ts';
import { pageOf } from '../store/page-bounds.ts';

/** The administrateur reads hours and costs of inzet, never what it was about. */
export const seesContent = (account: SessionAccount | null) => account?.role !== 'administrateur';

/** The people of these activities, with their claims, in name order. */
async function peopleOf(db: Reader, inzetIds: string[]) {
  if (inzetIds.length === 0) return [];
  return db
    .selectFrom('inzet_persons')
    .innerJoin('persons', 'persons.id', 'inzet_persons.person_id')
    .leftJoin('claims', 'claims.id', 'inzet_persons.claim_id')
    .select([
      'inzet_persons.inzet_id',
      'inzet_persons.person_id',
      'persons.voornaam',
      'persons.tussenvoegsel',
      'persons.achternaam',
      'persons.roepnaam',
      'persons.begeleider_id',
      'claims.id as claim_id',
      'claims.status as claim_status',
      'claims.bedrag_cents as claim_cents',
    ])
    .where('inzet_persons.inzet_id', 'in', inzetIds)
    .orderBy('persons.sort_name')
    .execute();
}

/** One activity as its form shows it; `inhoud` stays null for the administrateur. */
export async function loadInzet(db: Reader, id: string, account: SessionAccount | null): Promise<Inzet> {
  const row = await db
    .selectFrom('inzet')
    .leftJoin('partners', 'partners.id', 'inzet.partner_id')
    .leftJoin('projects', 'projects.id', 'inzet.project_id')
    .selectAll('inzet')
    .select(['partners.naam as partner_naam', 'projects.naam as project_naam'])
    .where('inzet.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Deze inzet');
  const people = await peopleOf(db, [id]);
  const tags = await db
    .selectFrom('inzet_tags')
    .select(['kind', 'waarde'])
    .where('inzet_id', '=', id)
    .orderBy('waarde')
    .execute();
  const reach = await db
    .selectFrom('inzet_reach')
    .select(['dimensie', 'waarde', 'aantal'])
    .where('inzet_id', '=', id)
    .orderBy('waarde')
    .execute();
  const tagged = (kind: string) => tags.filter((t) => t.kind === kind).map((t) => t.waarde);
  const inhoud: InzetContent = {
    leefgebieden: tagged('leefgebied'),
    hulpvraag: tagged('hulpvraag') as HulpvraagCategory[],
    hulpvraagNotitie: row.hulpvraag_notitie,
    doorverwijzing: tagged('doorverwijzing') as ReferralKind[],
    uitkomst: row.uitkomst,
  };
  return {
    id: row.id,
    version: row.version,
    datum: row.datum,
    minuten: row.minuten,
    personen: people.map((p) => ({
      personId: p.person_id,
      naam: fullName(p),
      claim: p.claim_id
        ? { id: p.claim_id, status: p.claim_status as ClaimStatus, bedragCents: p.claim_cents ?? 0 }
        : null,
    })),
    partnerId: row.partner_id,
    partnerNaam: row.partner_naam,
    requestId: row.request_id,
    projectId: row.project_id,
    projectNaam: row.project_naam,
    soort: row.soort as ActivityKind,
    gemeente: row.gemeente,
    rollen: tagged('rol'),
    bereikVolwassenen: row.bereik_volwassenen,
    bereikKinderen: row.bereik_kinderen,
    bereikStatushouders: row.bereik_statushouders,
    bereikProfessionals: row.bereik_professionals,
    herkomst: reach
      .filter((r) => r.dimensie === 'herkomst')
      .map((r) => ({ waarde: r.waarde as OriginRegion, aantal: r.aantal })),
    talen: reach.filter((r) => r.dimensie === 'taal').map((r) => ({ waarde: r.waarde, aantal: r.aantal })),
    inhoud: seesContent(account) ? inhoud : null,
  };
}

/**
 * A page of activities, newest first, filtered by period, person, partner and project. A begeleider sees the
 * activities of the people they guide (`begeleiderId`).
 */
export async function listInzet(
  db: Reader,
  input: z.output<typeof inzetListInput>,
  begeleiderId: string | null,
): Promise<InzetPage> {
  let base = db.selectFrom('inzet');
  if (input.van) base = base.where('inzet.datum', '>=', input.van);
  if (input.tot) base = base.where('inzet.datum', '<=', input.tot);
  if (input.partnerId) base = base.where('inzet.partner_id', '=', input.partnerId);
  if (input.projectId) base = base.where('inzet.project_id', '=', input.projectId);
  if (input.personId) {
    const personId = input.personId;
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('inzet_persons')
          .select('inzet_persons.id')
          .whereRef('inzet_persons.inzet_id', '=', 'inzet.id')
          .where('inzet_persons.person_id', '=', personId),
      ),
    );
  }
  if (begeleiderId) {
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('inzet_persons')
          .innerJoin('persons', 'persons.id', 'inzet_persons.person_id')
          .select('inzet_persons.id')
          .whereRef('inzet_persons.inzet_id', '=', 'inzet.id')
          .where('persons.begeleider_id', '=', begeleiderId),
      ),
    );
  }
  const totals = await base
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('inzet.minuten').as('minuten')])
    .executeTakeFirstOrThrow();
  const sorted = base
    .leftJoin('partners', 'partners.id', 'inzet.partner_id')
    .leftJoin('projects', 'projects.id', 'inzet.project_id')
    .select([
      'inzet.id',
      'inzet.version',
      'inzet.datum',
      'inzet.minuten',
      'inzet.soort',
      'inzet.gemeente',
      'inzet.bereik_volwassenen',
      'inzet.bereik_kinderen',
      'partners.naam as partner_naam',
      'projects.naam as project_naam',
    ])
    .orderBy('inzet.datum', 'desc')
    .orderBy('inzet.id', 'desc');
  const rows = await pageOf(sorted, input.page, input.pageSize).execute();
  const people = await peopleOf(
    db,
    rows.map((r) => r.id),
  );
  const peopleByInzet = Map.groupBy(people, (p) => p.inzet_id);
  const page: InzetRow[] = rows.map((r) => {
    const mine = peopleByInzet.get(r.id) ?? [];
    return {
      id: r.id,
      version: r.version,
      datum: r.datum,
      minuten: r.minuten,
      soort: r.soort as ActivityKind,
      personen: mine.map((p) => ({ personId: p.person_id, naam: fullName(p) })),
      partnerNaam: r.partner_naam,
      projectNaam: r.project_naam,
      gemeente: r.gemeente,
      bereik: r.bereik_volwassenen + r.bereik_kinderen,
      declaratieCents: mine.reduce(
        (s, p) => s + (p.claim_status && p.claim_status !== 'afgewezen' ? (p.claim_cents ?? 0) : 0),
        0,
      ),
    };
  });
  return { rows: page, total: Number(totals.n), totaalMinuten: Number(totals.minuten ?? 0) };
}
