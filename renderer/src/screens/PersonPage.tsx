import { Alert, Anchor, Button, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { CallName } from '../../../shared/contract.ts';
import type { Person } from '../../../shared/persons.ts';
import { href, navigate } from '../lib/route.ts';
import { useCan } from '../lib/session.tsx';
import { useCall } from '../lib/use-call.ts';
import { LogTab } from './begeleiding/LogTab.tsx';
import { PopTab } from './begeleiding/PopTab.tsx';
import { ContractsTab } from './contracts/ContractsTab.tsx';
import { PersonDetails } from './PersonDetails.tsx';
import { PersonHistory } from './PersonHistory.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import { StatusModal } from './StatusModal.tsx';

/**
 * The tabs of a person's page. Each area (contracten, POP, begeleiding, declaraties) adds its tab here, shown only to
 * the roles that may read it.
 */
const tabs: { value: string; label: string; needs: CallName; render(person: Person): React.ReactNode }[] = [
  { value: 'gegevens', label: 'Gegevens', needs: 'persons.get', render: (p) => <PersonDetails person={p} /> },
  {
    value: 'contracten',
    label: 'Contracten',
    needs: 'contracts.listForPerson',
    render: (p) => <ContractsTab person={p} />,
  },
  { value: 'pop', label: 'POP', needs: 'pop.get', render: (p) => <PopTab person={p} /> },
  { value: 'begeleiding', label: 'Begeleiding', needs: 'log.list', render: (p) => <LogTab person={p} /> },
  {
    value: 'geschiedenis',
    label: 'Geschiedenis',
    needs: 'persons.changes',
    render: (p) => <PersonHistory person={p} />,
  },
];

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
          {can('persons.setStatus') && (
            <Button variant="default" onClick={() => setStatusOpen(true)}>
              Status wijzigen
            </Button>
          )}
          {can('persons.update') && (
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
