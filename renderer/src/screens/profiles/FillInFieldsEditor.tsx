import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { fieldKindLabels, fieldKinds, type ProfileField } from '../../../../shared/profiles.ts';
import type { ProfileEditorForm } from './profile-values.ts';

/** A fresh object each time, so no two fields share a list of choices. */
const newField = (): ProfileField => ({ naam: '', label: '', soort: 'tekst', verplicht: false, keuzes: [] });

/** The fields every contract or vacancy drafted from this profile fills in itself; a choice field lists its choices. */
export function FillInFieldsEditor({ form, readOnly }: { form: ProfileEditorForm; readOnly: boolean }) {
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <div>
          <Title order={2} size="h4">
            Invulvelden
          </Title>
          <Text size="sm" c="dimmed">
            Wat elk contract of elke vacature uit dit profiel zelf invult.
          </Text>
        </div>
        {!readOnly && (
          <Button size="xs" variant="light" onClick={() => form.insertListItem('velden', newField())}>
            Veld toevoegen
          </Button>
        )}
      </Group>
      <Stack gap="xs">
        {form.values.velden.map((field, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; position is their identity.
          <Group key={index} align="flex-end" wrap="nowrap" gap="sm">
            <TextInput
              label="Label"
              readOnly={readOnly}
              {...form.getInputProps(`velden.${index}.label`)}
              data-path={`velden.${index}.label`}
            />
            <TextInput
              label="Naam (techn.)"
              w={150}
              readOnly={readOnly}
              {...form.getInputProps(`velden.${index}.naam`)}
              data-path={`velden.${index}.naam`}
            />
            <Select
              label="Soort"
              w={150}
              allowDeselect={false}
              readOnly={readOnly}
              data={fieldKinds.map((kind) => ({ value: kind, label: fieldKindLabels[kind] }))}
              {...form.getInputProps(`velden.${index}.soort`)}
            />
            {field.soort === 'keuze' && (
              <TagsInput
                label="Keuzes"
                w={220}
                readOnly={readOnly}
                {...form.getInputProps(`velden.${index}.keuzes`)}
                data-path={`velden.${index}.keuzes`}
              />
            )}
            <Checkbox
              label="Verplicht"
              mb={8}
              disabled={readOnly}
              {...form.getInputProps(`velden.${index}.verplicht`, { type: 'checkbox' })}
            />
            {!readOnly && (
              <ActionIcon
                variant="subtle"
                color="red"
                mb={6}
                aria-label={`Veld ${index + 1} verwijderen`}
                onClick={() => form.removeListItem('velden', index)}
              >
                ×
              </ActionIcon>
            )}
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
