import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Loader,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import {
  type LogEntry,
  type LogKind,
  logKindLabels,
  logKinds,
  type SignalKind,
  signalKindLabels,
  signalKinds,
} from '../../../../shared/begeleiding/inputs.ts';
import { type GoalStatus, goalStatuses, goalStatusLabels } from '../../../../shared/begeleiding/pop-diff.ts';
import { dutchDate } from '../../../../shared/dates.ts';
import { formatDate } from '../../../../shared/format.ts';
import type { Person } from '../../../../shared/persons.ts';
import { invoke } from '../../lib/api.ts';
import { DutchDateInput } from '../../lib/date-input.tsx';
import { showSaved, showServerError } from '../../lib/forms.ts';
import { useUnsavedGuard } from '../../lib/unsaved-guard.tsx';
import { useCall } from '../../lib/use-call.ts';
import { goalColors } from './PopTab.tsx';

interface Values {
  soort: LogKind;
  signaalSoort: SignalKind | null;
  datum: string;
  duurMinuten: number | '';
  samenvatting: string;
  afspraken: string;
  volgendeAfspraak: string | null;
  vertrouwelijk: boolean;
  ownerId: string | null;
  doelUpdates: { goalId: string; wat: string; mee: boolean; status: GoalStatus; notitie: string }[];
}

/** The begeleidingslog of one person: a new entry on top, then every conversation, newest first. */
export function LogTab({ person }: { person: Person }) {
  const log = useCall('begeleiding.log', { personId: person.id });
  const pop = useCall('begeleiding.pop', { personId: person.id });
  const staff = useCall('accounts.staff', {});
  const [open, setOpen] = useState(false);
  if (log.error) return <Alert color="red">{log.error.message}</Alert>;
  if (!log.data) return <Loader size="sm" />;
  const owners = (staff.data ?? [])
    .filter((s) => s.active && s.role !== 'administrateur')
    .map((s) => ({ value: s.id, label: s.displayName }));
  return (
    <Stack>
      {open ? (
        <EntryForm
          person={person}
          goals={(pop.data?.goals ?? []).map((g) => ({
            goalId: g.goal.id,
            wat: g.goal.wat,
            status: g.status,
          }))}
          owners={owners}
          onDone={() => {
            setOpen(false);
            void log.reload();
            void pop.reload();
          }}
          onCancel={() => setOpen(false)}
        />
      ) : (
        <Group>
          <Button onClick={() => setOpen(true)}>Gesprek of notitie vastleggen</Button>
        </Group>
      )}
      {log.data.length === 0 && <Text c="dimmed">Nog niets vastgelegd.</Text>}
      {log.data.map((e) => (
        <EntryCard key={e.id} entry={e} onChanged={() => void log.reload()} />
      ))}
    </Stack>
  );
}

