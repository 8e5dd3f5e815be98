import { List, Text } from '@mantine/core';
import { type FieldChange, formatChangeValue } from '../../../shared/audit.ts';
import { labelOf } from '../../../shared/field-labels.ts';

const empty = (value: unknown) => value === null || value === undefined || value === '';

/** 'Telefoon: 06 1234 → 06 5678', one line per changed field, in words rather than codes. */
export function ChangeList({
  changes,
  accountName,
}: {
  changes: FieldChange[];
  /** An account's name by its id, for fields such as the vaste begeleider. */
  accountName: (id: string) => string | undefined;
}) {
  // A new record lists what it was given; nothing about fields left empty.
  const shown = changes.filter((c) => !(empty(c.before) && empty(c.after)));
  if (shown.length === 0) return null;
  const created = shown.every((c) => empty(c.before));
  const show = (field: string, value: unknown) => formatChangeValue(field, value, accountName);
  return (
    <List size="xs" spacing={0} c="dimmed">
      {shown.map((c) => (
        <List.Item key={c.field}>
          <Text span size="xs" fw={500} c="dark">
            {labelOf(c.field)}
          </Text>
          : {created ? show(c.field, c.after) : `${show(c.field, c.before)} → ${show(c.field, c.after)}`}
        </List.Item>
      ))}
    </List>
  );
}

/** Account names by id from the staff list, for ChangeList. */
export function namesOf(staff: { id: string; displayName: string }[] | null | undefined) {
  const names = new Map((staff ?? []).map((s) => [s.id, s.displayName]));
  return (id: string) => names.get(id);
}
