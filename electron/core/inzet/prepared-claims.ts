/**
 * The claims an activity prepares: recorded once, paid without typing it twice. For each sleutelpersoon whose
 * volunteer contract pays per hour or per activity on the activity's date, a claim goes through the claims area's
 * one insert path (the same amount from the contract, the same checks in the administrateur's queue). While the
 * claim is still submitted, editing the activity corrects it; once it is decided, date and duration stay as they are.
 */

import type { ClaimKind, ClaimStatus } from '../../../shared/claims.ts';
import { formatDate } from '../../../shared/format.ts';
import type { InzetFields } from '../../../shared/inzet.ts';
import { fullName } from '../../../shared/persons.ts';
import { activityKindLabels } from '../../../shared/work-vocabulary.ts';
import { activeContracts, activityClaimKind, contractOn } from '../claims/contract-terms.ts';
import { grantedStatuses } from '../claims/granted.ts';
import { correctClaim, insertClaim } from '../claims/write.ts';
import type { Reader, WriteCtx } from '../context.ts';
import { Failure } from '../failure.ts';

/** A claim an activity already prepared, as stored. */
export interface LinkedClaim {
  personId: string;
  naam: string;
  claimId: string;
  status: ClaimStatus;
  version: number;
  soort: string;
  datum: string;
  minuten: number | null;
  omschrijving: string;
  projectId: string | null;
}

/** Decided claims: approved, in a payout batch or paid. Their activity's date and duration are fixed. */
export const isDecided = (status: ClaimStatus) => grantedStatuses.has(status);

/** Which claim a contract pays for an activity: per hour, per activity, or none (employment, a monthly sum). */
export async function claimKindsFor(
  db: Reader,
  personIds: string[],
  datum: string,
): Promise<Map<string, ClaimKind | null>> {
  const contracts = await activeContracts(db, personIds);
  const kinds = new Map<string, ClaimKind | null>();
  for (const personId of personIds) {
    kinds.set(personId, activityClaimKind(contractOn(contracts.get(personId), datum)));
  }
  return kinds;
}

/** The claims this activity prepared so far, per person. */
export async function linkedClaims(db: Reader, inzetId: string): Promise<Map<string, LinkedClaim>> {
  const rows = await db
    .selectFrom('inzet_persons')
    .innerJoin('claims', 'claims.id', 'inzet_persons.claim_id')
    .innerJoin('persons', 'persons.id', 'inzet_persons.person_id')
    .select([
      'inzet_persons.person_id',
      'persons.voornaam',
      'persons.roepnaam',
      'persons.tussenvoegsel',
      'persons.achternaam',
      'claims.id',
      'claims.status',
      'claims.version',
      'claims.soort',
      'claims.datum',
      'claims.minuten',
      'claims.omschrijving',
      'claims.project_id',
    ])
    .where('inzet_persons.inzet_id', '=', inzetId)
    .execute();
  return new Map(
    rows.map((r) => [
      r.person_id,
      {
        personId: r.person_id,
        naam: fullName(r),
        claimId: r.id,
        status: r.status as ClaimStatus,
        version: r.version,
        soort: r.soort,
        datum: r.datum,
        minuten: r.minuten,
        omschrijving: r.omschrijving,
        projectId: r.project_id,
      },
    ]),
  );
}

/**
 * Refuses, before anything is written, an edit that would change a decided claim: another date or duration, or
 * taking the person off the activity.
 */
