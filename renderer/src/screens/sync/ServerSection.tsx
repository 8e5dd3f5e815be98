import { Alert, Button, Group, Loader, Paper, Stack, Title } from '@mantine/core';
import { type ReactNode, useEffect, useId, useState } from 'react';
import type { SyncStatus } from '../../../../shared/sync.ts';
import { showServerError } from '../../lib/forms.ts';
import { useCan } from '../../lib/session.tsx';
import { ConnectForm } from './ConnectForm.tsx';
import { DevicesPanel } from './DevicesPanel.tsx';
import { FactsTable } from './FactsTable.tsx';
import { Fingerprint } from './Fingerprint.tsx';
import { statusText } from './status-text.ts';
import { useSyncStatus } from './sync-status.tsx';

/**
 * Instellingen → Werken met een server (beheerder): connecting this computer, or how it is connected and the
 * computers working with the server.
 */
export function ServerSection() {
  const { status, error, refresh } = useSyncStatus();
  // The count of this computer's records changes with every save: ask afresh when the section opens.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once on opening, not on every new refresh function.
  useEffect(() => refresh(), []);
  const titleId = useId();
  return (
    <Paper component="section" withBorder p="md" aria-labelledby={titleId}>
      <Title order={2} size="h4" mb="sm" id={titleId}>
        Werken met een server
      </Title>
      {status?.mode === 'team' && status.server ? (
        <Connected status={status} server={status.server} />
      ) : status || error ? (
        <Stack gap="sm">
          {error && (
            <Alert color="yellow" title="Hoe deze computer verbonden is, is nu niet op te vragen">
              {error.message}
            </Alert>
          )}
          <ConnectForm eigenGegevens={status ? status.eigenGegevens : null} />
        </Stack>
      ) : (
        <Loader size="sm" aria-label="Laden" />
      )}
    </Paper>
  );
}

function Connected({ status, server }: { status: SyncStatus; server: NonNullable<SyncStatus['server']> }) {
  const { syncNow } = useSyncStatus();
  const can = useCan();
  const [busy, setBusy] = useState(false);
  const now = async () => {
    setBusy(true);
    const r = await syncNow();
    setBusy(false);
    if (!r.ok) showServerError(null, r.error);
  };
  const rows: [string, ReactNode][] = [
    ['Organisatie', server.organisatie],
    ['Server', server.url],
    ['Vingerafdruk', <Fingerprint key="f" value={server.fingerprint} />],
    ['Deze computer', server.apparaat],
    ['Status', statusText(status, new Date())],
  ];
  return (
    <Stack gap="sm">
      <FactsTable label="Verbinding met de server" rows={rows} />
      {status.melding && <Alert color="yellow">{status.melding}</Alert>}
      <Group>
        <Button
          variant="default"
          loading={busy}
          disabled={status.verbinding === 'ingetrokken' || status.verbinding === 'bezig'}
          onClick={() => void now()}
        >
          Nu bijwerken
        </Button>
      </Group>
      {can('sync.devices') && <DevicesPanel server={server} />}
    </Stack>
  );
}