function EntryCard({ entry: e, onChanged }: { entry: LogEntry; onChanged(): void }) {
  const [note, setNote] = useState('');
  const followUp = async (sluiten: boolean) => {
    const r = await invoke('begeleiding.followUpSignal', {
      id: e.id,
      version: e.version,
      opvolging: note,
      sluiten,
      datum: dutchDate(),
    });
    if (!r.ok) return showServerError(null, r.error);
    setNote('');
    showSaved(sluiten ? 'Signaal gesloten' : 'Opvolging vastgelegd');
    onChanged();
  };
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb={4}>
        <Group gap="xs">
          <Badge
            color={e.soort === 'signaal' ? 'orange' : 'teal'}
            variant="light"
            style={{ minWidth: 'max-content' }}
          >
            {logKindLabels[e.soort]}
            {e.signaalSoort ? `: ${signalKindLabels[e.signaalSoort].toLowerCase()}` : ''}
          </Badge>
          {e.vertrouwelijk && <Badge color="grape">vertrouwelijk</Badge>}
          {e.soort === 'signaal' && (
            <Badge color={e.geslotenOp ? 'gray' : 'red'}>
              {e.geslotenOp ? `gesloten ${formatDate(e.geslotenOp)}` : 'open'}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {formatDate(e.datum)}
          {e.duurMinuten ? ` · ${e.duurMinuten} min` : ''} · {e.auteur}
        </Text>
      </Group>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {e.samenvatting}
      </Text>
      {e.afspraken && (
        <Text size="sm" mt={4}>
          <b>Afspraken:</b> {e.afspraken}
        </Text>
      )}
      {e.volgendeAfspraak && (
        <Text size="sm" c="dimmed">
          Volgende afspraak: {formatDate(e.volgendeAfspraak)}
        </Text>
      )}
      {e.doelUpdates.map((u) => (
        <Group key={u.goalId} gap="xs" mt={4}>
          <Badge size="sm" color={goalColors[u.status]}>
            {goalStatusLabels[u.status]}
          </Badge>
          <Text size="sm">
            {u.wat}: {u.notitie}
          </Text>
        </Group>
      ))}
      {e.soort === 'signaal' && (
        <Stack gap={4} mt="xs">
          {e.eigenaar && (
            <Text size="sm" c="dimmed">
              Eigenaar: {e.eigenaar}
            </Text>
          )}
          {e.opvolging && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {e.opvolging}
            </Text>
          )}
          {!e.geslotenOp && (
            <Group align="flex-end">
              <Textarea
                label="Opvolging"
                autosize
                minRows={1}
                value={note}
                onChange={(ev) => setNote(ev.currentTarget.value)}
                style={{ flex: 1 }}
              />
              <Button variant="default" onClick={() => void followUp(false)}>
                Vastleggen
              </Button>
              <Button variant="light" onClick={() => void followUp(true)}>
                Vastleggen en sluiten
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Paper>
  );
}

function EntryForm({
  person,
  goals,
  owners,
  onDone,
  onCancel,
}: {
  person: Person;
  goals: { goalId: string; wat: string; status: GoalStatus }[];
  owners: { value: string; label: string }[];
  onDone(): void;
  onCancel(): void;
}) {
  const form = useForm<Values>({
    initialValues: {
      soort: 'ontwikkelingsgesprek',
      signaalSoort: null,
      datum: dutchDate(),
      duurMinuten: 60,
      samenvatting: '',
      afspraken: '',
      volgendeAfspraak: null,
      vertrouwelijk: false,
      ownerId: null,
      doelUpdates: goals.map((g) => ({
        goalId: g.goalId,
        wat: g.wat,
        mee: false,
        status: g.status,
        notitie: '',
      })),
    },
  });
  useUnsavedGuard(() => form.isDirty());
  const [busy, setBusy] = useState(false);
  const submit = form.onSubmit(async (v) => {
    setBusy(true);
    const r = await invoke('begeleiding.addLogEntry', {
      personId: person.id,
      soort: v.soort,
      signaalSoort: v.soort === 'signaal' ? v.signaalSoort : null,
      datum: v.datum,
      duurMinuten: v.duurMinuten === '' ? null : v.duurMinuten,
      samenvatting: v.samenvatting,
      afspraken: v.afspraken || null,
      volgendeAfspraak: v.volgendeAfspraak,
      vertrouwelijk: v.vertrouwelijk,
      ownerId: v.soort === 'signaal' ? v.ownerId : null,
      doelUpdates: v.doelUpdates
        .filter((u) => u.mee)
        .map(({ goalId, status, notitie }) => ({ goalId, status, notitie })),
    });
    setBusy(false);
    if (!r.ok) return showServerError(form, r.error);
    showSaved('Vastgelegd in de begeleidingslog');
    onDone();
  });
  const v = form.values;
  return (
    <form onSubmit={submit} noValidate>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={3} size="h5">
            Vastleggen
          </Title>
          <SimpleGrid cols={4} spacing="sm">
            <Select
              label="Soort"
              allowDeselect={false}
              data={logKinds.map((k) => ({ value: k, label: logKindLabels[k] }))}
              {...form.getInputProps('soort')}
            />
            {v.soort === 'signaal' && (
              <Select
                label="Wat voor signaal"
                data={signalKinds.map((k) => ({ value: k, label: signalKindLabels[k] }))}
                {...form.getInputProps('signaalSoort')}
                data-path="signaalSoort"
              />
            )}
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
              data-path="duurMinuten"
            />
            {v.soort === 'signaal' && (
              <Select
                label="Eigenaar"
                data={owners}
                clearable
                placeholder="ikzelf"
                {...form.getInputProps('ownerId')}
              />
            )}
          </SimpleGrid>
          <Textarea
            label="Samenvatting"
            autosize
            minRows={3}
            {...form.getInputProps('samenvatting')}
            data-path="samenvatting"
          />
          <SimpleGrid cols={2} spacing="sm">
            <Textarea label="Afspraken" autosize minRows={2} {...form.getInputProps('afspraken')} />
            <DutchDateInput
              label="Volgende afspraak"
              {...form.getInputProps('volgendeAfspraak')}
              data-path="volgendeAfspraak"
            />
          </SimpleGrid>
          {v.doelUpdates.length > 0 && (
            <Stack gap={6}>
              <Text size="sm" fw={600}>
                Besproken leerdoelen
              </Text>
              {v.doelUpdates.map((u, i) => (
                <Group key={u.goalId} align="flex-end" wrap="nowrap">
                  <Checkbox
                    label={u.wat}
                    mb={8}
                    w={260}
                    {...form.getInputProps(`doelUpdates.${i}.mee`, { type: 'checkbox' })}
                  />
                  {u.mee && (
                    <>
                      <Select
                        aria-label={`Nieuwe status ${u.wat}`}
                        w={150}
                        allowDeselect={false}
                        data={goalStatuses.map((s) => ({ value: s, label: goalStatusLabels[s] }))}
                        {...form.getInputProps(`doelUpdates.${i}.status`)}
                      />
                      <Textarea
                        aria-label={`Voortgang ${u.wat}`}
                        placeholder="Wat is er bereikt?"
                        autosize
                        minRows={1}
                        style={{ flex: 1 }}
                        {...form.getInputProps(`doelUpdates.${i}.notitie`)}
                        data-path={`doelUpdates.${i}.notitie`}
                      />
                    </>
                  )}
                </Group>
              ))}
            </Stack>
          )}
          <Checkbox
            label="Vertrouwelijk: alleen ik en de projectleiders zien dit"
            {...form.getInputProps('vertrouwelijk', { type: 'checkbox' })}
          />
          <Group>
            <Button type="submit" loading={busy}>
              Vastleggen
            </Button>
            <Button variant="default" onClick={onCancel}>
              Annuleren
            </Button>
          </Group>
        </Stack>
      </Paper>
    </form>
  );
}
