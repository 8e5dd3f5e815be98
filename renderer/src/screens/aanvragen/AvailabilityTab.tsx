import {
  Anchor,
  Button,
  Group,
  Loader,
  Paper,
  Stack,
  Switch,
  Table,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useState } from 'react';
import type { Availability } from '../../../../shared/aanvragen.ts';
import { capitalise, formatDate } from '../../../../shared/format.ts';
import type { Person } from '../../../../shared/persons.ts';
import {
  activityKindLabels,
  type Dagdeel,
  dayparts,
  weekdayNames,
  weekdays,
} from '../../../../shared/work-vocabulary.ts';
import { invoke } from '../../lib/api.ts';
import { DutchDateInput } from '../../lib/date-input.tsx';
import { showSaved, showServerError } from '../../lib/forms.ts';
import { href } from '../../lib/route.ts';
import { useCan } from '../../lib/session.tsx';
import { useUnsavedGuard } from '../../lib/unsaved-guard.tsx';
import { useCall } from '../../lib/use-call.ts';
import { RequestStatusBadge } from './RequestStatusBadge.tsx';

const partNames: Record<(typeof dayparts)[number], string> = {
  ochtend: 'Ochtend',
  middag: 'Middag',
  avond: 'Avond',
};

/** When someone can usually be asked, how they travel, and when they are away: read by matching. */
export function AvailabilityTab({ person }: { person: Person }) {
  const { data, reload } = useCall('aanvragen.availability', { personId: person.id });
  if (!data) return <Loader size="sm" aria-label="Laden" />;
  return (
    <Stack>
      <PatternForm
        key={data.version ?? 0}
        person={person}
        availability={data}
        onSaved={() => void reload()}
      />
      <Absences person={person} availability={data} onChanged={() => void reload()} />
      <MatchedRequests person={person} />
    </Stack>
  );
}

