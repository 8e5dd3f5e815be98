import { Alert, Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { labelOf } from '../../../../shared/field-labels.ts';
import { editableFields, type InboxItem } from '../../../../shared/sync.ts';
import { invoke } from '../../lib/api.ts';
import { showSaved } from '../../lib/forms.ts';

/** Text longer than this gets a field of several lines. */
const longText = 80;

/**
 * Te verwerken's third way out: the text the user typed, in fields they can change, sent again as one command
 * (sync.resolve 'aangepast'). The desk checks it as the call checks its input and names the field it refuses.
 */
export function EditAndSend({
  item,
  onBack,
  onResolved,
}: {
  item: InboxItem;
  onBack(): void;
  onResolved(): void;
}) {
  const fields = editableFields(item.input);
  const entered = item.input as Record<string, string>;
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(fields.map((f) => [f, entered[f] ?? ''])),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async () => {
    const invoer = Object.fromEntries(
      fields.filter((f) => values[f] !== entered[f]).map((f) => [f, values[f] ?? '']),
    );
    setBusy(true);
    setFailure(null);
    const r = await invoke('sync.resolve', {
      id: item.id,
      version: item.version,
      keuze: 'aangepast',
      invoer,
    });
    setBusy(false);
    if (r.ok) {
      showSaved('Aangepaste wijziging verstuurd');
      onResolved();
      return;
    }
    setErrors(r.error.fields ?? {});
    setFailure(r.error.message);
  };

  return (
    <Stack gap="sm">
      <Text size="sm">
        Pas aan wat je typte en verstuur het opnieuw, op de nieuwste stand. Bedragen, datums, keuzes en
        bestanden pas je aan op het scherm waar je de wijziging deed.
      </Text>
      {fields.map((field) => {
        const props = {
          label: labelOf(field),
          value: values[field] ?? '',
          error: errors[field],
          onChange: (event: { currentTarget: { value: string } }) => {
            const value = event.currentTarget.value;
            setValues((v) => ({ ...v, [field]: value }));
            setErrors(({ [field]: _, ...others }) => others);
            setFailure(null);
          },
        };
        return (entered[field] ?? '').length > longText ? (
          <Textarea key={field} autosize minRows={2} {...props} />
        ) : (
          <TextInput key={field} {...props} />
        );
      })}
      {failure && (
        <Alert color="red" role="alert">
          {failure}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onBack} disabled={busy}>
          Terug
        </Button>
        <Button loading={busy} onClick={() => void send()}>
          Aangepast versturen
        </Button>
      </Group>
    </Stack>
  );
}
