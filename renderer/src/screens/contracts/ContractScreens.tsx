import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Grid,
  Group,
  Loader,
  Modal,
  Paper,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { type Contract, type ContractStatus, contractStatusLabels } from '../../../../shared/contracts.ts';
import { dutchDate } from '../../../../shared/dates.ts';
import { formatDate, formatDateTime } from '../../../../shared/format.ts';
import { contractFormLabels } from '../../../../shared/profiles.ts';
import { DocumentPreview } from '../../components/DocumentPreview.tsx';
import { LongTask } from '../../components/LongTask.tsx';
import { invoke } from '../../lib/api.ts';
import { DutchDateInput } from '../../lib/date-input.tsx';
import { downloadFile } from '../../lib/download.ts';
import { showSaved, showServerError } from '../../lib/forms.ts';
import { ModalActions } from '../../lib/modal-actions.tsx';
import { href, navigate } from '../../lib/route.ts';
import { useCan } from '../../lib/session.tsx';
import { useCall } from '../../lib/use-call.ts';
import { ContractEditor } from './ContractEditor.tsx';
import { FiscalPanel } from './FiscalPanel.tsx';

export const statusColors: Record<ContractStatus, string> = {
  concept: 'gray',
  definitief: 'blue',
  getekend: 'teal',
  beeindigd: 'dark',
};

/** A new contract for a person, from scratch or continuing from an earlier one (doorgroei). */
export function NewContractScreen({ personId, fromId }: { personId: string; fromId: string | null }) {
  const person = useCall('persons.get', { id: personId });
  const from = useCall('contracts.get', fromId ? { id: fromId } : null);
  if (person.error) return <Alert color="red">{person.error.message}</Alert>;
  if (!person.data || (fromId && !from.data)) return <Loader aria-label="Laden" />;
  return (
    <Stack>
      <Anchor href={href(`/personen/${personId}/tijdlijn`)} size="sm">
        ← {person.data.naam}
      </Anchor>
      <Title order={1} size="h2">
        Nieuw contract voor {person.data.naam}
      </Title>
      {from.data && (
        <Text size="sm" c="dimmed">
          Vervolg op {contractFormLabels[from.data.vorm].toLowerCase()} {from.data.nummer}: profiel en
          invulvelden zijn overgenomen.
        </Text>
      )}
      <ContractEditor
        person={person.data}
        existing={null}
        from={from.data}
        onSaved={(id) => navigate(`/contracten/${id}`)}
      />
    </Stack>
  );
}

export function ContractScreen({ contractId }: { contractId: string }) {
  const can = useCan();
  const contract = useCall('contracts.get', { id: contractId });
  const person = useCall('persons.get', contract.data ? { id: contract.data.personId } : null);
  const [dialog, setDialog] = useState<'finalize' | 'sign' | 'end' | null>(null);
  if (contract.error) return <Alert color="red">{contract.error.message}</Alert>;
  const c = contract.data;
  if (!c || !person.data) return <Loader aria-label="Laden" />;
  const reload = () => void contract.reload();
  const closeAndReload = () => {
    setDialog(null);
    reload();
  };

  const pdf = async () => {
    const r = await invoke('contracts.pdf', { id: c.id });
    if (r.ok) downloadFile(r.value);
    else showServerError(null, r.error);
  };
  const amend = async () => {
    const r = await invoke('contracts.amend', { id: c.id, version: c.version });
    if (!r.ok) return showServerError(null, r.error);
    showSaved('Nieuwe versie als concept gemaakt');
    navigate(`/contracten/${r.value.id}`);
  };

  return (
    <Stack>
      <Anchor href={href(`/personen/${c.personId}/tijdlijn`)} size="sm">
        ← {c.personNaam}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="sm">
            <Title order={1} size="h2">
              {contractFormLabels[c.vorm]} {c.nummer}
            </Title>
            <Badge variant="light">versie {c.versie}</Badge>
            <Badge color={statusColors[c.status]}>{contractStatusLabels[c.status]}</Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {c.personNaam} · {formatDate(c.startdatum)}
            {c.einddatum ? ` t/m ${formatDate(c.einddatum)}` : ', onbepaalde tijd'}
            {c.profielTitel ? ` · ${c.profielTitel}` : ''}
          </Text>
        </div>
        <Group gap="sm">
          <Button variant="default" onClick={() => void pdf()}>
            {c.status === 'concept' ? 'Concept-PDF' : 'PDF downloaden'}
          </Button>
          {c.status === 'concept' && can('contracts.finalize') && (
            <Button onClick={() => setDialog('finalize')}>Definitief maken</Button>
          )}
          {c.status === 'definitief' && can('contracts.sign') && (
            <Button onClick={() => setDialog('sign')}>Ondertekening vastleggen</Button>
          )}
          {(c.status === 'definitief' || c.status === 'getekend') &&
            !c.vervangenDoor &&
            can('contracts.amend') && (
              <Button variant="default" onClick={() => void amend()}>
                Wijzigen
              </Button>
            )}
          {(c.status === 'definitief' || c.status === 'getekend') && can('contracts.end') && (
            <Button variant="default" color="red" onClick={() => setDialog('end')}>
              Beëindigen
            </Button>
          )}
          {c.status !== 'concept' && can('contracts.create') && (
            <Button
              variant="light"
              component="a"
              href={href(`/personen/${c.personId}/contract-nieuw/van/${c.id}`)}
            >
              Volgend contract
            </Button>
          )}
        </Group>
      </Group>

      {c.vervangenDoor && (
        <Alert color="blue">
          Deze versie is vervangen.{' '}
          <Anchor href={href(`/contracten/${c.vervangenDoor}`)}>Naar de nieuwe versie</Anchor>
        </Alert>
      )}
      {c.status === 'concept' && can('contracts.update') ? (
        <ContractEditor key={c.version} person={person.data} existing={c} from={null} onSaved={reload} />
      ) : (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <DocumentPreview model={c.document} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <Stack>
              {(c.definitiefAt || c.fiscaleReden) && (
                <Paper withBorder p="md">
                  <Stack gap={4}>
                    {c.definitiefAt && (
                      <Text size="sm">Definitief sinds {formatDateTime(c.definitiefAt)}</Text>
                    )}
                    {c.getekendDatum && <Text size="sm">Getekend op {formatDate(c.getekendDatum)}</Text>}
                    {c.beeindigdDatum && (
                      <Text size="sm">
                        Beëindigd per {formatDate(c.beeindigdDatum)}: {c.beeindigdReden}
                      </Text>
                    )}
                    {c.fiscaleReden && (
                      <Text size="sm">Ondanks fiscale grens definitief gemaakt: {c.fiscaleReden}</Text>
                    )}
                  </Stack>
                </Paper>
              )}
              {c.fiscal && (
                <Paper withBorder p="md">
                  <FiscalPanel check={c.fiscal} />
                </Paper>
              )}
            </Stack>
          </Grid.Col>
        </Grid>
      )}
      {dialog === 'finalize' && (
        <FinalizeModal contract={c} onClose={() => setDialog(null)} onDone={closeAndReload} />
      )}
      {dialog === 'sign' && (
        <SignModal contract={c} onClose={() => setDialog(null)} onDone={closeAndReload} />
      )}
      {dialog === 'end' && <EndModal contract={c} onClose={() => setDialog(null)} onDone={closeAndReload} />}
    </Stack>
  );
}

