import { Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Partner } from '../../../../shared/ketenpartners.ts';
import { type PartnerKind, partnerKindLabels, partnerKinds } from '../../../../shared/work-vocabulary.ts';
import { invoke } from '../../lib/api.ts';
import { showSaved, showServerError } from '../../lib/forms.ts';
import { ModalActions } from '../../lib/modal-actions.tsx';

interface Values {
  naam: string;
  soort: PartnerKind | null;
  contactpersoon: string;
  telefoon: string;
  email: string;
  gemeente: string;
}

export const partnerKindOptions = partnerKinds.map((k) => ({ value: k, label: partnerKindLabels[k] }));

/** A ketenpartner: the organisation, its kind, who to call there and its gemeente. */
export function PartnerModal({
  partner,
  onClose,
  onSaved,
}: {
  partner: Partner | null;
  onClose(): void;
  onSaved(): void;
}) {
  const form = useForm<Values>({
    initialValues: {
      naam: partner?.naam ?? '',
      soort: partner?.soort ?? null,
      contactpersoon: partner?.contactpersoon ?? '',
      telefoon: partner?.telefoon ?? '',
      email: partner?.email ?? '',
      gemeente: partner?.gemeente ?? '',
    },
  });
  const submit = form.onSubmit(async (v) => {
    const r = await invoke('ketenpartners.save', {
      id: partner?.id ?? null,
      version: partner?.version ?? null,
      naam: v.naam,
      soort: (v.soort ?? '') as PartnerKind,
      contactpersoon: v.contactpersoon,
      telefoon: v.telefoon,
      email: v.email,
      gemeente: v.gemeente,
    });
    if (!r.ok) return showServerError(form, r.error);
    showSaved(partner ? 'Ketenpartner bijgewerkt' : 'Ketenpartner toegevoegd');
    onSaved();
  });
  return (
    <Modal opened onClose={onClose} title={partner ? partner.naam : 'Nieuwe ketenpartner'} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label="Naam" required {...form.getInputProps('naam')} data-path="naam" />
          <SimpleGrid cols={2} spacing="sm">
            <Select
              label="Soort organisatie"
              required
              data={partnerKindOptions}
              {...form.getInputProps('soort')}
              data-path="soort"
            />
            <TextInput label="Gemeente" {...form.getInputProps('gemeente')} data-path="gemeente" />
            <TextInput
              label="Contactpersoon"
              {...form.getInputProps('contactpersoon')}
              data-path="contactpersoon"
            />
            <TextInput label="Telefoon" {...form.getInputProps('telefoon')} data-path="telefoon" />
            <TextInput label="E-mail" {...form.getInputProps('email')} data-path="email" />
          </SimpleGrid>
          <ModalActions onCancel={onClose} submit="Opslaan" />
        </Stack>
      </form>
    </Modal>
  );
}
