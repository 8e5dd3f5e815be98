import { Badge, Button, Group, Modal, Paper, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { Claim } from '../../../../shared/claims.ts';
import { formatCents, formatDate } from '../../../../shared/format.ts';
import { type BatchStatus, batchStatusLabels, type PayoutBatch } from '../../../../shared/payouts.ts';
import { invoke } from '../../lib/api.ts';
import { downloadFile } from '../../lib/download.ts';
import { showSaved, showServerError } from '../../lib/forms.ts';
import { useCan } from '../../lib/session.tsx';
import { useCall } from '../../lib/use-call.ts';
import { type BatchStep, BatchStepConfirm } from './BatchStepConfirm.tsx';
import { ReadyForPayment } from './ReadyForPayment.tsx';

const colors: Record<BatchStatus, string> = {
  concept: 'blue',
  aangeboden: 'orange',
  betaald: 'teal',
  geannuleerd: 'gray',
};

const done: Record<BatchStep, string> = {
  'payouts.submit': 'Aangeboden aan de bank',
  'payouts.paid': 'Batch betaald',
  'payouts.cancel': 'Batch geannuleerd',
};

/** Approved claims waiting for payment, and the payout batches with their SEPA file. */
export function PayoutsPanel({ approved, onChanged }: { approved: Claim[]; onChanged(): void }) {
  const can = useCan();
  const batches = useCall('payouts.list', {});
  const reload = () => {
    void batches.reload();
    onChanged();
  };
  const [asking, setAsking] = useState<{ batch: PayoutBatch; step: BatchStep } | null>(null);
  const act = async ({ batch, step }: { batch: PayoutBatch; step: BatchStep }) => {
    setAsking(null);
    const r = await invoke(step, { id: batch.id, version: batch.version });
    if (!r.ok) return showServerError(null, r.error);
    showSaved(done[step]);
    reload();
  };
  const [specs, setSpecs] = useState<string | null>(null);
  const sheet = async (id: string) => {
    const r = await invoke('payouts.spreadsheet', { id });
    if (r.ok) downloadFile(r.value, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    else showServerError(null, r.error);
  };
  const file = async (id: string) => {
    const r = await invoke('payouts.file', { id });
    if (r.ok) downloadFile(r.value, 'application/xml');
    else showServerError(null, r.error);
  };
  return (
    <Stack>
      {asking && (
        <BatchStepConfirm
          batch={asking.batch}
          step={asking.step}
          onConfirm={() => void act(asking)}
          onClose={() => setAsking(null)}
        />
      )}
      <ReadyForPayment approved={approved} onDone={reload} />
      <Paper withBorder>
        <Table verticalSpacing="xs" aria-label="Betaalbatches" style={{ whiteSpace: 'nowrap' }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Batch</Table.Th>
              <Table.Th>Uitvoerdatum</Table.Th>
              <Table.Th>Personen</Table.Th>
              <Table.Th ta="right">Totaal</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(batches.data ?? []).map((b) => (
              <Table.Tr key={b.id}>
                <Table.Td>{b.nummer}</Table.Td>
                <Table.Td>{formatDate(b.uitvoerdatum)}</Table.Td>
                <Table.Td>{b.aantal}</Table.Td>
                <Table.Td ta="right">{formatCents(b.totaalCents)}</Table.Td>
                <Table.Td>
                  <Badge color={colors[b.status]} variant="light" style={{ minWidth: 'max-content' }}>
                    {batchStatusLabels[b.status]}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right">
                  {can('payouts.file') && (
                    <Group gap="xs" justify="flex-end">
                      <Button size="xs" variant="default" onClick={() => void file(b.id)}>
                        SEPA-bestand
                      </Button>
                      <Button size="xs" variant="default" onClick={() => void sheet(b.id)}>
                        Overzicht (XLSX)
                      </Button>
                      <Button size="xs" variant="default" onClick={() => setSpecs(b.id)}>
                        Specificaties
                      </Button>
                      {b.status === 'concept' && (
                        <>
                          <Button size="xs" onClick={() => setAsking({ batch: b, step: 'payouts.submit' })}>
                            Aangeboden aan bank
                          </Button>
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red"
                            onClick={() => setAsking({ batch: b, step: 'payouts.cancel' })}
                          >
                            Annuleren
                          </Button>
                        </>
                      )}
                      {b.status === 'aangeboden' && (
                        <Button size="xs" onClick={() => setAsking({ batch: b, step: 'payouts.paid' })}>
                          Betaald
                        </Button>
                      )}
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {batches.data?.length === 0 && (
          <Text p="lg" ta="center" c="dimmed">
            Nog geen betaalbatches.
          </Text>
        )}
      </Paper>
      {specs && <Specifications batchId={specs} onClose={() => setSpecs(null)} />}
    </Stack>
  );
}

/** One specification PDF per person in the batch: what was paid, and what was rejected with the reason. */
function Specifications({ batchId, onClose }: { batchId: string; onClose(): void }) {
  const { data } = useCall('payouts.people', { id: batchId });
  const download = async (personId: string) => {
    const r = await invoke('payouts.specification', { id: batchId, personId });
    if (r.ok) downloadFile(r.value);
    else showServerError(null, r.error);
  };
  return (
    <Modal opened onClose={onClose} title="Specificaties per persoon">
      <Stack gap="xs">
        {(data ?? []).map((p) => (
          <Group key={p.personId} justify="space-between">
            <Text size="sm">
              {p.naam} · {formatCents(p.totaalCents)}
            </Text>
            <Button size="xs" variant="default" onClick={() => void download(p.personId)}>
              PDF
            </Button>
          </Group>
        ))}
      </Stack>
    </Modal>
  );
}
