import { Badge } from '@mantine/core';
import { type PersonStatus, statusLabels } from '../../../shared/persons.ts';

const colors: Record<PersonStatus, string> = {
  aangemeld: 'blue',
  intake: 'cyan',
  actief: 'teal',
  gepauzeerd: 'yellow',
  gestopt: 'gray',
};

export function StatusBadge({ status }: { status: PersonStatus }) {
  return (
    <Badge color={colors[status]} variant="light" style={{ minWidth: 'max-content' }}>
      {statusLabels[status]}
    </Badge>
  );
}
