import { Alert, Badge, Button, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { useId, useMemo, useState } from 'react';
import { formatDateTime } from '../../../../shared/format.ts';
import type { SyncDevice, SyncStatus } from '../../../../shared/sync.ts';
import { useCall } from '../../lib/use-call.ts';
import { PairingCodePanel } from './PairingCodePanel.tsx';
import { RevokeDialog } from './RevokeDialog.tsx';

const features = tableFeatures({});
const column = createColumnHelper<typeof features, SyncDevice>();

function deviceColumns(ownId: string, revoke: (device: SyncDevice) => void) {
  return column.columns([
    column.accessor('naam', {
      header: 'Naam',
      cell: ({ row: { original: d } }) => (
        <>
          {d.naam}
          {d.id === ownId && (
            <Text size="xs" c="dimmed">
              deze computer
            </Text>
          )}
        </>
      ),
    }),
    column.accessor('pairedAt', {
      header: 'Gekoppeld',
      cell: ({ row: { original: d } }) => (
        <>
          {formatDateTime(d.pairedAt)}
          {d.pairedBy && (
            <Text size="xs" c="dimmed">
              door {d.pairedBy}
            </Text>
          )}
        </>
      ),
    }),
    column.accessor('lastContactAt', {
      header: 'Laatste contact',
      cell: (c) => (c.getValue() ? formatDateTime(c.getValue()) : 'nog nooit'),
    }),
    column.accessor('revokedAt', {
      header: 'Status',
      cell: (c) => {
        const revokedAt = c.getValue();
        return revokedAt ? (
          <>
            <Badge color="gray" variant="light">
              Ingetrokken
            </Badge>
            <Text size="xs" c="dimmed">
              op {formatDateTime(revokedAt)}
            </Text>
          </>
        ) : (
          <Badge color="teal" variant="light">
            Actief
          </Badge>
        );
      },
    }),
    column.display({
      id: 'intrekken',
      header: () => <VisuallyHidden>Actie</VisuallyHidden>,
      cell: ({ row: { original: d } }) =>
        d.id !== ownId &&
        d.revokedAt === null && (
          <Button
            variant="subtle"
            color="red"
            size="xs"
            onClick={() => revoke(d)}
            aria-label={`Intrekken: ${d.naam}`}
          >
            Intrekken
          </Button>
        ),
    }),
  ]);
}
const oneLine = new Set(['pairedAt', 'lastContactAt', 'revokedAt', 'intrekken']);
const noDevices: SyncDevice[] = [];

/**
 * Instellingen → Werken met een server, for the beheerder: every computer paired with the server (asked of the
 * server, which runs these calls), a new pairing code, and revoking a computer that is lost.
 */
export function DevicesPanel({ server }: { server: NonNullable<SyncStatus['server']> }) {
  const { data, error, loading, reload } = useCall('sync.devices', {});
  const [revoking, setRevoking] = useState<SyncDevice | null>(null);
  const columns = useMemo(() => deviceColumns(server.apparaatId, setRevoking), [server.apparaatId]);
  const table = useTable({ features, columns, data: data ?? noDevices, getRowId: (d) => d.id });
  const titleId = useId();
  return (
    <Stack gap="sm" component="section" aria-labelledby={titleId} mt="md">
      <Group justify="space-between">
        <Title order={3} size="h5" id={titleId}>
          Werkplekken
        </Title>
        <Button variant="default" size="xs" loading={loading} onClick={() => void reload()}>
          Lijst bijwerken
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        De computers die met de server werken. Trek een computer in die kwijt is of niet meer gebruikt wordt.
      </Text>
      {error && <Alert color="yellow">{error.message}</Alert>}
      {data && (
        <Table.ScrollContainer minWidth={620}>
          <Table verticalSpacing="xs" aria-label="Werkplekken" aria-busy={loading}>
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
                      ta={cell.column.id === 'intrekken' ? 'right' : undefined}
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
      )}
      <PairingCodePanel server={server} onMade={() => void reload()} />
      {revoking && (
        <RevokeDialog
          device={revoking}
          onClose={() => setRevoking(null)}
          onRevoked={() => {
            setRevoking(null);
            void reload();
          }}
        />
      )}
    </Stack>
  );
}
