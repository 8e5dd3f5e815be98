import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import {
  type AttentionItem,
  type AttentionKind,
  attentionKindLabels,
  attentionKinds,
} from '../../../../shared/attention.ts';
import { href } from '../../lib/route.ts';
import { useCall } from '../../lib/use-call.ts';

/** Where the step that resolves an item is taken. */
function actionPath(item: AttentionItem): string {
  switch (item.kind) {
    case 'niet_getekend':
    case 'contract_eindigt':
      return `/contracten/${item.contractId}`;
    case 'geen_contract':
      return `/personen/${item.personId}/contract-nieuw`;
    case 'basistraining_ontbreekt':
    case 'certificaat_verloopt':
      return `/personen/${item.personId}/scholing`;
    case 'training_te_weinig_deelnemers':
      return `/scholing/groepen/${item.sessionId}`;
    default:
      return `/personen/${item.personId}/bewerken`;
  }
}

/** Lines shown per kind before 'show all': every kind stays in view at once. */
const firstLines = 5;

/** The line's subject: the person, or the group training it is about. */
const subjectPath = (item: AttentionItem) =>
  item.personId ? `/personen/${item.personId}` : `/scholing/groepen/${item.sessionId}`;

/**
 * The projectleider's start: the attention list grouped by kind, each line with its action. Given `kinds`, only
 * those (the begeleider's start shows the scholing kinds), and nothing at all when there are none.
 */
export function AttentionList({ kinds = attentionKinds }: { kinds?: readonly AttentionKind[] }) {
  const { data: all, error } = useCall('attention.list', {});
  if (error) return <Text c="red">{error.message}</Text>;
  if (!all) return null;
  const data = all.filter((i) => kinds.includes(i.kind));
  if (kinds !== attentionKinds && data.length === 0) return null;
  if (data.length === 0) {
    return (
      <Paper withBorder p="md">
        <Text c="dimmed">Niets dat nu aandacht vraagt.</Text>
      </Paper>
    );
  }
  return (
    <Stack gap="md">
      {kinds.map((kind) => {
        const items = data.filter((i) => i.kind === kind);
        return items.length > 0 && <AttentionGroup key={kind} kind={kind} items={items} />;
      })}
    </Stack>
  );
}

function AttentionGroup({ kind, items }: { kind: AttentionKind; items: AttentionItem[] }) {
  const [all, setAll] = useState(false);
  const { heading, action } = attentionKindLabels[kind];
  const shown = all ? items : items.slice(0, firstLines);
  return (
    <Paper withBorder>
      <Group justify="space-between" p="md" pb={0}>
        <Title order={2} size="h4">
          {heading}
        </Title>
        <Badge variant="light">{items.length}</Badge>
      </Group>
      {/* The text carries the date that makes a line urgent, in words. */}
      <Table verticalSpacing="xs" mt="xs" aria-label={heading}>
        <Table.Tbody>
          {shown.map((item) => (
            <Table.Tr key={`${item.personId ?? item.sessionId}:${item.contractId ?? ''}:${item.text}`}>
              <Table.Td w="26%">
                <Anchor href={href(subjectPath(item))}>{item.personNaam}</Anchor>
              </Table.Td>
              <Table.Td>{item.text}</Table.Td>
              <Table.Td w={220} ta="right">
                <Button component="a" href={href(actionPath(item))} size="compact-sm" variant="light">
                  {action}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {items.length > firstLines && (
        <Button variant="subtle" size="compact-sm" m="xs" onClick={() => setAll((v) => !v)}>
          {all ? 'Minder tonen' : `Alle ${items.length} tonen`}
        </Button>
      )}
    </Paper>
  );
}
