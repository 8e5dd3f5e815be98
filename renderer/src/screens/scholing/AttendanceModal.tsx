import { Checkbox, Modal, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { formatDateLong } from '../../../../shared/format.ts';
import type { TrainingSession } from '../../../../shared/scholing.ts';
import { invoke } from '../../lib/api.ts';
import { showSaved, showServerError } from '../../lib/forms.ts';
import { ModalActions } from '../../lib/modal-actions.tsx';

/** Who was there, once for all: their training is completed on the session's date; the others keep it to follow. */
export function AttendanceModal({
  session,
  onClose,
  onDone,
}: {
  session: TrainingSession;
  onClose(): void;
  onDone(): void;
}) {
  const form = useForm({
    initialValues: {
      aanwezig: Object.fromEntries(session.deelnemers.map((d) => [d.personId, true])) as Record<
        string,
        boolean
      >,
    },
  });
  const submit = form.onSubmit(async (v) => {
    const r = await invoke('scholing.recordAttendance', {
      id: session.id,
      version: session.version,
      aanwezig: Object.entries(v.aanwezig)
        .filter(([, yes]) => yes)
        .map(([id]) => id),
    });
    if (!r.ok) return showServerError(form, r.error);
    showSaved('Aanwezigheid vastgelegd; de training staat als afgerond bij wie er was');
    onDone();
  });
  return (
    <Modal opened onClose={onClose} title={`Aanwezigheid ${session.trainingNaam}`} size="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            {formatDateLong(session.datum)} · {session.plaats}
          </Text>
          {session.deelnemers.map((d) => (
            <Checkbox
              key={d.personId}
              label={d.naam}
              {...form.getInputProps(`aanwezig.${d.personId}`, { type: 'checkbox' })}
            />
          ))}
          {form.errors.aanwezig && (
            <Text c="red" size="sm" data-path="aanwezig" tabIndex={-1}>
              {form.errors.aanwezig}
            </Text>
          )}
          <ModalActions onCancel={onClose} submit="Vastleggen" />
        </Stack>
      </form>
    </Modal>
  );
}
