import {
  ActionIcon,
  Badge,
  Button,
  Chip,
  Divider,
  Group,
  Modal,
  NumberInput,
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
import { dutchDate } from '../../../../shared/dates.ts';
import { formatCents } from '../../../../shared/format.ts';
import type { Inzet, InzetRequestOption } from '../../../../shared/inzet.ts';
import { knownRoles, leefgebieden } from '../../../../shared/profiles.ts';
import {
  type ActivityKind,
  activityKindLabels,
  activityKinds,
  type HulpvraagCategory,
  hulpvraagCategories,
  hulpvraagLabels,
  type OriginRegion,
  originRegionLabels,
  originRegions,
  type ReferralKind,
  referralKinds,
  referralLabels,
} from '../../../../shared/work-vocabulary.ts';
import { PeoplePicker } from '../../components/PersonPicker.tsx';
import { invoke } from '../../lib/api.ts';
import { DutchDateInput } from '../../lib/date-input.tsx';
import { DurationInput } from '../../lib/duration-input.tsx';
import { showSaved, showServerError } from '../../lib/forms.ts';
import { useSession } from '../../lib/session.tsx';
import { useCall } from '../../lib/use-call.ts';

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A row of chips for one list of the vocabulary: many can be picked, each with one click. */
function ChipRow<K extends string>({
  label,
  keys,
  labels,
  value,
  onChange,
  path,
  error,
}: {
  label: string;
  keys: readonly K[];
  labels: (k: K) => string;
  value: K[];
  onChange(v: K[]): void;
  path: string;
  error?: React.ReactNode;
}) {
  return (
    <Stack gap={4} data-path={path} tabIndex={-1}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <Chip.Group multiple value={value} onChange={(v) => onChange(v as K[])}>
        <Group gap={6}>
          {keys.map((k) => (
            <Chip key={k} value={k} size="xs" variant="outline">
              {labels(k)}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      {error && (
        <Text size="xs" c="red">
          {error}
        </Text>
      )}
    </Stack>
  );
}

type Values = {
  requestId: string | null;
  datum: string;
  minuten: number | null;
  soort: ActivityKind;
  personIds: string[];
  partnerId: string | null;
  projectId: string | null;
  gemeente: string;
  rollen: string[];
  leefgebieden: string[];
  bereikVolwassenen: number | '';
  bereikKinderen: number | '';
  bereikStatushouders: number | '';
  bereikProfessionals: number | '';
  herkomst: Partial<Record<OriginRegion, number | ''>>;
  talen: { waarde: string; aantal: number | '' }[];
  hulpvraag: HulpvraagCategory[];
  hulpvraagNotitie: string;
  doorverwijzing: ReferralKind[];
  uitkomst: string;
};

function initial(inzet: Inzet | null): Values {
  return {
    requestId: inzet?.requestId ?? null,
    datum: inzet?.datum ?? dutchDate(),
    minuten: inzet?.minuten ?? 60,
    soort: inzet?.soort ?? 'individuele_ondersteuning',
    personIds: inzet?.personen.map((p) => p.personId) ?? [],
    partnerId: inzet?.partnerId ?? null,
    projectId: inzet?.projectId ?? null,
    gemeente: inzet?.gemeente ?? '',
    rollen: inzet?.rollen ?? [],
    leefgebieden: inzet?.inhoud?.leefgebieden ?? [],
    bereikVolwassenen: inzet?.bereikVolwassenen ?? 1,
    bereikKinderen: inzet?.bereikKinderen ?? 0,
    bereikStatushouders: inzet?.bereikStatushouders ?? 0,
    bereikProfessionals: inzet?.bereikProfessionals ?? 0,
    herkomst: Object.fromEntries(inzet?.herkomst.map((h) => [h.waarde, h.aantal]) ?? []),
    talen: inzet?.talen ?? [],
    hulpvraag: inzet?.inhoud?.hulpvraag ?? [],
    hulpvraagNotitie: inzet?.inhoud?.hulpvraagNotitie ?? '',
    doorverwijzing: inzet?.inhoud?.doorverwijzing ?? [],
    uitkomst: inzet?.inhoud?.uitkomst ?? '',
  };
}

const n = (v: number | '') => (v === '' ? 0 : v);

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
  const form = useForm<Values>({ initialValues: initial(inzet) });
  const [saving, setSaving] = useState(false);
  const { data: partners } = useCall('ketenpartners.list', { metGearchiveerd: false });
  const { data: projects } = useCall('ketenpartners.projects', { metGearchiveerd: false });
  const { data: requests } = useCall('inzet.requests', {});
  const [names, setNames] = useState<Record<string, string>>(
    Object.fromEntries(inzet?.personen.map((p) => [p.personId, p.naam]) ?? []),
  );
  const v = form.values;
  const total = n(v.bereikVolwassenen) + n(v.bereikKinderen);

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
    const r = await invoke('inzet.save', {
      id: inzet?.id ?? null,
      version: inzet?.version ?? null,
      datum: values.datum,
      minuten: values.minuten ?? 0,
      personIds: values.personIds,
      partnerId: values.partnerId,
      requestId: values.requestId,
      projectId: values.projectId,
      soort: values.soort,
      gemeente: values.gemeente || null,
      rollen: values.rollen,
      leefgebieden: values.leefgebieden,
      bereikVolwassenen: n(values.bereikVolwassenen),
      bereikKinderen: n(values.bereikKinderen),
      bereikStatushouders: n(values.bereikStatushouders),
      bereikProfessionals: n(values.bereikProfessionals),
      herkomst: originRegions
        .filter((k) => n(values.herkomst[k] ?? '') > 0)
        .map((k) => ({ waarde: k, aantal: n(values.herkomst[k] ?? '') })),
      talen: values.talen
        .filter((t) => t.waarde.trim() !== '' && n(t.aantal) > 0)
        .map((t) => ({ waarde: t.waarde.trim(), aantal: n(t.aantal) })),
      hulpvraag: values.hulpvraag,
      hulpvraagNotitie: values.hulpvraagNotitie || null,
      doorverwijzing: values.doorverwijzing,
      uitkomst: values.uitkomst || null,
    });
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
  const count = (path: keyof Values, label: string, description?: string) => (
    <NumberInput
      label={label}
      description={description}
      min={0}
      max={10_000}
      allowDecimal={false}
      allowNegative={false}
      {...form.getInputProps(path)}
      data-path={path}
    />
  );

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
            labels={capital}
            value={v.rollen}
            onChange={(x) => form.setFieldValue('rollen', x)}
            path="rollen"
            error={form.errors.rollen}
          />
          <ChipRow
            label="Leefgebieden"
            keys={leefgebieden}
            labels={capital}
            value={v.leefgebieden as (typeof leefgebieden)[number][]}
            onChange={(x) => form.setFieldValue('leefgebieden', x)}
            path="leefgebieden"
          />

          <Divider label={`Bereik: ${total} ${total === 1 ? 'persoon' : 'mensen'}`} labelPosition="left" />
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
            {count('bereikVolwassenen', 'Volwassenen')}
            {count('bereikKinderen', 'Kinderen')}
            {count('bereikStatushouders', 'Waarvan statushouders')}
            {count('bereikProfessionals', 'Waarvan professionals')}
          </SimpleGrid>
          <Stack gap={4} data-path="herkomst" tabIndex={-1}>
            <Text size="sm" fw={500}>
              Naar herkomstregio (optioneel)
            </Text>
            <SimpleGrid cols={{ base: 2, sm: 4 }} spacing={6} verticalSpacing={4}>
              {originRegions.map((k) => (
                <NumberInput
                  key={k}
                  size="xs"
                  label={originRegionLabels[k]}
                  min={0}
                  allowDecimal={false}
                  allowNegative={false}
                  value={v.herkomst[k] ?? ''}
                  onChange={(x) => form.setFieldValue(`herkomst.${k}`, x === '' ? '' : Number(x))}
                />
              ))}
            </SimpleGrid>
            {form.errors.herkomst && (
              <Text size="xs" c="red">
                {form.errors.herkomst}
              </Text>
            )}
          </Stack>
          <Stack gap={4} data-path="talen" tabIndex={-1}>
            <Group gap="xs">
              <Text size="sm" fw={500}>
                Naar taal (optioneel)
              </Text>
              <Button
                size="compact-xs"
                variant="light"
                onClick={() => form.insertListItem('talen', { waarde: '', aantal: '' })}
              >
                Taal toevoegen
              </Button>
            </Group>
            {v.talen.map((t, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows without an id of their own, edited in place
              <Group key={i} gap="xs">
                <TextInput
                  size="xs"
                  aria-label={`Taal ${i + 1}`}
                  placeholder="Taal"
                  value={t.waarde}
                  onChange={(e) => form.setFieldValue(`talen.${i}.waarde`, e.currentTarget.value)}
                />
                <NumberInput
                  size="xs"
                  w={90}
                  aria-label={`Aantal in taal ${i + 1}`}
                  min={0}
                  allowDecimal={false}
                  value={t.aantal}
                  onChange={(x) => form.setFieldValue(`talen.${i}.aantal`, x === '' ? '' : Number(x))}
                />
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={`Taal ${i + 1} weghalen`}
                  onClick={() => form.removeListItem('talen', i)}
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
            {form.errors.talen && (
              <Text size="xs" c="red">
                {form.errors.talen}
              </Text>
            )}
          </Stack>

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
