import {
  Badge,
  Button,
  Checkbox,
  Group,
  Menu,
  Modal,
  Paper,
  PasswordInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { Account } from '../../../../shared/accounts.ts';
import { fieldLabels } from '../../../../shared/field-labels.ts';
import { roleLabels, roles } from '../../../../shared/roles.ts';
import { NoAccess } from '../../components/NotFound.tsx';
import { invoke } from '../../lib/api.ts';
import { showSaved, showServerError } from '../../lib/forms.ts';
import { ModalActions } from '../../lib/modal-actions.tsx';
import { useSession } from '../../lib/session.tsx';
import { useCall } from '../../lib/use-call.ts';

type Dialog =
  | { kind: 'new' }
  | { kind: 'edit'; account: Account }
  | { kind: 'password'; account: Account }
  | null;

const roleOptions = roles.map((r) => ({ value: r, label: roleLabels[r] }));

/** Colleagues and their roles. Accounts are deactivated, never deleted: the audit log keeps naming them. */
export function AccountsScreen() {
  const { account: me } = useSession();
  const { data, error, reload } = useCall('accounts.list', {});
  const [dialog, setDialog] = useState<Dialog>(null);
  const done = () => {
    setDialog(null);
    void reload();
  };

  const toggleActive = async (a: Account) => {
    const r = await invoke(a.active ? 'accounts.deactivate' : 'accounts.reactivate', {
      id: a.id,
      version: a.version,
    });
    if (r.ok) {
      showSaved(a.active ? `${a.displayName} is gedeactiveerd` : `${a.displayName} is weer actief`);
      void reload();
    } else showServerError(null, r.error);
  };

  if (error?.code === 'forbidden') return <NoAccess title="Accounts" />;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          Accounts
        </Title>
        <Button onClick={() => setDialog({ kind: 'new' })}>Nieuw account</Button>
      </Group>
      {error && <Text c="red">{error.message}</Text>}
      <Paper withBorder>
        <Table verticalSpacing="xs" aria-label="Accounts">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Naam</Table.Th>
              <Table.Th>Gebruikersnaam</Table.Th>
              <Table.Th>Rol</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(data ?? []).map((a) => (
              <Table.Tr key={a.id} c={a.active ? undefined : 'dimmed'}>
                <Table.Td>{a.displayName}</Table.Td>
                <Table.Td>{a.username}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {roleLabels[a.role]}
                    {a.isBeheerder && (
                      <Badge size="sm" variant="light" color="grape">
                        Beheerder
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{a.active ? 'Actief' : 'Gedeactiveerd'}</Table.Td>
                <Table.Td ta="right">
                  <Menu position="bottom-end">
                    <Menu.Target>
                      <Button variant="subtle" size="xs" aria-label={`Acties voor ${a.displayName}`}>
                        Acties ▾
                      </Button>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item onClick={() => setDialog({ kind: 'edit', account: a })}>Bewerken</Menu.Item>
                      <Menu.Item onClick={() => setDialog({ kind: 'password', account: a })}>
                        Wachtwoord instellen
                      </Menu.Item>
                      {a.id !== me.id && (
                        <Menu.Item color={a.active ? 'red' : undefined} onClick={() => void toggleActive(a)}>
                          {a.active ? 'Deactiveren' : 'Weer activeren'}
                        </Menu.Item>
                      )}
                    </Menu.Dropdown>
                  </Menu>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      {dialog?.kind === 'new' && <NewAccount onClose={() => setDialog(null)} onSaved={done} />}
      {dialog?.kind === 'edit' && (
        <EditAccount account={dialog.account} onClose={() => setDialog(null)} onSaved={done} />
      )}
      {dialog?.kind === 'password' && (
        <SetPassword account={dialog.account} onClose={() => setDialog(null)} onSaved={done} />
      )}
    </Stack>
  );
}

function NewAccount({ onClose, onSaved }: { onClose(): void; onSaved(): void }) {
  const form = useForm({
    initialValues: {
      displayName: '',
      username: '',
      role: 'begeleider' as Account['role'],
      isBeheerder: false,
      password: '',
    },
  });
  const submit = form.onSubmit(async (values) => {
    const r = await invoke('accounts.create', values);
    if (r.ok) {
      showSaved(`Account voor ${values.displayName} aangemaakt`);
      onSaved();
    } else showServerError(form, r.error);
  });
  return (
    <Modal opened onClose={onClose} title="Nieuw account">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={fieldLabels.displayName}
            {...form.getInputProps('displayName')}
            data-path="displayName"
          />
          <TextInput label={fieldLabels.username} {...form.getInputProps('username')} data-path="username" />
          <Select
            label={fieldLabels.role}
            data={roleOptions}
            allowDeselect={false}
            {...form.getInputProps('role')}
          />
          <Checkbox
            label="Beheerder (mag accounts en instellingen beheren)"
            {...form.getInputProps('isBeheerder', { type: 'checkbox' })}
          />
          <PasswordInput
            label="Eerste wachtwoord"
            description="Geef dit persoonlijk door; de collega kan het daarna zelf wijzigen."
            {...form.getInputProps('password')}
            data-path="password"
          />
          <ModalActions onCancel={onClose} submit="Aanmaken" />
        </Stack>
      </form>
    </Modal>
  );
}

function EditAccount({ account, onClose, onSaved }: { account: Account; onClose(): void; onSaved(): void }) {
  const form = useForm({
    initialValues: { displayName: account.displayName, role: account.role, isBeheerder: account.isBeheerder },
  });
  const submit = form.onSubmit(async (values) => {
    const r = await invoke('accounts.update', { ...values, id: account.id, version: account.version });
    if (r.ok) {
      showSaved();
      onSaved();
    } else showServerError(form, r.error);
  });
  return (
    <Modal opened onClose={onClose} title={`${account.displayName} bewerken`}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={fieldLabels.displayName}
            {...form.getInputProps('displayName')}
            data-path="displayName"
          />
          <Select
            label={fieldLabels.role}
            data={roleOptions}
            allowDeselect={false}
            {...form.getInputProps('role')}
          />
          <Checkbox
            label="Beheerder (mag accounts en instellingen beheren)"
            {...form.getInputProps('isBeheerder', { type: 'checkbox' })}
          />
          <ModalActions onCancel={onClose} submit="Opslaan" />
        </Stack>
      </form>
    </Modal>
  );
}

function SetPassword({ account, onClose, onSaved }: { account: Account; onClose(): void; onSaved(): void }) {
  const form = useForm({ initialValues: { password: '' } });
  const submit = form.onSubmit(async (values) => {
    const r = await invoke('accounts.resetPassword', { ...values, id: account.id, version: account.version });
    if (r.ok) {
      showSaved(`Nieuw wachtwoord voor ${account.displayName} ingesteld`);
      onSaved();
    } else showServerError(form, r.error);
  });
  return (
    <Modal opened onClose={onClose} title={`Wachtwoord van ${account.displayName}`}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <PasswordInput
            label={fieldLabels.newPassword}
            {...form.getInputProps('password')}
            data-path="password"
          />
          <ModalActions onCancel={onClose} submit="Instellen" />
        </Stack>
      </form>
    </Modal>
  );
}
