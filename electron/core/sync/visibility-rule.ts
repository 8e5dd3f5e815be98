/**
 * The shape of a visibility rule: which rows of one table a role receives by sync, and which of their columns are
 * blanked first. The rules themselves are in visibility.ts.
 */
import type { Expression, ExpressionBuilder, Selectable, SqlBool } from 'kysely';
import type { Role, SessionAccount } from '../../../shared/roles.ts';
import type { DB } from '../store/schema.ts';

/** Tables whose rows the change feed names by a text id; only these can be sent to a desk. */
export type RowTable = { [T in keyof DB]: DB[T] extends { id: string } ? T : never }[keyof DB];

/** The rows a role receives, in portable SQL: it runs on PostgreSQL (the server) and SQLite (the tests). */
export type Where<T extends RowTable> = (
  eb: ExpressionBuilder<DB, T>,
  account: SessionAccount,
) => Expression<SqlBool>;

/** The row as the role may read it: columns it may not read blanked, keeping the desk's constraints. */
export type Redact<T extends RowTable> = (
  row: Selectable<DB[T]>,
  account: SessionAccount,
) => Selectable<DB[T]>;

export type RowRule<T extends RowTable> =
  | { kind: 'geen' }
  | { kind: 'alle'; redact?: Redact<T> }
  | { kind: 'waar'; where: Where<T>; redact?: Redact<T> };

/** A table without a text id (derived or technical) is never sent. */
export type Rule<T extends keyof DB> = T extends RowTable ? RowRule<T> : { kind: 'geen' };

/**
 * A rule for each role; `beheerder` replaces the role's rule for an account with that flag (which sits on top of
 * any role), where the flag lets someone read more than their role does.
 */
export type TableRules<T extends keyof DB> = Record<Role, Rule<T>> & { beheerder?: Rule<T> };

export const geen = { kind: 'geen' } as const;
export const alle = { kind: 'alle' } as const;

/** Every role reads every row, as it is. */
export const everyone = { projectleider: alle, begeleider: alle, administrateur: alle } as const;
/** No desk receives the table. */
export const nobody = { projectleider: geen, begeleider: geen, administrateur: geen } as const;
/** Those who guide read all of it; the administrateur none (begeleiding, doorgroei, scholing, aanvragen). */
export const guides = { projectleider: alle, begeleider: alle, administrateur: geen } as const;
/** Those who handle and oversee the money: the administrateur and the projectleider. */
export const finance = { projectleider: alle, begeleider: geen, administrateur: alle } as const;

export function waar<T extends RowTable>(where: Where<T>, redact?: Redact<T>): RowRule<T> {
  return redact ? { kind: 'waar', where, redact } : { kind: 'waar', where };
}

/** Every row, each with some columns blanked. */
export function redacted<T extends RowTable>(redact: Redact<T>): RowRule<T> {
  return { kind: 'alle', redact };
}
