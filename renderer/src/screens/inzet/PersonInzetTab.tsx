import { Anchor, Paper, Stack, Table, Text } from '@mantine/core';
import { formatCents, formatDate, formatMinutes } from '../../../../shared/format.ts';
import type { Person } from '../../../../shared/persons.ts';
import { activityKindLabels } from '../../../../shared/work-vocabulary.ts';
import { href } from '../../lib/route.ts';
import { useCall } from '../../lib/use-call.ts';

const shown = 20;

/** A person's latest activities on their page: when, what, for whom, how long, and the claim it prepared. */
export function PersonInzetTab({ person }: { person: Person }) {
  const { data, error } = useCall('inzet.list', { personId: person.id, pageSize: shown });
  if (error) return <Text c="red">{error.message}</Text>;
  if (!data) return null;
  if (data.total === 0) return <Text c="dimmed">Nog geen inzet vastgelegd.</Text>;
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {data.total} {data.total === 1 ? 'activiteit' : 'activiteiten'}, samen{' '}
        {formatMinutes(data.totaalMinuten)}
        {data.total > shown ? ` (de laatste ${shown} hieronder; alles op het scherm Inzet)` : ''}
      </Text>
      <Paper withBorder>
        <Table verticalSpacing="xs" aria-label={`Inzet van ${person.naam}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Datum</Table.Th>
              <Table.Th>Soort</Table.Th>
              <Table.Th>Ketenpartner</Table.Th>
              <Table.Th ta="right">Duur</Table.Th>
              <Table.Th ta="right">Declaratie</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.rows.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{formatDate(r.datum)}</Table.Td>
                <Table.Td>{activityKindLabels[r.soort]}</Table.Td>
                <Table.Td>{r.partnerNaam ?? '—'}</Table.Td>
                <Table.Td ta="right">{formatMinutes(r.minuten)}</Table.Td>
                <Table.Td ta="right">{r.declaratieCents > 0 ? formatCents(r.declaratieCents) : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <Anchor href={href('/inzet')} size="sm">
        Naar het scherm Inzet
      </Anchor>
    </Stack>
  );
}
