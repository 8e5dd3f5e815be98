import { Button, FileButton, Group, SegmentedControl, Stack, Title, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { invoke } from '../../lib/api.ts';
import { showSaved, showServerError } from '../../lib/forms.ts';
import { useCan } from '../../lib/session.tsx';
import { ClaimForm } from './ClaimForm.tsx';
import { OverviewPanel } from './OverviewPanel.tsx';
import { PaymentsView } from './PaymentsView.tsx';
import { ReviewView } from './ReviewView.tsx';
import { useClaimsQueue } from './use-claims-queue.ts';

type View = 'beoordelen' | 'betalen' | 'overzicht';

/** Reads a month of claims from a CSV file; one wrong row refuses the whole file. */
function ImportButton({ onDone }: { onDone(): void }) {
  const importCsv = async (file: File | null) => {
    if (!file) return;
    const r = await invoke('claims.import', { csv: await file.text() });
    if (!r.ok) return showServerError(null, r.error);
    showSaved(`${r.value.count} ${r.value.count === 1 ? 'declaratie' : 'declaraties'} ingelezen`);
    onDone();
  };
  return (
    <FileButton onChange={importCsv} accept=".csv,text/csv">
      {(props) => (
        <Tooltip label="CSV met de kolommen e-mail; soort; datum; omschrijving; van; naar; km; minuten; bedrag">
          <Button variant="default" {...props}>
            Importeren
          </Button>
        </Tooltip>
      )}
    </FileButton>
  );
}

/** Declaraties: the approval queue, the payouts of approved claims and the year overview. */
export function ClaimsScreen() {
  const can = useCan();
  const [view, setView] = useState<View>('beoordelen');
  const [creating, setCreating] = useState(false);
  const queue = useClaimsQueue();
  const changed = () => void queue.reload();

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          Declaraties
        </Title>
        <Group>
          {can('claims.import') && <ImportButton onDone={changed} />}
          {can('claims.create') && <Button onClick={() => setCreating(true)}>Nieuwe declaratie</Button>}
        </Group>
      </Group>
      {can('payouts.list') && (
        <SegmentedControl
          w="fit-content"
          value={view}
          onChange={(v) => setView(v as View)}
          data={[
            { value: 'beoordelen', label: 'Beoordelen' },
            { value: 'betalen', label: 'Betalen' },
            { value: 'overzicht', label: 'Overzicht' },
          ]}
        />
      )}
      {view === 'overzicht' && <OverviewPanel />}
      {view === 'betalen' && <PaymentsView />}
      {view === 'beoordelen' && <ReviewView queue={queue} />}
      {creating && (
        <ClaimForm
          onClose={() => setCreating(false)}
          onSaved={() => {
            setCreating(false);
            changed();
          }}
        />
      )}
    </Stack>
  );
}
