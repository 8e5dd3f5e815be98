import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { formatDate } from '../../../../shared/format.ts';
import { type RequestStatus, requestStatusLabels } from '../../../../shared/work-vocabulary.ts';
import { useCall } from '../../lib/use-call.ts';
import { MatchProposals } from './MatchProposals.tsx';

/**
 * A request's proposals on their own page (#/verdeling/aanvraag/<id>), for a link from anywhere; the request's
 * detail in Aanvragen embeds the same MatchProposals.
 */
export function MatchRequestScreen({ requestId }: { requestId: string }) {
  const [round, setRound] = useState(0);
  const { data, error, reload } = useCall('verdeling.proposals', { requestId });
  if (error) return <Text c="red">{error.message}</Text>;
  if (!data) return null;
  const a = data.aanvraag;
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={1} size="h2">
            Wie vragen we?
          </Title>
          <Text>{a.omschrijving}</Text>
          <Text size="sm" c="dimmed">
            {[
              a.talen.map((t) => (t.verplicht ? t.taal : `${t.taal} (liefst)`)).join(', '),
              a.gemeente,
              a.gewenstVan ? `gewenst ${formatDate(a.gewenstVan.slice(0, 10))}` : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </Stack>
        <Badge variant="light">{requestStatusLabels[a.status as RequestStatus] ?? a.status}</Badge>
      </Group>
      <MatchProposals
        key={`${a.version}-${round}`}
        request={{ id: a.id, version: a.version }}
        onPicked={() => {
          setRound((r) => r + 1);
          void reload();
        }}
      />
    </Stack>
  );
}
