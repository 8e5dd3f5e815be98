import { Alert, Badge, Button, Group, List, Modal, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { formatDateTime } from '../../../../shared/format.ts';
import { editableFields, type InboxItem } from '../../../../shared/sync.ts';
import { namesOf } from '../../components/ChangeList.tsx';
import { invoke } from '../../lib/api.ts';
import { showSaved } from '../../lib/forms.ts';
import { useCall } from '../../lib/use-call.ts';
import { callPhrase, subjectOf } from './call-phrases.ts';
import { EditAndSend } from './EditAndSend.tsx';
import { EnteredValues } from './EnteredValues.tsx';

export const outcomeLabels: Record<InboxItem['outcome'], string> = {
  afgewezen: 'Afgewezen',
  conflict: 'Conflict',
};
export const outcomeColors: Record<InboxItem['outcome'], string> = { afgewezen: 'red', conflict: 'orange' };

type Choice = 'opnieuw' | 'verworpen';

/**
 * One item of Te verwerken: what the user did and entered, why the server did not take it, for a conflict what
 * changed meanwhile, by whom and when; and the ways out: apply again, change the text first (EditAndSend), or let go.
 */
export function InboxItemDialog({
  item,
  onClose,
  onResolved,
}: {
  item: InboxItem;
  onClose(): void;
  onResolved(): void;
}) {
  const staff = useCall('accounts.staff', {});
  const [busy, setBusy] = useState<Choice | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const editable = editableFields(item.input).length > 0;
  const conflict = item.outcome === 'conflict';
  const who = item.details?.changedBy ?? 'iemand anders';
  const subject = subjectOf(item.input);

  const resolve = async (keuze: Choice) => {
    setBusy(keuze);
    setFailure(null);
    const r = await invoke('sync.resolve', { id: item.id, version: item.version, keuze });
    setBusy(null);
    if (r.ok) {
      showSaved(keuze === 'opnieuw' ? 'Wijziging opnieuw verstuurd' : 'Wijziging laten vervallen');
      onResolved();
    } else setFailure(r.error.message);
  };

  return (
    <Modal opened onClose={onClose} title={callPhrase(item.call)} size="xl">
      <Stack gap="md">
        <Group gap="xs">
          <Badge color={outcomeColors[item.outcome]} variant="light" style={{ minWidth: 'max-content' }}>
            {outcomeLabels[item.outcome]}
          </Badge>
          <Text size="sm" c="dimmed">
            {subject ? `${subject} · ` : ''}gedaan op {formatDateTime(item.madeAt)}
          </Text>
        </Group>
        <Alert color={outcomeColors[item.outcome]} title="Melding van de server">
          {item.message}
        </Alert>
        {item.details && (
          <div>
            <Title order={3} size="h5" mb={4}>
              Intussen gewijzigd
            </Title>
            <Text size="sm">
              Door {who}
              {item.details.changedAt ? ` op ${formatDateTime(item.details.changedAt)}` : ''}.
              {item.details.fields.length > 0 ? ' Gewijzigde velden:' : ''}
            </Text>
            {item.details.fields.length > 0 && (
              <List size="sm" withPadding>
                {item.details.fields.map((f) => (
                  <List.Item key={f}>{f}</List.Item>
                ))}
              </List>
            )}
          </div>
        )}
        <div>
          <Title order={3} size="h5" mb={4}>
            Wat je invoerde
          </Title>
          {editing ? (
            <EditAndSend item={item} onBack={() => setEditing(false)} onResolved={onResolved} />
          ) : (
            <EnteredValues
              value={item.input}
              accountName={namesOf(staff.data)}
              changed={item.details?.fields ?? []}
            />
          )}
        </div>
        {!editing && (
          <>
            <Text size="sm" c="dimmed">
              {editable
                ? 'Bedragen, datums, keuzes en bestanden pas je aan op het scherm waar je de wijziging deed; laat deze daarna vervallen.'
                : 'Wil je het anders? Maak de wijziging opnieuw op het scherm waar je hem deed, en laat deze daarna vervallen.'}
            </Text>
            <InboxChoices conflict={conflict} editable={editable} who={who} />
          </>
        )}
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        {!editing && (
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Sluiten
            </Button>
            <Button
              variant={conflict ? 'default' : 'filled'}
              color={conflict ? undefined : 'red'}
              loading={busy === 'verworpen'}
              disabled={busy !== null}
              onClick={() => void resolve('verworpen')}
            >
              Laten vervallen
            </Button>
            {editable && (
              <Button variant="default" disabled={busy !== null} onClick={() => setEditing(true)}>
                Aanpassen…
              </Button>
            )}
            {conflict && (
              <Button
                loading={busy === 'opnieuw'}
                disabled={busy !== null}
                onClick={() => void resolve('opnieuw')}
              >
                Opnieuw toepassen
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Modal>
  );
}

/** What each way out does, in words. */
function InboxChoices({ conflict, editable, who }: { conflict: boolean; editable: boolean; who: string }) {
  return (
    <Stack gap={4}>
      {editable && (
        <Text size="sm">
          <b>Aanpassen</b>: je wijzigt wat je typte en verstuurt het opnieuw, op de nieuwste stand.
        </Text>
      )}
      {conflict && (
        <Text size="sm">
          <b>Opnieuw toepassen</b>: je wijziging gaat nog eens naar de server, nu op de nieuwste stand. Wat
          jij invoerde vervangt dan wat {who} intussen veranderde.
        </Text>
      )}
      <Text size="sm">
        <b>Laten vervallen</b>:{' '}
        {conflict
          ? `je wijziging vervalt; wat ${who} veranderde blijft staan.`
          : 'je wijziging vervalt; de server houdt wat hij had.'}
      </Text>
    </Stack>
  );
}
