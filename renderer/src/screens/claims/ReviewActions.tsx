import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import type { Claim } from '../../../../shared/claims.ts';
import { invoke } from '../../lib/api.ts';
import { showSaved, showServerError } from '../../lib/forms.ts';
import { RejectDialog } from './RejectDialog.tsx';

/** Approve the chosen claims together (all or nothing), or reject them with a reason. */
export function ReviewActions({ chosen, onDone }: { chosen: Claim[]; onDone(): void }) {
  const [rejecting, setRejecting] = useState(false);
  const approve = async () => {
    const r = await invoke('claims.approve', {
      items: chosen.map((c) => ({ id: c.id, version: c.version })),
    });
    if (!r.ok) return showServerError(null, r.error);
    showSaved(`${r.value.count} ${r.value.count === 1 ? 'declaratie' : 'declaraties'} goedgekeurd`);
    onDone();
  };
  return (
    <Group ml="auto" gap="sm">
      <Button disabled={chosen.length === 0} onClick={() => void approve()}>
        Goedkeuren ({chosen.length})
      </Button>
      <Button variant="default" color="red" disabled={chosen.length === 0} onClick={() => setRejecting(true)}>
        Afwijzen ({chosen.length})
      </Button>
      {rejecting && (
        <RejectDialog
          claims={chosen}
          onClose={() => setRejecting(false)}
          onDone={() => {
            setRejecting(false);
            onDone();
          }}
        />
      )}
    </Group>
  );
}
