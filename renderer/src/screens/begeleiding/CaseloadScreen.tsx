import { Anchor, Badge, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { CaseloadRow } from '../../../../shared/begeleiding/inputs.ts';
import { rhythmLabels } from '../../../../shared/begeleiding/rhythm.ts';
import { formatDate } from '../../../../shared/format.ts';
import { href } from '../../lib/route.ts';
import { useSession } from '../../lib/session.tsx';
import { useCall } from '../../lib/use-call.ts';

const stand: Record<CaseloadRow['stand'], [string, string]> = {
  te_laat: ['Te laat', 'red'],
  binnenkort: ['Binnenkort', 'orange'],
  op_schema: ['Op schema', 'teal'],
  geen_ritme: ['Geen ritme', 'gray'],
};

/** Who is due for a conversation, whose goals have stalled, which signals are open, who has no POP. */
export function CaseloadScreen() {
  const { account } = useSession();
  const [begeleiderId, setBegeleiderId] = useState<string | null>(null);
  const staff = useCall('accounts.staff', {});
  const { data, error } = useCall('begeleiding.caseload', { begeleiderId });
  const rows = [...(data ?? [])].sort(
    (a, b) => b.dagenTeLaat - a.dagenTeLaat || b.openSignalen - a.openSignalen,
  );
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          Caseload
        </Title>
        {account.role === 'projectleider' && (
          <Select
            aria-label="Begeleider"
            placeholder="Alle begeleiders"
            clearable
            w={240}
            value={begeleiderId}
            onChange={setBegeleiderId}
            data={(staff.data ?? [])
              .filter((s) => s.role === 'begeleider')
              .map((s) => ({ value: s.id, label: s.displayName }))}
          />
        )}
      </Group>
      {error && <Text c="red">{error.message}</Text>}
      <Group gap="xl">
        <Count
          n={rows.filter((r) => r.stand === 'te_laat').length}
          one="gesprek te laat"
          many="gesprekken te laat"
        />
        <Count
          n={rows.reduce((n, r) => n + r.doelenOverDatum, 0)}
          one="leerdoel over de streefdatum"
          many="leerdoelen over de streefdatum"
        />
        <Count n={rows.reduce((n, r) => n + r.openSignalen, 0)} one="open signaal" many="open signalen" />
        <Count n={rows.filter((r) => !r.heeftPop).length} one="zonder POP" many="zonder POP" />
      </Group>
      <Paper withBorder>
        {/* Narrow columns and short headings: the table fits a 1024-pixel-wide window without sideways scrolling. */}
        <Table verticalSpacing="xs" horizontalSpacing="xs" aria-label="Caseload">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Naam</Table.Th>
              <Table.Th>Ritme</Table.Th>
              <Table.Th>Laatste gesprek</Table.Th>
              <Table.Th>Volgende gesprek</Table.Th>
              <Table.Th title="Leerdoelen over de streefdatum">Doelen te laat</Table.Th>
              <Table.Th>Open signalen</Table.Th>
              <Table.Th>POP</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => {
              const [label, color] = stand[r.stand];
              return (
                <Table.Tr key={r.personId}>
                  <Table.Td>
                    <Anchor href={href(`/personen/${r.personId}/begeleiding`)}>{r.naam}</Anchor>
                    {account.role === 'projectleider' && (
                      <Text size="xs" c="dimmed">
                        {r.begeleiderNaam ?? 'geen begeleider'}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{r.ritme ? rhythmLabels[r.ritme] : '—'}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(r.laatsteGesprek) || '—'}</Table.Td>
                  {/* The date with its standing under it, the days late in words: narrow enough for 1024 pixels. */}
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {r.volgendeGesprek && <Text size="sm">{formatDate(r.volgendeGesprek)}</Text>}
                    <Badge color={color} variant="light" style={{ minWidth: 'max-content' }}>
                      {label}
                    </Badge>
                    {r.dagenTeLaat > 0 && (
                      <Text size="xs" c="dimmed">
                        {r.dagenTeLaat} {r.dagenTeLaat === 1 ? 'dag' : 'dagen'}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td c={r.doelenOverDatum > 0 ? 'orange' : undefined}>{r.doelenOverDatum}</Table.Td>
                  <Table.Td c={r.openSignalen > 0 ? 'red' : undefined}>{r.openSignalen}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {r.heeftPop ? (
                      'ja'
                    ) : (
                      <Text c="red" size="sm">
                        nog niet
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        {data?.length === 0 && (
          <Text p="lg" ta="center" c="dimmed">
            Geen sleutelpersonen in deze caseload.
          </Text>
        )}
      </Paper>
    </Stack>
  );
}

function Count({ n, one, many }: { n: number; one: string; many: string }) {
  return (
    <Text size="sm">
      <b>{n}</b> {n === 1 ? one : many}
    </Text>
  );
}
