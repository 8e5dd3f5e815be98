import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  List,
  Loader,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { PopView } from '../../../../shared/begeleiding/inputs.ts';
import {
  type GoalStatus,
  goalStatuses,
  goalStatusLabels,
  type PopContent,
} from '../../../../shared/begeleiding/pop-diff.ts';
import { rhythmLabels, rhythms } from '../../../../shared/begeleiding/rhythm.ts';
import { dutchDate } from '../../../../shared/dates.ts';
import { formatDate, formatDateTime } from '../../../../shared/format.ts';
import type { Person } from '../../../../shared/persons.ts';
import { invoke } from '../../lib/api.ts';
import { DutchDateInput } from '../../lib/date-input.tsx';
import { downloadFile } from '../../lib/download.ts';
import { showSaved, showServerError } from '../../lib/forms.ts';
import { useUnsavedGuard } from '../../lib/unsaved-guard.tsx';
import { useCall } from '../../lib/use-call.ts';

export const goalColors: Record<GoalStatus, string> = {
  open: 'gray',
  bezig: 'blue',
  behaald: 'teal',
  bijgesteld: 'yellow',
  gestopt: 'dark',
};

/** The person's POP: the current plan with each goal's trail, earlier versions and what changed, and a review form. */
export function PopTab({ person }: { person: Person }) {
  const [versie, setVersie] = useState<number | null>(null);
  const { data, error, loading, reload } = useCall('begeleiding.pop', { personId: person.id, versie });
  const [editing, setEditing] = useState(false);
  if (error) return <Alert color="red">{error.message}</Alert>;
  if (loading && data === null) return <Loader size="sm" />;
  if (data === null || editing) {
    return (
      <PopForm
        person={person}
        pop={data}
        onDone={() => {
          setEditing(false);
          setVersie(null);
          void reload();
        }}
        onCancel={data ? () => setEditing(false) : null}
      />
    );
  }
  const pdf = async () => {
    const r = await invoke('begeleiding.popPdf', { personId: person.id, versie: null });
    if (r.ok) downloadFile(r.value);
    else showServerError(null, r.error);
  };
  const p = data.shown;
  const old = data.shownVersie !== data.versie;
  return (
    <Stack>
      <Group justify="space-between">
        <Group gap="sm">
          <Select
            aria-label="Versie van het POP"
            w={270}
            allowDeselect={false}
            value={String(data.shownVersie)}
            data={data.versions.map((v) => ({
              value: String(v.versie),
              label: `Versie ${v.versie} · ${formatDateTime(v.createdAt)}`,
            }))}
            onChange={(v) => setVersie(Number(v) === data.versie ? null : Number(v))}
          />
          {old && <Badge color="blue">oudere versie</Badge>}
        </Group>
        <Group gap="sm">
          <Button variant="default" onClick={() => void pdf()}>
            POP als PDF
          </Button>
          {!old && <Button onClick={() => setEditing(true)}>Bijstellen (nieuwe versie)</Button>}
        </Group>
      </Group>
      <Paper withBorder p="md">
        <SimpleGrid cols={3} spacing="sm">
          <Fact label="Gestart op">{formatDate(p.startdatum)}</Fact>
          <Fact label="Gespreksritme">{p.ritme ? rhythmLabels[p.ritme] : 'niet afgesproken'}</Fact>
          <Fact label="Versie">{`${data.shownVersie} van ${data.versie}`}</Fact>
          <Fact label="Kwaliteiten">{p.kwaliteiten || '—'}</Fact>
          <Fact label="Ambitie">{p.ambitie || '—'}</Fact>
        </SimpleGrid>
      </Paper>
      {data.changes.length > 0 && (
        <Paper withBorder p="md">
          <Title order={3} size="h5" mb="xs">
            Gewijzigd ten opzichte van versie {data.shownVersie - 1}
          </Title>
          <List size="sm">
            {data.changes.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: changes have no identity beyond their order.
              <List.Item key={i}>
                {c.kind === 'veld' && `${c.label}: ${c.before} → ${c.after}`}
                {c.kind === 'doel_nieuw' && `Nieuw leerdoel: ${c.goal.wat}`}
                {c.kind === 'doel_weg' && `Leerdoel vervallen: ${c.goal.wat}`}
                {c.kind === 'doel_gewijzigd' &&
                  `${c.wat}: ${c.changes.map((x) => `${x.label.toLowerCase()} ${x.before} → ${x.after}`).join('; ')}`}
              </List.Item>
            ))}
          </List>
        </Paper>
      )}
      <Title order={3} size="h5">
        Leerdoelen
      </Title>
      {(old ? p.doelen.map((goal) => ({ goal, status: goal.status, progress: [] })) : data.goals).map(
        ({ goal, status, progress }) => (
          <Paper key={goal.id} withBorder p="md">
            <Group justify="space-between">
              <Text fw={600}>{goal.wat}</Text>
              <Badge color={goalColors[status]}>{goalStatusLabels[status]}</Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {[
                goal.hoe && `Hoe: ${goal.hoe}`,
                goal.wieHelpt && `Wie helpt: ${goal.wieHelpt}`,
                goal.streefdatum && `Streefdatum ${formatDate(goal.streefdatum)}`,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
            {progress.length > 0 && (
              <List size="sm" mt="xs">
                {progress.map((pr) => (
                  <List.Item key={pr.id}>
                    {formatDate(pr.datum)} · {goalStatusLabels[pr.status].toLowerCase()}: {pr.notitie}
                  </List.Item>
                ))}
              </List>
            )}
          </Paper>
        ),
      )}
    </Stack>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {children}
      </Text>
    </div>
  );
}

