import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { formatCents, formatDate } from '../../../../shared/format.ts';
import { href } from '../../lib/route.ts';
import { useCall } from '../../lib/use-call.ts';

/** Blocked claims shown on the start screen; the queue has the rest. */
const blockedShown = 8;

/** The administrateur's start: claims waiting for a decision, those that block, and batches to send or to mark paid. */
export function AdminStart() {
  const waiting = useCall('claims.list', { status: 'ingediend', pageSize: 5 });
  const blocked = useCall('claims.list', {
    status: 'ingediend',
    alleenMetMelding: true,
    pageSize: blockedShown,
  });
  const approved = useCall('claims.list', { status: 'goedgekeurd', pageSize: 5 });
  const batches = useCall('payouts.list', {});
  const error = waiting.error ?? blocked.error ?? approved.error ?? batches.error;
  if (error) return <Text c="red">{error.message}</Text>;
  const toSend = (batches.data ?? []).filter((b) => b.status === 'concept');
  const offered = (batches.data ?? []).filter((b) => b.status === 'aangeboden');
  const blockedRows = (blocked.data?.rows ?? []).filter((c) => c.checks.some((check) => check.blocking));
  return (
    <Stack gap="md">
      <SimpleGrid cols={3} spacing="md">
        <Count n={waiting.data?.total} label="declaraties wachten op beoordeling" />
        <Count n={blocked.data?.total} label="daarvan met een melding" />
        <Count n={approved.data?.total} label="goedgekeurd, nog niet in een betaalbatch" />
      </SimpleGrid>
      <Group>
        <Button component="a" href={href('/declaraties')}>
          Naar de declaraties
        </Button>
      </Group>

      {blockedRows.length > 0 && (
        <Paper withBorder>
          <Group justify="space-between" p="md" pb={0}>
            <Title order={2} size="h4">
              Declaraties die niet goedgekeurd kunnen worden
            </Title>
            <Badge variant="light">{blocked.data?.total}</Badge>
          </Group>
          <Table verticalSpacing="xs" mt="xs" aria-label="Declaraties die niet goedgekeurd kunnen worden">
            <Table.Tbody>
              {blockedRows.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td w="26%">
                    <Anchor href={href(`/personen/${c.personId}`)}>{c.personNaam}</Anchor>
                  </Table.Td>
                  <Table.Td w={110}>{formatDate(c.datum)}</Table.Td>
                  <Table.Td w={100} ta="right">
                    {formatCents(c.bedragCents)}
                  </Table.Td>
                  <Table.Td>
                    {c.checks
                      .filter((check) => check.blocking)
                      .map((check) => check.message)
                      .join(' ')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}

      {(toSend.length > 0 || offered.length > 0) && (
        <Paper withBorder>
          <Title order={2} size="h4" p="md" pb={0}>
            Betaalbatches
          </Title>
          <Table verticalSpacing="xs" mt="xs" aria-label="Betaalbatches">
            <Table.Tbody>
              {[...toSend, ...offered].map((b) => (
                <Table.Tr key={b.id}>
                  <Table.Td w="26%">{b.nummer}</Table.Td>
                  <Table.Td>
                    {b.status === 'concept'
                      ? `Nog aanbieden bij de bank (uitvoerdatum ${formatDate(b.uitvoerdatum)})`
                      : 'Aangeboden; vastleggen als betaald zodra de bank heeft uitbetaald'}
                  </Table.Td>
                  <Table.Td w={120} ta="right">
                    {formatCents(b.totaalCents)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}

function Count({ n, label }: { n: number | undefined; label: string }) {
  return (
    <Paper withBorder p="md">
      <Text fz={28} fw={700} lh={1.1}>
        {n ?? '…'}
      </Text>
      <Text size="sm">{label}</Text>
    </Paper>
  );
}
