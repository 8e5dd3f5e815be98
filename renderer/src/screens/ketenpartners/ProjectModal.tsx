import { Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Partner, Project } from '../../../../shared/ketenpartners.ts';
import { invoke } from '../../lib/api.ts';
import { DutchDateInput } from '../../lib/date-input.tsx';
import { EuroInput } from '../../lib/euro-input.tsx';
import { showSaved, showServerError } from '../../lib/forms.ts';
import { ModalActions } from '../../lib/modal-actions.tsx';

interface Values {
  naam: string;
  partnerId: string | null;
  gemeente: string;
  startdatum: string | null;
  einddatum: string | null;
  budgetCents: number | null;
}

/** A project or subsidie: its funder (a ketenpartner, if in the register), period and budget. */
export function ProjectModal({
  project,
  partners,
  onClose,
  onSaved,
}: {
  project: Project | null;
  partners: Partner[];
  onClose(): void;
  onSaved(): void;
}) {
  const form = useForm<Values>({
    initialValues: {
      naam: project?.naam ?? '',
      partnerId: project?.partnerId ?? null,
      gemeente: project?.gemeente ?? '',
      startdatum: project?.startdatum ?? null,
      einddatum: project?.einddatum ?? null,
      budgetCents: project?.budgetCents ?? 0,
    },
  });
  const submit = form.onSubmit(async (v) => {
    const r = await invoke('ketenpartners.saveProject', {
      id: project?.id ?? null,
      version: project?.version ?? null,
      naam: v.naam,
      partnerId: v.partnerId,
      gemeente: v.gemeente,
      startdatum: v.startdatum ?? '',
      einddatum: v.einddatum,
      budgetCents: v.budgetCents ?? 0,
    });
    if (!r.ok) return showServerError(form, r.error);
    showSaved(project ? 'Project bijgewerkt' : 'Project toegevoegd');
    onSaved();
  });
  const funders = partners
    .filter((p) => !p.gearchiveerd || p.id === project?.partnerId)
    .map((p) => ({ value: p.id, label: p.naam }));
  return (
    <Modal opened onClose={onClose} title={project ? project.naam : 'Nieuw project of subsidie'} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label="Naam" required {...form.getInputProps('naam')} data-path="naam" />
          <SimpleGrid cols={2} spacing="sm">
            <Select
              label="Financier"
              description="Een ketenpartner uit het register (niet verplicht)"
              clearable
              searchable
              data={funders}
              {...form.getInputProps('partnerId')}
              data-path="partnerId"
            />
            <TextInput label="Gemeente" {...form.getInputProps('gemeente')} data-path="gemeente" />
            <DutchDateInput
              label="Begindatum"
              required
              {...form.getInputProps('startdatum')}
              data-path="startdatum"
            />
            <DutchDateInput label="Einddatum" {...form.getInputProps('einddatum')} data-path="einddatum" />
            <EuroInput
              label="Budget"
              value={form.values.budgetCents}
              onChange={(c) => form.setFieldValue('budgetCents', c)}
              error={form.errors.budgetCents}
              data-path="budgetCents"
            />
          </SimpleGrid>
          <ModalActions onCancel={onClose} submit="Opslaan" />
        </Stack>
      </form>
    </Modal>
  );
}
