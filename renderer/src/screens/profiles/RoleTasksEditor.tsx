import { ActionIcon, Autocomplete, Button, Group, Paper, Stack, Textarea, Title } from '@mantine/core';
import { knownRoles } from '../../../../shared/profiles.ts';
import type { ProfileEditorForm } from './profile-values.ts';

/** The tasks per role: a role name and its tasks, one per line; roles are added and removed in place. */
export function RoleTasksEditor({ form, readOnly }: { form: ProfileEditorForm; readOnly: boolean }) {
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          Taken per rol
        </Title>
        {!readOnly && (
          <Button
            size="xs"
            variant="light"
            onClick={() => form.insertListItem('taken', { rol: '', taken: '' })}
          >
            Rol toevoegen
          </Button>
        )}
      </Group>
      <Stack gap="sm">
        {form.values.taken.map((_, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; position is their identity.
          <Group key={index} align="flex-start" wrap="nowrap">
            <Autocomplete
              label="Rol"
              data={knownRoles}
              w={200}
              readOnly={readOnly}
              {...form.getInputProps(`taken.${index}.rol`)}
              data-path={`taken.${index}.rol`}
            />
            <Textarea
              label="Taken (één per regel)"
              autosize
              minRows={2}
              style={{ flex: 1 }}
              readOnly={readOnly}
              {...form.getInputProps(`taken.${index}.taken`)}
              data-path={`taken.${index}.taken`}
            />
            {!readOnly && (
              <ActionIcon
                variant="subtle"
                color="red"
                mt={28}
                aria-label={`Rol ${index + 1} verwijderen`}
                onClick={() => form.removeListItem('taken', index)}
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
