import { Group, Pagination, Paper, Select, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { type OnChangeFn, type RowSelectionState, useTable } from '@tanstack/react-table';
import { useMemo } from 'react';
import type { Claim } from '../../../../shared/claims.ts';
import { SortableHeaderCell } from '../../components/SortableHeaderCell.tsx';
import { blocks, claimColumns, features, type RowActions } from './claim-columns.tsx';
import type { ClaimsQueue } from './use-claims-queue.ts';

const noRows: Claim[] = [];
/** Cells that are not kept on one line (the checks; in a narrow window the names too), and the one aligned right. */
const wrapping = new Set(['meldingen', 'status']);
const wrappingWhenNarrow = new Set([...wrapping, 'persoon']);
const right = new Set(['bedrag']);

/** One page of the queue: sortable headers, a choice box per submitted claim, and the pages below. */
export function QueueTable({
  queue,
  actions,
  rowSelection,
  onRowSelectionChange,
}: {
  queue: ClaimsQueue;
  actions: RowActions;
  rowSelection: RowSelectionState;
  onRowSelectionChange: OnChangeFn<RowSelectionState>;
}) {
  const { data, loading, sorting, onSortingChange, pagination, setPagination } = queue;
  const narrow = useMediaQuery('(max-width: 1279px)') ?? false;
  const columns = useMemo(() => claimColumns(actions, narrow), [actions, narrow]);
  const wraps = narrow ? wrappingWhenNarrow : wrapping;
  const table = useTable({
    features,
    columns,
    data: data?.rows ?? noRows,
    getRowId: (r) => r.id,
    state: { sorting, pagination, rowSelection },
    onSortingChange,
    onPaginationChange: setPagination,
    onRowSelectionChange,
    enableRowSelection: (row) => row.original.status === 'ingediend',
    manualSorting: true,
    manualPagination: true,
    rowCount: data?.total ?? 0,
    sortDescFirst: false,
    enableMultiSort: false,
  });
  const total = data?.total ?? 0;
  const first = pagination.pageIndex * pagination.pageSize;

  return (
    <>
      <Paper withBorder>
        <Table.ScrollContainer minWidth={narrow ? 640 : 860}>
          <Table
            verticalSpacing="xs"
            aria-label="Declaraties"
            aria-busy={loading}
            style={{ whiteSpace: 'nowrap' }}
          >
            <Table.Thead>
              {table.getHeaderGroups().map((group) => (
                <Table.Tr key={group.id}>
                  {group.headers.map((header) => (
                    <SortableHeaderCell
                      key={header.id}
                      column={header.column}
                      w={header.id === 'kies' ? 40 : undefined}
                      ta={right.has(header.id) ? 'right' : undefined}
                    >
                      <table.FlexRender header={header} />
                    </SortableHeaderCell>
                  ))}
                </Table.Tr>
              ))}
            </Table.Thead>
            <Table.Tbody>
              {table.getRowModel().rows.map((row) => (
                <Table.Tr
                  key={row.id}
                  data-blocking={blocks(row.original) || undefined}
                  bg={blocks(row.original) ? 'var(--mantine-color-red-light)' : undefined}
                >
                  {row.getAllCells().map((cell) => (
                    <Table.Td
                      key={cell.id}
                      ta={right.has(cell.column.id) ? 'right' : undefined}
                      style={wraps.has(cell.column.id) ? { whiteSpace: 'normal' } : undefined}
                    >
                      <table.FlexRender cell={cell} />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {data?.total === 0 && (
          <Text p="lg" ta="center" c="dimmed">
            Geen declaraties met deze filters.
          </Text>
        )}
      </Paper>
      {total > 0 && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed" aria-live="polite">
            {first + 1}–{Math.min(first + pagination.pageSize, total)} van {total}
          </Text>
          <Group gap="sm">
            <Select
              aria-label="Aantal per pagina"
              data={['25', '50', '100']}
              value={String(pagination.pageSize)}
              onChange={(v) => table.setPageSize(Number(v ?? 25))}
              w={90}
              allowDeselect={false}
            />
            <Pagination
              total={table.getPageCount()}
              value={pagination.pageIndex + 1}
              onChange={(p) => table.setPageIndex(p - 1)}
              getControlProps={(control) => ({
                'aria-label':
                  control === 'next' ? 'Volgende pagina' : control === 'previous' ? 'Vorige pagina' : control,
              })}
            />
          </Group>
        </Group>
      )}
    </>
  );
}
