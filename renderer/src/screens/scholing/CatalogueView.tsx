import { Button, Group, Paper, SegmentedControl, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { formatCents } from '../../../../shared/format.ts';
import {
  formatTrainingDuration,
  providerName,
  type Training,
  trainingKindLabels,
} from '../../../../shared/scholing.ts';
import { ArchivedBadge } from '../../components/ArchivedBadge.tsx';
import { EditArchiveButtons } from '../../components/EditArchiveButtons.tsx';
import { invoke } from '../../lib/api.ts';
import { showSaved, showServerError } from '../../lib/forms.ts';
import { useCall } from '../../lib/use-call.ts';
import { TrainingModal } from './TrainingModal.tsx';

/** The trainingsaanbod: what the organisation offers or buys in; archived entries stay on people's records. */
export function CatalogueView() {
  const [show, setShow] = useState('actief');
  const { data, error, reload } = useCall('scholing.catalogue', { metGearchiveerd: show === 'alle' });
  const [editing, setEditing] = useState<Training | 'nieuw' | null>(null);
  const archive = async (t: Training) => {
    const r = await invoke('scholing.archiveTraining', {
      id: t.id,
      version: t.version,
      gearchiveerd: !t.gearchiveerd,
    });
    if (!r.ok) return showServerError(null, r.error);
    showSaved(t.gearchiveerd ? `${t.naam} staat weer in het aanbod` : `${t.naam} gearchiveerd`);
    void reload();
  };
  return (
    <>
      <Group justify="space-between" mb="sm">
        <SegmentedControl
          value={show}
          onChange={setShow}
          data={[
            { value: 'actief', label: 'In het aanbod' },
            { value: 'alle', label: 'Ook gearchiveerd' },
          ]}
          aria-label="Welke trainingen"
        />
        <Button onClick={() => setEditing('nieuw')}>Nieuwe training</Button>
      </Group>
      {error && <Text c="red">{error.message}</Text>}
      <Paper withBorder>
        <Table verticalSpacing="xs" aria-label="Trainingsaanbod">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Training</Table.Th>
              <Table.Th>Duur</Table.Th>
              <Table.Th>Certificaat</Table.Th>
              <Table.Th ta="right">Kosten</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(data ?? []).map((t) => (
              <Table.Tr key={t.id}>
                <Table.Td>
                  <Text fw={500} size="sm" span>
                    {t.naam}
                  </Text>
                  {t.gearchiveerd && <ArchivedBadge />}
                  <Text size="xs" c="dimmed">
                    {trainingKindLabels[t.soort]} · {providerName(t)}
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatTrainingDuration(t)}</Table.Td>
                <Table.Td>
                  {t.certificaat
                    ? t.geldigheidMaanden
                      ? `${t.geldigheidMaanden} maanden geldig`
                      : 'blijft geldig'
                    : 'nee'}
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {formatCents(t.kostenCents)}
                </Table.Td>
                <Table.Td ta="right">
                  <EditArchiveButtons
                    naam={t.naam}
                    gearchiveerd={t.gearchiveerd}
                    onEdit={() => setEditing(t)}
                    onArchive={() => void archive(t)}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {data?.length === 0 && (
          <Text c="dimmed" p="md">
            Nog geen trainingen in het aanbod.
          </Text>
        )}
      </Paper>
      {editing && (
        <TrainingModal
          training={editing === 'nieuw' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void reload();
          }}
        />
      )}
    </>
  );
}
