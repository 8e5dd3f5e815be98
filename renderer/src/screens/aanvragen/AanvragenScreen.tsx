import {
  Anchor,
  Button,
  Group,
  MultiSelect,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { formatDate } from '../../../../shared/format.ts';
import {
  activityKindLabels,
  type RequestStatus,
  requestStatuses,
  requestStatusLabels,
} from '../../../../shared/work-vocabulary.ts';
import { DutchDateInput } from '../../lib/date-input.tsx';
import { href, navigate } from '../../lib/route.ts';
import { useCan } from '../../lib/session.tsx';
import { useCall } from '../../lib/use-call.ts';
import { RequestForm } from './RequestForm.tsx';
import { RequestStatusBadge } from './RequestStatusBadge.tsx';

const nowrap = { whiteSpace: 'nowrap' } as const;

/** 'wanted on' as one day or a period. */
export function wantedPeriod(van: string | null, tot: string | null): string {
  if (!van) return '—';
  return tot && tot !== van ? `${formatDate(van)} – ${formatDate(tot)}` : formatDate(van);
}

/** The requests: filtered by status, partner and period received, newest first (or oldest, by the header). */
export function AanvragenScreen() {
  const can = useCan();
  const [status, setStatus] = useState<RequestStatus[]>([]);
  const [partnerId, setPartnerId] = useState<string | null>(null);
  const [van, setVan] = useState<string | null>(null);
  const [tot, setTot] = useState<string | null>(null);
  const [oldestFirst, setOldestFirst] = useState(false);
  const [creating, setCreating] = useState(false);
  const { data, error } = useCall('aanvragen.list', {
    status,
    partnerId,
    van: van || null,
    tot: tot || null,
  });
  const { data: partners } = useCall('ketenpartners.list', { metGearchiveerd: true });
  const rows = useMemo(() => (oldestFirst ? [...(data ?? [])].reverse() : (data ?? [])), [data, oldestFirst]);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          Aanvragen
        </Title>
        {can('aanvragen.save') && <Button onClick={() => setCreating(true)}>Nieuwe aanvraag</Button>}
      </Group>
      <Group align="flex-end" gap="sm">
        <MultiSelect
          label="Status"
          placeholder={status.length === 0 ? 'Alle' : undefined}
          data={requestStatuses.map((s) => ({ value: s, label: requestStatusLabels[s] }))}
          value={status}
          onChange={(v) => setStatus(v as RequestStatus[])}
          clearable
          w={200}
        />
        <Select
          label="Ketenpartner"
          placeholder="Alle"
          clearable
          searchable
          data={[
            { value: 'inloop', label: 'Inloop (geen partner)' },
            ...(partners ?? []).map((p) => ({ value: p.id, label: p.naam })),
          ]}
          value={partnerId}
          onChange={setPartnerId}
          w={200}
        />
        <DutchDateInput label="Ontvangen van" value={van} onChange={setVan} w={140} />
        <DutchDateInput label="tot en met" value={tot} onChange={setTot} w={130} />
      </Group>
      {error && <Text c="red">{error.message}</Text>}
      <Paper withBorder>
        <Table verticalSpacing="xs" highlightOnHover aria-label="Aanvragen">
          <Table.Thead>
            <Table.Tr>
              <Table.Th p={0} aria-sort={oldestFirst ? 'ascending' : 'descending'}>
                <UnstyledButton
                  fw={700}
                  fz="sm"
                  px="xs"
                  py={8}
                  onClick={() => setOldestFirst((o) => !o)}
                  style={nowrap}
                >
                  Ontvangen {oldestFirst ? '▲' : '▼'}
                </UnstyledButton>
              </Table.Th>
              <Table.Th>Aanvraag</Table.Th>
              <Table.Th>Ketenpartner</Table.Th>
              <Table.Th>Talen</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Sleutelpersonen</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td style={nowrap}>{formatDate(r.ontvangenOp)}</Table.Td>
                <Table.Td>
                  <Anchor href={href(`/aanvragen/${r.id}`)} size="sm" fw={500}>
                    {activityKindLabels[r.soortHulp]}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {[r.gemeente, r.gewenstVan ? `gewenst ${wantedPeriod(r.gewenstVan, r.gewenstTot)}` : null]
                      .filter(Boolean)
                      .join(' · ') || '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {r.partnerNaam ?? (
                    <Text size="sm" c="dimmed">
                      Inloop
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{r.talen.join(', ') || '—'}</Table.Td>
                <Table.Td>
                  <RequestStatusBadge status={r.status} />
                </Table.Td>
                <Table.Td>{r.personen.join(', ') || '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {data?.length === 0 && (
          <Text c="dimmed" p="md">
            Geen aanvragen{status.length > 0 || partnerId || van || tot ? ' met deze filters' : ''}.
          </Text>
        )}
      </Paper>
      {creating && (
        <RequestForm
          request={null}
          onClose={() => setCreating(false)}
          onSaved={(id) => {
            setCreating(false);
            navigate(`/aanvragen/${id}`);
          }}
        />
      )}
    </Stack>
  );
}
