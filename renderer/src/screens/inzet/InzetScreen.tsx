import { Button, Group, Pagination, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { createColumnHelper, rowPaginationFeature, tableFeatures, useTable } from '@tanstack/react-table';
import { useState } from 'react';
import { addDays, dutchDate } from '../../../../shared/dates.ts';
import { formatDurationInput } from '../../../../shared/duration.ts';
import { formatCents, formatDate, formatMinutes } from '../../../../shared/format.ts';
import type { Inzet, InzetRow } from '../../../../shared/inzet.ts';
import { activityKindLabels } from '../../../../shared/work-vocabulary.ts';
import { PersonPicker } from '../../components/PersonPicker.tsx';
import { invoke } from '../../lib/api.ts';
import { DutchDateInput } from '../../lib/date-input.tsx';
import { showServerError } from '../../lib/forms.ts';
import { useCan } from '../../lib/session.tsx';
import { useCall } from '../../lib/use-call.ts';
import { ImportDialog } from './ImportDialog.tsx';
import { InzetForm } from './InzetForm.tsx';

const features = tableFeatures({ rowPaginationFeature });
const column = createColumnHelper<typeof features, InzetRow>();
const columns = column.columns([
  column.accessor('datum', { header: 'Datum', cell: (c) => formatDate(c.getValue()) }),
  column.accessor('soort', { header: 'Soort', cell: (c) => activityKindLabels[c.getValue()] }),
  column.accessor('personen', {
    header: 'Sleutelpersonen',
    cell: (c) =>
      c
        .getValue()
        .map((p) => p.naam)
        .join(', '),
  }),
  // Partner and project in one cell, so the table fits a small laptop without scrolling sideways.
  column.accessor('partnerNaam', {
    header: 'Ketenpartner / project',
    cell: (c) => (
      <>
        {c.getValue() ?? '—'}
        {c.row.original.projectNaam && (
          <Text size="xs" c="dimmed">
            {c.row.original.projectNaam}
          </Text>
        )}
      </>
    ),
  }),
  column.accessor('minuten', { header: 'Duur', cell: (c) => formatDurationInput(c.getValue()) }),
  column.accessor('bereik', { header: 'Bereikt' }),
  column.accessor('declaratieCents', {
    header: 'Declaratie',
    cell: (c) => (c.getValue() > 0 ? formatCents(c.getValue()) : '—'),
  }),
]);
const right = new Set(['minuten', 'bereik', 'declaratieCents']);
/** Dates and amounts are never broken over two lines. */
const oneLine = new Set(['datum', 'minuten', 'declaratieCents']);
const noRows: InzetRow[] = [];

/** The first and last day of the month of a date. */
function monthOf(iso: string) {
  const first = `${iso.slice(0, 7)}-01`;
  const next = `${iso.slice(0, 5)}${String((Number(iso.slice(5, 7)) % 12) + 1).padStart(2, '0')}-01`;
  const last = iso.slice(5, 7) === '12' ? `${iso.slice(0, 4)}-12-31` : addDays(next, -1);
  return { van: first, tot: last };
}

/**
 * Inzet: the activities of a period (this month first), filtered by person and partner, with the form to record
 * one and the import of a month from a spreadsheet. The administrateur sees hours and costs only.
 */
export function InzetScreen() {
  const can = useCan();
  const [period, setPeriod] = useState(() => monthOf(dutchDate()));
  const [personId, setPersonId] = useState<string | null>(null);
  const [partnerId, setPartnerId] = useState<string | null>(null);
  const [pagination, setPagination] = useState({ pageIndex: 0, pageSize: 50 });
  const [editing, setEditing] = useState<Inzet | 'nieuw' | null>(null);
  const [importing, setImporting] = useState(false);
  const { data: partners } = useCall('ketenpartners.list', { metGearchiveerd: true });
  const { data, loading, reload } = useCall('inzet.list', {
    van: period.van || null,
    tot: period.tot || null,
    personId,
    partnerId,
    page: pagination.pageIndex,
    pageSize: pagination.pageSize,
  });
  const table = useTable({
    features,
    columns,
    data: data?.rows ?? noRows,
    getRowId: (r) => r.id,
    state: { pagination },
    onPaginationChange: setPagination,
    manualPagination: true,
    rowCount: data?.total ?? 0,
  });
  const open = async (row: InzetRow) => {
    const r = await invoke('inzet.get', { id: row.id });
    if (!r.ok) return showServerError(null, r.error);
    setEditing(r.value);
  };
  const changed = () => {
    setEditing(null);
    setImporting(false);
    void reload();
  };
  const filter = (f: () => void) => {
    f();
    setPagination((p) => ({ ...p, pageIndex: 0 }));
  };
  const canSave = can('inzet.save');

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          Inzet
        </Title>
        {canSave && (
          <Group>
            <Button variant="default" onClick={() => setImporting(true)}>
              Importeren
            </Button>
            <Button onClick={() => setEditing('nieuw')}>Inzet vastleggen</Button>
          </Group>
        )}
      </Group>
      <Group align="flex-end" gap="sm">
        <DutchDateInput
          label="Van"
          w={150}
          value={period.van}
          onChange={(v) => filter(() => setPeriod((p) => ({ ...p, van: v ?? '' })))}
        />
        <DutchDateInput
          label="Tot en met"
          w={150}
          value={period.tot}
          onChange={(v) => filter(() => setPeriod((p) => ({ ...p, tot: v ?? '' })))}
        />
        <PersonPicker
          label="Sleutelpersoon"
          placeholder="Iedereen"
          w={240}
          value={personId}
          onChange={(id) => filter(() => setPersonId(id))}
        />
        <Select
          label="Ketenpartner"
          placeholder="Alle"
          clearable
          clearButtonProps={{ 'aria-label': 'Ketenpartner wissen' }}
          searchable
          w={220}
          data={(partners ?? []).map((p) => ({ value: p.id, label: p.naam }))}
          value={partnerId}
          onChange={(id) => filter(() => setPartnerId(id))}
        />
      </Group>
      <Text size="sm" c="dimmed" aria-live="polite">
        {data
          ? `${data.total} ${data.total === 1 ? 'activiteit' : 'activiteiten'}, samen ${formatMinutes(data.totaalMinuten)}`
          : ' '}
      </Text>
      <Paper withBorder>
        <Table.ScrollContainer minWidth={700}>
          <Table verticalSpacing="xs" highlightOnHover={canSave} aria-label="Inzet" aria-busy={loading}>
            <Table.Thead>
              {table.getHeaderGroups().map((group) => (
                <Table.Tr key={group.id}>
                  {group.headers.map((header) => (
                    <Table.Th key={header.id} ta={right.has(header.id) ? 'right' : undefined}>
                      <table.FlexRender header={header} />
                    </Table.Th>
                  ))}
                </Table.Tr>
              ))}
            </Table.Thead>
            <Table.Tbody>
              {table.getRowModel().rows.map((row) => (
                <Table.Tr
                  key={row.id}
                  style={canSave ? { cursor: 'pointer' } : undefined}
                  onClick={canSave ? () => void open(row.original) : undefined}
                  tabIndex={canSave ? 0 : undefined}
                  onKeyDown={(e) => {
                    if (canSave && e.key === 'Enter') void open(row.original);
                  }}
                >
                  {row.getAllCells().map((cell) => (
                    <Table.Td
                      key={cell.id}
                      ta={right.has(cell.column.id) ? 'right' : undefined}
                      style={oneLine.has(cell.column.id) ? { whiteSpace: 'nowrap' } : undefined}
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
            Geen inzet in deze periode.
          </Text>
        )}
      </Paper>
      {table.getPageCount() > 1 && (
        <Pagination
          total={table.getPageCount()}
          value={pagination.pageIndex + 1}
          onChange={(p) => table.setPageIndex(p - 1)}
        />
      )}
      {editing && (
        <InzetForm
          inzet={editing === 'nieuw' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={changed}
        />
      )}
      {importing && <ImportDialog onClose={() => setImporting(false)} onDone={changed} />}
    </Stack>
  );
}
