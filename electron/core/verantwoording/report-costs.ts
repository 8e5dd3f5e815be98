import { type ClaimKind, claimKindLabels, claimKinds } from '../../../shared/claims.ts';
import type { ReportInput, ReportTable } from '../../../shared/verantwoording.ts';
import { grantedStatuses } from '../claims/granted.ts';
import type { Reader } from '../context.ts';
import { count, countOf, keyed, n } from './report-rows.ts';
import { claimsInScope } from './scope.ts';

/** Claims that count as paid or on their way to payment: approved, in a batch, paid. */
// Paid or on its way: the statuses whose allowance is granted (claims/granted.ts).
const paidStatuses = [...grantedStatuses];
/** Allowances (for the work itself) against costs refunded on receipts or by the km. */
const allowanceKinds: readonly ClaimKind[] = ['activiteit', 'uren', 'maand'];

/** What was paid in the period by kind of claim and, for a project, against its budget. */
export async function costTable(db: Reader, input: ReportInput) {
  const byKind = await db
    .selectFrom('claims')
    .select([
      'claims.soort',
      (eb) => eb.fn.countAll<number>().as('n'),
      (eb) => eb.fn.sum<number>('claims.bedrag_cents').as('c'),
    ])
    .where('claims.datum', '>=', input.van)
    .where('claims.datum', '<=', input.tot)
    .where('claims.status', 'in', paidStatuses)
    .where(claimsInScope(input))
    .groupBy('claims.soort')
    .execute();
  const found = new Map(byKind.map((r) => [r.soort, [n(r.n), n(r.c)]]));
  const sum = (kinds: readonly string[]) => kinds.reduce((s, k) => s + (found.get(k)?.[1] ?? 0), 0);
  const allowance = sum(allowanceKinds);
  const total = sum([...found.keys()]);
  const rows: ReportTable['rows'] = [
    ...keyed(claimKinds, claimKindLabels, found, 2),
    { label: 'Totaal vergoedingen', values: [countOf(found, allowanceKinds), allowance] },
    {
      label: 'Totaal onkosten',
      values: [
        countOf(
          found,
          claimKinds.filter((k) => !allowanceKinds.includes(k)),
        ),
        total - allowance,
      ],
    },
    { label: 'Totaal', values: [countOf(found, [...found.keys()]), total] },
  ];
  let budget: ReportTable | null = null;
  if (input.scope.soort === 'project') {
    const project = await db
      .selectFrom('projects')
      .select(['projects.budget_cents', 'projects.startdatum'])
      .where('projects.id', '=', input.scope.id)
      .executeTakeFirstOrThrow();
    const spent = await db
      .selectFrom('claims')
      .select((eb) => eb.fn.sum<number>('claims.bedrag_cents').as('c'))
      .where('claims.project_id', '=', input.scope.id)
      .where('claims.status', 'in', paidStatuses)
      .where('claims.datum', '<=', input.tot)
      .executeTakeFirst();
    budget = {
      key: 'budget',
      title: 'Budget van het project',
      labelTitle: 'Budget',
      columns: [{ title: 'Bedrag', format: 'cents', people: false }],
      rows: [
        { label: 'Budget van het project', values: [project.budget_cents] },
        { label: 'Besteed in de periode', values: [total] },
        { label: 'Besteed sinds de start t/m het einde van de periode', values: [n(spent?.c)] },
        { label: 'Nog over van het budget', values: [project.budget_cents - n(spent?.c)] },
      ],
    };
  }
  const table: ReportTable = {
    key: 'kosten',
    title: 'Vergoedingen en kosten (goedgekeurd of betaald)',
    labelTitle: 'Soort',
    columns: [count('Declaraties'), { title: 'Bedrag', format: 'cents', people: false }],
    rows,
  };
  return { tables: budget ? [table, budget] : [table], total };
}
