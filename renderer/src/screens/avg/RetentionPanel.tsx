/** The building blocks of the retention screen: its panels, and the removal that asks for a confirmation first. */
import { Alert, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { ModalActions } from '../../lib/modal-actions.tsx';

/** Said before every removal: it cannot be undone here, but a backup made before it can bring the data back. */
const backupWarning =
  'Dit kan niet ongedaan worden gemaakt. Elke reservekopie die vóór deze verwijdering is gemaakt, bevat de gegevens nog: wie zo’n kopie terugzet, haalt ze terug.';

/** One part of the screen: a title with what it is about, its action on the right, and what it lists. */
export function Panel(props: { title: string; note?: string; action?: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder>
      <Group justify="space-between" p="sm">
        <div>
          <Title order={2} size="h4">
            {props.title}
          </Title>
          {props.note && (
            <Text size="sm" c="dimmed">
              {props.note}
            </Text>
          )}
        </div>
        {props.action}
      </Group>
      {props.children}
    </Paper>
  );
}

interface RemoveButtonProps {
  label: string;
  disabled: boolean;
  /** As the confirmation opens: fixes what it is about. */
  onOpen?(): void;
  /** The confirmation: its title, what it says and its button, which calls `onConfirm` (removes and reports). */
  title: string;
  children: ReactNode;
  submit: string;
  onConfirm(): Promise<void>;
}

/** A removal's red button, and the confirmation it asks first: what goes, the warning about backups. */
export function RemoveButton(props: RemoveButtonProps) {
  const [opened, setOpened] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirm = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    await props.onConfirm();
    setBusy(false);
    setOpened(false);
  };
  const open = () => {
    props.onOpen?.();
    setOpened(true);
  };
  return (
    <>
      <Button color="red" disabled={props.disabled} onClick={open}>
        {props.label}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={props.title} size="lg">
        <form onSubmit={(e) => void confirm(e)}>
          <Stack>
            {props.children}
            <Alert color="red" variant="light">
              {backupWarning}
            </Alert>
            <ModalActions
              onCancel={() => setOpened(false)}
              submit={props.submit}
              color="red"
              loading={busy}
            />
          </Stack>
        </form>
      </Modal>
    </>
  );
}
