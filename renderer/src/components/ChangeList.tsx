import { List, Text } from '@mantine/core';
import type { FieldChange } from '../../../shared/audit.ts';
import { labelOf } from '../../../shared/field-labels.ts';
import { formatDate } from '../../../shared/format.ts';

const empty = (value: unknown) => value === null || value === undefined || value === '';

function show(value: unknown): string {
  if (empty(value)) return '—';
  if (value === true) return 'ja';
  if (value === false) return 'nee';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  return String(value);
}

/** 'Telefoon: 06 1234 → 06 5678', one line per changed field. */
export function ChangeList({ changes }: { changes: FieldChange[] }) {
  // A new record lists what it was given; nothing about fields left empty.
  const shown = changes.filter((c) => !(empty(c.before) && empty(c.after)));
  if (shown.length === 0) return null;
  const created = shown.every((c) => empty(c.before));
  return (
    <List size="xs" spacing={0} c="dimmed">
      {shown.map((c) => (
        <List.Item key={c.field}>
          <Text span size="xs" fw={500} c="dark">
            {labelOf(c.field)}
          </Text>
          : {created ? show(c.after) : `${show(c.before)} → ${show(c.after)}`}
        </List.Item>
      ))}
    </List>
  );
}
