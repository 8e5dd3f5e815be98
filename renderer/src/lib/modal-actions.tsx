import { Button, Group } from '@mantine/core';

/** The footer of every dialog form: cancel on the left, the form's own action on the right. */
export function ModalActions({
  onCancel,
  submit,
  color,
}: {
  onCancel(): void;
  submit: string;
  color?: string;
}) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        Annuleren
      </Button>
      <Button type="submit" color={color}>
        {submit}
      </Button>
    </Group>
  );
}
