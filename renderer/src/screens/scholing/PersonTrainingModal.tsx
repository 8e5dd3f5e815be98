import { Modal, Select, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { formatDate } from '../../../../shared/format.ts';
import type { Person } from '../../../../shared/persons.ts';
import {
  certificateExpiry,
  type PersonTraining,
  type TrainingStatus,
  trainingStatuses,
  trainingStatusLabels,
} from '../../../../shared/scholing.ts';
import { invoke } from '../../lib/api.ts';
import { DutchDateInput } from '../../lib/date-input.tsx';
import { DurationInput } from '../../lib/duration-input.tsx';
import { showSaved, showServerError } from '../../lib/forms.ts';
import { ModalActions } from '../../lib/modal-actions.tsx';
import { useCall } from '../../lib/use-call.ts';
import { trainingOptions } from './training-options.ts';

interface Values {
  trainingId: string | null;
  status: TrainingStatus;
  startdatum: string | null;
  einddatum: string | null;
  minuten: number | null;
  verloopdatum: string | null;
  notitie: string;
}

/** One training of a person: planned, bezig, afgerond or gestopt. The expiry is computed unless entered. */
export function PersonTrainingModal({
  person,
  training,
  onClose,
  onSaved,
}: {
  person: Person;
  training: PersonTraining | null;
  onClose(): void;
  onSaved(): void;
}) {
  const { data: catalogue } = useCall('scholing.catalogue', {});
  const validity = (id: string | null) => {
    const t = catalogue?.find((c) => c.id === id);
    if (t) return t.certificaat ? t.geldigheidMaanden : null;
    return id === training?.trainingId ? training.geldigheidMaanden : null;
  };
  // An expiry equal to the computed one is shown as computed, so a changed date moves it along.
  const computed = (t: PersonTraining) =>
    t.einddatum && t.geldigheidMaanden ? certificateExpiry(t.einddatum, t.geldigheidMaanden) : null;
  const form = useForm<Values>({
    initialValues: {
      trainingId: training?.trainingId ?? null,
      status: training?.status ?? 'gepland',
      startdatum: training?.startdatum ?? null,
      einddatum: training?.einddatum ?? null,
      minuten: training?.minuten ?? null,
      verloopdatum: training && training.verloopdatum !== computed(training) ? training.verloopdatum : null,
      notitie: training?.notitie ?? '',
    },
  });
  const v = form.values;
  const months = validity(v.trainingId);
  const ended = v.status === 'afgerond' || v.status === 'gestopt';
  const submit = form.onSubmit(async (values) => {
    const done = values.status === 'afgerond' || values.status === 'gestopt';
    const r = await invoke('scholing.saveForPerson', {
      id: training?.id ?? null,
      version: training?.version ?? null,
      personId: person.id,
      trainingId: values.trainingId ?? '',
      status: values.status,
      startdatum: values.startdatum || null,
      einddatum: done ? values.einddatum || null : null,
      minuten: values.minuten,
      verloopdatum: values.status === 'afgerond' ? values.verloopdatum || null : null,
      notitie: values.notitie || null,
    });
    if (!r.ok) return showServerError(form, r.error);
    showSaved(training ? 'Training bijgewerkt' : 'Training vastgelegd');
    onSaved();
  });
  const options = trainingOptions(catalogue, training && { id: training.trainingId, naam: training.naam });
  return (
    <Modal opened onClose={onClose} title={training ? training.naam : 'Training toevoegen'} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={2} spacing="sm">
            <Select
              label="Training"
              placeholder="Kies uit het aanbod"
              searchable
              data={options}
              nothingFoundMessage="Niet in het aanbod"
              {...form.getInputProps('trainingId')}
              data-path="trainingId"
            />
            <Select
              label="Status"
              allowDeselect={false}
              data={trainingStatuses.map((s) => ({ value: s, label: trainingStatusLabels[s] }))}
              {...form.getInputProps('status')}
              data-path="status"
            />
            <DutchDateInput label="Begindatum" {...form.getInputProps('startdatum')} data-path="startdatum" />
            <DutchDateInput
              label={v.status === 'gestopt' ? 'Gestopt op' : 'Afgerond op'}
              disabled={!ended}
              {...form.getInputProps('einddatum')}
              data-path="einddatum"
            />
            <DurationInput
              label="Tijd (uren:minuten)"
              value={v.minuten}
              onChange={(m) => form.setFieldValue('minuten', m)}
              error={form.errors.minuten}
              data-path="minuten"
            />
            <DutchDateInput
              label="Certificaat geldig tot"
              disabled={v.status !== 'afgerond'}
              placeholder={
                months && v.einddatum ? formatDate(certificateExpiry(v.einddatum, months)) : undefined
              }
              description={
                months ? `Leeg: afronddatum + ${months} maanden` : 'Leeg: het certificaat blijft geldig'
              }
              {...form.getInputProps('verloopdatum')}
              data-path="verloopdatum"
            />
          </SimpleGrid>
          <Textarea
            label="Notitie"
            autosize
            minRows={2}
            {...form.getInputProps('notitie')}
            data-path="notitie"
          />
          <ModalActions onCancel={onClose} submit="Opslaan" />
        </Stack>
      </form>
    </Modal>
  );
}
