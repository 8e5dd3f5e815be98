import { Modal, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { dutchDate } from '../../../../shared/dates.ts';
import { scholingRules, type TrainingSession } from '../../../../shared/scholing.ts';
import { PeoplePicker } from '../../components/PersonPicker.tsx';
import { invoke } from '../../lib/api.ts';
import { DutchDateInput } from '../../lib/date-input.tsx';
import { showSaved, showServerError } from '../../lib/forms.ts';
import { ModalActions } from '../../lib/modal-actions.tsx';
import { useCall } from '../../lib/use-call.ts';
import { trainingOptions } from './training-options.ts';

/** Plans a group training (or changes a planned one): training, date, place, trainer and who is invited. */
export function SessionModal({
  session,
  onClose,
  onDone,
}: {
  session: TrainingSession | null;
  onClose(): void;
  onDone(): void;
}) {
  const { data: catalogue } = useCall('scholing.catalogue', {});
  const form = useForm({
    initialValues: {
      trainingId: session?.trainingId ?? (null as string | null),
      datum: session?.datum ?? dutchDate(),
      plaats: session?.plaats ?? '',
      trainer: session?.trainer ?? '',
      minimumDeelnemers: (session?.minimumDeelnemers ?? scholingRules.defaultMinimumAttendees) as number | '',
      deelnemers: session?.deelnemers.map((d) => d.personId) ?? [],
    },
  });
  const submit = form.onSubmit(async (v) => {
    const r = await invoke('scholing.saveSession', {
      id: session?.id ?? null,
      version: session?.version ?? null,
      trainingId: v.trainingId ?? '',
      datum: v.datum,
      plaats: v.plaats,
      trainer: v.trainer || null,
      minimumDeelnemers: v.minimumDeelnemers === '' ? 0 : v.minimumDeelnemers,
      deelnemers: v.deelnemers,
    });
    if (!r.ok) return showServerError(form, r.error);
    showSaved(session ? 'Groepstraining bijgewerkt' : 'Groepstraining gepland bij elke deelnemer');
    onDone();
  });
  const options = trainingOptions(
    catalogue,
    session && { id: session.trainingId, naam: session.trainingNaam },
  );
  return (
    <Modal
      opened
      onClose={onClose}
      title={session ? `${session.trainingNaam} wijzigen` : 'Groepstraining plannen'}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Select
            label="Training"
            placeholder="Kies uit het aanbod"
            searchable
            data={options}
            nothingFoundMessage="Niet in het aanbod"
            {...form.getInputProps('trainingId')}
            data-path="trainingId"
          />
          <SimpleGrid cols={2} spacing="sm">
            <DutchDateInput
              label="Datum"
              clearable={false}
              {...form.getInputProps('datum')}
              data-path="datum"
            />
            <NumberInput
              label="Minimum aantal deelnemers"
              min={1}
              max={100}
              allowDecimal={false}
              {...form.getInputProps('minimumDeelnemers')}
              data-path="minimumDeelnemers"
            />
            <TextInput label="Plaats" {...form.getInputProps('plaats')} data-path="plaats" />
            <TextInput label="Trainer" {...form.getInputProps('trainer')} data-path="trainer" />
          </SimpleGrid>
          <PeoplePicker
            label="Deelnemers"
            status={['aangemeld', 'intake', 'actief', 'gepauzeerd']}
            knownNames={Object.fromEntries(session?.deelnemers.map((d) => [d.personId, d.naam]) ?? [])}
            value={form.values.deelnemers}
            onChange={(ids) => form.setFieldValue('deelnemers', ids)}
            error={form.errors.deelnemers}
            data-path="deelnemers"
          />
          <ModalActions onCancel={onClose} submit={session ? 'Opslaan' : 'Plannen'} />
        </Stack>
      </form>
    </Modal>
  );
}
