import {
  Alert,
  Button,
  Checkbox,
  Grid,
  Group,
  Loader,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import type { Contract, ContractCheck } from '../../../../shared/contracts.ts';
import { fieldLabels as L } from '../../../../shared/field-labels.ts';
import type { Person } from '../../../../shared/persons.ts';
import { commonLanguages } from '../../../../shared/persons.ts';
import {
  allowanceUnitLabels,
  allowanceUnits,
  contractForms,
  type Profile,
  type ProfileField,
} from '../../../../shared/profiles.ts';
import type { AppError } from '../../../../shared/result.ts';
import { DocumentPreview } from '../../components/DocumentPreview.tsx';
import { invoke } from '../../lib/api.ts';
import { DutchDateInput } from '../../lib/date-input.tsx';
import { EuroInput } from '../../lib/euro-input.tsx';
import { showSaved, showServerError } from '../../lib/forms.ts';
import { navigate } from '../../lib/route.ts';
import { useCall } from '../../lib/use-call.ts';
import { defaultValues, type EditorValues, toDraft, valuesFromDraft } from './contract-values.ts';
import { FiscalPanel } from './FiscalPanel.tsx';

interface Props {
  person: Person;
  /** The concept being edited, or null for a new contract. */
  existing: Contract | null;
  /** Start the new contract from this one (doorgroei): same profile and fill-in values. */
  from: Contract | null;
  onSaved(id: string): void;
}

const shortFormLabels = {
  vrijwilligersovereenkomst: 'Vrijwilliger',
  arbeidsovereenkomst: 'Arbeidsovereenkomst',
  stage: 'Stage',
  opdracht: 'Opdracht (zzp)',
} as const;

function FillInField({
  field,
  value,
  onChange,
  error,
}: {
  field: ProfileField;
  value: unknown;
  onChange(v: string | number | string[]): void;
  error?: string;
}) {
  const common = {
    label: field.label,
    required: field.verplicht,
    error,
    'data-path': `velden.${field.naam}`,
  };
  switch (field.soort) {
    case 'tekst':
      return (
        <TextInput
          {...common}
          value={String(value ?? '')}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'lange_tekst':
      return (
        <Textarea
          {...common}
          autosize
          minRows={2}
          value={String(value ?? '')}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'getal':
      return (
        <NumberInput
          {...common}
          value={typeof value === 'number' ? value : ''}
          onChange={(v) => onChange(v === '' ? '' : Number(v))}
          min={0}
        />
      );
    case 'keuze':
      return (
        <Select
          {...common}
          data={field.keuzes}
          value={typeof value === 'string' ? value : null}
          onChange={(v) => onChange(v ?? '')}
        />
      );
    case 'talen':
      return (
        <TagsInput
          {...common}
          data={commonLanguages}
          value={Array.isArray(value) ? value : []}
          onChange={onChange}
        />
      );
  }
}

export function ContractEditor({ person, existing, from, onSaved }: Props) {
  const profiles = useCall('profiles.list', {});
  const firstProfileId = profiles.data?.[0]?.id ?? null;
  const [profileId, setProfileId] = useState<string | null>(null);
  const profile = useCall('profiles.get', profileId ? { id: profileId } : null);
  const staff = useCall('accounts.staff', {});

  // Which profile: the one the draft was made from, else the first in the library.
  useEffect(() => {
    if (profileId || !profiles.data) return;
    const source = existing ?? from;
    setProfileId(source ? source.profileId : firstProfileId);
  }, [profiles.data, profileId, existing, from, firstProfileId]);

  if (!profiles.data || (profileId && !profile.data)) return <Loader aria-label="Laden" />;
  return (
    <EditorForm
      key={`${profile.data?.id ?? 'geen'}:${existing?.version ?? 0}`}
      person={person}
      existing={existing}
      from={from}
      profile={profile.data}
      profiles={profiles.data.map((p) => ({ value: p.id, label: p.titel }))}
      onProfile={setProfileId}
      begeleiders={(staff.data ?? [])
        .filter((s) => s.active)
        .map((s) => ({ value: s.id, label: s.displayName }))}
      onSaved={onSaved}
    />
  );
}

function EditorForm({
  person,
  existing,
  from,
  profile,
  profiles,
  onProfile,
  begeleiders,
  onSaved,
}: Props & {
  profile: Profile | null;
  profiles: { value: string; label: string }[];
  onProfile(id: string | null): void;
  begeleiders: { value: string; label: string }[];
}) {
  const source = existing ?? from;
  const base = defaultValues(person, profile);
  const initial = source
    ? { ...valuesFromDraft(base, source.draft), ...(existing ? {} : { startdatum: null, einddatum: null }) }
    : base;
  if (profile && initial.profileVersionId !== profile.current.versionId && !existing)
    initial.profileVersionId = profile.current.versionId;
  const form = useForm<EditorValues>({ initialValues: initial });
  const [busy, setBusy] = useState(false);
  const [debounced] = useDebouncedValue(form.values, 400);
  const [check, setCheck] = useState<ContractCheck | null>(null);
  const [checkError, setCheckError] = useState<AppError | null>(null);

  useEffect(() => {
    let current = true;
    if (!debounced.startdatum) {
      setCheck(null);
      setCheckError({
        code: 'invalid_input',
        message: 'Vul een begindatum in om de controle en het voorbeeld te zien.',
      });
      return;
    }
    void invoke('contracts.check', toDraft(debounced, person.id)).then((r) => {
      if (!current) return;
      if (r.ok) {
        setCheck(r.value);
        setCheckError(null);
      } else setCheckError(r.error);
    });
    return () => {
      current = false;
    };
  }, [debounced, person.id]);

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    const draft = toDraft(values, person.id);
    const r = existing
      ? await invoke('contracts.update', { ...draft, id: existing.id, version: existing.version })
      : await invoke('contracts.create', draft);
    setBusy(false);
    if (!r.ok) return showServerError(form, r.error);
    showSaved(existing ? 'Concept opgeslagen' : 'Concept aangemaakt');
    onSaved(r.value.id);
  });

  const v = form.values;
  const input = (name: keyof EditorValues) => ({
    ...form.getInputProps(name),
    'data-path': name,
    label: L[name as keyof typeof L],
  });
  const euro = (name: keyof EditorValues) => ({
    label: L[name as keyof typeof L],
    value: v[name] as number | null,
    onChange: (c: number | null) => form.setFieldValue(name, c as never),
    error: form.errors[name],
    'data-path': name,
  });
  const count = (name: keyof EditorValues) => ({
    ...input(name),
    value: (v[name] as number | null) ?? '',
    onChange: (x: string | number) => form.setFieldValue(name, (x === '' ? null : Number(x)) as never),
    min: 0,
    allowDecimal: false,
  });

  return (
    <form onSubmit={submit} noValidate>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <Paper withBorder p="md">
              <Stack gap="sm">
                <SegmentedControl
                  aria-label={L.vorm}
                  value={v.vorm}
                  onChange={(x) => form.setFieldValue('vorm', x as EditorValues['vorm'])}
                  data={contractForms.map((f) => ({ value: f, label: shortFormLabels[f] }))}
                  fullWidth
                />
                <SimpleGrid cols={3} spacing="sm">
                  <Select
                    label="Functieprofiel"
                    data={profiles}
                    value={profile?.id ?? null}
                    onChange={onProfile}
                    clearable
                    data-path="profileVersionId"
                    error={form.errors.profileVersionId}
                  />
                  <DutchDateInput {...input('startdatum')} required />
                  <DutchDateInput {...input('einddatum')} />
                </SimpleGrid>
              </Stack>
            </Paper>

            {profile && profile.current.velden.length > 0 && (
              <Paper withBorder p="md">
                <Title order={2} size="h5" mb="sm">
                  Invullen uit het profiel
                </Title>
                <SimpleGrid cols={2} spacing="sm">
                  {profile.current.velden.map((f) => (
                    <FillInField
                      key={f.naam}
                      field={f}
                      value={v.velden[f.naam]}
                      error={form.errors[`velden.${f.naam}`] as string | undefined}
                      onChange={(x) => form.setFieldValue('velden', { ...v.velden, [f.naam]: x })}
                    />
                  ))}
                </SimpleGrid>
              </Paper>
            )}

            <Paper withBorder p="md">
              <Title order={2} size="h5" mb="sm">
                Voorwaarden
              </Title>
              {v.vorm === 'vrijwilligersovereenkomst' && (
                <Stack gap="sm">
                  <SimpleGrid cols={3} spacing="sm">
                    <Select
                      {...input('vergoedingEenheid')}
                      allowDeselect={false}
                      data={allowanceUnits.map((u) => ({ value: u, label: allowanceUnitLabels[u] }))}
                    />
                    {v.vergoedingEenheid !== 'geen' && <EuroInput {...euro('vergoedingCents')} />}
                    {v.vergoedingEenheid === 'uur' && <NumberInput {...count('verwachtUrenPerMaand')} />}
                    {v.vergoedingEenheid === 'activiteit' && (
                      <NumberInput {...count('verwachteActiviteitenPerMaand')} />
                    )}
                    <EuroInput {...euro('kmVergoedingCents')} label="Kilometervergoeding per km" />
                    {(v.kmVergoedingCents ?? 0) > 0 && <NumberInput {...count('verwachteKmPerMaand')} />}
                    <EuroInput
                      {...euro('andereOrganisatiesPerMaandCents')}
                      description="Wat de vrijwilliger elders krijgt: de grenzen gelden per persoon."
                    />
                  </SimpleGrid>
                  <Group gap="lg">
                    <Checkbox
                      label="Onkosten met bon vergoed"
                      {...form.getInputProps('onkostenMetBon', { type: 'checkbox' })}
                    />
                    <Checkbox
                      label="WA-verzekering"
                      {...form.getInputProps('waVerzekering', { type: 'checkbox' })}
                    />
                    <Checkbox
                      label="Ongevallenverzekering"
                      {...form.getInputProps('ongevallenVerzekering', { type: 'checkbox' })}
                    />
                    <Switch
                      label="Werktelefoon"
                      {...form.getInputProps('werktelefoon', { type: 'checkbox' })}
                    />
                  </Group>
                  <SimpleGrid cols={3} spacing="sm">
                    <TextInput {...input('verzekeringVia')} placeholder="de organisatie" />
                    <Select {...input('vasteBegeleiderId')} data={begeleiders} clearable searchable />
                    <NumberInput {...count('opzegtermijnWeken')} />
                  </SimpleGrid>
                  <SimpleGrid cols={3} spacing="sm">
                    <Textarea {...input('werktijden')} autosize minRows={2} />
                    <Textarea {...input('bereikbaarheid')} autosize minRows={2} />
                    <Textarea {...input('scholing')} autosize minRows={2} />
                  </SimpleGrid>
                </Stack>
              )}
              {v.vorm === 'arbeidsovereenkomst' && (
                <SimpleGrid cols={3} spacing="sm">
                  <NumberInput {...count('urenPerWeek')} max={60} />
                  <TextInput {...input('cao')} />
                  <TextInput {...input('schaal')} />
                  <TextInput {...input('trede')} />
                  <EuroInput {...euro('brutoMaandsalarisCents')} />
                  <NumberInput {...count('proeftijdMaanden')} max={2} />
                </SimpleGrid>
              )}
              {v.vorm === 'stage' && (
                <SimpleGrid cols={3} spacing="sm">
                  <TextInput {...input('onderwijsinstelling')} />
                  <TextInput {...input('opleiding')} />
                  <TextInput {...input('praktijkbegeleider')} />
                  <NumberInput {...count('urenPerWeek')} max={40} />
                  <EuroInput {...euro('stagevergoedingCents')} />
                </SimpleGrid>
              )}
              {v.vorm === 'opdracht' && (
                <SimpleGrid cols={3} spacing="sm">
                  <TextInput {...input('kvkNummer')} placeholder="12345678" />
                  <Select
                    {...input('tariefSoort')}
                    allowDeselect={false}
                    data={[
                      { value: 'uur', label: 'Uurtarief' },
                      { value: 'vast', label: 'Vaste prijs' },
                    ]}
                  />
                  <EuroInput {...euro('tariefCents')} />
                  <Textarea
                    {...input('opdrachtOmschrijving')}
                    autosize
                    minRows={3}
                    style={{ gridColumn: 'span 3' }}
                  />
                </SimpleGrid>
              )}
            </Paper>
            <Group>
              <Button type="submit" loading={busy}>
                {existing ? 'Concept opslaan' : 'Concept aanmaken'}
              </Button>
              <Button
                variant="default"
                onClick={() =>
                  navigate(existing ? `/contracten/${existing.id}` : `/personen/${person.id}/contracten`)
                }
              >
                Annuleren
              </Button>
            </Group>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md" pos="sticky" top={16}>
            {check?.fiscal && (
              <Paper withBorder p="md">
                <FiscalPanel check={check.fiscal} />
              </Paper>
            )}
            {checkError && (
              <Alert color="gray" title="Voorbeeld nog niet compleet">
                <Text size="sm">{checkError.message}</Text>
              </Alert>
            )}
            {check && <DocumentPreview model={check.document} />}
          </Stack>
        </Grid.Col>
      </Grid>
    </form>
  );
}
