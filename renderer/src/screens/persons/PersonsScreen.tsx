import {
  Anchor,
  Badge,
  Button,
  Group,
  MultiSelect,
  Pagination,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import {
  type ColumnFiltersState,
  columnFilteringFeature,
  columnVisibilityFeature,
  createColumnHelper,
  filterFn_equals,
  type OnChangeFn,
  type PaginationState,
  rowPaginationFeature,
  rowSortingFeature,
  type SortingState,
  tableFeatures,
  useTable,
} from '@tanstack/react-table';
import { useMemo } from 'react';
import type { CallInput } from '../../../../shared/contract.ts';
import { formatDate } from '../../../../shared/format.ts';
import {
  type PersonListRow,
  type PersonSortColumn,
  type PersonStatus,
  personSortColumns,
  personStatuses,
  statusLabels,
} from '../../../../shared/persons.ts';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useRememberedState } from '../../lib/remembered-state.ts';
import { href, navigate } from '../../lib/route.ts';
import { useCan } from '../../lib/session.tsx';
import { useCall } from '../../lib/use-call.ts';

// Sorting, filtering and paging happen in the main process; the table only holds their state.
const features = tableFeatures({
  columnVisibilityFeature,
  rowSortingFeature,
  columnFilteringFeature,
  rowPaginationFeature,
  filterFns: { equals: filterFn_equals },
});
const column = createColumnHelper<typeof features, PersonListRow>();

