import {
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { dutchDate } from '../../../../shared/dates.ts';
import { formatDate } from '../../../../shared/format.ts';
import type { IntervisieGroup } from '../../../../shared/intervisie.ts';
import { PeoplePicker } from '../../components/PersonPicker.tsx';
import { invoke } from '../../lib/api.ts';
import { DutchDateInput } from '../../lib/date-input.tsx';
import { showSaved, showServerError } from '../../lib/forms.ts';
import { ModalActions } from '../../lib/modal-actions.tsx';
import { useCall } from '../../lib/use-call.ts';

/** Intervisie groups, their members and sessions; a session writes an entry in each attendee's log. */
export function IntervisieScreen() {
  const { data, reload } = useCall('intervisie.list', {});
  const [dialog, setDialog] = useState<
    { kind: 'group'; group: IntervisieGroup | null } | { kind: 'session'; group: IntervisieGroup } | null
  >(null);
  const done = () => {
    setDialog(null);
    void reload();
  };
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          Intervisie
        </Title>
        <Button onClick={() => setDialog({ kind: 'group', group: null })}>Nieuwe groep</Button>
      </Group>
      {data?.length === 0 && <Text c="dimmed">Nog geen intervisiegroepen.</Text>}
      {(data ?? []).map((g) => (
        <Paper key={g.id} withBorder p="md">
          <Group justify="space-between">
            <Title order={2} size="h4">
              {g.naam}
            </Title>
            <Group gap="sm">
              <Button variant="default" size="xs" onClick={() => setDialog({ kind: 'group', group: g })}>
                Leden wijzigen
              </Button>
              <Button
                size="xs"
                onClick={() => setDialog({ kind: 'session', group: g })}
                disabled={g.leden.length === 0}
              >
                Bijeenkomst vastleggen
              </Button>
            </Group>
          </Group>
          <Text size="sm" mt={4}>
            {g.leden.length} {g.leden.length === 1 ? 'lid' : 'leden'}:{' '}
            {g.leden.map((l) => l.naam).join(', ') || '—'}
          </Text>
          {g.sessies.length > 0 && (
            <Text size="sm" c="dimmed" mt={4}>
              Laatste bijeenkomsten:{' '}
              {g.sessies
                .slice(0, 4)
                .map((s) => `${formatDate(s.datum)} ${s.thema} (${s.aanwezig} aanwezig)`)
                .join(' · ')}
            </Text>
          )}
        </Paper>
      ))}
      {dialog?.kind === 'group' && (
        <GroupModal group={dialog.group} onClose={() => setDialog(null)} onDone={done} />
      )}
      {dialog?.kind === 'session' && (
        <SessionModal group={dialog.group} onClose={() => setDialog(null)} onDone={done} />
      )}
    </Stack>
  );
}

function GroupModal({
  group,
  onClose,
  onDone,
}: {
  group: IntervisieGroup | null;
  onClose(): void;
  onDone(): void;
}) {
  const form = useForm({
    initialValues: { naam: group?.naam ?? '', leden: group?.leden.map((l) => l.personId) ?? [] },
  });
  const submit = form.onSubmit(async (v) => {
    const r = await invoke('intervisie.save', {
      id: group?.id ?? null,
      version: group?.version ?? null,
      naam: v.naam,
      begeleiderId: null,
      leden: v.leden,
    });
    if (!r.ok) return showServerError(form, r.error);
    showSaved(group ? 'Groep bijgewerkt' : 'Groep aangemaakt');
    onDone();
  });
  return (
    <Modal opened onClose={onClose} title={group ? group.naam : 'Nieuwe intervisiegroep'} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label="Naam" {...form.getInputProps('naam')} data-path="naam" />
          <PeoplePicker
            label="Leden"
            status={['aangemeld', 'intake', 'actief', 'gepauzeerd']}
            knownNames={Object.fromEntries(group?.leden.map((l) => [l.personId, l.naam]) ?? [])}
            value={form.values.leden}
            onChange={(ids) => form.setFieldValue('leden', ids)}
            error={form.errors.leden}
            data-path="leden"
          />
          <ModalActions onCancel={onClose} submit="Opslaan" />
        </Stack>
      </form>
    </Modal>
  );
}

function SessionModal({
  group,
  onClose,
  onDone,
}: {
  group: IntervisieGroup;
  onClose(): void;
  onDone(): void;
}) {
  const form = useForm({
    initialValues: {
      datum: dutchDate(),
      thema: '',
      duurMinuten: 90 as number | '',
      samenvatting: '',
      aanwezig: Object.fromEntries(group.leden.map((l) => [l.personId, true])) as Record<string, boolean>,
    },
  });
  const submit = form.onSubmit(async (v) => {
    const r = await invoke('intervisie.session', {
      groupId: group.id,
      datum: v.datum,
      thema: v.thema,
      duurMinuten: v.duurMinuten === '' ? null : v.duurMinuten,
      samenvatting: v.samenvatting || null,
      aanwezig: Object.entries(v.aanwezig)
        .filter(([, yes]) => yes)
        .map(([id]) => id),
    });
    if (!r.ok) return showServerError(form, r.error);
    showSaved('Bijeenkomst vastgelegd bij elke aanwezige');
    onDone();
  });
  return (
    <Modal opened onClose={onClose} title={`Bijeenkomst ${group.naam}`} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Group grow>
            <DutchDateInput
              label="Datum"
              clearable={false}
              {...form.getInputProps('datum')}
              data-path="datum"
            />
            <NumberInput
              label="Duur (minuten)"
              min={1}
              allowDecimal={false}
              {...form.getInputProps('duurMinuten')}
            />
          </Group>
          <TextInput label="Thema" {...form.getInputProps('thema')} data-path="thema" />
          <Textarea label="Samenvatting" autosize minRows={2} {...form.getInputProps('samenvatting')} />
          <Text size="sm" fw={600}>
            Aanwezig
          </Text>
          {group.leden.map((l) => (
            <Checkbox
              key={l.personId}
              label={l.naam}
              {...form.getInputProps(`aanwezig.${l.personId}`, { type: 'checkbox' })}
            />
          ))}
          <ModalActions onCancel={onClose} submit="Vastleggen" />
        </Stack>
      </form>
    </Modal>
  );
}
