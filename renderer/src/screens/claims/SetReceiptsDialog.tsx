import { FileInput, Modal, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { type Claim, maxReceiptBytes } from '../../../../shared/claims.ts';
import { capitalise, formatCents, formatDate } from '../../../../shared/format.ts';
import { invoke } from '../../lib/api.ts';
import { showSaved, showServerError } from '../../lib/forms.ts';
import { ModalActions } from '../../lib/modal-actions.tsx';
import { receiptAccept, toBase64 } from './receipt-files.ts';

/**
 * Receipts for a submitted claim after the fact: one entered or imported before its receipt came in, or one whose
 * receipt is wrong. The files chosen replace the ones the claim has; a file that is not a photo or a PDF is named.
 */
export function SetReceiptsDialog({
  claim,
  onClose,
  onSaved,
}: {
  claim: Claim;
  onClose(): void;
  onSaved(): void;
}) {
  const form = useForm<{ bonnen: File[] }>({ initialValues: { bonnen: [] } });
  const replacing = claim.bonnen > 0;
  const submit = form.onSubmit(async ({ bonnen }) => {
    if (bonnen.length === 0) return form.setFieldError('bonnen', 'Kies een foto of PDF van de bon');
    const tooBig = bonnen.findIndex((f) => f.size > maxReceiptBytes);
    if (tooBig >= 0) return form.setFieldError('bonnen', `${bonnen[tooBig]?.name}: bestand groter dan 5 MB`);
    const r = await invoke('claims.setReceipts', {
      id: claim.id,
      version: claim.version,
      bonnen: await Promise.all(bonnen.map(async (f) => ({ base64: await toBase64(f) }))),
    });
    if (!r.ok) {
      // A file's problem (bonnen.2) stands at the one field, naming the file.
      const problem = Object.entries(r.error.fields ?? {}).find(([field]) => field.startsWith('bonnen'));
      if (!problem) return showServerError(null, r.error);
      const [field, message] = problem;
      const file = bonnen[Number(field.split('.')[1])];
      return form.setFieldError('bonnen', file ? `${file.name}: ${message}` : capitalise(message));
    }
    showSaved(replacing ? 'Bon vervangen' : 'Bon toegevoegd');
    onSaved();
  });
  return (
    <Modal opened onClose={onClose} title={replacing ? 'Bon vervangen' : 'Bon toevoegen'}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            {claim.personNaam}, {formatDate(claim.datum)}: {claim.omschrijving} (
            {formatCents(claim.bedragCents)})
          </Text>
          <FileInput
            label="Bon (foto of PDF)"
            description={
              replacing
                ? `Vervangt ${claim.bonnen === 1 ? 'de bon' : `de ${claim.bonnen} bonnen`} die er nu bij ${claim.bonnen === 1 ? 'hoort' : 'horen'}.`
                : 'Tot vijf bestanden, elk hoogstens 5 MB.'
            }
            multiple
            clearable
            accept={receiptAccept}
            data-autofocus
            {...form.getInputProps('bonnen')}
            data-path="bonnen"
          />
          <ModalActions onCancel={onClose} submit={replacing ? 'Vervangen' : 'Toevoegen'} />
        </Stack>
      </form>
    </Modal>
  );
}
