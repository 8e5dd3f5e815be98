import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { formatTime } from '../../../../shared/format.ts';
import { type PairingCode, pairingCodeMinutes, type SyncStatus } from '../../../../shared/sync.ts';
import { invoke } from '../../lib/api.ts';
import { FactsTable } from './FactsTable.tsx';
import { Fingerprint } from './Fingerprint.tsx';

/**
 * A one-time pairing code for a new computer, made on the server, shown with what is typed beside it on that
 * computer: the server's address and the fingerprint this computer pinned.
 */
export function PairingCodePanel({
  server,
  onMade,
}: {
  server: NonNullable<SyncStatus['server']>;
  onMade(): void;
}) {
  const [made, setMade] = useState<PairingCode | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const make = async () => {
    setBusy(true);
    setFailure(null);
    const r = await invoke('sync.pairingCode', {});
    setBusy(false);
    if (r.ok) {
      setMade(r.value);
      onMade();
    } else setFailure(r.error.message);
  };
  const rows: [string, ReactNode][] = made
    ? [
        [
          'Koppelcode',
          <Text key="c" span ff="monospace" fw={700} size="lg">
            {made.code}
          </Text>,
        ],
        [
          'Geldig tot',
          `${formatTime(made.expiresAt)} (${pairingCodeMinutes} minuten, één keer te gebruiken)`,
        ],
        ['Serveradres', server.url],
        ['Vingerafdruk van het certificaat', <Fingerprint key="f" value={server.fingerprint} />],
      ]
    : [];
  return (
    <Stack gap="sm">
      <Group>
        <Button variant="default" loading={busy} onClick={() => void make()}>
          Koppelcode maken
        </Button>
      </Group>
      {failure && <Alert color="yellow">{failure}</Alert>}
      {made && (
        <Paper withBorder p="sm" bg="var(--mantine-color-gray-0)">
          <Text size="sm" mb="xs">
            Vul dit in op de nieuwe computer, bij Instellingen → Werken met een server:
          </Text>
          <FactsTable label="Nieuwe koppelcode" rows={rows} />
        </Paper>
      )}
    </Stack>
  );
}
