import { Button, Group } from '@mantine/core';

/** The two actions on a row of a register whose records are archived, never deleted: change it, or (un)archive it. */
export function EditArchiveButtons({
  naam,
  gearchiveerd,
  onEdit,
  onArchive,
}: {
  naam: string;
  gearchiveerd: boolean;
  onEdit(): void;
  onArchive(): void;
}) {
  return (
    <Group gap="xs" justify="flex-end" wrap="nowrap">
      <Button size="compact-sm" variant="light" onClick={onEdit} aria-label={`${naam} wijzigen`}>
        Wijzigen
      </Button>
      <Button size="compact-sm" variant="default" onClick={onArchive}>
        {gearchiveerd ? 'Terugzetten' : 'Archiveren'}
      </Button>
    </Group>
  );
}
