import { Anchor, Badge, Button, Group, Loader, Stack, Text, Timeline } from '@mantine/core';
import { contractStatusLabels } from '../../../../shared/contracts.ts';
import { formatDate } from '../../../../shared/format.ts';
import type { Person } from '../../../../shared/persons.ts';
import { contractFormLabels } from '../../../../shared/profiles.ts';
import { href } from '../../lib/route.ts';
import { useCan } from '../../lib/session.tsx';
import { useCall } from '../../lib/use-call.ts';
import { statusColors } from './ContractScreens.tsx';

/** The person's path: every contract, newest first, from volunteer to stage to paid work. */
export function ContractsTab({ person }: { person: Person }) {
  const can = useCan();
  const { data } = useCall('contracts.listForPerson', { personId: person.id });
  if (!data) return <Loader size="sm" />;
  return (
    <Stack>
      {can('contracts.create') && (
        <Group>
          <Button component="a" href={href(`/personen/${person.id}/contract-nieuw`)}>
            Nieuw contract
          </Button>
        </Group>
      )}
      {data.length === 0 ? (
        <Text c="dimmed">Nog geen contracten.</Text>
      ) : (
        <Timeline bulletSize={16} lineWidth={2} active={data.length}>
          {data.map((c) => (
            <Timeline.Item
              key={c.id}
              title={
                <Group gap="xs">
                  <Anchor href={href(`/contracten/${c.id}`)} fw={600}>
                    {contractFormLabels[c.vorm]} {c.nummer}
                  </Anchor>
                  {c.versie > 1 && (
                    <Badge variant="light" size="sm">
                      versie {c.versie}
                    </Badge>
                  )}
                  <Badge color={statusColors[c.status]} size="sm">
                    {contractStatusLabels[c.status]}
                  </Badge>
                  {c.vervangenDoor && (
                    <Badge color="gray" variant="outline" size="sm">
                      vervangen
                    </Badge>
                  )}
                </Group>
              }
            >
              <Text size="sm">
                {formatDate(c.startdatum)}
                {c.einddatum ? ` t/m ${formatDate(c.einddatum)}` : ' — onbepaalde tijd'}
                {c.profielTitel ? ` · ${c.profielTitel}` : ''}
              </Text>
              {c.getekendDatum && (
                <Text size="xs" c="dimmed">
                  Getekend op {formatDate(c.getekendDatum)}
                </Text>
              )}
              {c.beeindigdDatum && (
                <Text size="xs" c="dimmed">
                  Beëindigd per {formatDate(c.beeindigdDatum)}
                </Text>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Stack>
  );
}
