import { Alert, Badge, Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { useEffect, useMemo, useRef, useState } from 'react';
import { formatDateTime } from '../../../../shared/format.ts';
import type { InboxItem } from '../../../../shared/sync.ts';
import { useCall } from '../../lib/use-call.ts';
import { callPhrase, subjectOf } from './call-phrases.ts';
import { InboxItemDialog, outcomeColors, outcomeLabels } from './InboxItemDialog.tsx';
import { useSyncStatus } from './sync-status.tsx';

const features = tableFeatures({});
const column = createColumnHelper<typeof features, InboxItem>();

function inboxColumns(open: (item: InboxItem) => void) {
  return column.columns([
    column.accessor('call', {
      header: 'Wat je deed',
      cell: ({ row: { original: item } }) => {
        const subject = subjectOf(item.input);
        return (
          <>
            {callPhrase(item.call)}
            {subject && (
              <Text size="xs" c="dimmed">
                {subject}
              </Text>
            )}
          </>
        );
      },
    }),
    column.accessor('madeAt', { header: 'Wanneer', cell: (c) => formatDateTime(c.getValue()) }),
    column.accessor('outcome', {
      header: 'Uitkomst',
      cell: (c) => (
        <Badge color={outcomeColors[c.getValue()]} variant="light" style={{ minWidth: 'max-content' }}>
          {outcomeLabels[c.getValue()]}
        </Badge>
      ),
    }),
    column.accessor('message', {
      header: 'Melding van de server',
      cell: (c) => (
        <Text size="sm" lineClamp={2}>
          {c.getValue()}
        </Text>
      ),
    }),
    column.display({
      id: 'bekijken',
      header: '',
      cell: ({ row: { original: item } }) => (
        <Button
          variant="subtle"
          size="xs"
          onClick={() => open(item)}
          aria-label={`Bekijken: ${callPhrase(item.call)}, ${formatDateTime(item.madeAt)}`}
        >
          Bekijken
        </Button>
      ),
    }),
  ]);
}
const oneLine = new Set(['madeAt', 'outcome', 'bekijken']);
const noItems: InboxItem[] = [];

/**
 * Te verwerken: the user's changes made on this computer that the server refused or found in conflict, each to be
 * applied again (a conflict) or let go.
 */
export function InboxScreen() {
  const { status, refresh } = useSyncStatus();
  const { data, error, loading, reload } = useCall('sync.inbox', {});
  const [openId, setOpenId] = useState<string | null>(null);
  const columns = useMemo(() => inboxColumns((item) => setOpenId(item.id)), []);
  const table = useTable({ features, columns, data: data ?? noItems, getRowId: (r) => r.id });

  // Items arrive with a push in the background: the list follows the count the status line polls.
  const count = status?.teVerwerken;
  const seen = useRef(count);
  useEffect(() => {
    if (seen.current === count) return;
    seen.current = count;
    void reload();
  }, [count, reload]);

  const opened = data?.find((item) => item.id === openId) ?? null;
  const resolved = () => {
    setOpenId(null);
    void reload();
    refresh();
  };

  return (
    <Stack>
      <Title order={1} size="h2">
        Te verwerken
      </Title>
      <Text c="dimmed" maw={760}>
        Wijzigingen die je op deze computer maakte en die de server niet heeft overgenomen: afgewezen, of in
        conflict met wat een ander intussen veranderde. Bekijk ze en kies wat ermee gebeurt.
      </Text>
      {error && <Alert color="red">{error.message}</Alert>}
      <Paper withBorder>
        <Table.ScrollContainer minWidth={700}>
          <Table verticalSpacing="xs" aria-label="Te verwerken" aria-busy={loading}>
            <Table.Thead>
              {table.getHeaderGroups().map((group) => (
                <Table.Tr key={group.id}>
                  {group.headers.map((header) => (
                    <Table.Th key={header.id}>
                      <table.FlexRender header={header} />
                    </Table.Th>
                  ))}
                </Table.Tr>
              ))}
            </Table.Thead>
            <Table.Tbody>
              {table.getRowModel().rows.map((row) => (
                <Table.Tr key={row.id}>
                  {row.getAllCells().map((cell) => (
                    <Table.Td
                      key={cell.id}
                      ta={cell.column.id === 'bekijken' ? 'right' : undefined}
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
        {data?.length === 0 && (
          <Text p="lg" ta="center" c="dimmed">
            Niets te verwerken: de server heeft alles overgenomen wat je hier deed.
          </Text>
        )}
      </Paper>
      {opened && <InboxItemDialog item={opened} onClose={() => setOpenId(null)} onResolved={resolved} />}
    </Stack>
  );
}
