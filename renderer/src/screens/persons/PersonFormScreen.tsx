import {
  ActionIcon,
  Alert,
  Anchor,
  Autocomplete,
  Button,
  Checkbox,
  Group,
  Loader,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { CallInput } from '../../../../shared/contract.ts';
import { dutchDate } from '../../../../shared/dates.ts';
import { fieldLabels } from '../../../../shared/field-labels.ts';
import { seesWellbeingNotes } from '../../../../shared/permissions.ts';
import {
  cefrLevels,
  commonLanguages,
  genderLabels,
  genders,
  languageLevelLabels,
  languageLevels,
  type Person,
  personStatuses,
  statusLabels,
} from '../../../../shared/persons.ts';
import { invoke } from '../../lib/api.ts';
import { ConflictAlert } from '../../lib/conflict-alert.tsx';
import { DutchDateInput } from '../../lib/date-input.tsx';
import { showSaved, showServerError } from '../../lib/forms.ts';
import { href, navigate } from '../../lib/route.ts';
import { useSession } from '../../lib/session.tsx';
import { useUnsavedGuard } from '../../lib/unsaved-guard.tsx';
import { useCall } from '../../lib/use-call.ts';

type Values = Omit<CallInput<'persons.create'>, 'talen'> & {
  talen: { taal: string; niveau: string }[];
};

function emptyValues(): Values {
  return {
    voornaam: '',
    tussenvoegsel: '',
    achternaam: '',
    roepnaam: '',
    geboortedatum: null,
    gender: null,
    herkomstland: '',
    talen: [],
    niveauNederlands: null,
    straat: '',
    huisnummer: '',
    postcode: '',
    plaats: '',
    gemeente: '',
    telefoon: '',
    email: '',
    iban: '',
    bijstand: false,
    toestemmingNodig: false,
    toestemmingDatum: null,
    vogAfgiftedatum: null,
    vogVernieuwdatum: null,
    begeleiderId: null,
    notities: '',
    status: 'aangemeld',
    statusDatum: dutchDate(),
  };
}

function valuesFrom(p: Person): Values {
  const {
    id: _i,
    version: _v,
    naam: _n,
    begeleiderNaam: _b,
    createdAt: _c,
    updatedAt: _u,
    geanonimiseerd: _g,
    ...fields
  } = p;
  const blank = (v: string | null) => v ?? '';
  return {
    ...fields,
    tussenvoegsel: blank(p.tussenvoegsel),
    roepnaam: blank(p.roepnaam),
    herkomstland: blank(p.herkomstland),
    straat: blank(p.straat),
    huisnummer: blank(p.huisnummer),
    postcode: blank(p.postcode),
    plaats: blank(p.plaats),
    gemeente: blank(p.gemeente),
    telefoon: blank(p.telefoon),
    email: blank(p.email),
    iban: blank(p.iban),
    notities: blank(p.notities),
  };
}

/** Add or edit a sleutelpersoon. Checks here are for comfort; the main process decides and names the field. */
export function PersonFormScreen({ personId }: { personId: string | null }) {
  const existing = useCall('persons.get', personId ? { id: personId } : null);
  if (!personId) return <PersonForm loaded={null} reload={() => {}} />;
  if (existing.error) return <Alert color="red">{existing.error.message}</Alert>;
  if (!existing.data) return <Loader aria-label="Laden" />;
  // A newer version read from the store gives a fresh form, never a half-merged one.
  return (
    <PersonForm
      key={`${existing.data.id}:${existing.data.version}`}
      loaded={existing.data}
      reload={() => void existing.reload()}
    />
  );
}

function PersonForm({ loaded, reload }: { loaded: Person | null; reload(): void }) {
  const { account } = useSession();
  const staff = useCall('accounts.staff', {});
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<string | null>(null);
  const form = useForm<Values>({ initialValues: loaded ? valuesFrom(loaded) : emptyValues() });
  const guard = useUnsavedGuard(() => form.isDirty());

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setConflict(null);
    const talen = values.talen.filter(
      (t) => t.taal.trim() !== '',
    ) as Values['talen'] as CallInput<'persons.create'>['talen'];
    const { status, statusDatum, ...fields } = { ...values, talen };
    const result = loaded
      ? await invoke('persons.update', { ...fields, id: loaded.id, version: loaded.version })
      : await invoke('persons.create', { ...fields, status, statusDatum });
    setBusy(false);
    if (result.ok) {
      showSaved(loaded ? 'Wijzigingen opgeslagen' : 'Sleutelpersoon toegevoegd');
      guard.release();
      navigate(`/personen/${result.value.id}`);
      return;
    }
    if (result.error.code === 'conflict') {
      setConflict(result.error.message);
      window.scrollTo({ top: 0 });
    } else showServerError(form, result.error);
  });

  const input = (name: keyof Values) => ({
    ...form.getInputProps(name),
    'data-path': name,
    label: fieldLabels[name],
  });
  const begeleiders = (staff.data ?? [])
    .filter((s) => s.active || s.id === form.values.begeleiderId)
    .map((s) => ({ value: s.id, label: s.displayName }));

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={980}>
        <Group justify="space-between">
          <Title order={1} size="h2">
            {loaded ? `${loaded.naam} bewerken` : 'Nieuwe sleutelpersoon'}
          </Title>
          <Anchor href={href(loaded ? `/personen/${loaded.id}` : '/personen')}>Annuleren</Anchor>
        </Group>
        <ConflictAlert message={conflict} onReload={reload} />

        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            Persoon
          </Title>
          <SimpleGrid cols={4} spacing="sm">
            <TextInput {...input('voornaam')} required />
            <TextInput {...input('tussenvoegsel')} />
            <TextInput {...input('achternaam')} required />
            <TextInput {...input('roepnaam')} />
            <DutchDateInput {...input('geboortedatum')} maxDate={dutchDate()} />
            <Select
              {...input('gender')}
              data={genders.map((g) => ({ value: g, label: genderLabels[g] }))}
              clearable
            />
            <TextInput {...input('herkomstland')} />
            <Select {...input('niveauNederlands')} data={[...cefrLevels]} clearable />
          </SimpleGrid>
        </Paper>

        <Paper withBorder p="md">
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h4">
              Talen
            </Title>
            <Button
              variant="light"
              size="xs"
              onClick={() => form.insertListItem('talen', { taal: '', niveau: 'goed' })}
            >
              Taal toevoegen
            </Button>
          </Group>
          {form.values.talen.length === 0 && (
            <Text size="sm" c="dimmed">
              Nog geen talen vastgelegd.
            </Text>
          )}
          <Stack gap="xs">
            {form.values.talen.map((_, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; position is their identity.
              <Group key={i} align="flex-start" gap="sm">
                <Autocomplete
                  label={i === 0 ? fieldLabels.taal : undefined}
                  aria-label={`Taal ${i + 1}`}
                  data={commonLanguages}
                  {...form.getInputProps(`talen.${i}.taal`)}
                  data-path={`talen.${i}.taal`}
                  w={260}
                />
                <Select
                  label={i === 0 ? fieldLabels.niveau : undefined}
                  aria-label={`Niveau taal ${i + 1}`}
                  data={languageLevels.map((l) => ({ value: l, label: languageLevelLabels[l] }))}
                  allowDeselect={false}
                  {...form.getInputProps(`talen.${i}.niveau`)}
                  w={160}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mt={i === 0 ? 28 : 4}
                  aria-label={`Taal ${i + 1} verwijderen`}
                  onClick={() => form.removeListItem('talen', i)}
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
          </Stack>
          {typeof form.errors.talen === 'string' && (
            <Text c="red" size="sm" mt="xs">
              {form.errors.talen}
            </Text>
          )}
        </Paper>

        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            Adres en contact
          </Title>
          <SimpleGrid cols={4} spacing="sm">
            <TextInput {...input('straat')} />
            <TextInput {...input('huisnummer')} placeholder="12 A" />
            <TextInput {...input('postcode')} placeholder="1234 AB" />
            <TextInput {...input('plaats')} />
            <TextInput {...input('gemeente')} />
            <TextInput {...input('telefoon')} placeholder="06 12345678" type="tel" />
            <TextInput {...input('email')} type="email" />
          </SimpleGrid>
        </Paper>

        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            Uitbetaling en bijstand
          </Title>
          <SimpleGrid cols={3} spacing="sm">
            <TextInput {...input('iban')} placeholder="NL91 ABNA 0417 1643 00" />
          </SimpleGrid>
          <Group mt="sm" gap="xl" align="flex-end">
            <Switch
              {...form.getInputProps('bijstand', { type: 'checkbox' })}
              label="Heeft een bijstandsuitkering"
              data-path="bijstand"
            />
            {form.values.bijstand && (
              <>
                <Checkbox
                  {...form.getInputProps('toestemmingNodig', { type: 'checkbox' })}
                  label={fieldLabels.toestemmingNodig}
                  data-path="toestemmingNodig"
                />
                <DutchDateInput {...input('toestemmingDatum')} w={180} />
              </>
            )}
          </Group>
          {form.values.bijstand && form.values.toestemmingNodig && !form.values.toestemmingDatum && (
            <Alert color="orange" mt="sm" p="xs">
              Toestemming van de gemeente is nodig maar nog niet vastgelegd.
            </Alert>
          )}
        </Paper>

        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            Begeleiding
          </Title>
          <SimpleGrid cols={3} spacing="sm">
            <Select {...input('begeleiderId')} data={begeleiders} clearable searchable />
            <DutchDateInput {...input('vogAfgiftedatum')} />
            <DutchDateInput {...input('vogVernieuwdatum')} />
            {!loaded && (
              <Group grow gap="sm">
                <Select
                  {...input('status')}
                  data={personStatuses.map((s) => ({ value: s, label: statusLabels[s] }))}
                  allowDeselect={false}
                />
                <DutchDateInput {...input('statusDatum')} clearable={false} />
              </Group>
            )}
          </SimpleGrid>
          {seesWellbeingNotes(account) && (
            <Textarea {...input('notities')} mt="sm" autosize minRows={3} maxRows={10} />
          )}
        </Paper>

        <Group>
          <Button type="submit" loading={busy}>
            {loaded ? 'Wijzigingen opslaan' : 'Sleutelpersoon toevoegen'}
          </Button>
          <Button
            variant="default"
            component="a"
            href={href(loaded ? `/personen/${loaded.id}` : '/personen')}
          >
            Annuleren
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
