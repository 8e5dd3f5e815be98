import { Anchor, Badge, Group, Text } from '@mantine/core';
import { contractStatusLabels } from '../../../../shared/contracts.ts';
import { formatDate } from '../../../../shared/format.ts';
import { contractFormLabels } from '../../../../shared/profiles.ts';
import { href } from '../../lib/route.ts';
import { useCall } from '../../lib/use-call.ts';
import type { TimelineEvent } from '../persons/timeline.ts';
import { statusColors } from './ContractScreens.tsx';

/** The person's contracts as events of their Tijdlijn, each at its start date; null while loading. */
export function useContractEvents(personId: string, enabled: boolean): TimelineEvent[] | null {
  const { data } = useCall('contracts.listForPerson', enabled ? { personId } : null);
  if (!enabled) return [];
  if (!data) return null;
  return data.map((c) => ({
    key: c.id,
    datum: c.startdatum,
    color: 'blue',
    title: (
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
    ),
    body: (
      <>
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
      </>
    ),
  }));
}
