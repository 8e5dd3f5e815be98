import { Alert, Badge, Group, Spoiler, Stack, Table, Text, Title } from '@mantine/core';
import type { VolunteerCheck } from '../../../../shared/fiscal/volunteer-check.ts';
import { formatCents } from '../../../../shared/format.ts';

const colors = { fout: 'red', waarschuwing: 'orange', info: 'blue' } as const;
const titles = { fout: 'Over de grens', waarschuwing: 'Let op', info: 'Ter informatie' } as const;

/** The fiscal check as the projectleider reads it: findings first, then the room left per year. */
export function FiscalPanel({ check }: { check: VolunteerCheck }) {
  return (
    <Stack gap="xs" aria-label="Fiscale controle">
      <Group justify="space-between">
        <Title order={3} size="h5">
          Fiscale controle vrijwilligersvergoeding
        </Title>
        <Badge color={check.overLimit ? 'red' : 'teal'} variant="light">
          {check.overLimit ? 'over een grens' : 'binnen de grenzen'}
        </Badge>
      </Group>
      {check.findings.map((f) => (
        <Alert key={`${f.code}:${f.message}`} color={colors[f.level]} title={titles[f.level]} p="xs">
          <Text size="sm">{f.message}</Text>
        </Alert>
      ))}
      <Text size="sm">Verwacht per maand: {formatCents(check.expectedMonthlyCents)}</Text>
      {check.years.length > 0 && (
        <Table fz="sm" verticalSpacing={2} aria-label="Ruimte per jaar">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Jaar</Table.Th>
              <Table.Th ta="right">Verwacht</Table.Th>
              <Table.Th ta="right">Maximum</Table.Th>
              <Table.Th ta="right">Ruimte</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {check.years.map((y) => (
              <Table.Tr key={y.year}>
                <Table.Td>{y.year}</Table.Td>
                <Table.Td ta="right">{formatCents(y.expectedCents)}</Table.Td>
                <Table.Td ta="right">{y.capCents === null ? 'onbekend' : formatCents(y.capCents)}</Table.Td>
                <Table.Td ta="right" c={y.roomCents !== null && y.roomCents < 0 ? 'red' : undefined}>
                  {y.roomCents === null ? '—' : formatCents(y.roomCents)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {check.months.length > 0 && (
        <Spoiler maxHeight={0} showLabel="Ruimte per maand tonen" hideLabel="Verbergen">
          <Table fz="xs" verticalSpacing={1} aria-label="Ruimte per maand">
            <Table.Tbody>
              {check.months.map((m) => (
                <Table.Tr key={m.month}>
                  <Table.Td>{monthLabel.format(new Date(`${m.month}-01T00:00:00Z`))}</Table.Td>
                  <Table.Td ta="right">{formatCents(m.expectedCents)}</Table.Td>
                  <Table.Td ta="right">{m.capCents === null ? 'onbekend' : formatCents(m.capCents)}</Table.Td>
                  <Table.Td ta="right" c={m.roomCents !== null && m.roomCents < 0 ? 'red' : undefined}>
                    {m.roomCents === null ? '—' : formatCents(m.roomCents)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Spoiler>
      )}
    </Stack>
  );
}

const monthLabel = new Intl.DateTimeFormat('nl-NL', { month: 'long', year: 'numeric', timeZone: 'UTC' });
