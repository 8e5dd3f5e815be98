import { Button, Checkbox, Group, MultiSelect, Paper, Select } from '@mantine/core';
import type { ColumnFiltersState } from '@tanstack/react-table';
import { useMemo } from 'react';
import { type DutchFilter, dutchFilterLabels, dutchFilters } from '../../../../shared/doorgroei.ts';
import { personStatuses, statusLabels } from '../../../../shared/persons.ts';
import { useCall } from '../../lib/use-call.ts';
import { filterValue } from './register-columns.tsx';

/**
 * The register's filters: status, gemeente, taal and begeleider filter their columns; bijstand is no column and is
 * held by the screen, as is Nederlands (doorgroei: left out, `undefined`, for a role that does not see it). "Filters
 * wissen" shows while anything narrows the list, the search included.
 */
export function RegisterFilters({
  columnFilters,
  setFilter,
  bijstand,
  onBijstandChange,
  nederlands,
  onNederlandsChange,
  basistraining,
  onBasistrainingChange,
  filtered,
  onClear,
}: {
  columnFilters: ColumnFiltersState;
  setFilter(id: string, value: unknown): void;
  bijstand: string | null;
  onBijstandChange(value: string | null): void;
  nederlands: DutchFilter | null | undefined;
  onNederlandsChange(value: DutchFilter | null): void;
  /** Undefined for a role that does not see scholing. */
  basistraining: boolean | undefined;
  onBasistrainingChange(value: boolean): void;
  filtered: boolean;
  onClear(): void;
}) {
  const options = useCall('persons.filterOptions', {});
  const staff = useCall('accounts.staff', {});
  const begeleiderOptions = useMemo(
    () => [
      { value: 'geen', label: 'Zonder begeleider' },
      ...(staff.data ?? [])
        .filter((account) => account.active)
        .map((account) => ({ value: account.id, label: account.displayName })),
    ],
    [staff.data],
  );

  return (
    <Paper withBorder p="sm">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <MultiSelect
          label="Status"
          placeholder={filterValue<string[]>(columnFilters, 'status')?.length ? undefined : 'Alle'}
          data={personStatuses.map((status) => ({ value: status, label: statusLabels[status] }))}
          value={filterValue<string[]>(columnFilters, 'status') ?? []}
          onChange={(value) => setFilter('status', value.length ? value : undefined)}
          w={190}
          clearable
        />
        <Select
          label="Gemeente"
          placeholder="Alle"
          data={options.data?.gemeenten ?? []}
          value={filterValue<string>(columnFilters, 'gemeente') ?? null}
          onChange={(value) => setFilter('gemeente', value ?? undefined)}
          clearable
          searchable
          w={150}
        />
        <Select
          label="Taal"
          placeholder="Alle"
          data={options.data?.talen ?? []}
          value={filterValue<string>(columnFilters, 'taal') ?? null}
          onChange={(value) => setFilter('taal', value ?? undefined)}
          clearable
          searchable
          w={150}
        />
        <Select
          label="Begeleider"
          placeholder="Alle"
          data={begeleiderOptions}
          value={filterValue<string>(columnFilters, 'begeleider') ?? null}
          onChange={(value) => setFilter('begeleider', value ?? undefined)}
          clearable
          searchable
          w={170}
        />
        <Select
          label="Bijstand"
          placeholder="Alle"
          data={[
            { value: 'ja', label: 'Ja' },
            { value: 'nee', label: 'Nee' },
          ]}
          value={bijstand}
          onChange={onBijstandChange}
          clearable
          w={100}
        />
        {nederlands !== undefined && (
          <Select
            label="Nederlands B1 of hoger"
            placeholder="Alle"
            data={dutchFilters.map((f) => ({ value: f, label: dutchFilterLabels[f] }))}
            value={nederlands}
            onChange={(value) => onNederlandsChange(value as DutchFilter | null)}
            comboboxProps={{ width: 280, position: 'bottom-start' }}
            clearable
            w={190}
          />
        )}
        {basistraining !== undefined && (
          <Checkbox
            label="Basistraining afgerond"
            checked={basistraining}
            onChange={(event) => onBasistrainingChange(event.currentTarget.checked)}
            mb={8}
          />
        )}
        {filtered && (
          <Button variant="subtle" onClick={onClear}>
            Filters wissen
          </Button>
        )}
      </Group>
    </Paper>
  );
}
