import {
  Alert,
  Button,
  Center,
  Paper,
  PasswordInput,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { fieldLabels } from '../../../../shared/field-labels.ts';
import { roleLabels, roles, type SessionAccount } from '../../../../shared/roles.ts';
import { invoke } from '../../lib/api.ts';
import { showServerError } from '../../lib/forms.ts';

/** First start: there is no default password; whoever sets Schakel up makes the first account (a beheerder). */
export function SetupScreen({
  melding,
  onDone,
}: {
  /** Why this computer is empty again (revoked by the server's beheerder), when it is. */
  melding: string | null;
  onDone(account: SessionAccount): void;
}) {
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: {
      organisatieNaam: '',
      displayName: '',
      username: '',
      password: '',
      herhaling: '',
      role: 'administrateur' as (typeof roles)[number],
    },
    validate: { herhaling: (v, values) => (v === values.password ? null : 'de wachtwoorden verschillen') },
  });

  const submit = form.onSubmit(async ({ herhaling: _, ...values }) => {
    setBusy(true);
    const r = await invoke('auth.setup', values);
    setBusy(false);
    if (r.ok) onDone(r.value);
    else showServerError(form, r.error);
  });

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={480} component="form" onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={1} size="h2">
            Welkom bij Schakel
          </Title>
          {melding && (
            <Alert color="orange" title="Deze computer is ingetrokken">
              {melding}
            </Alert>
          )}
          <Text c="dimmed" size="sm">
            Schakel is nog niet ingericht. Maak het eerste account aan; dat wordt ook beheerder en kan daarna
            collega's toevoegen. Er bestaat geen standaardwachtwoord.
          </Text>
          <TextInput
            label={fieldLabels.organisatieNaam}
            required
            {...form.getInputProps('organisatieNaam')}
            data-path="organisatieNaam"
          />
          <TextInput
            label="Je naam"
            required
            {...form.getInputProps('displayName')}
            data-path="displayName"
          />
          <TextInput
            label={fieldLabels.username}
            required
            autoComplete="username"
            {...form.getInputProps('username')}
            data-path="username"
          />
          <Select
            label="Je rol"
            data={roles.map((r) => ({ value: r, label: roleLabels[r] }))}
            allowDeselect={false}
            {...form.getInputProps('role')}
          />
          <PasswordInput
            label={fieldLabels.password}
            description="Minimaal 10 tekens; een zin van een paar woorden is sterk en goed te onthouden."
            required
            autoComplete="new-password"
            {...form.getInputProps('password')}
            data-path="password"
          />
          <PasswordInput
            label="Herhaal wachtwoord"
            required
            autoComplete="new-password"
            {...form.getInputProps('herhaling')}
          />
          <Button type="submit" loading={busy} mt="sm">
            Account aanmaken en beginnen
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
