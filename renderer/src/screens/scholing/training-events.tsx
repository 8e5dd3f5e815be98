import { Text } from '@mantine/core';
import { formatDate } from '../../../../shared/format.ts';
import { trainingStatusLabels } from '../../../../shared/scholing.ts';
import { useCall } from '../../lib/use-call.ts';
import type { TimelineEvent } from '../persons/timeline.ts';

/**
 * The person's trainings as events of their Tijdlijn: a finished or stopped one at its end date, a planned or
 * running one at its start; one without any date yet is not on the line (the Scholing tab lists it). Null while
 * loading.
 */
export function useTrainingEvents(personId: string, enabled: boolean): TimelineEvent[] | null {
  const { data } = useCall('scholing.listForPerson', enabled ? { personId } : null);
  if (!enabled) return [];
  if (!data) return null;
  return data.trainingen.flatMap((t) => {
    const datum = t.einddatum ?? t.startdatum;
    if (!datum) return [];
    return [
      {
        key: t.id,
        datum,
        color: t.status === 'afgerond' ? 'teal' : 'gray',
        title: (
          <Text fw={600} size="sm">
            Training: {t.naam}
          </Text>
        ),
        body: (
          <>
            <Text size="sm">
              {trainingStatusLabels[t.status]} · {formatDate(datum)}
            </Text>
            {t.verloopdatum && (
              <Text size="xs" c="dimmed">
                Certificaat geldig tot {formatDate(t.verloopdatum)}
              </Text>
            )}
          </>
        ),
      },
    ];
  });
}
