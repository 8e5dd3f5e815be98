import { Button, Group, Loader, Stack, Text, Timeline } from '@mantine/core';
import type { Person } from '../../../../shared/persons.ts';
import { href } from '../../lib/route.ts';
import { useCan } from '../../lib/session.tsx';
import { useContractEvents } from '../contracts/contract-events.tsx';
import { useOutflowEvents } from '../doorgroei/outflow-events.tsx';
import { useTrainingEvents } from '../scholing/training-events.tsx';
import { newestFirst } from './timeline.ts';

/**
 * The person's path on one line: contracts (volunteer, stage, paid work), trainings and the uitstroom when they
 * stopped, newest first. Each source is its area's hook, asked only of a role that may read it.
 */
export function PersonTimeline({ person }: { person: Person }) {
  const can = useCan();
  const sources = [
    useContractEvents(person.id, can('contracts.listForPerson')),
    useOutflowEvents(person.id, can('doorgroei.get')),
    useTrainingEvents(person.id, can('scholing.listForPerson')),
  ];
  const loaded = sources.every((events) => events !== null);
  const events = loaded ? newestFirst(sources.map((events) => events ?? [])) : [];
  return (
    <Stack>
      {can('contracts.create') && !person.geanonimiseerd && (
        <Group>
          <Button component="a" href={href(`/personen/${person.id}/contract-nieuw`)}>
            Nieuw contract
          </Button>
        </Group>
      )}
      {!loaded ? (
        <Loader size="sm" />
      ) : events.length === 0 ? (
        <Text c="dimmed">Nog geen contracten, trainingen of uitstroom.</Text>
      ) : (
        <Timeline bulletSize={16} lineWidth={2} active={events.length} aria-label="Tijdlijn">
          {events.map((e) => (
            <Timeline.Item key={e.key} title={e.title} color={e.color}>
              {e.body}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Stack>
  );
}
