import {
  Alert,
  Button,
  Group,
  Loader,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { CallInput } from '../../../../shared/contract.ts';
import { dutchDate } from '../../../../shared/dates.ts';
import { type PeriodKind, periodOf } from '../../../../shared/periods.ts';
import {
  formatReportValue,
  type ReportScope,
  type ReportTable,
  type ScopeKind,
  scopeKindLabels,
  scopeKinds,
} from '../../../../shared/verantwoording.ts';
import { reportCharts } from '../../../../shared/verantwoording-charts.ts';
import { invoke } from '../../lib/api.ts';
import { DutchDateInput } from '../../lib/date-input.tsx';
import { downloadFile } from '../../lib/download.ts';
import { showServerError } from '../../lib/forms.ts';
import { useSession } from '../../lib/session.tsx';
import { useCall } from '../../lib/use-call.ts';
import { ReportChart } from './ReportChart.tsx';

const months = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function FigureTable({ table }: { table: ReportTable }) {
  return (
    <Paper withBorder p="sm">
      <Text fw={600} mb={4}>
        {table.title}
      </Text>
      {table.rows.length === 0 ? (
        <Text c="dimmed" size="sm">
          Niets vastgelegd.
        </Text>
      ) : (
        <Table verticalSpacing={3} fz="sm" aria-label={table.title}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{table.labelTitle}</Table.Th>
              {table.columns.map((c) => (
                <Table.Th key={c.title} ta="right">
                  {c.title}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {table.rows.map((r) => (
              <Table.Tr key={r.label}>
                <Table.Td>{r.label}</Table.Td>
                {r.values.map((v, i) => (
                  <Table.Td key={table.columns[i]?.title ?? i} ta="right">
                    {formatReportValue(v, table.columns[i]?.format ?? 'aantal')}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

/** Verantwoording: the report for a period and scope, with charts, to read here and hand on as PDF or Excel. */
export function VerantwoordingScreen() {
  const { account } = useSession();
  const today = dutchDate();
  const thisYear = Number(today.slice(0, 4));
  const thisMonth = Number(today.slice(5, 7));
  const [kind, setKind] = useState<PeriodKind>('kwartaal');
  const [year, setYear] = useState(thisYear);
  const [month, setMonth] = useState(thisMonth);
  const [quarter, setQuarter] = useState(Math.ceil(thisMonth / 3));
  const [range, setRange] = useState({ van: `${thisYear}-01-01`, tot: today });
  const [scopeKind, setScopeKind] = useState<ScopeKind>('organisatie');
  const [scopeValue, setScopeValue] = useState<string | null>(null);
  const [busy, setBusy] = useState<'pdf' | 'xlsx' | null>(null);
  const partners = useCall('ketenpartners.list', { metGearchiveerd: true });
  const projects = useCall('ketenpartners.projects', { metGearchiveerd: true });

  const period =
    kind === 'anders'
      ? range
      : periodOf(kind, year, kind === 'maand' ? month : kind === 'kwartaal' ? quarter : 1);
  const scope: ReportScope | null =
    scopeKind === 'organisatie'
      ? { soort: 'organisatie' }
      : !scopeValue
        ? null
        : scopeKind === 'gemeente'
          ? { soort: 'gemeente', gemeente: scopeValue }
          : { soort: scopeKind, id: scopeValue };
  const input: CallInput<'verantwoording.report'> | null =
    scope && period.van && period.tot ? { ...period, scope } : null;
  const { data: report, error, loading } = useCall('verantwoording.report', input);

  const download = async (what: 'pdf' | 'xlsx') => {
    if (!input) return;
    setBusy(what);
    const r = await invoke(what === 'pdf' ? 'verantwoording.pdf' : 'verantwoording.xlsx', input);
    setBusy(null);
    if (r.ok) downloadFile(r.value, what === 'pdf' ? 'application/pdf' : xlsxType);
    else showServerError(null, r.error);
  };

  const scopeOptions =
    scopeKind === 'partner'
      ? (partners.data ?? []).map((p) => ({ value: p.id, label: p.naam }))
      : (projects.data ?? []).map((p) => ({ value: p.id, label: p.naam }));

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          Verantwoording
        </Title>
        <Group>
          <Button
            variant="default"
            disabled={!report}
            loading={busy === 'xlsx'}
            onClick={() => download('xlsx')}
          >
            Excel downloaden
          </Button>
          <Button disabled={!report} loading={busy === 'pdf'} onClick={() => download('pdf')}>
            PDF downloaden
          </Button>
        </Group>
      </Group>
      <Paper withBorder p="md">
        <Group align="flex-end" gap="md">
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              Periode
            </Text>
            <SegmentedControl
              aria-label="Soort periode"
              value={kind}
              onChange={(v) => setKind(v as PeriodKind)}
              data={[
                { value: 'maand', label: 'Maand' },
                { value: 'kwartaal', label: 'Kwartaal' },
                { value: 'jaar', label: 'Jaar' },
                { value: 'anders', label: 'Van – tot' },
              ]}
            />
          </Stack>
          {kind !== 'anders' && (
            <NumberInput
              label="Jaar"
              w={100}
              min={2000}
              max={2100}
              value={year}
              onChange={(v) => setYear(Number(v) || thisYear)}
            />
          )}
          {kind === 'maand' && (
            <Select
              label="Maand"
              w={150}
              value={String(month)}
              onChange={(v) => setMonth(Number(v ?? thisMonth))}
              data={months.map((m, i) => ({ value: String(i + 1), label: m }))}
              allowDeselect={false}
            />
          )}
          {kind === 'kwartaal' && (
            <Select
              label="Kwartaal"
              w={110}
              value={String(quarter)}
              onChange={(v) => setQuarter(Number(v ?? 1))}
              data={[1, 2, 3, 4].map((q) => ({ value: String(q), label: `Q${q}` }))}
              allowDeselect={false}
            />
          )}
          {kind === 'anders' && (
            <>
              <DutchDateInput
                label="Van"
                w={150}
                value={range.van}
                onChange={(v) => setRange({ ...range, van: v ?? '' })}
              />
              <DutchDateInput
                label="Tot en met"
                w={150}
                value={range.tot}
                onChange={(v) => setRange({ ...range, tot: v ?? '' })}
              />
            </>
          )}
          <Select
            label="Voor"
            w={200}
            value={scopeKind}
            onChange={(v) => {
              setScopeKind((v ?? 'organisatie') as ScopeKind);
              setScopeValue(null);
            }}
            data={scopeKinds.map((k) => ({ value: k, label: scopeKindLabels[k] }))}
            allowDeselect={false}
          />
          {scopeKind === 'gemeente' && (
            <TextInput
              label="Gemeente"
              w={200}
              value={scopeValue ?? ''}
              onChange={(e) => setScopeValue(e.currentTarget.value.trim() || null)}
            />
          )}
          {(scopeKind === 'partner' || scopeKind === 'project') && (
            <Select
              label={scopeKindLabels[scopeKind]}
              w={260}
              searchable
              value={scopeValue}
              onChange={setScopeValue}
              data={scopeOptions}
              nothingFoundMessage="Niets gevonden"
            />
          )}
        </Group>
      </Paper>
      {error && <Alert color="red">{error.message}</Alert>}
      {!input && <Text c="dimmed">Kies voor wie het verslag is.</Text>}
      {input && loading && !report && <Loader size="sm" />}
      {input && report && (
        <>
          <Text size="sm" c="dimmed">
            {report.scopeNaam} · {period.van.split('-').reverse().join('-')} t/m{' '}
            {period.tot.split('-').reverse().join('-')}.{' '}
            {account.role === 'projectleider'
              ? 'Je ziet de precieze aantallen; in de PDF en het Excel-bestand staan aantallen mensen onder de 5 als '
              : 'Aantallen mensen onder de 5 staan als '}
            <span style={{ whiteSpace: 'nowrap' }}>"&lt; 5"</span>
            {account.role === 'projectleider' ? '.' : ', zodat niemand herkenbaar is.'}
          </Text>
          <SimpleGrid cols={{ base: 2, md: 3, lg: 6 }}>
            {report.kerncijfers.map((k) => (
              <Paper withBorder p="sm" key={k.label}>
                <Text size="xs" c="dimmed">
                  {k.label}
                </Text>
                <Text fw={700} size="xl">
                  {formatReportValue(k.value, k.format)}
                </Text>
              </Paper>
            ))}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            {reportCharts.map((spec) => (
              <Paper withBorder p="sm" key={spec.key}>
                <ReportChart report={report} spec={spec} />
              </Paper>
            ))}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            {report.tables.map((t) => (
              <FigureTable key={t.key} table={t} />
            ))}
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
