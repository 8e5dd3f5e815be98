import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import {
  type DoorgroeiView,
  dutchExamLabels,
  dutchSkillLabels,
  educationCountryLabels,
  educationLevelLabels,
  idwLabels,
  type Outflow,
  outflowKindLabels,
} from '../../../../shared/doorgroei.ts';
import { formatDate } from '../../../../shared/format.ts';
import type { Person } from '../../../../shared/persons.ts';
import { invoke } from '../../lib/api.ts';
import { downloadFile } from '../../lib/download.ts';
import { showServerError } from '../../lib/forms.ts';
import { useCan } from '../../lib/session.tsx';
import { useCall } from '../../lib/use-call.ts';
import { DoorgroeiForm } from './DoorgroeiForm.tsx';
import { OutflowModal } from './OutflowModal.tsx';

/** Education, Dutch level per skill, work experience and uitstroom: what shows someone can move on. */
export function DoorgroeiTab({ person }: { person: Person }) {
  const can = useCan();
  const { data, error, reload } = useCall('doorgroei.get', { personId: person.id });
  const [editing, setEditing] = useState(false);
  const [outflow, setOutflow] = useState<Outflow | 'nieuw' | null>(null);
  const [printing, setPrinting] = useState(false);
  // A status change to gestopt on this page (person.version moves) may have recorded an uitstroom.
  const seenVersion = useRef(person.version);
  useEffect(() => {
    if (seenVersion.current === person.version) return;
    seenVersion.current = person.version;
    void reload();
  }, [person.version, reload]);
  if (error) return <Alert color="red">{error.message}</Alert>;
  if (!data) return <Loader size="sm" />;
  const writable = can('doorgroei.save') && !person.geanonimiseerd;
  const portfolio = async () => {
    setPrinting(true);
    const r = await invoke('doorgroei.portfolioPdf', { personId: person.id });
    setPrinting(false);
    if (r.ok) downloadFile(r.value);
    else showServerError(null, r.error);
  };
  if (editing) {
    return (
      <DoorgroeiForm
        view={data}
        onCancel={() => setEditing(false)}
        onDone={() => {
          setEditing(false);
          void reload();
        }}
      />
    );
  }
  return (
    <Stack>
      <Group>
        {writable && <Button onClick={() => setEditing(true)}>Opleiding en werkervaring bewerken</Button>}
        {can('doorgroei.portfolioPdf') && !person.geanonimiseerd && (
          <Button variant="default" loading={printing} onClick={() => void portfolio()}>
            Portfolio (PDF)
          </Button>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Education view={data} />
        <Dutch view={data} />
        <Work view={data} />
        <Paper withBorder p="md">
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h5">
              Uitstroom
            </Title>
            {writable &&
              person.status === 'gestopt' &&
              !data.uitstroom.some((o) => o.datum >= person.statusDatum) && (
                <Button size="xs" variant="light" onClick={() => setOutflow('nieuw')}>
                  Uitstroom vastleggen
                </Button>
              )}
          </Group>
          {data.uitstroom.length === 0 ? (
            <Text c="dimmed" size="sm">
              {person.status === 'gestopt'
                ? 'Nog niet vastgelegd wat de persoon na het stoppen ging doen.'
                : 'Wordt vastgelegd wanneer de persoon stopt (Status wijzigen).'}
            </Text>
          ) : (
            <Stack gap="xs">
              {data.uitstroom.map((o) => (
                <Group key={o.id} justify="space-between" align="flex-start" wrap="nowrap">
                  <div>
                    <Text size="sm" fw={500}>
                      {outflowKindLabels[o.vervolg]} per {formatDate(o.datum)}
                    </Text>
                    {o.toelichting && <Text size="sm">{o.toelichting}</Text>}
                  </div>
                  {writable && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      aria-label={`Uitstroom per ${formatDate(o.datum)} wijzigen`}
                      onClick={() => setOutflow(o)}
                    >
                      Wijzigen
                    </Button>
                  )}
                </Group>
              ))}
            </Stack>
          )}
        </Paper>
      </SimpleGrid>
      <Section
        title="Tekst voor het portfolio"
        empty={data.portfolioTekst ? null : 'Nog geen tekst geschreven.'}
      >
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {data.portfolioTekst}
        </Text>
      </Section>
      {outflow && (
        <OutflowModal
          personId={person.id}
          outflow={outflow === 'nieuw' ? null : outflow}
          datum={person.statusDatum}
          onClose={() => setOutflow(null)}
          onSaved={() => {
            setOutflow(null);
            void reload();
          }}
        />
      )}
    </Stack>
  );
}

/** One card of the tab: its title, and its content or the line saying nothing is there yet. */
function Section({
  title,
  empty,
  children,
}: {
  title: string;
  empty: string | null;
  children: React.ReactNode;
}) {
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h5" mb="sm">
        {title}
      </Title>
      {empty === null ? (
        children
      ) : (
        <Text c="dimmed" size="sm">
          {empty}
        </Text>
      )}
    </Paper>
  );
}

