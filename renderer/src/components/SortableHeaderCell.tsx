import { Table, type TableThProps, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';

/** What the cell needs of a table column (structural, so it fits any of the tables' feature sets). */
interface SortableColumn {
  getIsSorted(): false | 'asc' | 'desc';
  getCanSort(): boolean;
  getToggleSortingHandler(): ((event: unknown) => void) | undefined;
}

/**
 * A header cell of a table sorted in the main process: the whole cell is the sort button, the direction shows as
 * ▲/▼ and as aria-sort for a screen reader.
 */
export function SortableHeaderCell({
  column,
  children,
  ...th
}: { column: SortableColumn; children: ReactNode } & TableThProps) {
  const sorted = column.getIsSorted();
  const canSort = column.getCanSort();
  return (
    <Table.Th
      {...th}
      p={canSort ? 0 : undefined}
      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
    >
      {canSort ? (
        <UnstyledButton
          onClick={column.getToggleSortingHandler()}
          fw={700}
          fz="sm"
          w="100%"
          px="xs"
          py={8}
          ta={th.ta}
        >
          {children}
          {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
        </UnstyledButton>
      ) : (
        children
      )}
    </Table.Th>
  );
}
