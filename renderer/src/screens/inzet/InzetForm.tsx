import {
  Badge,
  Button,
  Chip,
  Divider,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { claimStatusLabels } from '../../../../shared/claims.ts';
import { capitalise, formatCents } from '../../../../shared/format.ts';
import type { Inzet, InzetRequestOption } from '../../../../shared/inzet.ts';
import { knownRoles, leefgebieden } from '../../../../shared/profiles.ts';
import {
  type ActivityKind,
  activityKindLabels,
  activityKinds,
  hulpvraagCategories,
  hulpvraagLabels,
  referralKinds,
  referralLabels,
} from '../../../../shared/work-vocabulary.ts';
import { ChipRow } from '../../components/ChipRow.tsx';
import { PeoplePicker } from '../../components/PersonPicker.tsx';
import { invoke } from '../../lib/api.ts';
import { DutchDateInput } from '../../lib/date-input.tsx';
import { DurationInput } from '../../lib/duration-input.tsx';
import { showSaved, showServerError } from '../../lib/forms.ts';
import { useSession } from '../../lib/session.tsx';
import { useCall } from '../../lib/use-call.ts';
import { type InzetFormValues, initialValues, saveInput } from './inzet-form-values.ts';
import { ReachFields } from './ReachFields.tsx';

/** The begeleider's own people as one-click chips: the people they record inzet for all day. */
function OwnPeople({
  value,
  onChange,
}: {
  value: string[];
  onChange(ids: string[], names: Record<string, string>): void;
}) {
  const { account } = useSession();
  const { data } = useCall(
    'begeleiding.caseload',
    account.role === 'begeleider' ? { begeleiderId: account.id } : null,
  );
  if (!data || data.length === 0) return null;
  return (
    <Group gap={6} aria-label="Mijn sleutelpersonen">
      <Text size="xs" c="dimmed">
        Mijn mensen:
      </Text>
      {data.map((p) => (
        <Chip
          key={p.personId}
          size="xs"
          checked={value.includes(p.personId)}
          onChange={(on) =>
            onChange(on ? [...value, p.personId] : value.filter((id) => id !== p.personId), {
              [p.personId]: p.naam,
            })
          }
        >
          {p.naam}
        </Chip>
      ))}
    </Group>
  );
}

/**
 * Records one activity, or changes one: fast to fill in all day (today, an hour, the begeleider's own people one
 * click away, chips for every list). Picking a request fills in its partner, project, kind and people.
 */
export function InzetForm({
  inzet,
  onClose,
  onSaved,
}: {
  inzet: Inzet | null;
  onClose(): void;
  onSaved(): void;
}) {
  const form = useForm<InzetFormValues>({ initialValues: initialValues(inzet) });
  const [saving, setSaving] = useState(false);
  const { data: partners } = useCall('ketenpartners.list', { metGearchiveerd: false });
  const { data: projects } = useCall('ketenpartners.projects', { metGearchiveerd: false });
  const { data: requests } = useCall('inzet.requests', {});
  const [names, setNames] = useState<Record<string, string>>(
    Object.fromEntries(inzet?.personen.map((p) => [p.personId, p.naam]) ?? []),
  );
  const v = form.values;

  const pickRequest = (id: string | null) => {
    form.setFieldValue('requestId', id);
    const r = requests?.find((x: InzetRequestOption) => x.id === id);
    if (!r) return;
    if (r.partnerId) form.setFieldValue('partnerId', r.partnerId);
    if (r.projectId) form.setFieldValue('projectId', r.projectId);
    if ((activityKinds as readonly string[]).includes(r.soortHulp))
      form.setFieldValue('soort', r.soortHulp as ActivityKind);
    if (r.gemeente) form.setFieldValue('gemeente', r.gemeente);
    if (r.personIds.length > 0) form.setFieldValue('personIds', r.personIds);
  };

  const submit = form.onSubmit(async (values) => {
    setSaving(true);
    const r = await invoke('inzet.save', saveInput(values, inzet));
    setSaving(false);
    if (!r.ok) return showServerError(form, r.error);
    showSaved(inzet ? 'Inzet bijgewerkt' : 'Inzet vastgelegd');
    onSaved();
  });

  const remove = async () => {
    if (!inzet) return;
    const r = await invoke('inzet.remove', { id: inzet.id, version: inzet.version });
    if (!r.ok) return showServerError(null, r.error);
    showSaved('Inzet verwijderd');
    onSaved();
  };

  const requestOptions = (requests ?? []).map((r) => ({
    value: r.id,
    label: `${r.status === 'gematcht' ? 'Gematcht' : 'Nieuw'} · ${r.partnerNaam ?? 'inloop'} · ${r.omschrijving.slice(0, 60)}`,
  }));

  return (
    <Modal opened onClose={onClose} title={inzet ? 'Inzet wijzigen' : 'Inzet vastleggen'} size={900}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {requestOptions.length > 0 && (
            <Select
              label="Aanvraag"
              description="Kies een aanvraag om ketenpartner, project, soort en sleutelpersonen over te nemen"
              placeholder="Geen aanvraag"
              clearable
              clearButtonProps={{ 'aria-label': 'Aanvraag wissen' }}
              searchable
              data={requestOptions}
              value={v.requestId}
              onChange={pickRequest}
              data-path="requestId"
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <DutchDateInput
              label="Datum"
              clearable={false}
              {...form.getInputProps('datum')}
              data-path="datum"
            />
            <DurationInput
              label="Duur"
              placeholder="uu:mm, bijvoorbeeld 1:30"
              value={v.minuten}
              onChange={(m) => form.setFieldValue('minuten', m)}
              error={form.errors.minuten}
              data-path="minuten"
            />
            <Select
              label="Soort activiteit"
              allowDeselect={false}
              data={activityKinds.map((k) => ({ value: k, label: activityKindLabels[k] }))}
              {...form.getInputProps('soort')}
              data-path="soort"
            />
          </SimpleGrid>
          <PeoplePicker
            label="Sleutelpersonen"
            status={['actief', 'intake', 'aangemeld', 'gepauzeerd']}
            knownNames={names}
            value={v.personIds}
            onChange={(ids) => form.setFieldValue('personIds', ids)}
            error={form.errors.personIds}
            data-path="personIds"
          />
          <OwnPeople
            value={v.personIds}
            onChange={(ids, known) => {
              setNames((old) => ({ ...old, ...known }));
              form.setFieldValue('personIds', ids);
            }}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Select
              label="Ketenpartner"
              placeholder="Geen"
              clearable
              clearButtonProps={{ 'aria-label': 'Ketenpartner wissen' }}
              searchable
              data={(partners ?? []).map((p) => ({ value: p.id, label: p.naam }))}
              {...form.getInputProps('partnerId')}
              data-path="partnerId"
            />
            <Select
              label="Project"
              placeholder="Geen"
              clearable
              clearButtonProps={{ 'aria-label': 'Project wissen' }}
              searchable
              data={(projects ?? []).map((p) => ({ value: p.id, label: p.naam }))}
              {...form.getInputProps('projectId')}
              data-path="projectId"
            />
            <TextInput label="Gemeente" {...form.getInputProps('gemeente')} data-path="gemeente" />
          </SimpleGrid>
          <ChipRow
            label="Rollen"
            keys={knownRoles}
            labels={capitalise}
            value={v.rollen}
            onChange={(x) => form.setFieldValue('rollen', x)}
            path="rollen"
            error={form.errors.rollen}
          />
          <ChipRow
            label="Leefgebieden"
            keys={leefgebieden}
            labels={capitalise}
            value={v.leefgebieden as (typeof leefgebieden)[number][]}
            onChange={(x) => form.setFieldValue('leefgebieden', x)}
            path="leefgebieden"
          />

          <ReachFields form={form} />

          <Divider label="Hulpvraag en resultaat" labelPosition="left" />
          <ChipRow
            label="Hulpvraag"
            keys={hulpvraagCategories}
            labels={(k) => hulpvraagLabels[k]}
            value={v.hulpvraag}
            onChange={(x) => form.setFieldValue('hulpvraag', x)}
            path="hulpvraag"
          />
          <Textarea
            label="Notitie bij de hulpvraag"
            description="Kort en zonder namen of andere gegevens waaraan iemand te herkennen is."
            autosize
            minRows={1}
            maxLength={300}
            {...form.getInputProps('hulpvraagNotitie')}
            data-path="hulpvraagNotitie"
          />
          <ChipRow
            label="Doorverwezen naar"
            keys={referralKinds}
            labels={(k) => referralLabels[k]}
            value={v.doorverwijzing}
            onChange={(x) => form.setFieldValue('doorverwijzing', x)}
            path="doorverwijzing"
          />
          <Textarea
            label="Uitkomst"
            autosize
            minRows={1}
            maxLength={500}
            {...form.getInputProps('uitkomst')}
            data-path="uitkomst"
          />

          {inzet?.personen.some((p) => p.claim) && (
            <Stack gap={2}>
              <Text size="sm" fw={500}>
                Voorbereide declaraties
              </Text>
              {inzet.personen
                .filter((p) => p.claim)
                .map((p) => (
                  <Group key={p.personId} gap="xs">
                    <Text size="sm">{p.naam}</Text>
                    <Text size="sm">{formatCents(p.claim?.bedragCents ?? 0)}</Text>
                    <Badge variant="light" size="sm">
                      {p.claim ? claimStatusLabels[p.claim.status] : ''}
                    </Badge>
                  </Group>
                ))}
            </Stack>
          )}
          <Group justify="space-between">
            <div>
              {inzet && (
                <Button variant="subtle" color="red" onClick={remove}>
                  Verwijderen
                </Button>
              )}
            </div>
            <Group>
              <Button variant="default" onClick={onClose}>
                Annuleren
              </Button>
              <Button type="submit" loading={saving}>
                {inzet ? 'Opslaan' : 'Vastleggen'}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
