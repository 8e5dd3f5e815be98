import {
  Anchor,
  Badge,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { addMonths, dutchDate } from '../../../../shared/dates.ts';
import { formatDate, formatHours, formatMonthName } from '../../../../shared/format.ts';
import { monthPeriod, type Period, quarterPeriod } from '../../../../shared/periods.ts';
import { type LoadGroup, type LoadRow, loadFlagLabels } from '../../../../shared/verdeling.ts';
import { DutchDateInput } from '../../lib/date-input.tsx';
import { href } from '../../lib/route.ts';
import { useCall } from '../../lib/use-call.ts';

type PeriodKind = 'maand' | 'kwartaal' | 'anders';

/** The last two years of months (this one first) and of quarters, to choose from. */
function monthOptions(today: string) {
  return Array.from({ length: 24 }, (_, i) => {
    const month = addMonths(`${today.slice(0, 7)}-01`, -i).slice(0, 7);
    return { value: month, label: formatMonthName(month) };
  });
}
function quarterOptions(today: string) {
  return Array.from({ length: 8 }, (_, i) => {
    const q = quarterPeriod(addMonths(`${today.slice(0, 7)}-01`, -3 * i));
    const n = Math.floor((Number(q.van.slice(5, 7)) - 1) / 3) + 1;
    return { value: q.van, label: `${n}e kwartaal ${q.van.slice(0, 4)}` };
  });
}

const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)}%`);

/**
 * How the work is spread over the pool in a period: per person hours and activities against the hours their
 * contract expects, the overloaded and the hardly asked flagged, heaviest first; and per gemeente and per language.
 */
export function VerdelingScreen() {
  const today = dutchDate();
  const [kind, setKind] = useState<PeriodKind>('maand');
  const [month, setMonth] = useState(today.slice(0, 7));
  const [quarter, setQuarter] = useState(quarterPeriod(today).van);
  const [custom, setCustom] = useState<{ van: string | null; tot: string | null }>(monthPeriod(today));
  const [gemeente, setGemeente] = useState<string | null>(null);
  const [taal, setTaal] = useState<string | null>(null);
  const options = useCall('persons.filterOptions', {});

  const period: Period | null =
    kind === 'maand'
      ? monthPeriod(`${month}-01`)
      : kind === 'kwartaal'
        ? quarterPeriod(quarter)
        : custom.van && custom.tot
          ? { van: custom.van, tot: custom.tot }
          : null;
  const { data, error } = useCall('verdeling.overview', period ? { ...period, gemeente, taal } : null);
  const rows = data?.rows ?? [];
  const overloaded = rows.filter((r) => r.vlaggen.includes('overbelast')).length;
  const hardlyAsked = rows.filter((r) => r.vlaggen.includes('nauwelijks_gevraagd')).length;

  return (
    <Stack>
      <Title order={1} size="h2">
        Verdeling
      </Title>
      <Paper withBorder p="sm">
        <Group gap="sm" align="flex-end">
          <Stack gap={4}>
            <Text size="sm" fw={500} id="periode-soort">
              Periode
            </Text>
            <SegmentedControl
              aria-labelledby="periode-soort"
              value={kind}
              onChange={(v) => setKind(v as PeriodKind)}
              data={[
                { value: 'maand', label: 'Maand' },
                { value: 'kwartaal', label: 'Kwartaal' },
                { value: 'anders', label: 'Anders' },
              ]}
            />
          </Stack>
          {kind === 'maand' && (
            <Select
              label="Maand"
              data={monthOptions(today)}
              value={month}
              onChange={(v) => v && setMonth(v)}
              allowDeselect={false}
              w={170}
            />
          )}
          {kind === 'kwartaal' && (
            <Select
              label="Kwartaal"
              data={quarterOptions(today)}
              value={quarter}
              onChange={(v) => v && setQuarter(v)}
              allowDeselect={false}
              w={170}
            />
          )}
          {kind === 'anders' && (
            <>
              <DutchDateInput
                label="Vanaf"
                value={custom.van}
                onChange={(v) => setCustom((c) => ({ ...c, van: v }))}
                w={150}
              />
              <DutchDateInput
                label="Tot en met"
                value={custom.tot}
                onChange={(v) => setCustom((c) => ({ ...c, tot: v }))}
                w={150}
              />
            </>
          )}
          <Select
            label="Gemeente"
            placeholder="Alle gemeenten"
            data={options.data?.gemeenten ?? []}
            value={gemeente}
            onChange={setGemeente}
            clearable
            searchable
            w={180}
          />
          <Select
            label="Taal"
            placeholder="Alle talen"
            data={options.data?.talen ?? []}
            value={taal}
            onChange={setTaal}
            clearable
            searchable
            w={170}
          />
        </Group>
      </Paper>
      {error && <Text c="red">{error.message}</Text>}
      {data && (
        <Group gap="xl">
          <Text size="sm">
            {formatDate(data.van)} t/m {formatDate(data.tot)}: <b>{formatHours(data.totaal.minuten)}</b> uur
            in <b>{data.totaal.activiteiten}</b>{' '}
            {data.totaal.activiteiten === 1 ? 'activiteit' : 'activiteiten'}
          </Text>
          <Text size="sm" c={overloaded > 0 ? 'red' : undefined}>
            <b>{overloaded}</b> overbelast
          </Text>
          <Text size="sm" c={hardlyAsked > 0 ? 'orange' : undefined}>
            <b>{hardlyAsked}</b> nauwelijks gevraagd
          </Text>
        </Group>
      )}
      <Paper withBorder>
        <LoadTable rows={rows} />
        {data && rows.length === 0 && (
          <Text p="lg" ta="center" c="dimmed">
            Geen actieve sleutelpersonen en geen inzet in deze periode.
          </Text>
        )}
      </Paper>
      {data && rows.length > 0 && (
        <SimpleGrid cols={{ base: 1, xl: 2 }}>
          <GroupTable title="Per gemeente" empty="Gemeente onbekend" groups={data.perGemeente} />
          <GroupTable title="Per taal" empty="Geen taal vastgelegd" groups={data.perTaal} />
        </SimpleGrid>
      )}
    </Stack>
  );
}

function LoadTable({ rows }: { rows: LoadRow[] }) {
  return (
    <Table verticalSpacing="xs" horizontalSpacing="xs" aria-label="Belasting per sleutelpersoon">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Sleutelpersoon</Table.Th>
          <Table.Th ta="right">Activiteiten</Table.Th>
          <Table.Th ta="right">Uren</Table.Th>
          <Table.Th ta="right">Verwacht</Table.Th>
          <Table.Th ta="right">Belasting</Table.Th>
          <Table.Th>Signaal</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.personId}>
            <Table.Td>
              <Anchor href={href(`/personen/${r.personId}`)} size="sm">
                {r.naam}
              </Anchor>
              {/* Place and languages under the name: the table fits a 1024-pixel-wide window. */}
              <Text size="xs" c="dimmed">
                {[r.gemeente ?? 'gemeente onbekend', r.talen.join(', '), r.actief ? null : 'niet meer actief']
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            </Table.Td>
            <Table.Td ta="right">{r.activiteiten}</Table.Td>
            <Table.Td ta="right">{formatHours(r.minuten)}</Table.Td>
            <Table.Td ta="right">
              {r.verwachtMinuten === null ? '—' : formatHours(r.verwachtMinuten)}
            </Table.Td>
            <Table.Td ta="right" fw={r.vlaggen.includes('overbelast') ? 700 : undefined}>
              {percent(r.belasting)}
            </Table.Td>
            <Table.Td>
              <Group gap={4}>
                {r.vlaggen.map((f) => (
                  <Badge
                    key={f}
                    variant="light"
                    color={f === 'overbelast' ? 'red' : 'orange'}
                    style={{ minWidth: 'max-content' }}
                  >
                    {loadFlagLabels[f]}
                  </Badge>
                ))}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function GroupTable({ title, empty, groups }: { title: string; empty: string; groups: LoadGroup[] }) {
  return (
    <Paper withBorder>
      <Title order={2} size="h5" p="sm">
        {title}
      </Title>
      <Table verticalSpacing={4} horizontalSpacing="xs" aria-label={title}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{title === 'Per taal' ? 'Taal' : 'Gemeente'}</Table.Th>
            <Table.Th ta="right">Personen</Table.Th>
            <Table.Th ta="right">Uren</Table.Th>
            <Table.Th ta="right">Verwacht</Table.Th>
            <Table.Th ta="right">Overbelast</Table.Th>
            <Table.Th ta="right" title="Nauwelijks gevraagd">
              Weinig gevraagd
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups.map((g) => (
            <Table.Tr key={g.naam}>
              <Table.Td c={g.naam ? undefined : 'dimmed'}>{g.naam || empty}</Table.Td>
              <Table.Td ta="right">{g.personen}</Table.Td>
              <Table.Td ta="right">{formatHours(g.minuten)}</Table.Td>
              <Table.Td ta="right">{formatHours(g.verwachtMinuten)}</Table.Td>
              <Table.Td ta="right" c={g.overbelast > 0 ? 'red' : undefined}>
                {g.overbelast}
              </Table.Td>
              <Table.Td ta="right" c={g.nauwelijksGevraagd > 0 ? 'orange' : undefined}>
                {g.nauwelijksGevraagd}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
