import { Alert, Anchor, Badge, Button, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { CallName } from '../../../../shared/contract.ts';
import type { Person } from '../../../../shared/persons.ts';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { StatusModal } from '../../components/StatusModal.tsx';
import { invoke } from '../../lib/api.ts';
import { downloadFile } from '../../lib/download.ts';
import { showSaved, showServerError } from '../../lib/forms.ts';
import { href, navigate } from '../../lib/route.ts';
import { useCan } from '../../lib/session.tsx';
import { useCall } from '../../lib/use-call.ts';
import { AvailabilityTab } from '../aanvragen/AvailabilityTab.tsx';
import { LogTab } from '../begeleiding/LogTab.tsx';
import { PopTab } from '../begeleiding/PopTab.tsx';
import { DoorgroeiTab } from '../doorgroei/DoorgroeiTab.tsx';
import { PersonInzetTab } from '../inzet/PersonInzetTab.tsx';
import { PersonTrainingsTab } from '../scholing/PersonTrainingsTab.tsx';
import { PersonDetails } from './PersonDetails.tsx';
import { PersonHistory } from './PersonHistory.tsx';
import { PersonTimeline } from './PersonTimeline.tsx';

/**
 * The tabs of a person's page. Each area (tijdlijn, doorgroei, scholing, POP, begeleiding) adds its tab here, shown
 * only to the roles that may read it.
 */
const tabs: { value: string; label: string; needs: CallName; render(person: Person): React.ReactNode }[] = [
  { value: 'gegevens', label: 'Gegevens', needs: 'persons.get', render: (p) => <PersonDetails person={p} /> },
  // Contracts and uitstroom together (each for the roles that may read it); trainings join as another source.
  {
    value: 'tijdlijn',
    label: 'Tijdlijn',
    needs: 'contracts.listForPerson',
    // Built anew when the person changed (a status change may have added an uitstroom).
    render: (p) => <PersonTimeline key={p.version} person={p} />,
  },
  {
    value: 'doorgroei',
    label: 'Doorgroei',
    needs: 'doorgroei.get',
    render: (p) => <DoorgroeiTab person={p} />,
  },
  {
    value: 'scholing',
    label: 'Scholing',
    needs: 'scholing.listForPerson',
    render: (p) => <PersonTrainingsTab person={p} />,
  },
  {
    value: 'beschikbaarheid',
    label: 'Beschikbaarheid',
    needs: 'aanvragen.availability',
    render: (p) => <AvailabilityTab person={p} />,
  },
  { value: 'inzet', label: 'Inzet', needs: 'inzet.list', render: (p) => <PersonInzetTab person={p} /> },
  { value: 'pop', label: 'POP', needs: 'begeleiding.pop', render: (p) => <PopTab person={p} /> },
  {
    value: 'begeleiding',
    label: 'Begeleiding',
    needs: 'begeleiding.log',
    render: (p) => <LogTab person={p} />,
  },
  {
    value: 'geschiedenis',
    label: 'Geschiedenis',
    needs: 'persons.changes',
    render: (p) => <PersonHistory person={p} />,
  },
];

/** The AVG inzage export: everything stored about the person, as a PDF to read and a JSON file; it is audited. */
function InzageButton({ personId }: { personId: string }) {
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    const r = await invoke('avg.inzage', { id: personId });
    setBusy(false);
    if (!r.ok) return showServerError(null, r.error);
    downloadFile(r.value.pdf);
    downloadFile(r.value.json, 'application/json');
    showSaved(
      'Inzage-export gemaakt: een PDF en een JSON-bestand. Het auditlog houdt bij dat je hem maakte.',
    );
  };
  return (
    <Button
      variant="default"
      loading={busy}
      onClick={() => void run()}
      title="Alle gegevens over deze persoon als PDF en JSON (inzageverzoek AVG)"
    >
      Inzage-export
    </Button>
  );
}

export function PersonPage({ personId, tab }: { personId: string; tab: string }) {
  const can = useCan();
  const { data: person, error, reload } = useCall('persons.get', { id: personId });
  const [statusOpen, setStatusOpen] = useState(false);

  if (error) {
    return (
      <Alert color="red" title="Niet gevonden">
        {error.message} <Anchor href={href('/personen')}>Terug naar het register</Anchor>
      </Alert>
    );
  }
  if (!person) return <Loader aria-label="Laden" />;
  const visible = tabs.filter((t) => can(t.needs));

  return (
    <Stack gap="md">
      <Anchor href={href('/personen')} size="sm">
        ← Sleutelpersonen
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="sm">
            <Title order={1} size="h2">
              {person.naam}
            </Title>
            <StatusBadge status={person.status} />
          </Group>
          {person.roepnaam && (
            <Text c="dimmed" size="sm">
              {[person.voornaam, person.tussenvoegsel, person.achternaam].filter(Boolean).join(' ')}
            </Text>
          )}
        </div>
        <Group gap="sm">
          {can('avg.inzage') && <InzageButton personId={person.id} />}
          {person.geanonimiseerd && (
            <Badge color="gray" variant="light">
              Geanonimiseerd
            </Badge>
          )}
          {can('persons.setStatus') && !person.geanonimiseerd && (
            <Button variant="default" onClick={() => setStatusOpen(true)}>
              Status wijzigen
            </Button>
          )}
          {can('persons.update') && !person.geanonimiseerd && (
            <Button component="a" href={href(`/personen/${person.id}/bewerken`)}>
              Bewerken
            </Button>
          )}
        </Group>
      </Group>

      {person.bijstand && person.toestemmingNodig && !person.toestemmingDatum && (
        <Alert color="orange" title="Toestemming gemeente ontbreekt">
          {person.naam} heeft een bijstandsuitkering en heeft toestemming van de gemeente nodig voor het
          vrijwilligerswerk. Die toestemming is nog niet vastgelegd.
        </Alert>
      )}

      <Tabs
        value={visible.some((t) => t.value === tab) ? tab : 'gegevens'}
        onChange={(v) => navigate(`/personen/${person.id}/${v}`)}
      >
        <Tabs.List>
          {visible.map((t) => (
            <Tabs.Tab key={t.value} value={t.value}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {visible.map((t) => (
          <Tabs.Panel key={t.value} value={t.value} pt="md">
            {t.render(person)}
          </Tabs.Panel>
        ))}
      </Tabs>

      <StatusModal
        person={person}
        opened={statusOpen}
        onClose={() => setStatusOpen(false)}
        onSaved={() => {
          setStatusOpen(false);
          void reload();
        }}
      />
    </Stack>
  );
}
