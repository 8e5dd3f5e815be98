import { Select } from '@mantine/core';
import { formatCents, formatDate } from '../../../../shared/format.ts';
import type { TrainingForClaim } from '../../../../shared/scholing.ts';
import { useCall } from '../../lib/use-call.ts';

/**
 * For a claim of training costs: the person's trainings with their costs, to fill the description and amount.
 * Training costs are onkosten with a receipt, outside the volunteer allowance's limits.
 */
export function TrainingClaimPicker({
  personId,
  onPick,
}: {
  personId: string;
  onPick(t: TrainingForClaim): void;
}) {
  const { data } = useCall('scholing.forClaim', { personId });
  if (!data || data.length === 0) return null;
  return (
    <Select
      label="Kosten van een training"
      placeholder="Kies een training om de omschrijving in te vullen"
      description="Trainingskosten zijn onkosten: ze vallen buiten de vrijwilligersvergoeding."
      clearable
      data={data.map((t) => ({
        value: t.id,
        label: `${t.naam} (${t.aanbieder}${t.datum ? `, ${formatDate(t.datum)}` : ''}) ${formatCents(t.kostenCents)}`,
      }))}
      onChange={(id) => {
        const t = data.find((x) => x.id === id);
        if (t) onPick(t);
      }}
    />
  );
}
