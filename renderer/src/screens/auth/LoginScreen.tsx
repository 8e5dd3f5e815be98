import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { SessionAccount } from '../../../../shared/roles.ts';
import { invoke } from '../../lib/api.ts';

export function LoginScreen({
  organisatieNaam,
  onLogin,
}: {
  organisatieNaam: string | null;
  onLogin(account: SessionAccount): void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const form = useForm({ initialValues: { username: '', password: '' } });

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    const r = await invoke('auth.login', values);
    setBusy(false);
    if (r.ok) onLogin(r.value);
    else {
      setError(r.error.message);
      form.setFieldValue('password', '');
    }
  });

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={400} component="form" onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={1} size="h2">
            Schakel
          </Title>
          {organisatieNaam && (
            <Text c="dimmed" size="sm">
              {organisatieNaam}
            </Text>
          )}
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <TextInput
            label="Gebruikersnaam"
            autoComplete="username"
            data-autofocus
            autoFocus
            {...form.getInputProps('username')}
          />
          <PasswordInput
            label="Wachtwoord"
            autoComplete="current-password"
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={busy} mt="sm">
            Inloggen
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
