import { Group, Pagination, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { recordTypeLabels } from '../../../../shared/audit.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import { ChangeList, namesOf } from '../../components/ChangeList.tsx';
import { NoAccess } from '../../components/NotFound.tsx';
import { DutchDateInput } from '../../lib/date-input.tsx';
import { useCall } from '../../lib/use-call.ts';

/** Read-only: who changed what, when. */
export function AuditScreen() {
  const [accountId, setAccountId] = useState<string | null>(null);
  const [recordType, setRecordType] = useState<string | null>(null);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [page, setPage] = useState(0);
  const pageSize = 50;
  const staff = useCall('accounts.staff', {});
  const accountName = namesOf(staff.data);
  const { data, error } = useCall('audit.list', { accountId, recordType, from, to, page, pageSize });
  const reset =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(0);
    };

  if (error?.code === 'forbidden') return <NoAccess title="Auditlog" />;
  return (
    <Stack>
      <Title order={1} size="h2">
        Auditlog
      </Title>
      <Paper withBorder p="sm">
        <Group gap="sm" align="flex-end">
          <Select
            label="Wie"
            placeholder="Iedereen"
            data={(staff.data ?? []).map((s) => ({ value: s.id, label: s.displayName }))}
            value={accountId}
            onChange={reset(setAccountId)}
            clearable
            searchable
            w={200}
          />
          <Select
            label="Soort"
            placeholder="Alles"
            data={Object.entries(recordTypeLabels).map(([value, label]) => ({ value, label }))}
            value={recordType}
            onChange={reset(setRecordType)}
            clearable
            w={170}
          />
          <DutchDateInput label="Vanaf" value={from} onChange={reset(setFrom)} w={150} />
          <DutchDateInput label="Tot en met" value={to} onChange={reset(setTo)} w={150} />
        </Group>
      </Paper>
      {error && <Text c="red">{error.message}</Text>}
      <Paper withBorder>
        <Table verticalSpacing="xs" aria-label="Auditlog">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={150}>Tijd</Table.Th>
              <Table.Th w={170}>Wie</Table.Th>
              <Table.Th>Wat</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(data?.rows ?? []).map((e) => (
              <Table.Tr key={e.id} style={{ verticalAlign: 'top' }}>
                <Table.Td>{formatDateTime(e.at)}</Table.Td>
                <Table.Td>
                  {e.accountName ?? '—'}
                  {/* Only a change a desk sent to the server names its desk; one made here names none. */}
                  {e.deviceName && (
                    <Text size="xs" c="dimmed">
                      op {e.deviceName}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{e.summary}</Text>
                  <ChangeList changes={e.changes} accountName={accountName} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {data?.total === 0 && (
          <Text p="lg" ta="center" c="dimmed">
            Geen wijzigingen gevonden met deze filters.
          </Text>
        )}
      </Paper>
      {data && data.total > pageSize && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {data.total} wijzigingen
          </Text>
          <Pagination
            total={Math.ceil(data.total / pageSize)}
            value={page + 1}
            onChange={(p) => setPage(p - 1)}
          />
        </Group>
      )}
    </Stack>
  );
}