function PopForm({
  person,
  pop,
  onDone,
  onCancel,
}: {
  person: Person;
  pop: PopView | null;
  onDone(): void;
  onCancel: (() => void) | null;
}) {
  const start: PopContent = pop
    ? { ...pop.current, doelen: pop.goals.map((g) => ({ ...g.goal, status: g.status })) }
    : { startdatum: dutchDate(), kwaliteiten: '', ambitie: '', ritme: 'maandelijks', doelen: [] };
  const form = useForm<PopContent>({ initialValues: start });
  useUnsavedGuard(() => form.isDirty());
  const [busy, setBusy] = useState(false);
  const submit = form.onSubmit(async (content) => {
    setBusy(true);
    const r = await invoke('begeleiding.savePop', {
      personId: person.id,
      version: pop?.version ?? null,
      content,
    });
    setBusy(false);
    if (!r.ok) {
      // Field paths come back as content.<field>; the form knows them without the prefix.
      const fields = Object.fromEntries(
        Object.entries(r.error.fields ?? {}).map(([k, v]) => [k.replace(/^content\./, ''), v]),
      );
      return showServerError(form, { ...r.error, fields });
    }
    showSaved(pop ? `POP bijgesteld: versie ${pop.versie + 1}` : 'POP vastgelegd');
    onDone();
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Title order={3} size="h4">
          {pop ? `POP bijstellen (wordt versie ${pop.versie + 1})` : `Nieuw POP voor ${person.naam}`}
        </Title>
        <Paper withBorder p="md">
          <SimpleGrid cols={2} spacing="sm">
            <DutchDateInput
              label="Startdatum"
              clearable={false}
              {...form.getInputProps('startdatum')}
              data-path="startdatum"
            />
            <Select
              label="Afgesproken gespreksritme"
              data={rhythms.map((r) => ({ value: r, label: rhythmLabels[r] }))}
              clearable
              {...form.getInputProps('ritme')}
            />
            <Textarea label="Kwaliteiten" autosize minRows={2} {...form.getInputProps('kwaliteiten')} />
            <Textarea
              label="Ambitie"
              description="Bijvoorbeeld een mbo-opleiding of een betaalde baan als cultuurmediator."
              autosize
              minRows={2}
              {...form.getInputProps('ambitie')}
            />
          </SimpleGrid>
        </Paper>
        <Group justify="space-between">
          <Title order={3} size="h5">
            Leerdoelen
          </Title>
          <Button
            size="xs"
            variant="light"
            onClick={() =>
              form.insertListItem('doelen', {
                id: crypto.randomUUID(),
                wat: '',
                hoe: '',
                wieHelpt: '',
                streefdatum: null,
                status: 'open',
              })
            }
          >
            Leerdoel toevoegen
          </Button>
        </Group>
        {form.values.doelen.map((g, i) => (
          <Paper key={g.id} withBorder p="md">
            <Group align="flex-start" wrap="nowrap">
              <SimpleGrid cols={3} spacing="sm" style={{ flex: 1 }}>
                <TextInput
                  label="Wat"
                  {...form.getInputProps(`doelen.${i}.wat`)}
                  data-path={`doelen.${i}.wat`}
                  style={{ gridColumn: 'span 2' }}
                />
                <Select
                  label="Status"
                  allowDeselect={false}
                  data={goalStatuses.map((s) => ({ value: s, label: goalStatusLabels[s] }))}
                  {...form.getInputProps(`doelen.${i}.status`)}
                />
                <TextInput label="Hoe" {...form.getInputProps(`doelen.${i}.hoe`)} />
                <TextInput label="Wie helpt" {...form.getInputProps(`doelen.${i}.wieHelpt`)} />
                <DutchDateInput
                  label="Streefdatum"
                  {...form.getInputProps(`doelen.${i}.streefdatum`)}
                  data-path={`doelen.${i}.streefdatum`}
                />
              </SimpleGrid>
              <ActionIcon
                variant="subtle"
                color="red"
                mt={28}
                aria-label={`Leerdoel ${i + 1} verwijderen`}
                onClick={() => form.removeListItem('doelen', i)}
              >
                ×
              </ActionIcon>
            </Group>
          </Paper>
        ))}
        <Group>
          <Button type="submit" loading={busy}>
            {pop ? 'Opslaan als nieuwe versie' : 'POP vastleggen'}
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              Annuleren
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
