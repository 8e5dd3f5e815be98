import { Box, Button, ColorSwatch, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { showServerError } from '../../lib/forms.ts';
import { linkColors, statusText } from './status-text.ts';
import { useSyncStatus } from './sync-status.tsx';

/**
 * Below the menu, for every role, in team mode only: how this computer stands with the server ('Offline · 12
 * wijzigingen wachten', 'Bijgewerkt om 14:32'), the last problem in words, and a way to bring it up to date now.
 */
export function StatusLine() {
  const { status, syncNow } = useSyncStatus();
  const [busy, setBusy] = useState(false);
  const text = status ? statusText(status, new Date()) : null;
  if (!status || text === null) return null;
  const now = async () => {
    setBusy(true);
    const result = await syncNow();
    setBusy(false);
    if (!result.ok) showServerError(null, result.error);
  };
  return (
    <Stack gap={2} px="xs" mb="xs">
      <Box role="status" aria-live="polite">
        <Group gap={6} wrap="nowrap" align="flex-start">
          <ColorSwatch
            color={`var(--mantine-color-${linkColors[status.verbinding]}-6)`}
            size={8}
            mt={6}
            withShadow={false}
            aria-hidden
            style={{ flexShrink: 0 }}
          />
          <Text size="xs">{text}</Text>
        </Group>
        {/* Two lines at most beside the menu; the whole text stays readable on hovering and in Instellingen. */}
        {status.melding && (
          <Text size="xs" c="dimmed" ml={14} lineClamp={2} title={status.melding}>
            {status.melding}
          </Text>
        )}
      </Box>
      {status.verbinding !== 'ingetrokken' && (
        <Button
          variant="subtle"
          size="compact-xs"
          ml={8}
          w="fit-content"
          loading={busy}
          disabled={status.verbinding === 'bezig'}
          onClick={() => void now()}
        >
          Nu bijwerken
        </Button>
      )}
    </Stack>
  );
}
