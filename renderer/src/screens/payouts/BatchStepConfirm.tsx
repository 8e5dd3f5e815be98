import { Modal, Stack, Text } from '@mantine/core';
import type { FormEvent } from 'react';
import { formatCents } from '../../../../shared/format.ts';
import type { PayoutBatch } from '../../../../shared/payouts.ts';
import { ModalActions } from '../../lib/modal-actions.tsx';

export type BatchStep = 'payouts.submit' | 'payouts.paid' | 'payouts.cancel';

const steps: Record<
  BatchStep,
  { title: string; submit: string; color?: string; text(b: PayoutBatch): string }
> = {
  'payouts.submit': {
    title: 'Aangeboden aan de bank?',
    submit: 'Ja, aangeboden',
    text: (b) =>
      `Leg vast dat betaalbatch ${b.nummer} (${b.aantal} ${b.aantal === 1 ? 'betaling' : 'betalingen'}, ${formatCents(b.totaalCents)}) bij de bank is ingediend. Daarna kan de batch niet meer worden geannuleerd.`,
  },
  'payouts.paid': {
    title: 'Betaald?',
    submit: 'Ja, betaald',
    text: (b) =>
      `Leg vast dat de bank betaalbatch ${b.nummer} (${formatCents(b.totaalCents)}) heeft uitgevoerd. De declaraties worden als betaald vastgelegd; dat kan niet ongedaan worden gemaakt.`,
  },
  'payouts.cancel': {
    title: 'Batch annuleren?',
    submit: 'Batch annuleren',
    color: 'red',
    text: (b) =>
      `Betaalbatch ${b.nummer} vervalt en de declaraties erin gaan terug naar goedgekeurd. Bied het SEPA-bestand van deze batch dan niet meer aan de bank aan.`,
  },
};

/** A batch's next step cannot be undone (or not easily): it is confirmed, with what it means, before it is taken. */
export function BatchStepConfirm({
  batch,
  step,
  onConfirm,
  onClose,
}: {
  batch: PayoutBatch;
  step: BatchStep;
  onConfirm(): void;
  onClose(): void;
}) {
  const { title, submit, color, text } = steps[step];
  const confirm = (e: FormEvent) => {
    e.preventDefault();
    onConfirm();
  };
  return (
    <Modal opened onClose={onClose} title={title}>
      <form onSubmit={confirm}>
        <Stack>
          <Text size="sm">{text(batch)}</Text>
          <ModalActions onCancel={onClose} submit={submit} color={color} />
        </Stack>
      </form>
    </Modal>
  );
}
