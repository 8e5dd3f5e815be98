import {
  Alert,
  Button,
  FileButton,
  Group,
  Image,
  Loader,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { fieldLabels } from '../../../../shared/field-labels.ts';
import { maxLogoBytes, type Settings } from '../../../../shared/settings.ts';
import { invoke } from '../../lib/api.ts';
import { ConflictAlert } from '../../lib/conflict-alert.tsx';
import { showSaved, showServerError } from '../../lib/forms.ts';
import { useCan, useSession } from '../../lib/session.tsx';
import { useUnsavedGuard } from '../../lib/unsaved-guard.tsx';
import { useCall } from '../../lib/use-call.ts';
import { ServerSection } from '../sync/ServerSection.tsx';

type Values = Omit<Settings, 'updatedAt' | 'version'>;
const blank = (v: string | null) => v ?? '';

/**
 * The organisation's name, address, KvK, logo (for letters and PDFs) and bank account for payouts; for the
 * beheerder also this computer's link with a Schakel server.
 */
export function SettingsScreen() {
  const can = useCan();
  const { data, error, reload } = useCall('settings.get', {});
  if (error) return <Alert color="red">{error.message}</Alert>;
  if (!data) return <Loader aria-label="Laden" />;
  return (
    <Stack maw={820}>
      <SettingsForm key={data.version} settings={data} reload={() => void reload()} />
      {can('sync.connect') && <ServerSection />}
    </Stack>
  );
}

function SettingsForm({ settings: data, reload }: { settings: Settings; reload(): void }) {
  const { refreshOrganisation } = useSession();
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: {
      naam: data.naam,
      straat: blank(data.straat),
      huisnummer: blank(data.huisnummer),
      postcode: blank(data.postcode),
      plaats: blank(data.plaats),
      kvkNummer: blank(data.kvkNummer),
      iban: blank(data.iban),
      bic: blank(data.bic),
      logo: data.logo,
      vergrendelenNaMinuten: data.vergrendelenNaMinuten,
    },
  });

  useUnsavedGuard(() => form.isDirty());
  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setConflict(null);
    const r = await invoke('settings.update', { ...values, version: data.version });
    setBusy(false);
    if (r.ok) {
      form.resetDirty(values);
      showSaved('Instellingen opgeslagen');
      refreshOrganisation();
      reload();
    } else if (r.error.code === 'conflict') setConflict(r.error.message);
    else showServerError(form, r.error);
  });

  const pickLogo = (file: File | null) => {
    if (!file) return;
    if (file.size > maxLogoBytes) {
      form.setFieldError('logo', 'afbeelding groter dan 512 kB');
      return;
    }
    const reader = new FileReader();
    reader.onload = () => form.setFieldValue('logo', String(reader.result));
    reader.readAsDataURL(file);
  };
  const input = (name: keyof Values) => ({
    ...form.getInputProps(name),
    'data-path': name,
    label: fieldLabels[name],
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Title order={1} size="h2">
          Instellingen
        </Title>
        <ConflictAlert message={conflict} onReload={reload} />
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            Organisatie
          </Title>
          <SimpleGrid cols={2} spacing="sm">
            <TextInput {...input('naam')} required />
            <TextInput {...input('kvkNummer')} placeholder="12345678" />
            <TextInput {...input('straat')} />
            <TextInput {...input('huisnummer')} />
            <TextInput {...input('postcode')} placeholder="1234 AB" />
            <TextInput {...input('plaats')} />
          </SimpleGrid>
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            Logo
          </Title>
          <Group align="center">
            {form.values.logo ? (
              <Image src={form.values.logo} alt="Logo van de organisatie" h={64} w="auto" fit="contain" />
            ) : (
              <Text size="sm" c="dimmed">
                Nog geen logo. Het logo komt op contracten en andere documenten.
              </Text>
            )}
            <FileButton onChange={pickLogo} accept="image/png,image/jpeg">
              {(props) => (
                <Button variant="default" {...props}>
                  {form.values.logo ? 'Ander logo kiezen' : 'Logo kiezen'}
                </Button>
              )}
            </FileButton>
            {form.values.logo && (
              <Button variant="subtle" color="red" onClick={() => form.setFieldValue('logo', null)}>
                Verwijderen
              </Button>
            )}
          </Group>
          {form.errors.logo && (
            <Text c="red" size="sm" mt="xs">
              {form.errors.logo}
            </Text>
          )}
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            Bankrekening voor uitbetalingen
          </Title>
          <SimpleGrid cols={2} spacing="sm">
            <TextInput {...input('iban')} placeholder="NL91 ABNA 0417 1643 00" />
            <TextInput {...input('bic')} placeholder="ABNANL2A" />
          </SimpleGrid>
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            Beveiliging
          </Title>
          <NumberInput
            {...input('vergrendelenNaMinuten')}
            suffix=" minuten"
            min={1}
            max={240}
            allowDecimal={false}
            w={220}
            description="Zo lang zonder muis of toetsenbord, dan vergrendelt Schakel en vraagt het wachtwoord opnieuw. Wat je aan het invullen was, blijft staan."
          />
        </Paper>
        <Group>
          <Button type="submit" loading={busy}>
            Instellingen opslaan
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
