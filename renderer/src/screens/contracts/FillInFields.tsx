import { NumberInput, Paper, Select, SimpleGrid, TagsInput, Textarea, TextInput, Title } from '@mantine/core';
import { commonLanguages } from '../../../../shared/persons.ts';
import type { Profile, ProfileField } from '../../../../shared/profiles.ts';
import type { EditorForm } from './term-fields.ts';

type FieldValue = string | number | string[];

function FillInField({
  field,
  value,
  onChange,
  error,
}: {
  field: ProfileField;
  value: unknown;
  onChange(value: FieldValue): void;
  error?: string;
}) {
  const common = {
    label: field.label,
    required: field.verplicht,
    error,
    'data-path': `velden.${field.naam}`,
  };
  switch (field.soort) {
    case 'tekst':
      return (
        <TextInput
          {...common}
          value={String(value ?? '')}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      );
    case 'lange_tekst':
      return (
        <Textarea
          {...common}
          autosize
          minRows={2}
          value={String(value ?? '')}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      );
    case 'getal':
      return (
        <NumberInput
          {...common}
          value={typeof value === 'number' ? value : ''}
          onChange={(typed) => onChange(typed === '' ? '' : Number(typed))}
          min={0}
        />
      );
    case 'keuze':
      return (
        <Select
          {...common}
          data={field.keuzes}
          value={typeof value === 'string' ? value : null}
          onChange={(chosen) => onChange(chosen ?? '')}
        />
      );
    case 'talen':
      return (
        <TagsInput
          {...common}
          data={commonLanguages}
          value={Array.isArray(value) ? value : []}
          onChange={onChange}
        />
      );
  }
}

/** The functieprofiel's own fill-in fields ('Invullen uit het profiel'); nothing when it has none. */
export function FillInFields({ form, profile }: { form: EditorForm; profile: Profile | null }) {
  const fields = profile?.current.velden ?? [];
  if (fields.length === 0) return null;
  const velden = form.values.velden;
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h5" mb="sm">
        Invullen uit het profiel
      </Title>
      <SimpleGrid cols={2} spacing="sm">
        {fields.map((field) => (
          <FillInField
            key={field.naam}
            field={field}
            value={velden[field.naam]}
            error={form.errors[`velden.${field.naam}`] as string | undefined}
            onChange={(value) => form.setFieldValue('velden', { ...velden, [field.naam]: value })}
          />
        ))}
      </SimpleGrid>
    </Paper>
  );
}
