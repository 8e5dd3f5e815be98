import { Chip, Group, Stack, Text } from '@mantine/core';

/** A row of chips for one list of the vocabulary: many can be picked, each with one click. */
export function ChipRow<K extends string>({
  label,
  keys,
  labels,
  value,
  onChange,
  path,
  error,
}: {
  label: string;
  keys: readonly K[];
  labels: (k: K) => string;
  value: K[];
  onChange(v: K[]): void;
  path: string;
  error?: React.ReactNode;
}) {
  return (
    <Stack gap={4} data-path={path} tabIndex={-1}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <Chip.Group multiple value={value} onChange={(v) => onChange(v as K[])}>
        <Group gap={6}>
          {keys.map((k) => (
            <Chip key={k} value={k} size="xs" variant="outline">
              {labels(k)}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      {error && (
        <Text size="xs" c="red">
          {error}
        </Text>
      )}
    </Stack>
  );
}
