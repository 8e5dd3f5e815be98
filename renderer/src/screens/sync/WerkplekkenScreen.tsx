import { Alert, Badge, Button, Code, Group, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { formatDateTime } from '../../../../shared/format.ts';
import type { PairingCode, SyncDevice } from '../../../../shared/sync.ts';
import { NoAccess } from '../../components/NotFound.tsx';
import { invoke } from '../../lib/api.ts';
import { showSaved, showServerError } from '../../lib/forms.ts';
import { ModalActions } from '../../lib/modal-actions.tsx';
import { useCall } from '../../lib/use-call.ts';

/**
 * The computers paired with the Schakel server: the beheerder makes a one-time pairing code for a new one and
 * revokes a lost one (its next contact is refused and its copy wiped).
 */
export function WerkplekkenScreen() {
  const { data, error, reload } = useCall('sync.devices', {});
  const [code, setCode] = useState<PairingCode | null>(null);
  const [revoking, setRevoking] = useState<SyncDevice | null>(null);
  const [busy, setBusy] = useState(false);

  const makeCode = async () => {
    setBusy(true);
    const r = await invoke('sync.pairingCode', {});
    setBusy(false);
    if (r.ok) setCode(r.value);
    else showServerError(null, r.error);
  };

  if (error?.code === 'forbidden') return <NoAccess title="Werkplekken" />;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          Werkplekken
        </Title>
        <Button onClick={() => void makeCode()} loading={busy}>
          Koppelcode maken
        </Button>
      </Group>
      <Text c="dimmed">
        Computers die met de Schakel-server werken. Een nieuwe computer koppel je met een koppelcode; een
        kwijtgeraakte laptop trek je in.
      </Text>
      {error && <Text c="red">{error.message}</Text>}
      <Paper withBorder>
        <Table verticalSpacing="xs" aria-label="Werkplekken">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Naam</Table.Th>
              <Table.Th>Gekoppeld</Table.Th>
              <Table.Th>Laatste contact</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data?.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={5}>
                  <Text c="dimmed">Nog geen computers gekoppeld.</Text>
                </Table.Td>
              </Table.Tr>
            )}
            {(data ?? []).map((d) => (
              <Table.Tr key={d.id} c={d.revokedAt ? 'dimmed' : undefined}>
                <Table.Td>{d.naam}</Table.Td>
                <Table.Td>
                  {formatDateTime(d.pairedAt)}
                  {d.pairedBy && ` (code van ${d.pairedBy})`}
                </Table.Td>
                <Table.Td>{d.lastContactAt ? formatDateTime(d.lastContactAt) : '—'}</Table.Td>
                <Table.Td>
                  {d.revokedAt ? (
                    <Badge color="red" variant="light">
                      Ingetrokken {formatDateTime(d.revokedAt)}
                    </Badge>
                  ) : (
                    'Actief'
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  {!d.revokedAt && (
                    <Button variant="subtle" color="red" size="xs" onClick={() => setRevoking(d)}>
                      Intrekken
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      {code && <CodeDialog code={code} onClose={() => setCode(null)} />}
      {revoking && (
        <RevokeDialog
          device={revoking}
          onClose={() => setRevoking(null)}
          onRevoked={() => {
            setRevoking(null);
            void reload();
          }}
        />
      )}
    </Stack>
  );
}

function CodeDialog({ code, onClose }: { code: PairingCode; onClose(): void }) {
  return (
    <Modal opened onClose={onClose} title="Koppelcode">
      <Stack>
        <Text>Typ deze code op de nieuwe computer, bij ‘Koppelen met een server’:</Text>
        <Code block fz="xl" ta="center" aria-label="Koppelcode">
          {code.code}
        </Code>
        <Text size="sm" c="dimmed">
          De code werkt één keer, tot {formatDateTime(code.expiresAt)}. Schakel bewaart hem niet: sluit je dit
          venster, dan maak je zo nodig een nieuwe.
        </Text>
        <Group justify="flex-end">
          <Button onClick={onClose}>Klaar</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function RevokeDialog({
  device,
  onClose,
  onRevoked,
}: {
  device: SyncDevice;
  onClose(): void;
  onRevoked(): void;
}) {
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const r = await invoke('sync.revokeDevice', { id: device.id, version: device.version });
    setBusy(false);
    if (r.ok) {
      showSaved(`${device.naam} is ingetrokken`);
      onRevoked();
    } else showServerError(null, r.error);
  };
  return (
    <Modal opened onClose={onClose} title={`${device.naam} intrekken`}>
      <form onSubmit={(e) => void submit(e)}>
        <Stack>
          <Alert color="red" variant="light">
            Deze computer kan daarna niet meer met de server werken. Bij het volgende contact worden de
            gegevens van Schakel erop gewist. Dit kun je niet ongedaan maken; koppel hem zo nodig opnieuw.
          </Alert>
          <ModalActions onCancel={onClose} submit="Intrekken" color="red" loading={busy} />
        </Stack>
      </form>
    </Modal>
  );
}
