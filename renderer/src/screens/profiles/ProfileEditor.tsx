import {
  ActionIcon,
  Alert,
  Anchor,
  Autocomplete,
  Badge,
  Button,
  Checkbox,
  Group,
  Loader,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
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
  fieldKindLabels,
  fieldKinds,
  knownRoles,
  leefgebieden,
  type Profile,
  type ProfileContent,
} from '../../../../shared/profiles.ts';
import { invoke } from '../../lib/api.ts';
import { downloadFile } from '../../lib/download.ts';
import { EuroInput } from '../../lib/euro-input.tsx';
import { showSaved, showServerError } from '../../lib/forms.ts';
import { href, navigate } from '../../lib/route.ts';
import { useCan } from '../../lib/session.tsx';
import { useUnsavedGuard } from '../../lib/unsaved-guard.tsx';
import { useCall } from '../../lib/use-call.ts';

/** Lists are edited as text, one item per line. */
type Values = Omit<ProfileContent, 'eisen' | 'competenties' | 'taken'> & {
  eisen: string;
  competenties: string;
  taken: { rol: string; taken: string }[];
};
const toLines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

function toValues(version: ProfileContent): Values {
  // A stored version also carries its id, number and author: only the content goes back into the form.
  const {
    profileId: _p,
    versionId: _v,
    versie: _n,
    createdAt: _c,
    createdBy: _b,
    ...c
  } = version as ProfileContent &
    Partial<Record<'profileId' | 'versionId' | 'versie' | 'createdAt' | 'createdBy', unknown>>;
  return {
    ...c,
    werkomstandigheden: c.werkomstandigheden ?? '',
    eisen: c.eisen.join('\n'),
    competenties: c.competenties.join('\n'),
    taken: c.taken.map((t) => ({ rol: t.rol, taken: t.taken.join('\n') })),
  };
}

