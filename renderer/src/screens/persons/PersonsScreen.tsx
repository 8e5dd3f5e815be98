import { Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import {
  type ColumnFiltersState,
  type OnChangeFn,
  type PaginationState,
  type SortingState,
  useTable,
} from '@tanstack/react-table';
import type { CallInput } from '../../../../shared/contract.ts';
import type { DutchFilter } from '../../../../shared/doorgroei.ts';
import {
  type PersonListRow,
  type PersonSortColumn,
  type PersonStatus,
  personSortColumns,
} from '../../../../shared/persons.ts';
import { SortableHeaderCell } from '../../components/SortableHeaderCell.tsx';
import { useRememberedState } from '../../lib/remembered-state.ts';
import { href, navigate } from '../../lib/route.ts';
import { useCan } from '../../lib/session.tsx';
import { useCall } from '../../lib/use-call.ts';
import { RegisterFilters } from './RegisterFilters.tsx';
import { RegisterPaging } from './RegisterPaging.tsx';
import { filterValue, hiddenWhenNarrow, registerColumns, registerFeatures } from './register-columns.tsx';

const noRows: PersonListRow[] = [];
const sortable = new Set<string>(personSortColumns);

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
  const [nederlands, setNederlands] = useRememberedState<DutchFilter | null>('register.nederlands', null);
  const [basistraining, setBasistraining] = useRememberedState('register.basistraining', false);
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
    // Doorgroei: not for the administrateur, who does not see the filter either.
    nederlands: can('doorgroei.get') ? nederlands : null,
    basistraining: can('scholing.listForPerson') && basistraining,
    sort: sort && sortable.has(sort.id) ? (sort.id as PersonSortColumn) : 'achternaam',
    desc: sort?.desc ?? false,
    page: pagination.pageIndex,
    pageSize: pagination.pageSize,
  };
  const { data, error, loading } = useCall('persons.list', input);

  const toFirstPage = () => setPagination((previous) => ({ ...previous, pageIndex: 0 }));
  const onSortingChange: OnChangeFn<SortingState> = (updater) => {
    setSorting(updater);
    toFirstPage();
  };
  const onColumnFiltersChange: OnChangeFn<ColumnFiltersState> = (updater) => {
    setColumnFilters(updater);
    toFirstPage();
  };

  // In a narrow window the register leaves out what is on the person's page anyway, rather than scroll sideways.
  const narrow = useMediaQuery('(max-width: 1279px)') ?? false;
  const columnVisibility = narrow ? hiddenWhenNarrow : {};
  const table = useTable({
    features: registerFeatures,
    columns: registerColumns,
    data: data?.rows ?? noRows,
    getRowId: (row) => row.id,
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

  const filtered =
    search !== '' ||
    columnFilters.length > 0 ||
    bijstand !== null ||
    input.nederlands != null ||
    input.basistraining === true;
  const total = data?.total ?? 0;

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
            onChange={(event) => {
              setSearch(event.currentTarget.value);
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

      <RegisterFilters
        columnFilters={columnFilters}
        setFilter={setFilter}
        bijstand={bijstand}
        onBijstandChange={(value) => {
          setBijstand(value);
          toFirstPage();
        }}
        nederlands={can('doorgroei.get') ? nederlands : undefined}
        onNederlandsChange={(value) => {
          setNederlands(value);
          toFirstPage();
        }}
        basistraining={can('scholing.listForPerson') ? basistraining : undefined}
        onBasistrainingChange={(value) => {
          setBasistraining(value);
          toFirstPage();
        }}
        filtered={filtered}
        onClear={() => {
          setSearch('');
          setBijstand(null);
          setNederlands(null);
          setBasistraining(false);
          onColumnFiltersChange([]);
        }}
      />

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
                    {group.headers.map((header) => (
                      <SortableHeaderCell key={header.id} column={header.column}>
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
        <RegisterPaging
          total={total}
          pagination={pagination}
          pageCount={table.getPageCount()}
          onPageSizeChange={table.setPageSize}
          onPageIndexChange={table.setPageIndex}
        />
      )}
    </Stack>
  );
}