function PatternForm({
  person,
  availability: a,
  onSaved,
}: {
  person: Person;
  availability: Availability;
  onSaved(): void;
}) {
  const [picked, setPicked] = useState<Set<Dagdeel>>(new Set(a.dagdelen));
  const [eigenVervoer, setEigenVervoer] = useState(a.eigenVervoer);
  const [ookGemeenten, setOokGemeenten] = useState(a.ookGemeenten);
  const [toelichting, setToelichting] = useState(a.toelichting ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const readOnly = person.geanonimiseerd;
  // Leaving with ticked dagdelen not saved asks first, as every editor does.
  useUnsavedGuard(
    () =>
      !readOnly &&
      (picked.size !== a.dagdelen.length ||
        a.dagdelen.some((d) => !picked.has(d)) ||
        eigenVervoer !== a.eigenVervoer ||
        ookGemeenten.join('|') !== a.ookGemeenten.join('|') ||
        toelichting !== (a.toelichting ?? '')),
  );
  const toggle = (d: Dagdeel) =>
    setPicked((now) => {
      const next = new Set(now);
      if (next.has(d)) next.delete(d);
      else next.add(d);
      return next;
    });
  const save = async () => {
    const r = await invoke('aanvragen.saveAvailability', {
      personId: person.id,
      version: a.version,
      dagdelen: [...picked],
      eigenVervoer,
      ookGemeenten,
      toelichting,
    });
    if (!r.ok) {
      setErrors(r.error.fields ?? {});
      return showServerError(null, r.error);
    }
    showSaved('Beschikbaarheid opgeslagen');
    onSaved();
  };
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Weekpatroon
        </Title>
        <Text size="sm" c="dimmed">
          Klik de dagdelen aan waarop {person.naam} meestal gevraagd kan worden.
        </Text>
        <Table withColumnBorders withTableBorder w="fit-content" aria-label="Beschikbare dagdelen">
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              {weekdays.map((d) => (
                <Table.Th key={d} ta="center" w={72}>
                  <abbr title={capitalise(weekdayNames[d])} style={{ textDecoration: 'none' }}>
                    {capitalise(d)}
                  </abbr>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {dayparts.map((p) => (
              <Table.Tr key={p}>
                <Table.Th>{partNames[p]}</Table.Th>
                {weekdays.map((d) => {
                  const key = `${d}-${p}` as Dagdeel;
                  const on = picked.has(key);
                  return (
                    <Table.Td key={key} p={0} bg={on ? 'teal.1' : undefined}>
                      <UnstyledButton
                        w="100%"
                        h={36}
                        ta="center"
                        fz="sm"
                        fw={on ? 600 : 400}
                        c={on ? 'teal.9' : 'dimmed'}
                        disabled={readOnly}
                        aria-pressed={on}
                        aria-label={`${capitalise(weekdayNames[d])} ${partNames[p].toLowerCase()}`}
                        onClick={() => toggle(key)}
                      >
                        {on ? '✓' : '·'}
                      </UnstyledButton>
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {errors.dagdelen && (
          <Text c="red" size="sm">
            {errors.dagdelen}
          </Text>
        )}
        <Switch
          label="Eigen vervoer (auto, scooter of fiets voor langere afstanden)"
          checked={eigenVervoer}
          disabled={readOnly}
          onChange={(e) => setEigenVervoer(e.currentTarget.checked)}
        />
        <TagsInput
          label="Gaat ook naar deze gemeenten"
          description={`Naast de eigen gemeente${person.gemeente ? ` (${person.gemeente})` : ''}; typ een naam en druk op Enter`}
          value={ookGemeenten}
          onChange={setOokGemeenten}
          disabled={readOnly}
          error={errors.ookGemeenten}
          maw={640}
          data-path="ookGemeenten"
        />
        <Textarea
          label="Toelichting"
          placeholder="Bijvoorbeeld: niet in de schoolvakanties"
          autosize
          minRows={2}
          value={toelichting}
          onChange={(e) => setToelichting(e.currentTarget.value)}
          disabled={readOnly}
          error={errors.toelichting}
          maw={640}
          data-path="toelichting"
        />
        {!readOnly && (
          <Group>
            <Button onClick={() => void save()}>Beschikbaarheid opslaan</Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function Absences({
  person,
  availability,
  onChanged,
}: {
  person: Person;
  availability: Availability;
  onChanged(): void;
}) {
  const [van, setVan] = useState<string | null>(null);
  const [tot, setTot] = useState<string | null>(null);
  const [reden, setReden] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const add = async () => {
    const r = await invoke('aanvragen.addAbsence', {
      personId: person.id,
      van: van ?? '',
      tot: tot ?? van ?? '',
      reden,
    });
    if (!r.ok) {
      setErrors(r.error.fields ?? {});
      return showServerError(null, r.error);
    }
    showSaved('Afwezigheid vastgelegd');
    setVan(null);
    setTot(null);
    setReden('');
    setErrors({});
    onChanged();
  };
  const remove = async (a: Availability['afwezigheden'][number]) => {
    const r = await invoke('aanvragen.removeAbsence', { id: a.id, version: a.version });
    if (!r.ok) return showServerError(null, r.error);
    showSaved('Afwezigheid verwijderd');
    onChanged();
  };
  const cap = (s: string | undefined) => (s ? capitalise(s) : undefined);
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Afwezig
        </Title>
        {availability.afwezigheden.length === 0 ? (
          <Text size="sm" c="dimmed">
            Geen afwezigheid vastgelegd.
          </Text>
        ) : (
          <Table verticalSpacing={4} w="fit-content" miw={480} aria-label="Afwezigheid">
            <Table.Tbody>
              {availability.afwezigheden.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {a.van === a.tot ? formatDate(a.van) : `${formatDate(a.van)} t/m ${formatDate(a.tot)}`}
                  </Table.Td>
                  <Table.Td>{a.reden ?? '—'}</Table.Td>
                  <Table.Td ta="right">
                    {!person.geanonimiseerd && (
                      <Button
                        size="compact-sm"
                        variant="default"
                        onClick={() => void remove(a)}
                        aria-label={`Afwezigheid vanaf ${formatDate(a.van)} verwijderen`}
                      >
                        Verwijderen
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {!person.geanonimiseerd && (
          <Group align="flex-end" gap="sm">
            <DutchDateInput
              label="Afwezig van"
              value={van}
              onChange={setVan}
              error={cap(errors.van)}
              w={140}
            />
            <DutchDateInput
              label="tot en met"
              placeholder="Eén dag"
              value={tot}
              onChange={setTot}
              error={cap(errors.tot)}
              w={140}
            />
            <TextInput
              label="Reden"
              placeholder="Niet verplicht"
              value={reden}
              onChange={(e) => setReden(e.currentTarget.value)}
              error={cap(errors.reden)}
              w={160}
            />
            <Button variant="light" onClick={() => void add()}>
              Afwezigheid toevoegen
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/** The requests the person was matched to, newest first: what they were asked for lately. */
function MatchedRequests({ person }: { person: Person }) {
  const can = useCan();
  const { data } = useCall(
    'aanvragen.list',
    can('aanvragen.list') ? { partnerId: null, personId: person.id } : null,
  );
  if (!data) return null;
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Aanvragen
        </Title>
        {data.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nog niet gekoppeld aan een aanvraag.
          </Text>
        ) : (
          <Table verticalSpacing={4} aria-label="Aanvragen van deze sleutelpersoon">
            <Table.Tbody>
              {data.slice(0, 10).map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(r.ontvangenOp)}</Table.Td>
                  <Table.Td>
                    <Anchor href={href(`/aanvragen/${r.id}`)} size="sm">
                      {activityKindLabels[r.soortHulp]}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{r.partnerNaam ?? 'Inloop'}</Table.Td>
                  <Table.Td>
                    <RequestStatusBadge status={r.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
