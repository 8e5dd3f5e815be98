import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { CaseloadRow } from '../../../../shared/begeleiding/inputs.ts';
import { formatDate } from '../../../../shared/format.ts';
import { href } from '../../lib/route.ts';
import { useSession } from '../../lib/session.tsx';
import { useCall } from '../../lib/use-call.ts';

interface Section {
  heading: string;
  rows: CaseloadRow[];
  detail(row: CaseloadRow): string;
  action: string;
  tab: string;
}

/** The begeleider's start: overdue conversations, open signals and stalled goals in their own caseload. */
export function GuideStart() {
  const { account } = useSession();
  const { data, error } = useCall('begeleiding.caseload', { begeleiderId: account.id });
  if (error) return <Text c="red">{error.message}</Text>;
  if (!data) return null;
  const sections: Section[] = [
    {
      heading: 'Gesprek te laat',
      rows: data.filter((r) => r.stand === 'te_laat').sort((a, b) => b.dagenTeLaat - a.dagenTeLaat),
      detail: (r) =>
        `${r.dagenTeLaat} ${r.dagenTeLaat === 1 ? 'dag' : 'dagen'} te laat${r.laatsteGesprek ? `; laatste gesprek ${formatDate(r.laatsteGesprek)}` : '; nog geen gesprek'}`,
      action: 'Gesprek vastleggen',
      tab: 'begeleiding',
    },
    {
      heading: 'Open signalen',
      rows: data.filter((r) => r.openSignalen > 0),
      detail: (r) => `${r.openSignalen} ${r.openSignalen === 1 ? 'signaal' : 'signalen'} nog niet gesloten`,
      action: 'Opvolgen',
      tab: 'begeleiding',
    },
    {
      heading: 'Leerdoelen over de streefdatum',
      rows: data.filter((r) => r.doelenOverDatum > 0),
      detail: (r) =>
        `${r.doelenOverDatum} ${r.doelenOverDatum === 1 ? 'leerdoel' : 'leerdoelen'} over de streefdatum`,
      action: 'POP bekijken',
      tab: 'pop',
    },
  ];
  if (sections.every((s) => s.rows.length === 0)) {
    return (
      <Paper withBorder p="md">
        <Text c="dimmed">
          {data.length === 0
            ? 'Er staat nog niemand op je caseload.'
            : 'Alles op schema: geen gesprekken te laat, geen open signalen, geen leerdoelen over datum.'}
        </Text>
      </Paper>
    );
  }
  return (
    <Stack gap="md">
      {sections
        .filter((s) => s.rows.length > 0)
        .map((s) => (
          <Paper withBorder key={s.heading}>
            <Group justify="space-between" p="md" pb={0}>
              <Title order={2} size="h4">
                {s.heading}
              </Title>
              <Badge variant="light">{s.rows.length}</Badge>
            </Group>
            <Table verticalSpacing="xs" mt="xs" aria-label={s.heading}>
              <Table.Tbody>
                {s.rows.map((r) => (
                  <Table.Tr key={r.personId}>
                    <Table.Td w="28%">
                      <Anchor href={href(`/personen/${r.personId}`)}>{r.naam}</Anchor>
                    </Table.Td>
                    <Table.Td>{s.detail(r)}</Table.Td>
                    <Table.Td w={200} ta="right">
                      <Button
                        component="a"
                        href={href(`/personen/${r.personId}/${s.tab}`)}
                        size="compact-sm"
                        variant="light"
                      >
                        {s.action}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        ))}
    </Stack>
  );
}
