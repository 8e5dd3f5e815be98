import { Stack, Text } from '@mantine/core';
import type { RowSelectionState } from '@tanstack/react-table';
import { useEffect, useMemo, useState } from 'react';
import type { Claim } from '../../../../shared/claims.ts';
import { useCan } from '../../lib/session.tsx';
import { ClaimForm } from './ClaimForm.tsx';
import type { RowActions } from './claim-columns.tsx';
import { QueueFilters } from './QueueFilters.tsx';
import { QueueTable } from './QueueTable.tsx';
import { ReceiptsModal } from './ReceiptsModal.tsx';
import { ReviewActions } from './ReviewActions.tsx';
import { SetReceiptsDialog } from './SetReceiptsDialog.tsx';
import type { ClaimsQueue } from './use-claims-queue.ts';

/**
 * The approval queue: what breaks a rule shows at once; approve the good ones together, reject with a reason.
 * The choice holds for the page on screen: another page, filter or sort starts with nothing chosen.
 */
export function ReviewView({ queue }: { queue: ClaimsQueue }) {
  const can = useCan();
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const [correcting, setCorrecting] = useState<Claim | null>(null);
  const [receiptsOf, setReceiptsOf] = useState<Claim | null>(null);
  const [addingReceiptsTo, setAddingReceiptsTo] = useState<Claim | null>(null);
  const inputKey = JSON.stringify(queue.input);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new page, filter or sort clears the choice.
  useEffect(() => setRowSelection({}), [inputKey]);

  const mayApprove = can('claims.approve');
  const mayCorrect = can('claims.correct');
  const mayReadReceipts = can('claims.receipts');
  const maySetReceipts = can('claims.setReceipts');
  const actions = useMemo<RowActions>(
    () => ({
      select: mayApprove,
      correct: mayCorrect ? setCorrecting : null,
      receipts: mayReadReceipts ? setReceiptsOf : null,
      setReceipts: maySetReceipts ? setAddingReceiptsTo : null,
    }),
    [mayApprove, mayCorrect, mayReadReceipts, maySetReceipts],
  );
  const rows = queue.data?.rows ?? [];
  const chosen = rows.filter((c) => rowSelection[c.id]);
  const changed = () => {
    setRowSelection({});
    void queue.reload();
  };

  return (
    <Stack>
      <QueueFilters queue={queue}>
        {mayApprove && (
          <ReviewActions chosen={chosen} onDone={changed} onRefused={() => void queue.reload()} />
        )}
      </QueueFilters>
      {queue.error && <Text c="red">{queue.error.message}</Text>}
      <QueueTable
        queue={queue}
        actions={actions}
        rowSelection={rowSelection}
        onRowSelectionChange={setRowSelection}
      />
      {receiptsOf && (
        <ReceiptsModal
          claimId={receiptsOf.id}
          onClose={() => setReceiptsOf(null)}
          onReplace={
            maySetReceipts && receiptsOf.status === 'ingediend'
              ? () => {
                  setReceiptsOf(null);
                  setAddingReceiptsTo(receiptsOf);
                }
              : null
          }
        />
      )}
      {addingReceiptsTo && (
        <SetReceiptsDialog
          claim={addingReceiptsTo}
          onClose={() => setAddingReceiptsTo(null)}
          onSaved={() => {
            setAddingReceiptsTo(null);
            // The choice stays: the rows come back with their new version.
            void queue.reload();
          }}
        />
      )}
      {correcting && (
        <ClaimForm
          claim={correcting}
          onClose={() => setCorrecting(null)}
          onSaved={() => {
            setCorrecting(null);
            changed();
          }}
        />
      )}
    </Stack>
  );
}
