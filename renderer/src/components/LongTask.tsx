import { Group, Loader, Progress, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';

/**
 * Shown instead of a frozen button while a long task runs (in a worker thread of the main side): what is being
 * done, how long it has taken so far, and that the rest of Schakel stays usable meanwhile.
 */
export function LongTask({ label, note }: { label: string; note?: string }) {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setSeconds((s) => s + 1), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <Stack gap={6} role="status" aria-live="polite" miw={280}>
      <Group gap="xs" wrap="nowrap">
        <Loader size="xs" />
        <Text size="sm" fw={500}>
          {label}
        </Text>
        {seconds >= 2 && (
          <Text size="sm" c="dimmed">
            {seconds} s
          </Text>
        )}
      </Group>
      <Progress value={100} animated size="sm" aria-label={label} />
      {note && (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      )}
    </Stack>
  );
}
