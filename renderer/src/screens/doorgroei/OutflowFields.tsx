import { Select, Textarea } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { outflowKindLabels, outflowKinds } from '../../../../shared/doorgroei.ts';

/**
 * What someone went on to: the kind and a toelichting (needed for "anders"); at a stop, where it may stay open
 * (`optional`) to be recorded later, and when recorded or edited afterwards.
 */
export function OutflowFields<V>({
  form,
  prefix,
  optional = false,
}: {
  form: UseFormReturnType<V>;
  prefix: string;
  optional?: boolean;
}) {
  return (
    <>
      <Select
        label="Uitstroom: wat gaat de persoon doen?"
        placeholder={optional ? 'Nog niet bekend (later vast te leggen)' : 'Kies een vervolg'}
        data={outflowKinds.map((kind) => ({ value: kind, label: outflowKindLabels[kind] }))}
        clearable={optional}
        allowDeselect={optional}
        {...form.getInputProps(`${prefix}vervolg`)}
        data-path={`${prefix}vervolg`}
        // A dialog focuses this rather than a date field, whose calendar would open over the form.
        data-autofocus
      />
      <Textarea
        label="Reden en toelichting uitstroom"
        description="Bijvoorbeeld de werkgever, de opleiding of de reden van stoppen."
        autosize
        minRows={2}
        {...form.getInputProps(`${prefix}toelichting`)}
        data-path={`${prefix}toelichting`}
      />
    </>
  );
}
