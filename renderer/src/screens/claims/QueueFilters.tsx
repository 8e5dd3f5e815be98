import { Checkbox, Group, Paper, Select, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import {
  type ClaimKind,
  type ClaimStatus,
  claimKindLabels,
  claimKinds,
  claimStatuses,
  claimStatusLabels,
} from '../../../../shared/claims.ts';
import { PersonPicker } from '../../components/PersonPicker.tsx';
import type { ClaimsQueue } from './use-claims-queue.ts';

/** The queue's filters: person, month, status, kind and "only with a check"; the bulk actions stand beside them. */
export function QueueFilters({ queue, children }: { queue: ClaimsQueue; children?: ReactNode }) {
  const { filters, setFilter } = queue;
  return (
    <Paper withBorder p="sm">
      <Group align="flex-end">
        <PersonPicker
          label="Sleutelpersoon"
          placeholder="Iedereen"
          w={200}
          value={filters.personId}
          onChange={(id) => setFilter('personId', id)}
        />
        <TextInput
          label="Maand"
          type="month"
          w={150}
          value={filters.maand ?? ''}
          onChange={(e) => setFilter('maand', e.currentTarget.value || null)}
        />
        <Select
          label="Status"
          data={claimStatuses.map((s) => ({ value: s, label: claimStatusLabels[s] }))}
          value={filters.status}
          onChange={(v) => setFilter('status', v as ClaimStatus | null)}
          clearable
          placeholder="Alle"
          w={150}
        />
        <Select
          label="Soort"
          data={claimKinds.map((k) => ({ value: k, label: claimKindLabels[k] }))}
          value={filters.soort}
          onChange={(v) => setFilter('soort', v as ClaimKind | null)}
          clearable
          placeholder="Alle"
          w={170}
        />
        <Checkbox
          label="Alleen met een melding"
          checked={filters.alleenMetMelding}
          onChange={(e) => setFilter('alleenMetMelding', e.currentTarget.checked)}
          mb={8}
        />
        {children}
      </Group>
    </Paper>
  );
}
