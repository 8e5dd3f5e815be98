import { Modal, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { Outflow, OutflowKind } from '../../../../shared/doorgroei.ts';
import { invoke } from '../../lib/api.ts';
import { DutchDateInput } from '../../lib/date-input.tsx';
import { showSaved, showServerError } from '../../lib/forms.ts';
import { ModalActions } from '../../lib/modal-actions.tsx';
import { OutflowFields } from './OutflowFields.tsx';

/** Records an uitstroom for someone who stopped without one, or corrects one recorded earlier. */
export function OutflowModal({
  personId,
  outflow,
  datum,
  onClose,
  onSaved,
}: {
  personId: string;
  /** The uitstroom to edit; null to record one. */
  outflow: Outflow | null;
  /** The date a new one starts with: the day the person stopped. */
  datum: string;
  onClose(): void;
  onSaved(): void;
}) {
  const [busy, setBusy] = useState(false);
  const form = useForm<{ datum: string; vervolg: OutflowKind | null; toelichting: string }>({
    initialValues: {
      datum: outflow?.datum ?? datum,
      vervolg: outflow?.vervolg ?? null,
      toelichting: outflow?.toelichting ?? '',
    },
  });
  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    const fields = { ...values, vervolg: values.vervolg as OutflowKind };
    const r = outflow
      ? await invoke('doorgroei.updateOutflow', { ...fields, id: outflow.id, version: outflow.version })
      : await invoke('doorgroei.addOutflow', { ...fields, personId });
    setBusy(false);
    if (!r.ok) return showServerError(form, r.error);
    showSaved('Uitstroom opgeslagen');
    onSaved();
  });
  return (
    <Modal opened onClose={onClose} title={outflow ? 'Uitstroom wijzigen' : 'Uitstroom vastleggen'}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <DutchDateInput
            label="Datum"
            clearable={false}
            {...form.getInputProps('datum')}
            data-path="datum"
          />
          <OutflowFields form={form} prefix="" />
          <ModalActions onCancel={onClose} submit="Opslaan" loading={busy} />
        </Stack>
      </form>
    </Modal>
  );
}
