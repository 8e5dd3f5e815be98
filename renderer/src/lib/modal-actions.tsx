import { Button, Group } from '@mantine/core';

/**
 * The footer of every dialog form: cancel on the left, the form's own action on the right (spinning, and not to be
 * pressed twice, while `loading`).
 */
export function ModalActions({
  onCancel,
  submit,
  color,
  loading,
}: {
  onCancel(): void;
  submit: string;
  color?: string;
  loading?: boolean;
}) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        Annuleren
      </Button>
      <Button type="submit" color={color} loading={loading}>
        {submit}
      </Button>
    </Group>
  );
}
