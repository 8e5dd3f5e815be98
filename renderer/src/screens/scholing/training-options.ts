import type { Training } from '../../../../shared/scholing.ts';

/**
 * The aanbod as choices, with the training a record already has kept at the top when it has since been archived
 * (an archived training stays on the records that have it, but is not offered anew).
 */
export function trainingOptions(
  catalogue: readonly Training[] | null,
  current: { id: string; naam: string } | null,
): { value: string; label: string }[] {
  const options = (catalogue ?? []).map((t) => ({ value: t.id, label: t.naam }));
  if (current && !options.some((o) => o.value === current.id))
    options.unshift({ value: current.id, label: current.naam });
  return options;
}
