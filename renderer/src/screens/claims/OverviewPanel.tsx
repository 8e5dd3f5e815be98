import { Alert, Group, NumberInput, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { claimKindShort, claimKinds } from '../../../../shared/claims.ts';
import { dutchDate } from '../../../../shared/dates.ts';
import { formatCents, formatMonthName } from '../../../../shared/format.ts';
import { useCall } from '../../lib/use-call.ts';

/** Paid per person against the year's cap, and per month per kind: the account to the gemeente. */
export function OverviewPanel() {
  const [jaar, setJaar] = useState(Number(dutchDate().slice(0, 4)));
  const { data } = useCall('claims.overview', { jaar });
  return (
    <Stack>
      <Group>
        <NumberInput
          label="Jaar"
          value={jaar}
          onChange={(v) => setJaar(Number(v) || jaar)}
          min={2000}
          max={2100}
          w={120}
          allowDecimal={false}
        />
      </Group>
      {data && data.jaarMaximumCents === null && (
        <Alert color="orange">
          Voor {jaar} zijn geen fiscale bedragen bekend; de ruimte kan Schakel niet berekenen.
        </Alert>
      )}
      <Paper withBorder>
        <Title order={2} size="h5" p="sm">
          Per persoon betaald in {jaar}
        </Title>
        <Table verticalSpacing={4} aria-label="Per persoon">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Sleutelpersoon</Table.Th>
              <Table.Th ta="right">Vergoeding (telt mee)</Table.Th>
              <Table.Th ta="right">Kosten met bon</Table.Th>
              <Table.Th ta="right">Ruimte tot jaarmaximum</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(data?.personen ?? []).map((p) => (
              <Table.Tr key={p.personId}>
                <Table.Td>{p.naam}</Table.Td>
                <Table.Td ta="right">{formatCents(p.vergoedingCents)}</Table.Td>
                <Table.Td ta="right">{formatCents(p.kostenCents)}</Table.Td>
                <Table.Td ta="right" c={p.ruimteCents !== null && p.ruimteCents < 0 ? 'red' : undefined}>
                  {p.ruimteCents === null ? 'onbekend' : formatCents(p.ruimteCents)}
                </Table.Td>
              </Table.Tr>
            ))}
            {data?.archief && (
              <Table.Tr>
                <Table.Td c="dimmed">Na de bewaartermijn verwijderd (niet meer per persoon)</Table.Td>
                <Table.Td ta="right">{formatCents(data.archief.vergoedingCents)}</Table.Td>
                <Table.Td ta="right">{formatCents(data.archief.kostenCents)}</Table.Td>
                <Table.Td />
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
        {data?.personen.length === 0 && !data.archief && (
          <Text p="md" c="dimmed">
            Nog niets betaald in {jaar}.
          </Text>
        )}
      </Paper>
      <Paper withBorder>
        <Title order={2} size="h5" p="sm">
          Per maand
        </Title>
        <Table verticalSpacing={4} aria-label="Per maand">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Maand</Table.Th>
              {claimKinds.map((k) => (
                <Table.Th key={k} ta="right">
                  {claimKindShort[k]}
                </Table.Th>
              ))}
              <Table.Th ta="right">Totaal</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(data?.maanden ?? []).map((m) => (
              <Table.Tr key={m.maand}>
                <Table.Td>{formatMonthName(m.maand)}</Table.Td>
                {claimKinds.map((k) => (
                  <Table.Td key={k} ta="right">
                    {m.perSoort[k] ? formatCents(m.perSoort[k] ?? 0) : ''}
                  </Table.Td>
                ))}
                <Table.Td ta="right" fw={600}>
                  {formatCents(m.totaalCents)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}
