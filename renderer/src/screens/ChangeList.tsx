import { List, Text } from '@mantine/core';
import type { FieldChange } from '../../../shared/audit.ts';
import { labelOf } from '../../../shared/field-labels.ts';

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (value === true) return 'ja';
  if (value === false) return 'nee';
  return String(value);
}

/** 'Telefoon: 06 1234 → 06 5678', one line per changed field. */
export function ChangeList({ changes }: { changes: FieldChange[] }) {
  if (changes.length === 0) return null;
  return (
    <List size="xs" spacing={0} c="dimmed">
      {changes.map((c) => (
        <List.Item key={c.field}>
          <Text span size="xs" fw={500} c="dark">
            {labelOf(c.field)}
          </Text>
          : {show(c.before)} → {show(c.after)}
        </List.Item>
      ))}
    </List>
  );
}
