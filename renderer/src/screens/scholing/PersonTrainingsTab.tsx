import { Alert, Anchor, Button, Group, Loader, Paper, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { formatDate, formatMinutes } from '../../../../shared/format.ts';
import type { Person } from '../../../../shared/persons.ts';
import { type PersonTraining, trainingStatusLabels } from '../../../../shared/scholing.ts';
import { useCall } from '../../lib/use-call.ts';
import { CertificateCell } from './CertificateCell.tsx';
import { PersonTrainingModal } from './PersonTrainingModal.tsx';

/** Dates and buttons stay on one line; the training's name takes what room is left. */
const nowrap = { whiteSpace: 'nowrap' } as const;

/** The person's trainings in date order, each with its certificate and expiry. */
export function PersonTrainingsTab({ person }: { person: Person }) {
  const { data, reload } = useCall('scholing.listForPerson', { personId: person.id });
  const [editing, setEditing] = useState<PersonTraining | 'nieuw' | null>(null);
  if (!data) return <Loader size="sm" aria-label="Laden" />;
  return (
    <Stack>
      {data.toestemmingOntbreekt && (
        <Alert color="orange" title="Bijstand: toestemming gemeente">
          {person.naam} heeft een bijstandsuitkering en de toestemming van de gemeente is nog niet vastgelegd.
          Ook het volgen van een training kan toestemming van de gemeente nodig hebben.
        </Alert>
      )}
      {!person.geanonimiseerd && (
        <Group>
          <Button onClick={() => setEditing('nieuw')}>Training toevoegen</Button>
        </Group>
      )}
      {data.trainingen.length === 0 ? (
        <Text c="dimmed">Nog geen trainingen vastgelegd.</Text>
      ) : (
        <Paper withBorder>
          <Table verticalSpacing="xs" aria-label="Trainingen">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Training</Table.Th>
                <Table.Th style={nowrap}>Status</Table.Th>
                <Table.Th style={nowrap}>Periode</Table.Th>
                <Table.Th style={nowrap}>Tijd</Table.Th>
                <Table.Th style={nowrap}>Certificaat</Table.Th>
                <Table.Th style={nowrap}>Geldig tot</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.trainingen.map((t) => (
                <Table.Tr key={t.id}>
                  <Table.Td>
                    {person.geanonimiseerd ? (
                      <Text size="sm" fw={500}>
                        {t.naam}
                      </Text>
                    ) : (
                      <Anchor
                        component="button"
                        type="button"
                        size="sm"
                        fw={500}
                        ta="left"
                        onClick={() => setEditing(t)}
                        aria-label={`${t.naam} wijzigen`}
                      >
                        {t.naam}
                      </Anchor>
                    )}
                    <Text size="xs" c="dimmed">
                      {t.aanbieder}
                      {t.notitie ? ` · ${t.notitie}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td style={nowrap}>{trainingStatusLabels[t.status]}</Table.Td>
                  <Table.Td style={nowrap}>
                    {[t.startdatum, t.einddatum]
                      .filter(Boolean)
                      .map((d) => formatDate(d))
                      .join(' – ') || '—'}
                  </Table.Td>
                  <Table.Td style={nowrap}>{t.minuten ? formatMinutes(t.minuten) : '—'}</Table.Td>
                  <Table.Td>
                    <CertificateCell
                      training={t}
                      onChanged={() => void reload()}
                      readOnly={person.geanonimiseerd}
                    />
                  </Table.Td>
                  <Table.Td style={nowrap}>{t.verloopdatum ? formatDate(t.verloopdatum) : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {editing && (
        <PersonTrainingModal
          person={person}
          training={editing === 'nieuw' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void reload();
          }}
        />
      )}
    </Stack>
  );
}
