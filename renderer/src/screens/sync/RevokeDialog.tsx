import { Alert, List, Modal, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { SyncDevice } from '../../../../shared/sync.ts';
import { invoke } from '../../lib/api.ts';
import { showSaved } from '../../lib/forms.ts';
import { ModalActions } from '../../lib/modal-actions.tsx';

/** Revoking a computer cannot be undone: what happens to it is said before it is done. */
export function RevokeDialog({
  device,
  onClose,
  onRevoked,
}: {
  device: SyncDevice;
  onClose(): void;
  onRevoked(): void;
}) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const revoke = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setFailure(null);
    const r = await invoke('sync.revokeDevice', { id: device.id, version: device.version });
    setBusy(false);
    if (r.ok) {
      showSaved(`${device.naam} is ingetrokken`);
      onRevoked();
    } else setFailure(r.error.message);
  };
  return (
    <Modal opened onClose={onClose} title={`${device.naam} intrekken?`} size="lg">
      <form onSubmit={(e) => void revoke(e)}>
        <Stack>
          <Text size="sm">Doe dit als deze computer kwijt is of niet meer met Schakel mag werken.</Text>
          <List size="sm" spacing={4}>
            <List.Item>
              De server weigert deze computer vanaf nu, en ook iedereen die erop is aangemeld.
            </List.Item>
            <List.Item>
              Bij het volgende contact met de server worden de gegevens van Schakel op die computer gewist.
              Wijzigingen die daar nog niet naar de server zijn gestuurd, gaan verloren. Zolang de computer
              geen contact maakt, staan de gegevens er nog.
            </List.Item>
            <List.Item>
              Wil je de computer later weer gebruiken, koppel hem dan opnieuw met een nieuwe koppelcode.
            </List.Item>
          </List>
          {failure && <Alert color="red">{failure}</Alert>}
          <ModalActions onCancel={onClose} submit="Intrekken" color="red" loading={busy} />
        </Stack>
      </form>
    </Modal>
  );
}