function Education({ view }: { view: DoorgroeiView }) {
  return (
    <Section
      title="Opleidingen"
      empty={view.opleidingen.length === 0 ? 'Nog geen opleiding vastgelegd.' : null}
    >
      <List spacing="xs" size="sm">
        {view.opleidingen.map((e, i) => (
          // Entries have no id of their own: a save replaces the list as a whole.
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is read-only here.
          <List.Item key={i}>
            <Text size="sm" fw={500} span>
              {educationLevelLabels[e.niveau]}, {e.richting}
            </Text>{' '}
            <Text size="sm" c="dimmed" span>
              ({educationCountryLabels[e.land]})
            </Text>
            <Group gap={4} mt={2}>
              <Badge size="sm" variant="light" color={e.diploma ? 'teal' : 'gray'}>
                {e.diploma ? 'Diploma' : 'Geen diploma'}
              </Badge>
              {e.idw && (
                <Badge size="sm" variant="outline" color={e.idw === 'ja' ? 'teal' : 'gray'}>
                  IDW: {idwLabels[e.idw].toLowerCase()}
                </Badge>
              )}
            </Group>
          </List.Item>
        ))}
      </List>
    </Section>
  );
}

function Dutch({ view }: { view: DoorgroeiView }) {
  return (
    <Section
      title="Nederlands"
      empty={view.nederlands.length === 0 ? 'Nog geen niveau per vaardigheid vastgelegd.' : null}
    >
      <Table verticalSpacing={4} aria-label="Niveau Nederlands">
        <Table.Tbody>
          {view.nederlands.map((l) => (
            <Table.Tr key={l.vaardigheid}>
              <Table.Td>{dutchSkillLabels[l.vaardigheid]}</Table.Td>
              <Table.Td fw={600}>{l.niveau}</Table.Td>
              <Table.Td c="dimmed">
                {l.examen ? dutchExamLabels[l.examen] : ''}
                {l.examenDatum ? ` (${formatDate(l.examenDatum)})` : ''}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Section>
  );
}

function Work({ view }: { view: DoorgroeiView }) {
  return (
    <Section
      title="Werkervaring"
      empty={view.werkervaring.length === 0 ? 'Nog geen werkervaring vastgelegd.' : null}
    >
      <List spacing="xs" size="sm">
        {view.werkervaring.map((w, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is read-only here.
          <List.Item key={i}>
            <Text size="sm" fw={500} span>
              {w.functie}
            </Text>
            {w.sector ? `, ${w.sector}` : ''} in {w.land}
            <Text size="xs" c="dimmed">
              {formatDate(w.van)} – {w.tot ? formatDate(w.tot) : 'heden'}
            </Text>
          </List.Item>
        ))}
      </List>
    </Section>
  );
}
