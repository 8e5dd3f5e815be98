import { createContext, useContext } from 'react';
import type { CallName } from '../../../shared/contract.ts';
import { mayCall } from '../../../shared/permissions.ts';
import type { SessionAccount } from '../../../shared/roles.ts';

export interface SessionValue {
  account: SessionAccount;
  organisatieNaam: string;
  logout(): void;
  refreshOrganisation(): void;
}

export const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside a session');
  return value;
}

/** Hides what the account's role cannot use; the main process refuses it regardless. */
export function useCan(): (call: CallName) => boolean {
  const { account } = useSession();
  return (call) => mayCall(account, call);
}