export function refuseChangingDecided(
  linked: Map<string, LinkedClaim>,
  fields: InzetFields,
  before: { datum: string; minuten: number },
) {
  for (const claim of linked.values()) {
    if (!isDecided(claim.status)) continue;
    const word = claim.status === 'betaald' ? 'betaald' : 'goedgekeurd';
    if (!fields.personIds.includes(claim.personId))
      throw new Failure(
        'conflict',
        `${claim.naam} kan niet van deze inzet worden gehaald: de declaratie is al ${word}.`,
        'personIds',
      );
    if (fields.minuten !== before.minuten)
      throw new Failure(
        'conflict',
        `De duur kan niet meer worden gewijzigd: de declaratie van ${claim.naam} is al ${word}.`,
        'minuten',
      );
    if (fields.datum !== before.datum)
      throw new Failure(
        'conflict',
        `De datum kan niet meer worden gewijzigd: de declaratie van ${claim.naam} is al ${word}.`,
        'datum',
      );
  }
}

/** The description a prepared claim carries: the activity, its date and partner. */
export function claimDescription(fields: InzetFields, partnerNaam: string | null): string {
  const what = activityKindLabels[fields.soort];
  return `Inzet ${formatDate(fields.datum)}: ${what}${partnerNaam ? ` voor ${partnerNaam}` : ''}`.slice(
    0,
    300,
  );
}

/**
 * Prepares, corrects or drops each person's claim for the activity as saved now; returns the claim per person.
 * Submitted claims of people taken off the activity, or whose contract no longer pays for it, are returned in
 * `dropped` so the caller deletes them once their link is gone.
 */
export async function prepareClaims(
  ctx: WriteCtx,
  fields: InzetFields,
  partnerNaam: string | null,
  linked: Map<string, LinkedClaim>,
): Promise<{ claimOf: Map<string, string>; dropped: LinkedClaim[] }> {
  const kinds = await claimKindsFor(ctx.db, fields.personIds, fields.datum);
  const omschrijving = claimDescription(fields, partnerNaam);
  const claimOf = new Map<string, string>();
  const dropped: LinkedClaim[] = [];
  for (const claim of linked.values()) {
    if (!fields.personIds.includes(claim.personId) && claim.status === 'ingediend') dropped.push(claim);
  }
  for (const personId of fields.personIds) {
    const kind = kinds.get(personId) ?? null;
    const existing = linked.get(personId);
    const claimFields = {
      personId,
      soort: kind ?? 'uren',
      datum: fields.datum,
      omschrijving,
      van: null,
      naar: null,
      km: null,
      minuten: kind === 'uren' ? fields.minuten : null,
      bedragCents: null,
      projectId: fields.projectId,
    };
    if (!existing) {
      if (kind) claimOf.set(personId, (await insertClaim(ctx, claimFields, [])).id);
      continue;
    }
    if (existing.status !== 'ingediend') {
      // Decided or rejected: it stays as it is, and stays linked.
      claimOf.set(personId, existing.claimId);
      continue;
    }
    if (!kind) {
      dropped.push(existing);
      continue;
    }
    const same =
      existing.soort === kind &&
      existing.datum === fields.datum &&
      existing.minuten === claimFields.minuten &&
      existing.omschrijving === omschrijving &&
      existing.projectId === fields.projectId;
    if (!same)
      await correctClaim(ctx, {
        id: existing.claimId,
        version: existing.version,
        ...claimFields,
        soort: kind,
      });
    claimOf.set(personId, existing.claimId);
  }
  return { claimOf, dropped };
}

/** Deletes submitted claims that no activity prepares any more (their link is already gone), with an audit entry. */
export async function dropClaims(ctx: WriteCtx, claims: LinkedClaim[]) {
  for (const claim of claims) {
    await ctx.db.deleteFrom('receipts').where('claim_id', '=', claim.claimId).execute();
    await ctx.db
      .deleteFrom('claims')
      .where('id', '=', claim.claimId)
      .where('status', '=', 'ingediend')
      .execute();
    ctx.audit({
      recordType: 'claim',
      recordId: claim.claimId,
      recordVersion: null,
      summary: 'Voorbereide declaratie vervallen: de inzet is gewijzigd of verwijderd',
      changes: [{ field: 'omschrijving', before: claim.omschrijving, after: null }],
    });
  }
}
