import { Loader, Paper, SimpleGrid, Stack, Text, Timeline, Title } from '@mantine/core';
import { formatDate, formatDateTime } from '../../../../shared/format.ts';
import { type Person, statusLabels } from '../../../../shared/persons.ts';
import { ChangeList, namesOf } from '../../components/ChangeList.tsx';
import { useCall } from '../../lib/use-call.ts';

/** Status path over time, and every recorded change: who, when, what. */
export function PersonHistory({ person }: { person: Person }) {
  const statuses = useCall('persons.statusHistory', { id: person.id });
  const changes = useCall('persons.changes', { id: person.id });
  const staff = useCall('accounts.staff', {});
  const accountName = namesOf(staff.data);
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      <Paper withBorder p="md">
        <Title order={2} size="h5" mb="md">
          Status
        </Title>
        {!statuses.data ? (
          <Loader size="sm" />
        ) : (
          <Timeline active={0} bulletSize={14} lineWidth={2}>
            {statuses.data.map((s) => (
              <Timeline.Item key={s.id} title={`${statusLabels[s.status]} per ${formatDate(s.datum)}`}>
                {s.toelichting && <Text size="sm">{s.toelichting}</Text>}
                <Text size="xs" c="dimmed">
                  {s.doorNaam ?? 'onbekend'} · {formatDateTime(s.at)}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        )}
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h5" mb="md">
          Wijzigingen
        </Title>
        {!changes.data ? (
          <Loader size="sm" />
        ) : (
          <Stack gap="sm">
            {changes.data.map((e) => (
              <div key={e.id}>
                <Text size="sm" fw={500}>
                  {e.summary}
                </Text>
                <Text size="xs" c="dimmed">
                  {e.accountName ?? 'onbekend'}
                  {e.deviceName && ` op ${e.deviceName}`} · {formatDateTime(e.at)}
                </Text>
                <ChangeList changes={e.changes} accountName={accountName} />
              </div>
            ))}
          </Stack>
        )}
      </Paper>
    </SimpleGrid>
  );
}
