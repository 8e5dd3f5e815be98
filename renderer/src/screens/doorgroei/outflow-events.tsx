import { Text } from '@mantine/core';
import { outflowKindLabels } from '../../../../shared/doorgroei.ts';
import { formatDate } from '../../../../shared/format.ts';
import { useCall } from '../../lib/use-call.ts';
import type { TimelineEvent } from '../persons/timeline.ts';

/** The person's uitstroom as events of their Tijdlijn, at the day they stopped; null while loading. */
export function useOutflowEvents(personId: string, enabled: boolean): TimelineEvent[] | null {
  const { data } = useCall('doorgroei.get', enabled ? { personId } : null);
  if (!enabled) return [];
  if (!data) return null;
  return data.uitstroom.map((o) => ({
    key: o.id,
    datum: o.datum,
    color: 'grape',
    title: (
      <Text fw={600} size="sm">
        Uitstroom: {outflowKindLabels[o.vervolg].toLowerCase()}
      </Text>
    ),
    body: (
      <>
        <Text size="sm">Gestopt per {formatDate(o.datum)}</Text>
        {o.toelichting && (
          <Text size="xs" c="dimmed">
            {o.toelichting}
          </Text>
        )}
      </>
    ),
  }));
}