type ModalProps = { contract: Contract; onClose(): void; onDone(): void };

function FinalizeModal({ contract, onClose, onDone }: ModalProps) {
  const form = useForm({ initialValues: { fiscaleReden: '', bevestigOverlap: false } });
  const [overlap, setOverlap] = useState(false);
  const over = contract.fiscal?.overLimit ?? false;
  // Making it definitief renders the PDF (in the background on the main side): that takes a moment.
  const [busy, setBusy] = useState(false);
  const submit = form.onSubmit(async (v) => {
    setBusy(true);
    const r = await invoke('contracts.finalize', {
      id: contract.id,
      version: contract.version,
      ...v,
      fiscaleReden: v.fiscaleReden || null,
    });
    setBusy(false);
    if (r.ok) {
      showSaved('Contract is definitief');
      return onDone();
    }
    if (r.error.field === 'bevestigOverlap') setOverlap(true);
    showServerError(form, r.error);
  });
  return (
    <Modal
      opened
      onClose={busy ? () => {} : onClose}
      withCloseButton={!busy}
      title="Definitief maken"
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            Een definitief contract ligt vast: de tekst en de PDF worden bewaard zoals ze nu zijn. Wijzigen
            kan daarna alleen met een nieuwe versie.
          </Text>
          {contract.fiscal && <FiscalPanel check={contract.fiscal} />}
          {over && (
            <Textarea
              label="Reden om toch definitief te maken"
              description="Wordt vastgelegd bij het contract en in de auditlog."
              autosize
              minRows={2}
              {...form.getInputProps('fiscaleReden')}
              data-path="fiscaleReden"
            />
          )}
          {overlap && (
            <Checkbox
              label="Ja, beide contracten gelden naast elkaar"
              {...form.getInputProps('bevestigOverlap', { type: 'checkbox' })}
              data-path="bevestigOverlap"
            />
          )}
          {busy ? (
            <LongTask
              label="Contract wordt definitief gemaakt…"
              note="De PDF wordt opgemaakt en bewaard. Je kunt intussen in andere vensters doorwerken."
            />
          ) : (
            <ModalActions onCancel={onClose} submit="Definitief maken" />
          )}
        </Stack>
      </form>
    </Modal>
  );
}

function SignModal({ contract, onClose, onDone }: ModalProps) {
  const form = useForm({ initialValues: { datum: dutchDate() } });
  const submit = form.onSubmit(async (v) => {
    const r = await invoke('contracts.sign', { id: contract.id, version: contract.version, datum: v.datum });
    if (r.ok) {
      showSaved('Ondertekening vastgelegd');
      onDone();
    } else showServerError(form, r.error);
  });
  return (
    <Modal opened onClose={onClose} title="Ondertekening vastleggen">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <DutchDateInput
            label="Getekend op"
            clearable={false}
            {...form.getInputProps('datum')}
            data-path="datum"
          />
          <ModalActions onCancel={onClose} submit="Vastleggen" />
        </Stack>
      </form>
    </Modal>
  );
}

function EndModal({ contract, onClose, onDone }: ModalProps) {
  const form = useForm({ initialValues: { datum: contract.einddatum ?? dutchDate(), reden: '' } });
  const submit = form.onSubmit(async (v) => {
    const r = await invoke('contracts.end', { id: contract.id, version: contract.version, ...v });
    if (r.ok) {
      showSaved('Contract beëindigd');
      onDone();
    } else showServerError(form, r.error);
  });
  return (
    <Modal opened onClose={onClose} title="Contract beëindigen">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <DutchDateInput
            label="Per datum"
            clearable={false}
            description={
              contract.einddatum
                ? `Uiterlijk ${formatDate(contract.einddatum)}: beëindigen kan een contract alleen inkorten. Verlengen gaat met Wijzigen.`
                : undefined
            }
            {...form.getInputProps('datum')}
            data-path="datum"
          />
          <Textarea label="Reden" autosize minRows={2} {...form.getInputProps('reden')} data-path="reden" />
          <ModalActions onCancel={onClose} submit="Beëindigen" color="red" />
        </Stack>
      </form>
    </Modal>
  );
}
