import { Anchor, Badge, Group, Text } from '@mantine/core';
import {
  type ColumnFiltersState,
  columnFilteringFeature,
  columnVisibilityFeature,
  createColumnHelper,
  filterFn_equals,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
} from '@tanstack/react-table';
import { formatDate } from '../../../../shared/format.ts';
import type { PersonListRow } from '../../../../shared/persons.ts';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { href } from '../../lib/route.ts';

// Sorting, filtering and paging happen in the main process; the table only holds their state.
export const registerFeatures = tableFeatures({
  columnVisibilityFeature,
  rowSortingFeature,
  columnFilteringFeature,
  rowPaginationFeature,
  filterFns: { equals: filterFn_equals },
});
const column = createColumnHelper<typeof registerFeatures, PersonListRow>();

export const registerColumns = column.columns([
  column.accessor('achternaam', {
    header: 'Naam',
    cell: (context) => (
      <Group gap={6} wrap="nowrap">
        <Anchor href={href(`/personen/${context.row.original.id}`)} fw={500}>
          {context.row.original.naam}
        </Anchor>
        {context.row.original.toestemmingOntbreekt && (
          <Badge
            color="orange"
            variant="filled"
            size="xs"
            circle
            title="Bijstand: toestemming van de gemeente nog niet vastgelegd"
            aria-label="Bijstand: toestemming van de gemeente nog niet vastgelegd"
          >
            !
          </Badge>
        )}
      </Group>
    ),
  }),
  column.accessor('status', {
    header: 'Status',
    filterFn: 'equals',
    cell: (context) => <StatusBadge status={context.getValue()} />,
  }),
  column.accessor('statusDatum', { header: 'Sinds', cell: (context) => formatDate(context.getValue()) }),
  column.accessor('gemeente', {
    header: 'Gemeente',
    filterFn: 'equals',
    cell: (context) => context.getValue() ?? '',
  }),
  column.accessor((row) => row.talen.join(', '), {
    id: 'taal',
    header: 'Talen',
    enableSorting: false,
    filterFn: 'equals',
    cell: (context) => (
      <Text size="sm" truncate="end" maw={170} title={context.getValue()} component="span" display="block">
        {context.getValue()}
      </Text>
    ),
  }),
  column.accessor((row) => row.begeleiderNaam ?? '', {
    id: 'begeleider',
    header: 'Begeleider',
    filterFn: 'equals',
    cell: (context) =>
      context.getValue() || (
        <Text c="dimmed" size="sm">
          geen
        </Text>
      ),
  }),
  column.accessor('niveauNederlands', {
    header: 'NL',
    enableSorting: false,
    cell: (context) => context.getValue() ?? '',
  }),
  column.accessor('geboortedatum', { header: 'Geboren', cell: (context) => formatDate(context.getValue()) }),
]);

/** The columns a narrow window leaves out: status date, NL level and birth date are on the person's page. */
export const hiddenWhenNarrow = { statusDatum: false, niveauNederlands: false, geboortedatum: false };

/** The value of one column's filter, or undefined when that column is not filtered. */
export function filterValue<T>(filters: ColumnFiltersState, id: string): T | undefined {
  return filters.find((filter) => filter.id === id)?.value as T | undefined;
}
