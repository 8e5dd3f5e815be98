import { Alert, Button, Text } from '@mantine/core';

/** Shown when someone else saved the record first: what changed, and a way to load their version. */
export function ConflictAlert({ message, onReload }: { message: string | null; onReload(): void }) {
  if (!message) return null;
  return (
    <Alert color="orange" title="Niet opgeslagen: iemand anders was je voor" role="alert">
      <Text size="sm">{message}</Text>
      <Button mt="sm" size="xs" variant="light" onClick={onReload}>
        Nieuwste gegevens laden
      </Button>
    </Alert>
  );
}
