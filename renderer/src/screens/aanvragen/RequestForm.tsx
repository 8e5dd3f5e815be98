import { Modal, MultiSelect, Select, SimpleGrid, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { RequestDetail } from '../../../../shared/aanvragen.ts';
import { dutchDate } from '../../../../shared/dates.ts';
import { capitalise } from '../../../../shared/format.ts';
import { genderLabels } from '../../../../shared/persons.ts';
import { leefgebieden } from '../../../../shared/profiles.ts';
import { type ActivityKind, activityKindLabels, activityKinds } from '../../../../shared/work-vocabulary.ts';
import { invoke } from '../../lib/api.ts';
import { DutchDateInput } from '../../lib/date-input.tsx';
import { DurationInput } from '../../lib/duration-input.tsx';
import { showSaved, showServerError } from '../../lib/forms.ts';
import { ModalActions } from '../../lib/modal-actions.tsx';
import { useCall } from '../../lib/use-call.ts';

interface Values {
  partnerId: string | null;
  projectId: string | null;
  ontvangenOp: string | null;
  gewenstVan: string | null;
  gewenstTot: string | null;
  plaats: string;
  gemeente: string;
  verplichteTalen: string[];
  wenstalen: string[];
  voorkeurGender: 'vrouw' | 'man' | null;
  voorkeurHerkomst: string;
  leefgebieden: string[];
  soortHulp: ActivityKind | null;
  verwachteMinuten: number | null;
  omschrijving: string;
}

export const activityOptions = activityKinds.map((k) => ({ value: k, label: activityKindLabels[k] }));

/** A request as it comes in (or its correction): who asks, when, where, in which language, for what. */
export function RequestForm({
  request,
  onClose,
  onSaved,
}: {
  request: RequestDetail | null;
  onClose(): void;
  onSaved(id: string): void;
}) {
  const { data: partners } = useCall('ketenpartners.list', { metGearchiveerd: true });
  const { data: projects } = useCall('ketenpartners.projects', { metGearchiveerd: true });
  const form = useForm<Values>({
    initialValues: {
      partnerId: request?.partnerId ?? null,
      projectId: request?.projectId ?? null,
      ontvangenOp: request?.ontvangenOp ?? dutchDate(),
      gewenstVan: request?.gewenstVan ?? null,
      gewenstTot: request?.gewenstTot ?? null,
      plaats: request?.plaats ?? '',
      gemeente: request?.gemeente ?? '',
      verplichteTalen: request?.talen.filter((t) => t.verplicht).map((t) => t.taal) ?? [],
      wenstalen: request?.talen.filter((t) => !t.verplicht).map((t) => t.taal) ?? [],
      voorkeurGender:
        request?.voorkeurGender === 'vrouw' || request?.voorkeurGender === 'man'
          ? request.voorkeurGender
          : null,
      voorkeurHerkomst: request?.voorkeurHerkomst ?? '',
      leefgebieden: request?.leefgebieden ?? [],
      soortHulp: request?.soortHulp ?? null,
      verwachteMinuten: request?.verwachteMinuten ?? null,
      omschrijving: request?.omschrijving ?? '',
    },
  });
  const v = form.values;
  const submit = form.onSubmit(async (values) => {
    const r = await invoke('aanvragen.save', {
      id: request?.id ?? null,
      version: request?.version ?? null,
      partnerId: values.partnerId,
      projectId: values.projectId,
      ontvangenOp: values.ontvangenOp ?? '',
      gewenstVan: values.gewenstVan || null,
      gewenstTot: values.gewenstTot || null,
      plaats: values.plaats,
      gemeente: values.gemeente,
      talen: [
        ...values.verplichteTalen.map((taal) => ({ taal, verplicht: true })),
        ...values.wenstalen.map((taal) => ({ taal, verplicht: false })),
      ],
      voorkeurGender: values.voorkeurGender,
      voorkeurHerkomst: values.voorkeurHerkomst,
      leefgebieden: values.leefgebieden as (typeof leefgebieden)[number][],
      soortHulp: (values.soortHulp ?? '') as ActivityKind,
      verwachteMinuten: values.verwachteMinuten,
      omschrijving: values.omschrijving,
    });
    if (!r.ok) {
      // The two language lists are one field for the main process.
      if (r.error.fields?.talen) form.setFieldError('verplichteTalen', r.error.fields.talen);
      return showServerError(form, r.error);
    }
    showSaved(request ? 'Aanvraag bijgewerkt' : 'Aanvraag vastgelegd');
    onSaved(r.value.id);
  });
  const inUse = <T extends { id: string; naam: string; gearchiveerd: boolean }>(
    list: T[] | null,
    current: string | null,
  ) =>
    (list ?? [])
      .filter((x) => !x.gearchiveerd || x.id === current)
      .map((x) => ({ value: x.id, label: x.naam }));
  return (
    <Modal opened onClose={onClose} title={request ? 'Aanvraag wijzigen' : 'Nieuwe aanvraag'} size="xl">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={3} spacing="sm">
            <Select
              label="Ketenpartner"
              placeholder="Inloop (geen partner)"
              description="Leeg voor iemand die zelf binnenliep"
              clearable
              searchable
              data={inUse(partners, v.partnerId)}
              {...form.getInputProps('partnerId')}
              data-path="partnerId"
            />
            <DutchDateInput
              label="Ontvangen op"
              required
              {...form.getInputProps('ontvangenOp')}
              data-path="ontvangenOp"
            />
            <Select
              label="Soort hulp"
              required
              data={activityOptions}
              {...form.getInputProps('soortHulp')}
              data-path="soortHulp"
            />
            <DutchDateInput
              label="Gewenst vanaf"
              {...form.getInputProps('gewenstVan')}
              data-path="gewenstVan"
            />
            <DutchDateInput
              label="Gewenst tot en met"
              description="Leeg bij één dag"
              {...form.getInputProps('gewenstTot')}
              data-path="gewenstTot"
            />
            <DurationInput
              label="Verwachte duur (uren:minuten)"
              value={v.verwachteMinuten}
              onChange={(m) => form.setFieldValue('verwachteMinuten', m)}
              error={form.errors.verwachteMinuten}
              data-path="verwachteMinuten"
            />
            <TextInput label="Plaats" {...form.getInputProps('plaats')} data-path="plaats" />
            <TextInput label="Gemeente" {...form.getInputProps('gemeente')} data-path="gemeente" />
            <Select
              label="Project"
              placeholder="Geen project"
              clearable
              data={inUse(projects, v.projectId)}
              {...form.getInputProps('projectId')}
              data-path="projectId"
            />
          </SimpleGrid>
          <SimpleGrid cols={2} spacing="sm">
            <TagsInput
              label="Talen die nodig zijn"
              description="Typ een taal en druk op Enter"
              {...form.getInputProps('verplichteTalen')}
              data-path="verplichteTalen"
            />
            <TagsInput
              label="Talen die helpen (wens)"
              description="Niet verplicht, wel een pluspunt"
              {...form.getInputProps('wenstalen')}
              data-path="wenstalen"
            />
            <Select
              label="Voorkeur geslacht"
              placeholder="Geen voorkeur"
              clearable
              data={(['vrouw', 'man'] as const).map((g) => ({ value: g, label: genderLabels[g] }))}
              {...form.getInputProps('voorkeurGender')}
              data-path="voorkeurGender"
            />
            <TextInput
              label="Voorkeur herkomst"
              placeholder="Geen voorkeur"
              {...form.getInputProps('voorkeurHerkomst')}
              data-path="voorkeurHerkomst"
            />
          </SimpleGrid>
          <MultiSelect
            label="Leefgebieden"
            data={leefgebieden.map((l) => ({ value: l, label: capitalise(l) }))}
            {...form.getInputProps('leefgebieden')}
            data-path="leefgebieden"
          />
          <Textarea
            label="Korte omschrijving"
            description="Zonder namen van cliënten of andere gegevens waaraan iemand te herkennen is: bijvoorbeeld ‘moeder met baby, uitleg over het consultatiebureau’."
            required
            autosize
            minRows={3}
            {...form.getInputProps('omschrijving')}
            data-path="omschrijving"
          />
          <ModalActions onCancel={onClose} submit={request ? 'Opslaan' : 'Aanvraag vastleggen'} />
        </Stack>
      </form>
    </Modal>
  );
}
