import { Anchor, Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { AttentionKind } from '../../../../shared/attention.ts';
import { formatDate } from '../../../../shared/format.ts';
import { href } from '../../lib/route.ts';
import { useSession } from '../../lib/session.tsx';
import { useCall } from '../../lib/use-call.ts';

const kindLabels: Record<AttentionKind, [string, string]> = {
  contract_eindigt: ['Contract eindigt', 'orange'],
  niet_getekend: ['Niet getekend', 'red'],
  vog_verloopt: ['VOG', 'grape'],
  geen_contract: ['Geen contract', 'gray'],
};

/** What needs attention today: the projectleider's and begeleider's start. */
export function StartScreen() {
  const { account } = useSession();
  const { data, error } = useCall('attention.list', {});
  return (
    <Stack>
      <Title order={1} size="h2">
        Goedendag, {account.displayName.split(' ')[0]}
      </Title>
      <Paper withBorder>
        <Group justify="space-between" p="md" pb={0}>
          <Title order={2} size="h4">
            Aandacht nodig
          </Title>
          {data && <Badge variant="light">{data.length}</Badge>}
        </Group>
        {error && (
          <Text c="red" p="md">
            {error.message}
          </Text>
        )}
        {data?.length === 0 && (
          <Text p="md" c="dimmed">
            Niets dat nu aandacht vraagt.
          </Text>
        )}
        {data && data.length > 0 && (
          <Table verticalSpacing="xs" mt="sm" aria-label="Aandachtspunten">
            <Table.Tbody>
              {data.map((item) => {
                const [label, color] = kindLabels[item.kind];
                return (
                  <Table.Tr key={`${item.kind}:${item.personId}:${item.contractId ?? ''}`}>
                    <Table.Td w={150}>
                      <Badge color={color} variant="light" style={{ minWidth: 'max-content' }}>
                        {label}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Anchor href={href(`/personen/${item.personId}`)}>{item.personNaam}</Anchor>
                    </Table.Td>
                    <Table.Td>
                      {item.contractId ? (
                        <Anchor href={href(`/contracten/${item.contractId}`)}>{item.text}</Anchor>
                      ) : (
                        item.text
                      )}
                    </Table.Td>
                    <Table.Td w={110}>{formatDate(item.date)}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </Stack>
  );
}
