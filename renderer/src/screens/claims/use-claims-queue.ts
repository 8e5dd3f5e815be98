import type { OnChangeFn, PaginationState, SortingState } from '@tanstack/react-table';
import { useEffect, useState } from 'react';
import {
  type ClaimKind,
  type ClaimSortColumn,
  type ClaimStatus,
  claimSortColumns,
} from '../../../../shared/claims.ts';
import type { CallInput } from '../../../../shared/contract.ts';
import { useCall } from '../../lib/use-call.ts';

export interface QueueFilters {
  personId: string | null;
  maand: string | null;
  status: ClaimStatus | null;
  soort: ClaimKind | null;
  alleenMetMelding: boolean;
}

const initialFilters: QueueFilters = {
  personId: null,
  maand: null,
  status: 'ingediend',
  soort: null,
  alleenMetMelding: false,
};
const sortable = new Set<string>(claimSortColumns);

/**
 * The approval queue's filters, sort and page, and the page the main process sends for them: filtering, sorting,
 * paging and the checks all happen there; this only holds the state. A new filter or sort starts at page one.
 */
export function useClaimsQueue() {
  const [filters, setFilters] = useState(initialFilters);
  // Oldest first: the order the approval takes them in, so each claim's room counts the ones above it.
  const [sorting, setSorting] = useState<SortingState>([{ id: 'datum', desc: false }]);
  const [pagination, setPagination] = useState<PaginationState>({ pageIndex: 0, pageSize: 25 });

  const sort = sorting[0];
  const input: CallInput<'claims.list'> = {
    ...filters,
    sort: sort && sortable.has(sort.id) ? (sort.id as ClaimSortColumn) : 'datum',
    desc: sort?.desc ?? false,
    page: pagination.pageIndex,
    pageSize: pagination.pageSize,
  };
  const call = useCall('claims.list', input);

  const toFirstPage = () => setPagination((p) => ({ ...p, pageIndex: 0 }));
  const setFilter = <K extends keyof QueueFilters>(key: K, value: QueueFilters[K]) => {
    setFilters((f) => ({ ...f, [key]: value }));
    toFirstPage();
  };
  const onSortingChange: OnChangeFn<SortingState> = (updater) => {
    setSorting(updater);
    toFirstPage();
  };

  // Approving or rejecting the last claims of the last page leaves it empty: show the page before it.
  const total = call.data?.total ?? 0;
  const lastPage = Math.max(0, Math.ceil(total / pagination.pageSize) - 1);
  useEffect(() => {
    if (call.data && pagination.pageIndex > lastPage) setPagination((p) => ({ ...p, pageIndex: lastPage }));
  }, [call.data, pagination.pageIndex, lastPage]);

  return { ...call, input, filters, setFilter, sorting, onSortingChange, pagination, setPagination };
}

export type ClaimsQueue = ReturnType<typeof useClaimsQueue>;
