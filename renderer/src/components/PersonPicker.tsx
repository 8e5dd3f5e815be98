import { MultiSelect, type OptionsFilter, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useRef, useState } from 'react';
import type { PersonStatus } from '../../../shared/persons.ts';
import { useCall } from '../lib/use-call.ts';

/** Matches shown per search; typing more narrows it, over everyone in the register (searched in the main process). */
const shownMatches = 20;

interface Common {
  label: string;
  /** Only people in these statuses (default: everyone). */
  status?: PersonStatus[];
  error?: React.ReactNode;
  placeholder?: string;
  w?: number | string;
  'data-path'?: string;
}

/**
 * Search as you type over the whole register, for one or several people. Names already picked stay known even when
 * the current search no longer finds them.
 */
function usePersonSearch(status: PersonStatus[] | undefined, known: Record<string, string>) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 150);
  const { data } = useCall('persons.list', {
    search: debounced,
    status: status ?? [],
    pageSize: shownMatches,
  });
  const names = useRef(new Map(Object.entries(known)));
  for (const row of data?.rows ?? []) names.current.set(row.id, row.naam);
  const found = data?.rows.map((r) => ({ value: r.id, label: r.naam })) ?? [];
  const more = data && data.total > shownMatches ? data.total - shownMatches : 0;
  return { search, setSearch, found, names: names.current, more };
}

const noClientFilter: OptionsFilter = ({ options }) => options;

export function PersonPicker({
  value,
  onChange,
  knownName,
  ...props
}: Common & { value: string | null; onChange(id: string | null): void; knownName?: string | null }) {
  const known = useMemo(() => (value && knownName ? { [value]: knownName } : {}), [value, knownName]);
  const { search, setSearch, found, names, more } = usePersonSearch(props.status, known);
  const selected =
    value && !found.some((f) => f.value === value) ? [{ value, label: names.get(value) ?? '…' }] : [];
  return (
    <Select
      label={props.label}
      placeholder={props.placeholder ?? 'Typ om te zoeken'}
      error={props.error}
      w={props.w}
      data-path={props['data-path']}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={noClientFilter}
      data={[...selected, ...found]}
      value={value}
      onChange={onChange}
      nothingFoundMessage="Niemand gevonden"
      description={more > 0 ? `en nog ${more}: typ een naam, taal of plaats om te zoeken` : undefined}
    />
  );
}

export function PeoplePicker({
  value,
  onChange,
  knownNames,
  ...props
}: Common & { value: string[]; onChange(ids: string[]): void; knownNames?: Record<string, string> }) {
  const { search, setSearch, found, names, more } = usePersonSearch(props.status, knownNames ?? {});
  const picked = value.filter((id) => !found.some((f) => f.value === id));
  return (
    <MultiSelect
      label={props.label}
      placeholder={props.placeholder ?? 'Typ om te zoeken'}
      error={props.error}
      w={props.w}
      data-path={props['data-path']}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={noClientFilter}
      data={[...picked.map((id) => ({ value: id, label: names.get(id) ?? '…' })), ...found]}
      value={value}
      onChange={onChange}
      nothingFoundMessage="Niemand gevonden"
      description={more > 0 ? `en nog ${more}: typ een naam, taal of plaats om te zoeken` : undefined}
    />
  );
}
