import { Badge } from '@mantine/core';

/** Beside the name of an archived record in a register list. */
export function ArchivedBadge() {
  return (
    <Badge ml="xs" color="gray" variant="light" size="sm">
      gearchiveerd
    </Badge>
  );
}
