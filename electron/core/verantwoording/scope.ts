/**
 * Which rows a report counts: inzet, requests and claims in the period and the scope. Each is a condition passed
 * to a kysely where(), so every figure is one aggregate query over the store (portable: no SQLite-only SQL; the
 * whole organisation is an empty and(), which kysely writes as 1 = 1).
 */
import { type Expression, expressionBuilder, type SqlBool } from 'kysely';
import type { ReportInput } from '../../../shared/verantwoording.ts';
import type { DB } from '../store/schema.ts';

/** Activities dated in the period, for the gemeente, partner or project of the scope. */
export function inzetInScope({ van, tot, scope }: ReportInput): Expression<SqlBool> {
  const eb = expressionBuilder<DB, 'inzet'>();
  const conditions = [eb('inzet.datum', '>=', van), eb('inzet.datum', '<=', tot)];
  if (scope.soort === 'gemeente') conditions.push(eb('inzet.gemeente', '=', scope.gemeente));
  if (scope.soort === 'partner') conditions.push(eb('inzet.partner_id', '=', scope.id));
  if (scope.soort === 'project') conditions.push(eb('inzet.project_id', '=', scope.id));
  return eb.and(conditions);
}

/** Requests of the scope (the period is the caller's: received in it, or done in it). */
export function requestsInScope({ scope }: ReportInput): Expression<SqlBool> {
  const eb = expressionBuilder<DB, 'requests'>();
  if (scope.soort === 'gemeente') return eb('requests.gemeente', '=', scope.gemeente);
  if (scope.soort === 'partner') return eb('requests.partner_id', '=', scope.id);
  if (scope.soort === 'project') return eb('requests.project_id', '=', scope.id);
  return eb.and([]);
}

/**
 * Claims of the scope: a project's by their project; a gemeente's or partner's through the activities that
 * prepared them (inzet_persons.claim_id); all of them for the whole organisation.
 */
export function claimsInScope({ scope }: ReportInput): Expression<SqlBool> {
  const eb = expressionBuilder<DB, 'claims'>();
  if (scope.soort === 'project') return eb('claims.project_id', '=', scope.id);
  if (scope.soort === 'organisatie') return eb.and([]);
  const prepared = eb
    .selectFrom('inzet_persons')
    .innerJoin('inzet', 'inzet.id', 'inzet_persons.inzet_id')
    .select('inzet_persons.claim_id')
    .where('inzet_persons.claim_id', 'is not', null)
    .where((inner) =>
      scope.soort === 'gemeente'
        ? inner('inzet.gemeente', '=', scope.gemeente)
        : inner('inzet.partner_id', '=', scope.id),
    );
  return eb('claims.id', 'in', prepared.$narrowType<{ claim_id: string }>());
}
