import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { fieldLabels } from '../../../../shared/field-labels.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import {
  allowanceUnitLabels,
  allowanceUnits,
  contractFormLabels,
  contractForms,
  leefgebieden,
  type Profile,
} from '../../../../shared/profiles.ts';
import { invoke } from '../../lib/api.ts';
import { downloadFile } from '../../lib/download.ts';
import { EuroInput } from '../../lib/euro-input.tsx';
import { showSaved, showServerError } from '../../lib/forms.ts';
import { href, navigate } from '../../lib/route.ts';
import { useCan } from '../../lib/session.tsx';
import { useUnsavedGuard } from '../../lib/unsaved-guard.tsx';
import { useCall } from '../../lib/use-call.ts';
import { FillInFieldsEditor } from './FillInFieldsEditor.tsx';
import { blankProfile, type ProfileValues, toContent, toValues } from './profile-values.ts';
import { RoleTasksEditor } from './RoleTasksEditor.tsx';

export function ProfileEditor({ profileId, versie }: { profileId: string | null; versie: number | null }) {
  const loaded = useCall('profiles.get', profileId ? { id: profileId, versie } : null);
  if (!profileId) return <ProfileForm profile={null} reload={() => {}} />;
  if (loaded.error) return <Alert color="red">{loaded.error.message}</Alert>;
  if (!loaded.data) return <Loader aria-label="Laden" />;
  return (
    <ProfileForm
      key={`${loaded.data.version}:${loaded.data.shown.versie}`}
      profile={loaded.data}
      reload={() => void loaded.reload()}
    />
  );
}

function ProfileForm({ profile, reload }: { profile: Profile | null; reload(): void }) {
  const can = useCan();
  const [busy, setBusy] = useState(false);
  const oldVersion = profile !== null && profile.shown.versie !== profile.current.versie;
  const readOnly = !can('profiles.save') || oldVersion || profile?.archived === true;
  const form = useForm<ProfileValues>({ initialValues: toValues(profile?.shown ?? blankProfile) });
  const guard = useUnsavedGuard(() => !readOnly && form.isDirty());

  const submit = form.onSubmit(async (values) => {
    const content = toContent(values);
    setBusy(true);
    const result = profile
      ? await invoke('profiles.save', { ...content, id: profile.id, version: profile.version })
      : await invoke('profiles.create', content);
    setBusy(false);
    if (!result.ok) return showServerError(form, result.error);
    showSaved(profile ? 'Opgeslagen als nieuwe versie' : 'Functieprofiel aangemaakt');
    if (profile) {
      form.resetDirty(values);
      reload();
    } else {
      guard.release();
      navigate(`/profielen/${result.value.id}`);
    }
  });

  const act = async (call: 'profiles.archive' | 'profiles.duplicate') => {
    if (!profile) return;
    const result =
      call === 'profiles.archive'
        ? await invoke(call, { id: profile.id, version: profile.version })
        : await invoke(call, { id: profile.id });
    if (!result.ok) return showServerError(null, result.error);
    showSaved(
      call === 'profiles.archive' ? (profile.archived ? 'Teruggezet' : 'Gearchiveerd') : 'Kopie gemaakt',
    );
    if (result.value.id === profile.id) reload();
    else navigate(`/profielen/${result.value.id}`);
  };
  const pdf = async () => {
    if (!profile) return;
    const result = await invoke('profiles.pdf', { id: profile.id, versie: profile.shown.versie });
    if (result.ok) downloadFile(result.value);
    else showServerError(null, result.error);
  };
  const input = (name: keyof ProfileValues) => ({
    ...form.getInputProps(name),
    'data-path': name,
    label: fieldLabels[name],
    readOnly,
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={1000} gap="md">
        <Anchor href={href('/profielen')} size="sm">
          ← Functieprofielen
        </Anchor>
        <Group justify="space-between">
          <Group gap="sm">
            <Title order={1} size="h2">
              {profile ? profile.shown.titel : 'Nieuw functieprofiel'}
            </Title>
            {profile && <Badge variant="light">versie {profile.shown.versie}</Badge>}
            {profile?.archived && <Badge color="gray">gearchiveerd</Badge>}
          </Group>
          {profile && (
            <Group gap="sm">
              <Select
                aria-label="Versie"
                w={270}
                allowDeselect={false}
                value={String(profile.shown.versie)}
                data={profile.versions.map((version) => ({
                  value: String(version.versie),
                  label: `Versie ${version.versie} · ${formatDateTime(version.createdAt)}`,
                }))}
                onChange={(versie) => navigate(`/profielen/${profile.id}/versie/${versie}`)}
              />
              <Button variant="default" onClick={() => void pdf()}>
                PDF
              </Button>
              {can('profiles.duplicate') && (
                <Button variant="default" onClick={() => void act('profiles.duplicate')}>
                  Dupliceren
                </Button>
              )}
              {can('profiles.archive') && !oldVersion && (
                <Button variant="default" color="red" onClick={() => void act('profiles.archive')}>
                  {profile.archived ? 'Terugzetten' : 'Archiveren'}
                </Button>
              )}
            </Group>
          )}
        </Group>
        {oldVersion && (
          <Alert color="blue">
            Je bekijkt een oudere versie. Contracten die ervan zijn gemaakt houden deze tekst.{' '}
            <Anchor href={href(`/profielen/${profile?.id}`)}>Naar de huidige versie</Anchor>
          </Alert>
        )}

        <Paper withBorder p="md">
          <Stack gap="sm">
            <TextInput {...input('titel')} required />
            <Textarea {...input('doel')} autosize minRows={3} required />
            <Textarea {...input('werkomstandigheden')} autosize minRows={2} />
          </Stack>
        </Paper>

        <RoleTasksEditor form={form} readOnly={readOnly} />

        <Paper withBorder p="md">
          <SimpleGrid cols={2} spacing="sm">
            <Textarea {...input('eisen')} label="Profiel: eisen (één per regel)" autosize minRows={4} />
            <Textarea {...input('competenties')} label="Competenties (één per regel)" autosize minRows={4} />
          </SimpleGrid>
          <TagsInput
            mt="sm"
            label={fieldLabels.leefgebieden}
            data={[...leefgebieden]}
            readOnly={readOnly}
            {...form.getInputProps('leefgebieden')}
            data-path="leefgebieden"
          />
        </Paper>

        <FillInFieldsEditor form={form} readOnly={readOnly} />

        <Paper withBorder p="md">
          <SimpleGrid cols={3} spacing="sm">
            <Select
              {...input('standaardVorm')}
              allowDeselect={false}
              data={contractForms.map((contractForm) => ({
                value: contractForm,
                label: contractFormLabels[contractForm],
              }))}
            />
            <Select
              {...input('standaardVergoedingEenheid')}
              allowDeselect={false}
              data={allowanceUnits.map((unit) => ({ value: unit, label: allowanceUnitLabels[unit] }))}
            />
            <EuroInput
              label={fieldLabels.standaardVergoedingCents}
              readOnly={readOnly}
              value={form.values.standaardVergoedingCents}
              onChange={(cents) => form.setFieldValue('standaardVergoedingCents', cents ?? 0)}
              error={form.errors.standaardVergoedingCents}
              data-path="standaardVergoedingCents"
            />
          </SimpleGrid>
        </Paper>

        {!readOnly && (
          <Group>
            <Button type="submit" loading={busy}>
              {profile ? 'Opslaan als nieuwe versie' : 'Functieprofiel aanmaken'}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
