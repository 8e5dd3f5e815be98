import { Group, Pagination, Select, Text } from '@mantine/core';
import type { PaginationState } from '@tanstack/react-table';

/** Below the register: which rows are shown out of how many, the page size and the pages. */
export function RegisterPaging({
  total,
  pagination,
  pageCount,
  onPageSizeChange,
  onPageIndexChange,
}: {
  total: number;
  pagination: PaginationState;
  pageCount: number;
  onPageSizeChange(pageSize: number): void;
  onPageIndexChange(pageIndex: number): void;
}) {
  const first = pagination.pageIndex * pagination.pageSize;
  return (
    <Group justify="space-between">
      <Text size="sm" c="dimmed" aria-live="polite">
        {first + 1}–{Math.min(first + pagination.pageSize, total)} van {total}
      </Text>
      <Group gap="sm">
        <Select
          aria-label="Aantal per pagina"
          data={['25', '50', '100']}
          value={String(pagination.pageSize)}
          onChange={(value) => onPageSizeChange(Number(value ?? 25))}
          w={90}
          allowDeselect={false}
        />
        <Pagination
          total={pageCount}
          value={pagination.pageIndex + 1}
          onChange={(page) => onPageIndexChange(page - 1)}
          getControlProps={(control) => ({
            'aria-label':
              control === 'next' ? 'Volgende pagina' : control === 'previous' ? 'Vorige pagina' : control,
          })}
        />
      </Group>
    </Group>
  );
}
