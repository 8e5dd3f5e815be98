import { Modal, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { Claim } from '../../../../shared/claims.ts';
import { invoke } from '../../lib/api.ts';
import { showSaved, showServerError } from '../../lib/forms.ts';
import { ModalActions } from '../../lib/modal-actions.tsx';

/** Rejects the chosen claims with one reason, which the sleutelpersoon reads. */
export function RejectDialog({
  claims,
  onClose,
  onDone,
}: {
  claims: Claim[];
  onClose(): void;
  onDone(): void;
}) {
  const [reden, setReden] = useState('');
  const reject = async () => {
    const r = await invoke('claims.reject', {
      items: claims.map((c) => ({ id: c.id, version: c.version, reden })),
    });
    if (!r.ok) return showServerError(null, r.error);
    showSaved(`${r.value.count} afgewezen`);
    onDone();
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={`${claims.length} ${claims.length === 1 ? 'declaratie' : 'declaraties'} afwijzen`}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void reject();
        }}
        noValidate
      >
        <Stack gap="sm">
          <Textarea
            label="Reden (de sleutelpersoon leest deze)"
            autosize
            minRows={2}
            value={reden}
            onChange={(e) => setReden(e.currentTarget.value)}
          />
          <ModalActions onCancel={onClose} submit="Afwijzen" color="red" />
        </Stack>
      </form>
    </Modal>
  );
}
