import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Collapse,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useState } from 'react';
import { formatHours } from '../../../../shared/format.ts';
import type { Proposal } from '../../../../shared/verdeling.ts';
import { invoke } from '../../lib/api.ts';
import { showSaved, showServerError } from '../../lib/forms.ts';
import { useCall } from '../../lib/use-call.ts';

/**
 * Who to ask for a request, best fit first, each with why and what speaks against it; the coordinator ticks one or
 * more and links them to the request ("Koppelen"). People who lack a required language are shown apart, folded.
 */
export function MatchProposals({
  request,
  onPicked,
}: {
  request: { id: string; version: number };
  onPicked: () => void;
}) {
  const { data, error, reload } = useCall('verdeling.proposals', { requestId: request.id });
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [showOthers, setShowOthers] = useState(false);
  const [busy, setBusy] = useState(false);

  const toggle = (personId: string) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (!next.delete(personId)) next.add(personId);
      return next;
    });

  const link = async () => {
    setBusy(true);
    const r = await invoke('aanvragen.match', {
      id: request.id,
      version: request.version,
      personIds: [...chosen],
    });
    setBusy(false);
    if (!r.ok) {
      showServerError(null, r.error);
      return void reload();
    }
    showSaved(chosen.size === 1 ? 'Sleutelpersoon gekoppeld' : `${chosen.size} sleutelpersonen gekoppeld`);
    setChosen(new Set());
    onPicked();
  };

  if (error) return <Text c="red">{error.message}</Text>;
  if (!data) return <Text c="dimmed">Voorstellen laden…</Text>;
  return (
    <Stack gap="sm">
      {data.ontbrekendeTalen.length > 0 && (
        <Alert color="orange" title="Niemand in de pool spreekt deze taal">
          Gevraagd: {data.ontbrekendeTalen.join(', ')}. Hieronder staan de mensen die de taal niet spreken;
          zoek zo nodig via een andere gemeente of met een tolk.
        </Alert>
      )}
      <ProposalTable
        label="Voorstellen"
        proposals={data.voorstellen}
        chosen={chosen}
        onToggle={toggle}
        empty="Niemand in de pool spreekt de gevraagde taal."
      />
      <Group justify="space-between">
        {data.spreektDeTaalNiet.length > 0 ? (
          <Button variant="subtle" size="compact-sm" onClick={() => setShowOthers((v) => !v)}>
            {showOthers ? 'Verberg' : 'Toon'} wie de taal niet spreekt (
            {data.spreektDeTaalNiet.length < data.spreektDeTaalNietTotaal
              ? `de ${data.spreektDeTaalNiet.length} dichtstbij van ${data.spreektDeTaalNietTotaal}`
              : data.spreektDeTaalNiet.length}
            )
          </Button>
        ) : (
          <span />
        )}
        <Button disabled={chosen.size === 0} loading={busy} onClick={() => void link()}>
          Koppelen{chosen.size > 0 ? ` (${chosen.size})` : ''}
        </Button>
      </Group>
      <Collapse expanded={showOthers}>
        <ProposalTable
          label="Spreekt de taal niet"
          proposals={data.spreektDeTaalNiet}
          chosen={chosen}
          onToggle={toggle}
          empty=""
        />
      </Collapse>
    </Stack>
  );
}

const warningColor: Record<string, string> = {
  afwezig: 'red',
  overbelast: 'red',
  geen_ruimte: 'red',
  niet_beschikbaar: 'orange',
  ver_weg: 'orange',
};

function ProposalTable({
  label,
  proposals,
  chosen,
  onToggle,
  empty,
}: {
  label: string;
  proposals: Proposal[];
  chosen: Set<string>;
  onToggle: (personId: string) => void;
  empty: string;
}) {
  return (
    <Paper withBorder>
      <Table verticalSpacing="xs" horizontalSpacing="xs" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={36}>
              <VisuallyHidden>Kiezen</VisuallyHidden>
            </Table.Th>
            <Table.Th>Sleutelpersoon</Table.Th>
            <Table.Th>Waarom</Table.Th>
            <Table.Th>Let op</Table.Th>
            <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
              Deze maand
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {proposals.map((p) => (
            <Table.Tr
              key={p.personId}
              bg={chosen.has(p.personId) ? 'var(--mantine-color-blue-light)' : undefined}
            >
              <Table.Td>
                <Checkbox
                  aria-label={`${p.naam} kiezen`}
                  checked={p.gekoppeld || chosen.has(p.personId)}
                  disabled={p.gekoppeld}
                  onChange={() => onToggle(p.personId)}
                />
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {p.naam}
                </Text>
                {p.gekoppeld && (
                  <Badge size="sm" variant="light" color="teal">
                    gekoppeld
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{p.redenen.join(', ')}</Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  {p.waarschuwingen.map((w) => (
                    <Text key={w.soort} size="sm" c={warningColor[w.soort] ?? 'orange'}>
                      {w.tekst}
                    </Text>
                  ))}
                </Stack>
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm">
                  {formatHours(p.minutenDezeMaand)}
                  {p.verwachtMinutenDezeMaand ? ` van ${formatHours(p.verwachtMinutenDezeMaand)}` : ''} uur
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {proposals.length === 0 && empty && (
        <Text p="md" ta="center" c="dimmed">
          {empty}
        </Text>
      )}
    </Paper>
  );
}
