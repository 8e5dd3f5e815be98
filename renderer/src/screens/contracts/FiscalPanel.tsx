import { Alert, Badge, Group, Spoiler, Stack, Table, Text, Title } from '@mantine/core';
import {
  type CheckOutcome,
  checkOutcome,
  type VolunteerCheck,
} from '../../../../shared/fiscal/volunteer-check.ts';
import { formatCents, formatMonth } from '../../../../shared/format.ts';

const colors = { fout: 'red', waarschuwing: 'orange', info: 'blue' } as const;
const titles = { fout: 'Over de grens', waarschuwing: 'Let op', info: 'Ter informatie' } as const;
/** A check that could not run in full is never shown as passed. */
const outcomeBadges: Record<CheckOutcome, { color: string; label: string }> = {
  over: { color: 'red', label: 'over een grens' },
  onvolledig: { color: 'orange', label: 'niet volledig gecontroleerd' },
  binnen: { color: 'teal', label: 'binnen de grenzen' },
};

/** The fiscal check as the projectleider reads it: findings first, then the room left per year. */
export function FiscalPanel({ check }: { check: VolunteerCheck }) {
  // Read from the findings: a check stored with a contract before the outcome existed reads the same way.
  const badge = outcomeBadges[checkOutcome(check)];
  return (
    <Stack gap="xs" aria-label="Fiscale controle">
      <Group justify="space-between">
        <Title order={3} size="h5">
          Fiscale controle vrijwilligersvergoeding
        </Title>
        <Badge color={badge.color} variant="light">
          {badge.label}
        </Badge>
      </Group>
      {check.findings.map((finding) => (
        <Alert
          key={`${finding.code}:${finding.message}`}
          color={colors[finding.level]}
          title={titles[finding.level]}
          p="xs"
        >
          <Text size="sm">{finding.message}</Text>
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
            {check.years.map((line) => (
              <Table.Tr key={line.year}>
                <Table.Td>{line.year}</Table.Td>
                <Table.Td ta="right">{formatCents(line.expectedCents)}</Table.Td>
                <Table.Td ta="right">
                  {line.capCents === null ? 'onbekend' : formatCents(line.capCents)}
                </Table.Td>
                <Table.Td ta="right" c={line.roomCents !== null && line.roomCents < 0 ? 'red' : undefined}>
                  {line.roomCents === null ? '—' : formatCents(line.roomCents)}
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
              {check.months.map((line) => (
                <Table.Tr key={line.month}>
                  <Table.Td>{formatMonth(line.month)}</Table.Td>
                  <Table.Td ta="right">{formatCents(line.expectedCents)}</Table.Td>
                  <Table.Td ta="right">
                    {line.capCents === null ? 'onbekend' : formatCents(line.capCents)}
                  </Table.Td>
                  <Table.Td ta="right" c={line.roomCents !== null && line.roomCents < 0 ? 'red' : undefined}>
                    {line.roomCents === null ? '—' : formatCents(line.roomCents)}
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
