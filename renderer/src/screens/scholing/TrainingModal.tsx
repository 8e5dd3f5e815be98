import { Group, Modal, NumberInput, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  type DurationUnit,
  type Provider,
  providerLabels,
  providers,
  type Training,
  type TrainingKind,
  trainingKindLabels,
  trainingKinds,
} from '../../../../shared/scholing.ts';
import { invoke } from '../../lib/api.ts';
import { EuroInput } from '../../lib/euro-input.tsx';
import { showSaved, showServerError } from '../../lib/forms.ts';
import { ModalActions } from '../../lib/modal-actions.tsx';

interface Values {
  naam: string;
  aanbieder: Provider;
  aanbiederAnders: string;
  soort: TrainingKind;
  duurEenheid: DurationUnit;
  duur: number | '';
  certificaat: boolean;
  geldigheidMaanden: number | '';
  kostenCents: number | null;
}

/** A training of the aanbod, new or changed. */
export function TrainingModal({
  training,
  onClose,
  onSaved,
}: {
  training: Training | null;
  onClose(): void;
  onSaved(): void;
}) {
  const form = useForm<Values>({
    initialValues: {
      naam: training?.naam ?? '',
      aanbieder: training?.aanbieder ?? 'pharos',
      aanbiederAnders: training?.aanbiederAnders ?? '',
      soort: training?.soort ?? 'bijscholing',
      duurEenheid: training?.duurEenheid ?? 'dagdelen',
      duur: training?.duur ?? 2,
      certificaat: training?.certificaat ?? false,
      geldigheidMaanden: training?.geldigheidMaanden ?? '',
      kostenCents: training?.kostenCents ?? 0,
    },
  });
  const v = form.values;
  const submit = form.onSubmit(async (values) => {
    const r = await invoke('scholing.saveTraining', {
      id: training?.id ?? null,
      version: training?.version ?? null,
      naam: values.naam,
      aanbieder: values.aanbieder,
      aanbiederAnders: values.aanbieder === 'anders' ? values.aanbiederAnders : null,
      soort: values.soort,
      duurEenheid: values.duurEenheid,
      duur: values.duur === '' ? 0 : values.duur,
      certificaat: values.certificaat,
      geldigheidMaanden:
        values.certificaat && values.geldigheidMaanden !== '' ? values.geldigheidMaanden : null,
      kostenCents: values.kostenCents ?? 0,
    });
    if (!r.ok) return showServerError(form, r.error);
    showSaved(training ? 'Training bijgewerkt' : 'Training toegevoegd aan het aanbod');
    onSaved();
  });
  return (
    <Modal opened onClose={onClose} title={training ? training.naam : 'Nieuwe training'} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label="Naam" {...form.getInputProps('naam')} data-path="naam" />
          <SimpleGrid cols={2} spacing="sm">
            <Select
              label="Soort"
              allowDeselect={false}
              data={trainingKinds.map((k) => ({ value: k, label: trainingKindLabels[k] }))}
              {...form.getInputProps('soort')}
              data-path="soort"
            />
            <Select
              label="Aanbieder"
              allowDeselect={false}
              data={providers.map((p) => ({ value: p, label: providerLabels[p] }))}
              {...form.getInputProps('aanbieder')}
              data-path="aanbieder"
            />
          </SimpleGrid>
          {v.aanbieder === 'anders' && (
            <TextInput
              label="Naam aanbieder"
              {...form.getInputProps('aanbiederAnders')}
              data-path="aanbiederAnders"
            />
          )}
          <SimpleGrid cols={2} spacing="sm">
            <NumberInput
              label="Duur"
              min={1}
              max={500}
              allowDecimal={false}
              {...form.getInputProps('duur')}
              data-path="duur"
            />
            <Select
              label="Duur in"
              allowDeselect={false}
              data={[
                { value: 'dagdelen', label: 'Dagdelen' },
                { value: 'uren', label: 'Uren' },
              ]}
              {...form.getInputProps('duurEenheid')}
            />
          </SimpleGrid>
          <Group grow align="flex-end">
            <Switch
              label="Geeft een certificaat"
              {...form.getInputProps('certificaat', { type: 'checkbox' })}
            />
            <NumberInput
              label="Geldigheid (maanden)"
              description="Leeg: blijft geldig"
              min={1}
              max={240}
              allowDecimal={false}
              disabled={!v.certificaat}
              {...form.getInputProps('geldigheidMaanden')}
              data-path="geldigheidMaanden"
            />
          </Group>
          <EuroInput
            label="Kosten per deelnemer"
            value={v.kostenCents}
            onChange={(c) => form.setFieldValue('kostenCents', c)}
            error={form.errors.kostenCents}
            data-path="kostenCents"
          />
          <ModalActions onCancel={onClose} submit="Opslaan" />
        </Stack>
      </form>
    </Modal>
  );
}
