import {
  FileInput,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  type Claim,
  type ClaimKind,
  claimKindLabels,
  claimKinds,
  maxReceiptBytes,
  receiptKinds,
} from '../../../../shared/claims.ts';
import { dutchDate } from '../../../../shared/dates.ts';
import { PersonPicker } from '../../components/PersonPicker.tsx';
import { invoke } from '../../lib/api.ts';
import { DutchDateInput } from '../../lib/date-input.tsx';
import { DurationInput } from '../../lib/duration-input.tsx';
import { EuroInput } from '../../lib/euro-input.tsx';
import { showSaved, showServerError } from '../../lib/forms.ts';
import { ModalActions } from '../../lib/modal-actions.tsx';
import { useCall } from '../../lib/use-call.ts';
import { TrainingClaimPicker } from '../scholing/TrainingClaimPicker.tsx';
import { receiptAccept, toBase64 } from './receipt-files.ts';

interface Values {
  personId: string | null;
  soort: ClaimKind;
  datum: string;
  omschrijving: string;
  van: string;
  naar: string;
  km: number | '';
  minuten: number | null;
  bedragCents: number | null;
  bonnen: File[];
  projectId: string | null;
}

/** Where the amount of an allowance without an entered amount comes from, as the form says it. */
const fixedAmountNote: Partial<Record<ClaimKind, string>> = {
  activiteit: 'Het bedrag is de vergoeding per activiteit uit het contract.',
  maand:
    'Het bedrag is de vaste vergoeding per maand uit het contract, voor de maand van de datum. Eén declaratie per maand; een tweede lijkt dubbel.',
};

