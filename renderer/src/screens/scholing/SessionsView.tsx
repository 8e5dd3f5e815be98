import { Badge, Button, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { formatDateLong } from '../../../../shared/format.ts';
import type { TrainingSession } from '../../../../shared/scholing.ts';
import { invoke } from '../../lib/api.ts';
import { showSaved, showServerError } from '../../lib/forms.ts';
import { useCall } from '../../lib/use-call.ts';
import { AttendanceModal } from './AttendanceModal.tsx';
import { SessionModal } from './SessionModal.tsx';

const statusBadge: Record<TrainingSession['status'], { label: string; color: string }> = {
  gepland: { label: 'Gepland', color: 'blue' },
  gegeven: { label: 'Gegeven', color: 'teal' },
  geannuleerd: { label: 'Geannuleerd', color: 'gray' },
};

type Dialog =
  | { kind: 'plan'; session: TrainingSession | null }
  | { kind: 'attendance'; session: TrainingSession };

/** Group trainings: planned ones first, each with its invitees; attendance is recorded once for all. */
export function SessionsView({ highlight }: { highlight: string | null }) {
  const [show, setShow] = useState('gepland');
  const { data, error, reload } = useCall('scholing.sessions', { metAfgelopen: show === 'alle' });
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const done = () => {
    setDialog(null);
    void reload();
  };
  const cancel = async (s: TrainingSession) => {
    const r = await invoke('scholing.cancelSession', { id: s.id, version: s.version });
    if (!r.ok) return showServerError(null, r.error);
    showSaved('Groepstraining geannuleerd; de deelnemers houden de training als nog te volgen');
    void reload();
  };
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <SegmentedControl
          value={show}
          onChange={setShow}
          data={[
            { value: 'gepland', label: 'Gepland' },
            { value: 'alle', label: 'Ook gegeven en geannuleerd' },
          ]}
          aria-label="Welke groepstrainingen"
        />
        <Button onClick={() => setDialog({ kind: 'plan', session: null })}>Groepstraining plannen</Button>
      </Group>
      {error && <Text c="red">{error.message}</Text>}
      {data?.length === 0 && <Text c="dimmed">Geen groepstrainingen gepland.</Text>}
      {(data ?? []).map((s) => {
        const few = s.status === 'gepland' && s.deelnemers.length < s.minimumDeelnemers;
        return (
          <Paper
            key={s.id}
            withBorder
            p="md"
            style={
              s.id === highlight
                ? { borderColor: 'var(--mantine-color-orange-6)', borderWidth: 2 }
                : undefined
            }
          >
            <Group justify="space-between" align="flex-start">
              <div>
                <Group gap="xs">
                  <Title order={2} size="h4">
                    {s.trainingNaam}
                  </Title>
                  <Badge color={statusBadge[s.status].color} variant="light">
                    {statusBadge[s.status].label}
                  </Badge>
                </Group>
                <Text size="sm">
                  {formatDateLong(s.datum)} · {s.plaats}
                  {s.trainer ? ` · trainer ${s.trainer}` : ''}
                </Text>
              </div>
              {s.status === 'gepland' && (
                <Group gap="xs">
                  <Button size="xs" variant="default" onClick={() => setDialog({ kind: 'plan', session: s })}>
                    Wijzigen
                  </Button>
                  <Button size="xs" variant="default" color="red" onClick={() => void cancel(s)}>
                    Annuleren
                  </Button>
                  <Button
                    size="xs"
                    onClick={() => setDialog({ kind: 'attendance', session: s })}
                    disabled={s.deelnemers.length === 0}
                  >
                    Aanwezigheid vastleggen
                  </Button>
                </Group>
              )}
            </Group>
            <Text size="sm" mt={6} c={few ? 'red.9' : undefined}>
              {s.deelnemers.length} {s.deelnemers.length === 1 ? 'deelnemer' : 'deelnemers'}
              {few ? ` (minimaal ${s.minimumDeelnemers} nodig)` : ''}:{' '}
              {s.deelnemers.map((d) => (d.aanwezig === false ? `${d.naam} (afwezig)` : d.naam)).join(', ') ||
                '—'}
            </Text>
          </Paper>
        );
      })}
      {dialog?.kind === 'plan' && (
        <SessionModal session={dialog.session} onClose={() => setDialog(null)} onDone={done} />
      )}
      {dialog?.kind === 'attendance' && (
        <AttendanceModal session={dialog.session} onClose={() => setDialog(null)} onDone={done} />
      )}
    </Stack>
  );
}
