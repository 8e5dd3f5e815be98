import { Button, Paper, PasswordInput, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { fieldLabels } from '../../../../shared/field-labels.ts';
import { invoke } from '../../lib/api.ts';
import { showSaved, showServerError } from '../../lib/forms.ts';

export function PasswordScreen() {
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', herhaling: '' },
    validate: { herhaling: (v, values) => (v === values.newPassword ? null : 'de wachtwoorden verschillen') },
  });
  const submit = form.onSubmit(async ({ herhaling: _, ...values }) => {
    setBusy(true);
    const r = await invoke('auth.changePassword', values);
    setBusy(false);
    if (r.ok) {
      form.reset();
      showSaved('Je wachtwoord is gewijzigd.');
    } else showServerError(form, r.error);
  });
  return (
    <Stack maw={460}>
      <Title order={1} size="h2">
        Wachtwoord wijzigen
      </Title>
      <Paper withBorder p="lg" component="form" onSubmit={submit} noValidate>
        <Stack gap="sm">
          <PasswordInput
            label={fieldLabels.currentPassword}
            autoComplete="current-password"
            {...form.getInputProps('currentPassword')}
            data-path="currentPassword"
          />
          <PasswordInput
            label={fieldLabels.newPassword}
            description="Minimaal 10 tekens."
            autoComplete="new-password"
            {...form.getInputProps('newPassword')}
            data-path="newPassword"
          />
          <PasswordInput
            label="Herhaal nieuw wachtwoord"
            autoComplete="new-password"
            {...form.getInputProps('herhaling')}
          />
          <Button type="submit" loading={busy} w="fit-content">
            Wachtwoord wijzigen
          </Button>
        </Stack>
      </Paper>
    </Stack>
  );
}
