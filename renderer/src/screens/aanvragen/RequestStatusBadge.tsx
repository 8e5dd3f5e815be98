import { Badge } from '@mantine/core';
import { type RequestStatus, requestStatusLabels } from '../../../../shared/work-vocabulary.ts';

const colors: Record<RequestStatus, string> = {
  nieuw: 'blue',
  gematcht: 'cyan',
  uitgevoerd: 'teal',
  afgesloten: 'gray',
  niet_uitvoerbaar: 'red',
};

export function RequestStatusBadge({ status }: { status: RequestStatus }) {
  return (
    <Badge color={colors[status]} variant="light" style={{ minWidth: 'max-content' }}>
      {requestStatusLabels[status]}
    </Badge>
  );
}