/** A claim as the administrateur enters it from the form or receipt the volunteer handed in. */
export function ClaimForm({ claim, onClose, onSaved }: { claim?: Claim; onClose(): void; onSaved(): void }) {
  const form = useForm<Values>({
    initialValues: claim
      ? {
          personId: claim.personId,
          soort: claim.soort,
          datum: claim.datum,
          omschrijving: claim.omschrijving,
          van: claim.van ?? '',
          naar: claim.naar ?? '',
          km: claim.km ?? '',
          minuten: claim.minuten,
          bedragCents: receiptKinds.has(claim.soort) ? claim.bedragCents : null,
          bonnen: [],
          projectId: null,
        }
      : {
          personId: null,
          soort: 'km',
          datum: dutchDate(),
          omschrijving: '',
          van: '',
          naar: '',
          km: '',
          minuten: null,
          bedragCents: null,
          bonnen: [],
          projectId: null,
        },
  });
  // A new claim may be set against a project; a correction keeps the project it has (projectId left out).
  const { data: projects } = useCall('ketenpartners.projects', claim ? null : { metGearchiveerd: false });
  const v = form.values;
  const submit = form.onSubmit(async (values) => {
    const tooBig = values.bonnen.findIndex((f) => f.size > maxReceiptBytes);
    if (tooBig >= 0) return form.setFieldError('bonnen', 'bestand groter dan 5 MB');
    const fields = {
      personId: values.personId ?? '',
      soort: values.soort,
      datum: values.datum,
      omschrijving: values.omschrijving,
      van: values.van || null,
      naar: values.naar || null,
      km: values.soort === 'km' && values.km !== '' ? values.km : null,
      minuten: values.soort === 'uren' ? values.minuten : null,
      bedragCents: receiptKinds.has(values.soort) ? values.bedragCents : null,
    };
    // A correction keeps the first values beside the new ones; receipts stay as they were.
    const r = claim
      ? await invoke('claims.correct', { ...fields, id: claim.id, version: claim.version })
      : await invoke('claims.create', {
          ...fields,
          projectId: values.projectId,
          bonnen: await Promise.all(values.bonnen.map(async (f) => ({ base64: await toBase64(f) }))),
        });
    if (!r.ok) return showServerError(form, r.error);
    showSaved(claim ? 'Declaratie gecorrigeerd' : 'Declaratie vastgelegd');
    onSaved();
  });
  return (
    <Modal opened onClose={onClose} title={claim ? 'Declaratie corrigeren' : 'Nieuwe declaratie'} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={2} spacing="sm">
            <PersonPicker
              label="Sleutelpersoon"
              status={['intake', 'actief', 'gepauzeerd', 'gestopt']}
              knownName={claim?.personNaam ?? null}
              value={form.values.personId}
              onChange={(id) => form.setFieldValue('personId', id)}
              error={form.errors.personId}
              data-path="personId"
            />
            <Select
              label="Soort"
              allowDeselect={false}
              data={claimKinds.map((k) => ({ value: k, label: claimKindLabels[k] }))}
              {...form.getInputProps('soort')}
            />
            <DutchDateInput
              label="Datum"
              description={v.soort === 'maand' ? 'Een dag in de maand waarvoor de vergoeding is' : undefined}
              clearable={false}
              {...form.getInputProps('datum')}
              data-path="datum"
            />
            <TextInput
              label="Omschrijving"
              placeholder="Waarvoor"
              {...form.getInputProps('omschrijving')}
              data-path="omschrijving"
            />
          </SimpleGrid>
          {!claim && projects && projects.length > 0 && (
            <Select
              label="Project"
              placeholder="Geen project"
              clearable
              clearButtonProps={{ 'aria-label': 'Project wissen' }}
              searchable
              data={projects.map((p) => ({ value: p.id, label: p.naam }))}
              {...form.getInputProps('projectId')}
              data-path="projectId"
            />
          )}
          {v.soort === 'onkosten' && v.personId && !claim && (
            <TrainingClaimPicker
              personId={v.personId}
              onPick={(t) => {
                form.setFieldValue('omschrijving', `Training ${t.naam} (${t.aanbieder})`);
                if (t.kostenCents > 0) form.setFieldValue('bedragCents', t.kostenCents);
              }}
            />
          )}
          {fixedAmountNote[v.soort] && (
            <Text size="sm" c="dimmed">
              {fixedAmountNote[v.soort]}
            </Text>
          )}
          {v.soort === 'km' && (
            <Group grow>
              <TextInput label="Van" {...form.getInputProps('van')} />
              <TextInput label="Naar" {...form.getInputProps('naar')} />
              <NumberInput
                label="Kilometers"
                min={1}
                max={1000}
                allowDecimal={false}
                {...form.getInputProps('km')}
                data-path="km"
              />
            </Group>
          )}
          {v.soort === 'uren' && (
            <DurationInput
              label="Tijd (uren:minuten)"
              description="Bijvoorbeeld 1:30 of 1,5 uur"
              value={v.minuten}
              onChange={(minutes) => form.setFieldValue('minuten', minutes)}
              error={form.errors.minuten}
              data-path="minuten"
            />
          )}
          {receiptKinds.has(v.soort) && !claim && (
            <Group grow align="flex-start">
              <EuroInput
                label="Bedrag van de bon"
                value={v.bedragCents}
                onChange={(c) => form.setFieldValue('bedragCents', c)}
                error={form.errors.bedragCents}
                data-path="bedragCents"
              />
              <FileInput
                label="Bon (foto of PDF)"
                multiple
                clearable
                accept={receiptAccept}
                {...form.getInputProps('bonnen')}
                data-path="bonnen.0"
              />
            </Group>
          )}
          {receiptKinds.has(v.soort) && claim && (
            <EuroInput
              label="Bedrag van de bon"
              value={v.bedragCents}
              onChange={(c) => form.setFieldValue('bedragCents', c)}
              error={form.errors.bedragCents}
              data-path="bedragCents"
            />
          )}
          <ModalActions onCancel={onClose} submit={claim ? 'Corrigeren' : 'Vastleggen'} />
        </Stack>
      </form>
    </Modal>
  );
}
