import { Button, Group, Paper, SegmentedControl, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { formatCents, formatDate } from '../../../../shared/format.ts';
import type { Partner, Project } from '../../../../shared/ketenpartners.ts';
import { partnerKindLabels } from '../../../../shared/work-vocabulary.ts';
import { ArchivedBadge } from '../../components/ArchivedBadge.tsx';
import { EditArchiveButtons } from '../../components/EditArchiveButtons.tsx';
import { invoke } from '../../lib/api.ts';
import { showSaved, showServerError } from '../../lib/forms.ts';
import { navigate } from '../../lib/route.ts';
import { useCan } from '../../lib/session.tsx';
import { useCall } from '../../lib/use-call.ts';
import { PartnerModal } from './PartnerModal.tsx';
import { ProjectModal } from './ProjectModal.tsx';

const nowrap = { whiteSpace: 'nowrap' } as const;

/** Ketenpartners and projects: two small registers, kept by the projectleider, read by everyone else. */
export function KetenpartnersScreen({ tab }: { tab: string }) {
  return (
    <Stack>
      <Title order={1} size="h2">
        Ketenpartners
      </Title>
      <Tabs
        value={tab === 'projecten' ? 'projecten' : 'partners'}
        onChange={(v) => navigate(`/ketenpartners/${v}`)}
      >
        <Tabs.List>
          <Tabs.Tab value="partners">Organisaties</Tabs.Tab>
          <Tabs.Tab value="projecten">Projecten en subsidies</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="partners" pt="md">
          <PartnersView />
        </Tabs.Panel>
        <Tabs.Panel value="projecten" pt="md">
          <ProjectsView />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function ShowArchived({ value, onChange }: { value: string; onChange(v: string): void }) {
  return (
    <SegmentedControl
      value={value}
      onChange={onChange}
      data={[
        { value: 'actief', label: 'In gebruik' },
        { value: 'alle', label: 'Ook gearchiveerd' },
      ]}
      aria-label="Welke tonen"
    />
  );
}

function PartnersView() {
  const can = useCan();
  const edits = can('ketenpartners.save');
  const [show, setShow] = useState('actief');
  const { data, error, reload } = useCall('ketenpartners.list', { metGearchiveerd: show === 'alle' });
  const [editing, setEditing] = useState<Partner | 'nieuw' | null>(null);
  const archive = async (p: Partner) => {
    const r = await invoke('ketenpartners.archive', {
      id: p.id,
      version: p.version,
      gearchiveerd: !p.gearchiveerd,
    });
    if (!r.ok) return showServerError(null, r.error);
    showSaved(p.gearchiveerd ? `${p.naam} is weer in gebruik` : `${p.naam} gearchiveerd`);
    void reload();
  };
  return (
    <>
      <Group justify="space-between" mb="sm">
        <ShowArchived value={show} onChange={setShow} />
        {edits && <Button onClick={() => setEditing('nieuw')}>Nieuwe ketenpartner</Button>}
      </Group>
      {error && <Text c="red">{error.message}</Text>}
      <Paper withBorder>
        <Table verticalSpacing="xs" aria-label="Ketenpartners">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Organisatie</Table.Th>
              <Table.Th>Soort</Table.Th>
              <Table.Th>Gemeente</Table.Th>
              <Table.Th>Contact</Table.Th>
              {edits && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(data ?? []).map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Text fw={500} size="sm" span>
                    {p.naam}
                  </Text>
                  {p.gearchiveerd && <ArchivedBadge />}
                </Table.Td>
                <Table.Td style={nowrap}>{partnerKindLabels[p.soort]}</Table.Td>
                <Table.Td>{p.gemeente ?? '—'}</Table.Td>
                <Table.Td>
                  <Text size="sm">{p.contactpersoon ?? '—'}</Text>
                  {(p.telefoon || p.email) && (
                    <Text size="xs" c="dimmed">
                      {[p.telefoon, p.email].filter(Boolean).join(' · ')}
                    </Text>
                  )}
                </Table.Td>
                {edits && (
                  <Table.Td ta="right">
                    <EditArchiveButtons
                      naam={p.naam}
                      gearchiveerd={p.gearchiveerd}
                      onEdit={() => setEditing(p)}
                      onArchive={() => void archive(p)}
                    />
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {data?.length === 0 && (
          <Text c="dimmed" p="md">
            Nog geen ketenpartners vastgelegd.
          </Text>
        )}
      </Paper>
      {editing && (
        <PartnerModal
          partner={editing === 'nieuw' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void reload();
          }}
        />
      )}
    </>
  );
}

function ProjectsView() {
  const can = useCan();
  const edits = can('ketenpartners.saveProject');
  const [show, setShow] = useState('actief');
  const { data, error, reload } = useCall('ketenpartners.projects', { metGearchiveerd: show === 'alle' });
  const { data: partners } = useCall('ketenpartners.list', { metGearchiveerd: true });
  const [editing, setEditing] = useState<Project | 'nieuw' | null>(null);
  const funder = (id: string | null) => partners?.find((p) => p.id === id)?.naam ?? '—';
  const archive = async (p: Project) => {
    const r = await invoke('ketenpartners.archiveProject', {
      id: p.id,
      version: p.version,
      gearchiveerd: !p.gearchiveerd,
    });
    if (!r.ok) return showServerError(null, r.error);
    showSaved(p.gearchiveerd ? `${p.naam} is weer in gebruik` : `${p.naam} gearchiveerd`);
    void reload();
  };
  return (
    <>
      <Group justify="space-between" mb="sm">
        <ShowArchived value={show} onChange={setShow} />
        {edits && <Button onClick={() => setEditing('nieuw')}>Nieuw project</Button>}
      </Group>
      {error && <Text c="red">{error.message}</Text>}
      <Paper withBorder>
        <Table verticalSpacing="xs" aria-label="Projecten en subsidies">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Project</Table.Th>
              <Table.Th>Financier</Table.Th>
              <Table.Th style={nowrap}>Periode</Table.Th>
              <Table.Th ta="right">Budget</Table.Th>
              {edits && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(data ?? []).map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Text fw={500} size="sm" span>
                    {p.naam}
                  </Text>
                  {p.gearchiveerd && <ArchivedBadge />}
                  {p.gemeente && (
                    <Text size="xs" c="dimmed">
                      Gemeente {p.gemeente}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{funder(p.partnerId)}</Table.Td>
                <Table.Td style={nowrap}>
                  {formatDate(p.startdatum)} – {p.einddatum ? formatDate(p.einddatum) : 'doorlopend'}
                </Table.Td>
                <Table.Td ta="right" style={nowrap}>
                  {formatCents(p.budgetCents)}
                </Table.Td>
                {edits && (
                  <Table.Td ta="right">
                    <EditArchiveButtons
                      naam={p.naam}
                      gearchiveerd={p.gearchiveerd}
                      onEdit={() => setEditing(p)}
                      onArchive={() => void archive(p)}
                    />
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {data?.length === 0 && (
          <Text c="dimmed" p="md">
            Nog geen projecten vastgelegd.
          </Text>
        )}
      </Paper>
      {editing && (
        <ProjectModal
          project={editing === 'nieuw' ? null : editing}
          partners={partners ?? []}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void reload();
          }}
        />
      )}
    </>
  );
}
