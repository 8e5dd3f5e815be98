import { Anchor, Button, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { formatDate } from '../../../../shared/format.ts';
import { contractFormLabels } from '../../../../shared/profiles.ts';
import { ArchivedBadge } from '../../components/ArchivedBadge.tsx';
import { href } from '../../lib/route.ts';
import { useCan } from '../../lib/session.tsx';
import { useCall } from '../../lib/use-call.ts';

export function ProfilesScreen() {
  const can = useCan();
  const [archived, setArchived] = useState('actief');
  const { data, error } = useCall('profiles.list', { archived: archived === 'archief' });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          Functieprofielen
        </Title>
        <Group>
          <SegmentedControl
            value={archived}
            onChange={setArchived}
            data={[
              { value: 'actief', label: 'In gebruik' },
              { value: 'archief', label: 'Gearchiveerd' },
            ]}
            aria-label="Welke profielen"
          />
          {can('profiles.create') && (
            <Button component="a" href={href('/profielen/nieuw')}>
              Nieuw functieprofiel
            </Button>
          )}
        </Group>
      </Group>
      {error && <Text c="red">{error.message}</Text>}
      <Paper withBorder>
        <Table verticalSpacing="xs" aria-label="Functieprofielen">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Titel</Table.Th>
              <Table.Th>Versie</Table.Th>
              <Table.Th>Standaard contractvorm</Table.Th>
              <Table.Th>Contracten</Table.Th>
              <Table.Th>Bijgewerkt</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(data ?? []).map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Anchor href={href(`/profielen/${p.id}`)} fw={500}>
                    {p.titel}
                  </Anchor>
                  {p.archived && <ArchivedBadge />}
                </Table.Td>
                <Table.Td>{p.versie}</Table.Td>
                <Table.Td>{contractFormLabels[p.standaardVorm]}</Table.Td>
                <Table.Td>{p.contracten}</Table.Td>
                <Table.Td>{formatDate(p.updatedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {data?.length === 0 && (
          <Text p="lg" ta="center" c="dimmed">
            {archived === 'archief' ? 'Geen gearchiveerde profielen.' : 'Nog geen functieprofielen.'}
          </Text>
        )}
      </Paper>
    </Stack>
  );
}
