import { Button, Grid, Group, Loader, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { Contract } from '../../../../shared/contracts.ts';
import type { Person } from '../../../../shared/persons.ts';
import type { Profile } from '../../../../shared/profiles.ts';
import { invoke } from '../../lib/api.ts';
import { showSaved, showServerError } from '../../lib/forms.ts';
import { navigate } from '../../lib/route.ts';
import { useUnsavedGuard } from '../../lib/unsaved-guard.tsx';
import { useCall } from '../../lib/use-call.ts';
import { ContractBasics } from './ContractBasics.tsx';
import { ContractCheckPanel } from './ContractCheckPanel.tsx';
import { ContractTerms } from './ContractTerms.tsx';
import { type EditorValues, initialValues, toDraft } from './contract-values.ts';
import { FillInFields } from './FillInFields.tsx';
import type { Option } from './term-fields.ts';

interface Props {
  person: Person;
  /** The concept being edited, or null for a new contract. */
  existing: Contract | null;
  /** Start the new contract from this one (doorgroei): same profile and fill-in values. */
  from: Contract | null;
  onSaved(id: string): void;
}

/** A concept contract, new or saved: loads the functieprofielen and staff, then opens the form. */
export function ContractEditor({ person, existing, from, onSaved }: Props) {
  const profiles = useCall('profiles.list', {});
  // undefined until the user picks: then the draft's own profile, or the first in the library; null is none.
  const [chosenProfileId, setChosenProfileId] = useState<string | null | undefined>(undefined);
  const source = existing ?? from;
  const profileId =
    chosenProfileId === undefined
      ? source
        ? source.profileId
        : (profiles.data?.[0]?.id ?? null)
      : chosenProfileId;
  const profile = useCall('profiles.get', profileId ? { id: profileId } : null);
  const staff = useCall('accounts.staff', {});
  // While another profile loads, the form stays on the one it has; it opens afresh when the new one is in.
  const shownProfile = profileId ? profile.data : null;

  if (!profiles.data || (profileId && !shownProfile)) return <Loader aria-label="Laden" />;
  return (
    <EditorForm
      key={`${shownProfile?.id ?? 'geen'}:${existing?.version ?? 0}`}
      person={person}
      existing={existing}
      from={from}
      profile={shownProfile}
      profiles={profiles.data.map((summary) => ({ value: summary.id, label: summary.titel }))}
      onProfile={setChosenProfileId}
      begeleiders={(staff.data ?? [])
        .filter((member) => member.active)
        .map((member) => ({ value: member.id, label: member.displayName }))}
      onSaved={onSaved}
    />
  );
}

function EditorForm({
  person,
  existing,
  from,
  profile,
  profiles,
  onProfile,
  begeleiders,
  onSaved,
}: Props & {
  profile: Profile | null;
  profiles: Option[];
  onProfile(id: string | null): void;
  begeleiders: Option[];
}) {
  const form = useForm<EditorValues>({ initialValues: initialValues(person, profile, existing, from) });
  const guard = useUnsavedGuard(() => form.isDirty());
  const [busy, setBusy] = useState(false);

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    const draft = toDraft(values, person.id);
    const result = existing
      ? await invoke('contracts.update', { ...draft, id: existing.id, version: existing.version })
      : await invoke('contracts.create', draft);
    setBusy(false);
    if (!result.ok) return showServerError(form, result.error);
    showSaved(existing ? 'Concept opgeslagen' : 'Concept aangemaakt');
    guard.release();
    onSaved(result.value.id);
  });

  return (
    <form onSubmit={submit} noValidate>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <ContractBasics form={form} profile={profile} profiles={profiles} onProfile={onProfile} />
            <FillInFields form={form} profile={profile} />
            <ContractTerms form={form} begeleiders={begeleiders} />
            <Group>
              <Button type="submit" loading={busy}>
                {existing ? 'Concept opslaan' : 'Concept aanmaken'}
              </Button>
              <Button
                variant="default"
                onClick={() =>
                  navigate(existing ? `/contracten/${existing.id}` : `/personen/${person.id}/tijdlijn`)
                }
              >
                Annuleren
              </Button>
            </Group>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <ContractCheckPanel values={form.values} personId={person.id} />
        </Grid.Col>
      </Grid>
    </form>
  );
}