const blank: ProfileContent = {
  titel: '',
  doel: '',
  taken: [{ rol: 'voorlichter', taken: [] }],
  leefgebieden: [],
  eisen: [],
  competenties: [],
  werkomstandigheden: null,
  velden: [],
  standaardVorm: 'vrijwilligersovereenkomst',
  standaardVergoedingEenheid: 'uur',
  standaardVergoedingCents: 0,
};

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
  const form = useForm<Values>({ initialValues: toValues(profile?.shown ?? blank) });
  const guard = useUnsavedGuard(() => !readOnly && form.isDirty());

  const submit = form.onSubmit(async (v) => {
    const content: ProfileContent = {
      ...v,
      werkomstandigheden: v.werkomstandigheden || null,
      eisen: toLines(v.eisen),
      competenties: toLines(v.competenties),
      taken: v.taken.map((t) => ({ rol: t.rol, taken: toLines(t.taken) })),
    };
    setBusy(true);
    const r = profile
      ? await invoke('profiles.save', { ...content, id: profile.id, version: profile.version })
      : await invoke('profiles.create', content);
    setBusy(false);
    if (!r.ok) return showServerError(form, r.error);
    showSaved(profile ? 'Opgeslagen als nieuwe versie' : 'Functieprofiel aangemaakt');
    if (profile) {
      form.resetDirty(v);
      reload();
    } else {
      guard.release();
      navigate(`/profielen/${r.value.id}`);
    }
  });

  const act = async (call: 'profiles.archive' | 'profiles.duplicate') => {
    if (!profile) return;
    const r =
      call === 'profiles.archive'
        ? await invoke(call, { id: profile.id, version: profile.version })
        : await invoke(call, { id: profile.id });
    if (!r.ok) return showServerError(null, r.error);
    showSaved(
      call === 'profiles.archive' ? (profile.archived ? 'Teruggezet' : 'Gearchiveerd') : 'Kopie gemaakt',
    );
    if (r.value.id === profile.id) reload();
    else navigate(`/profielen/${r.value.id}`);
  };
  const pdf = async () => {
    if (!profile) return;
    const r = await invoke('profiles.pdf', { id: profile.id, versie: profile.shown.versie });
    if (r.ok) downloadFile(r.value);
    else showServerError(null, r.error);
  };
  const input = (name: keyof Values) => ({
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
                data={profile.versions.map((v) => ({
                  value: String(v.versie),
                  label: `Versie ${v.versie} · ${formatDateTime(v.createdAt)}`,
                }))}
                onChange={(v) => navigate(`/profielen/${profile.id}/versie/${v}`)}
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

        <Paper withBorder p="md">
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h4">
              Taken per rol
            </Title>
            {!readOnly && (
              <Button
                size="xs"
                variant="light"
                onClick={() => form.insertListItem('taken', { rol: '', taken: '' })}
              >
                Rol toevoegen
              </Button>
            )}
          </Group>
          <Stack gap="sm">
            {form.values.taken.map((_, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; position is their identity.
              <Group key={i} align="flex-start" wrap="nowrap">
                <Autocomplete
                  label="Rol"
                  data={knownRoles}
                  w={200}
                  readOnly={readOnly}
                  {...form.getInputProps(`taken.${i}.rol`)}
                  data-path={`taken.${i}.rol`}
                />
                <Textarea
                  label="Taken (één per regel)"
                  autosize
                  minRows={2}
                  style={{ flex: 1 }}
                  readOnly={readOnly}
                  {...form.getInputProps(`taken.${i}.taken`)}
                  data-path={`taken.${i}.taken`}
                />
                {!readOnly && (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    mt={28}
                    aria-label={`Rol ${i + 1} verwijderen`}
                    onClick={() => form.removeListItem('taken', i)}
                  >
                    ×
                  </ActionIcon>
                )}
              </Group>
            ))}
          </Stack>
        </Paper>

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

        <Paper withBorder p="md">
          <Group justify="space-between" mb="sm">
            <div>
              <Title order={2} size="h4">
                Invulvelden
              </Title>
              <Text size="sm" c="dimmed">
                Wat elk contract of elke vacature uit dit profiel zelf invult.
              </Text>
            </div>
            {!readOnly && (
              <Button
                size="xs"
                variant="light"
                onClick={() =>
                  form.insertListItem('velden', {
                    naam: '',
                    label: '',
                    soort: 'tekst',
                    verplicht: false,
                    keuzes: [],
                  })
                }
              >
                Veld toevoegen
              </Button>
            )}
          </Group>
          <Stack gap="xs">
            {form.values.velden.map((f, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; position is their identity.
              <Group key={i} align="flex-end" wrap="nowrap" gap="sm">
                <TextInput
                  label="Label"
                  readOnly={readOnly}
                  {...form.getInputProps(`velden.${i}.label`)}
                  data-path={`velden.${i}.label`}
                />
                <TextInput
                  label="Naam (techn.)"
                  w={150}
                  readOnly={readOnly}
                  {...form.getInputProps(`velden.${i}.naam`)}
                  data-path={`velden.${i}.naam`}
                />
                <Select
                  label="Soort"
                  w={150}
                  allowDeselect={false}
                  readOnly={readOnly}
                  data={fieldKinds.map((k) => ({ value: k, label: fieldKindLabels[k] }))}
                  {...form.getInputProps(`velden.${i}.soort`)}
                />
                {f.soort === 'keuze' && (
                  <TagsInput
                    label="Keuzes"
                    w={220}
                    readOnly={readOnly}
                    {...form.getInputProps(`velden.${i}.keuzes`)}
                    data-path={`velden.${i}.keuzes`}
                  />
                )}
                <Checkbox
                  label="Verplicht"
                  mb={8}
                  disabled={readOnly}
                  {...form.getInputProps(`velden.${i}.verplicht`, { type: 'checkbox' })}
                />
                {!readOnly && (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    mb={6}
                    aria-label={`Veld ${i + 1} verwijderen`}
                    onClick={() => form.removeListItem('velden', i)}
                  >
                    ×
                  </ActionIcon>
                )}
              </Group>
            ))}
          </Stack>
        </Paper>

        <Paper withBorder p="md">
          <SimpleGrid cols={3} spacing="sm">
            <Select
              {...input('standaardVorm')}
              allowDeselect={false}
              data={contractForms.map((f) => ({ value: f, label: contractFormLabels[f] }))}
            />
            <Select
              {...input('standaardVergoedingEenheid')}
              allowDeselect={false}
              data={allowanceUnits.map((u) => ({ value: u, label: allowanceUnitLabels[u] }))}
            />
            <EuroInput
              label={fieldLabels.standaardVergoedingCents}
              readOnly={readOnly}
              value={form.values.standaardVergoedingCents}
              onChange={(c) => form.setFieldValue('standaardVergoedingCents', c ?? 0)}
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
