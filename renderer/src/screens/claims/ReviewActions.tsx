import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import type { Claim } from '../../../../shared/claims.ts';
import { invoke } from '../../lib/api.ts';
import { showSaved, showServerError } from '../../lib/forms.ts';
import { blocks } from './claim-columns.tsx';
import { RejectDialog } from './RejectDialog.tsx';

const declaraties = (n: number) => `${n} ${n === 1 ? 'declaratie' : 'declaraties'}`;

/**
 * Approve the chosen claims together (all or nothing), or reject them with a reason. Where some of the chosen
 * block (marked in the table with the reason), approving them all would be refused: the others are offered instead.
 * The queue's checks count each claim with the earlier ones in the list, so leaving out the ones that block never
 * makes another one block.
 */
export function ReviewActions({
  chosen,
  onDone,
  onRefused,
}: {
  chosen: Claim[];
  onDone(): void;
  /** The main process refused (the data moved on since the queue was read): read the queue again. */
  onRefused(): void;
}) {
  const [rejecting, setRejecting] = useState(false);
  const blocked = chosen.filter(blocks);
  const others = chosen.filter((c) => !blocks(c));
  const approve = async (claims: Claim[]) => {
    const r = await invoke('claims.approve', {
      items: claims.map((c) => ({ id: c.id, version: c.version })),
    });
    if (!r.ok) {
      showServerError(null, r.error);
      return onRefused();
    }
    showSaved(`${declaraties(r.value.count)} goedgekeurd`);
    onDone();
  };
  return (
    <Group ml="auto" gap="sm">
      {blocked.length === 0 ? (
        <Button disabled={chosen.length === 0} onClick={() => void approve(chosen)}>
          Goedkeuren ({chosen.length})
        </Button>
      ) : (
        <>
          <Text size="sm" c="red" role="status">
            {blocked.length} van de {chosen.length} gekozen {blocked.length === 1 ? 'blokkeert' : 'blokkeren'}
          </Text>
          <Button disabled={others.length === 0} onClick={() => void approve(others)}>
            {others.length === 0 ? 'Geen andere om goed te keuren' : `De andere ${others.length} goedkeuren`}
          </Button>
        </>
      )}
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
