import { Paper, SegmentedControl, Select, SimpleGrid, Stack } from '@mantine/core';
import { fieldLabels } from '../../../../shared/field-labels.ts';
import { type ContractForm, contractForms, type Profile } from '../../../../shared/profiles.ts';
import { DutchDateInput } from '../../lib/date-input.tsx';
import { type EditorForm, type Option, termProps } from './term-fields.ts';

const shortFormLabels: Record<ContractForm, string> = {
  vrijwilligersovereenkomst: 'Vrijwilliger',
  arbeidsovereenkomst: 'Arbeidsovereenkomst',
  stage: 'Stage',
  opdracht: 'Opdracht (zzp)',
};
const formOptions = contractForms.map((vorm) => ({ value: vorm, label: shortFormLabels[vorm] }));

/** What every contract has: its form, the functieprofiel it is made from, and its period. */
export function ContractBasics({
  form,
  profile,
  profiles,
  onProfile,
}: {
  form: EditorForm;
  profile: Profile | null;
  profiles: Option[];
  onProfile(id: string | null): void;
}) {
  const term = termProps(form);
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <SegmentedControl
          aria-label={fieldLabels.vorm}
          value={form.values.vorm}
          onChange={(vorm) => form.setFieldValue('vorm', vorm as ContractForm)}
          data={formOptions}
          fullWidth
        />
        <SimpleGrid cols={3} spacing="sm">
          <Select
            label={fieldLabels.profileVersionId}
            data={profiles}
            value={profile?.id ?? null}
            onChange={onProfile}
            clearable
            data-path="profileVersionId"
            error={form.errors.profileVersionId}
          />
          <DutchDateInput {...term.plain('startdatum')} required />
          <DutchDateInput {...term.plain('einddatum')} />
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
