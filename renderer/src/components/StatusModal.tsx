import { Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { dutchDate } from '../../../shared/dates.ts';
import type { OutflowKind } from '../../../shared/doorgroei.ts';
import { fieldLabels } from '../../../shared/field-labels.ts';
import { type Person, type PersonStatus, personStatuses, statusLabels } from '../../../shared/persons.ts';
import { invoke } from '../lib/api.ts';
import { DutchDateInput } from '../lib/date-input.tsx';
import { showSaved, showServerError } from '../lib/forms.ts';
import { useCan } from '../lib/session.tsx';
import { OutflowFields } from '../screens/doorgroei/OutflowFields.tsx';

export function StatusModal({
  person,
  opened,
  onClose,
  onSaved,
}: {
  person: Person;
  opened: boolean;
  onClose(): void;
  onSaved(): void;
}) {
  const can = useCan();
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: {
      status: person.status as PersonStatus,
      datum: dutchDate(),
      toelichting: '',
      uitstroom: { vervolg: null as OutflowKind | null, toelichting: '' },
    },
  });
  // Stopping asks what the person goes on to (doorgroei); it may stay open and be recorded later.
  const asksOutflow = form.values.status === 'gestopt' && can('doorgroei.addOutflow');
  const submit = form.onSubmit(async ({ uitstroom, ...values }) => {
    setBusy(true);
    const r = await invoke('persons.setStatus', {
      ...values,
      id: person.id,
      version: person.version,
      uitstroom: asksOutflow && uitstroom.vervolg ? { ...uitstroom, vervolg: uitstroom.vervolg } : null,
    });
    setBusy(false);
    if (r.ok) {
      showSaved('Status gewijzigd');
      form.setFieldValue('toelichting', '');
      onSaved();
    } else showServerError(form, r.error);
  });
  return (
    <Modal opened={opened} onClose={onClose} title={`Status van ${person.naam}`}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Select
            label={fieldLabels.status}
            data={personStatuses.map((s) => ({ value: s, label: statusLabels[s] }))}
            allowDeselect={false}
            {...form.getInputProps('status')}
          />
          <DutchDateInput
            label="Per datum"
            clearable={false}
            {...form.getInputProps('datum')}
            data-path="datum"
          />
          <Textarea
            label={fieldLabels.toelichting}
            autosize
            minRows={2}
            {...form.getInputProps('toelichting')}
          />
          {asksOutflow && <OutflowFields form={form} prefix="uitstroom." optional />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Annuleren
            </Button>
            <Button type="submit" loading={busy}>
              Opslaan
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