const columns = column.columns([
  column.accessor('achternaam', {
    header: 'Naam',
    cell: (c) => (
      <Group gap={6} wrap="nowrap">
        <Anchor href={href(`/personen/${c.row.original.id}`)} fw={500}>
          {c.row.original.naam}
        </Anchor>
        {c.row.original.toestemmingOntbreekt && (
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
    cell: (c) => <StatusBadge status={c.getValue()} />,
  }),
  column.accessor('statusDatum', { header: 'Sinds', cell: (c) => formatDate(c.getValue()) }),
  column.accessor('gemeente', { header: 'Gemeente', filterFn: 'equals', cell: (c) => c.getValue() ?? '' }),
  column.accessor((r) => r.talen.join(', '), {
    id: 'taal',
    header: 'Talen',
    enableSorting: false,
    filterFn: 'equals',
    cell: (c) => (
      <Text size="sm" truncate="end" maw={170} title={c.getValue()} component="span" display="block">
        {c.getValue()}
      </Text>
    ),
  }),
  column.accessor((r) => r.begeleiderNaam ?? '', {
    id: 'begeleider',
    header: 'Begeleider',
    filterFn: 'equals',
    cell: (c) =>
      c.getValue() || (
        <Text c="dimmed" size="sm">
          geen
        </Text>
      ),
  }),
  column.accessor('niveauNederlands', {
    header: 'NL',
    enableSorting: false,
    cell: (c) => c.getValue() ?? '',
  }),
  column.accessor('geboortedatum', { header: 'Geboren', cell: (c) => formatDate(c.getValue()) }),
]);

const noRows: PersonListRow[] = [];
const hiddenWhenNarrow = { statusDatum: false, niveauNederlands: false, geboortedatum: false };
const sortable = new Set<string>(personSortColumns);

function filterValue<T>(filters: ColumnFiltersState, id: string): T | undefined {
  return filters.find((f) => f.id === id)?.value as T | undefined;
}

export function PersonsScreen() {
  const can = useCan();
  // Kept for this tab: opening a person and going back finds the register as it was.
  const [search, setSearch] = useRememberedState('register.search', '');
  const [debouncedSearch] = useDebouncedValue(search, 200);
  const [sorting, setSorting] = useRememberedState<SortingState>('register.sort', [
    { id: 'achternaam', desc: false },
  ]);
  const [columnFilters, setColumnFilters] = useRememberedState<ColumnFiltersState>('register.filters', []);
  const [bijstand, setBijstand] = useRememberedState<string | null>('register.bijstand', null);
  const [pagination, setPagination] = useRememberedState<PaginationState>('register.page', {
    pageIndex: 0,
    pageSize: 25,
  });

  const sort = sorting[0];
  const input: CallInput<'persons.list'> = {
    search: debouncedSearch,
    status: filterValue<PersonStatus[]>(columnFilters, 'status') ?? [],
    gemeente: filterValue<string>(columnFilters, 'gemeente') ?? null,
    taal: filterValue<string>(columnFilters, 'taal') ?? null,
    begeleider: filterValue<string>(columnFilters, 'begeleider') ?? null,
    bijstand: bijstand === null ? null : bijstand === 'ja',
    sort: sort && sortable.has(sort.id) ? (sort.id as PersonSortColumn) : 'achternaam',
    desc: sort?.desc ?? false,
    page: pagination.pageIndex,
    pageSize: pagination.pageSize,
  };
  const { data, error, loading } = useCall('persons.list', input);
  const options = useCall('persons.filterOptions', {});
  const staff = useCall('accounts.staff', {});

  const toFirstPage = () => setPagination((p) => ({ ...p, pageIndex: 0 }));
  const onSortingChange: OnChangeFn<SortingState> = (u) => {
    setSorting(u);
    toFirstPage();
  };
  const onColumnFiltersChange: OnChangeFn<ColumnFiltersState> = (u) => {
    setColumnFilters(u);
    toFirstPage();
  };

  // In a narrow window the register leaves out what is on the person's page anyway, rather than scroll sideways.
  const narrow = useMediaQuery('(max-width: 1279px)') ?? false;
  const columnVisibility = narrow ? hiddenWhenNarrow : {};
  const table = useTable({
    features,
    columns,
    data: data?.rows ?? noRows,
    getRowId: (r) => r.id,
    state: { sorting, columnFilters, pagination, columnVisibility },
    onSortingChange,
    onColumnFiltersChange,
    onPaginationChange: setPagination,
    manualSorting: true,
    manualFiltering: true,
    manualPagination: true,
    rowCount: data?.total ?? 0,
    sortDescFirst: false,
    enableMultiSort: false,
  });
  const setFilter = (id: string, value: unknown) => table.getColumn(id)?.setFilterValue(value);

  const begeleiderOptions = useMemo(
    () => [
      { value: 'geen', label: 'Zonder begeleider' },
      ...(staff.data ?? []).filter((s) => s.active).map((s) => ({ value: s.id, label: s.displayName })),
    ],
    [staff.data],
  );
  const filtered = search !== '' || columnFilters.length > 0 || bijstand !== null;
  const total = data?.total ?? 0;
  const first = pagination.pageIndex * pagination.pageSize;

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1} size="h2">
          Sleutelpersonen
        </Title>
        <Group gap="sm">
          <TextInput
            aria-label="Zoeken"
            placeholder="Zoek op naam, e-mail, telefoon, taal, plaats…"
            value={search}
            onChange={(e) => {
              setSearch(e.currentTarget.value);
              toFirstPage();
            }}
            w={340}
            type="search"
          />
          {can('persons.create') && (
            <Button component="a" href={href('/personen/nieuw')}>
              Nieuwe sleutelpersoon
            </Button>
          )}
        </Group>
      </Group>

      <Paper withBorder p="sm">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <MultiSelect
            label="Status"
            placeholder={filterValue<string[]>(columnFilters, 'status')?.length ? undefined : 'Alle'}
            data={personStatuses.map((s) => ({ value: s, label: statusLabels[s] }))}
            value={filterValue<string[]>(columnFilters, 'status') ?? []}
            onChange={(v) => setFilter('status', v.length ? v : undefined)}
            w={190}
            clearable
          />
          <Select
            label="Gemeente"
            placeholder="Alle"
            data={options.data?.gemeenten ?? []}
            value={filterValue<string>(columnFilters, 'gemeente') ?? null}
            onChange={(v) => setFilter('gemeente', v ?? undefined)}
            clearable
            searchable
            w={150}
          />
          <Select
            label="Taal"
            placeholder="Alle"
            data={options.data?.talen ?? []}
            value={filterValue<string>(columnFilters, 'taal') ?? null}
            onChange={(v) => setFilter('taal', v ?? undefined)}
            clearable
            searchable
            w={150}
          />
          <Select
            label="Begeleider"
            placeholder="Alle"
            data={begeleiderOptions}
            value={filterValue<string>(columnFilters, 'begeleider') ?? null}
            onChange={(v) => setFilter('begeleider', v ?? undefined)}
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
            onChange={(v) => {
              setBijstand(v);
              toFirstPage();
            }}
            clearable
            w={100}
          />
          {filtered && (
            <Button
              variant="subtle"
              onClick={() => {
                setSearch('');
                setBijstand(null);
                onColumnFiltersChange([]);
              }}
            >
              Filters wissen
            </Button>
          )}
        </Group>
      </Paper>

      {error ? (
        <Text c="red">{error.message}</Text>
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={narrow ? 640 : 900}>
            <Table
              highlightOnHover
              verticalSpacing="xs"
              horizontalSpacing="xs"
              aria-busy={loading}
              aria-label="Register van sleutelpersonen"
              style={{ whiteSpace: 'nowrap' }}
            >
              <Table.Thead>
                {table.getHeaderGroups().map((group) => (
                  <Table.Tr key={group.id}>
                    {group.headers.map((header) => {
                      const sorted = header.column.getIsSorted();
                      return (
                        <Table.Th
                          key={header.id}
                          p={header.column.getCanSort() ? 0 : undefined}
                          aria-sort={
                            sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined
                          }
                        >
                          {header.column.getCanSort() ? (
                            // The whole header cell sorts, not only its text.
                            <UnstyledButton
                              onClick={header.column.getToggleSortingHandler()}
                              fw={700}
                              fz="sm"
                              w="100%"
                              px="xs"
                              py={8}
                            >
                              <table.FlexRender header={header} />
                              {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
                            </UnstyledButton>
                          ) : (
                            <table.FlexRender header={header} />
                          )}
                        </Table.Th>
                      );
                    })}
                  </Table.Tr>
                ))}
              </Table.Thead>
              <Table.Tbody>
                {table.getRowModel().rows.map((row) => (
                  <Table.Tr
                    key={row.id}
                    onDoubleClick={() => navigate(`/personen/${row.original.id}`)}
                    style={{ cursor: 'default' }}
                  >
                    {row.getVisibleCells().map((cell) => (
                      <Table.Td key={cell.id}>
                        <table.FlexRender cell={cell} />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {data && data.total === 0 && (
            <Stack align="center" p="xl" gap="xs">
              {filtered ? (
                <Text>Niemand gevonden met deze zoekopdracht of filters.</Text>
              ) : (
                <>
                  <Text fw={500}>Nog geen sleutelpersonen in het register.</Text>
                  {can('persons.create') && (
                    <Text c="dimmed" size="sm">
                      Voeg de eerste toe met de knop Nieuwe sleutelpersoon.
                    </Text>
                  )}
                </>
              )}
            </Stack>
          )}
        </Paper>
      )}

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
    </Stack>
  );
}
