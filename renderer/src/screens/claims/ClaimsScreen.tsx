import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  FileButton,
  Group,
  Image,
  Modal,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useState } from 'react';
import {
  type Claim,
  type ClaimKind,
  type ClaimStatus,
  claimCheckLabels,
  claimKindLabels,
  claimKindShort,
  claimKinds,
  claimStatuses,
  claimStatusLabels,
  maxClaimsPerAction,
  type ReceiptFile,
} from '../../../../shared/claims.ts';
import { formatCents, formatDate } from '../../../../shared/format.ts';
import { invoke } from '../../lib/api.ts';
import { downloadFile } from '../../lib/download.ts';
import { showSaved, showServerError } from '../../lib/forms.ts';
import { ModalActions } from '../../lib/modal-actions.tsx';
import { useCan } from '../../lib/session.tsx';
import { useCall } from '../../lib/use-call.ts';
import { PayoutsPanel } from '../payouts/PayoutsPanel.tsx';
import { ClaimForm } from './ClaimForm.tsx';
import { OverviewPanel } from './OverviewPanel.tsx';

const statusColors: Record<ClaimStatus, string> = {
  ingediend: 'blue',
  goedgekeurd: 'teal',
  afgewezen: 'red',
  in_batch: 'grape',
  betaald: 'gray',
};

/** The approval queue: what breaks a rule shows at once; approve the good ones together, reject with a reason. */
export function ClaimsScreen() {
  const can = useCan();
  const [status, setStatus] = useState<ClaimStatus | null>('ingediend');
  const [soort, setSoort] = useState<ClaimKind | null>(null);
  const [alleenMetMelding, setAlleenMetMelding] = useState(false);
  const [personId, setPersonId] = useState<string | null>(null);
  const [maand, setMaand] = useState<string | null>(null);
  const people = useCall('persons.list', { pageSize: 200 });
  const { data, error, reload } = useCall('claims.list', {
    status,
    soort,
    alleenMetMelding,
    personId,
    maand,
  });
  const [view, setView] = useState<'beoordelen' | 'betalen' | 'overzicht'>('beoordelen');
  const approved = useCall('claims.list', { status: 'goedgekeurd', pageSize: maxClaimsPerAction });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [dialog, setDialog] = useState<'new' | 'reject' | null>(null);
  const [correcting, setCorrecting] = useState<Claim | null>(null);
  const [reden, setReden] = useState('');
  const rows = data?.rows ?? [];
  const chosen = rows.filter((c) => selected.has(c.id));
  const refresh = () => {
    setSelected(new Set());
    setDialog(null);
    setReden('');
    void reload();
    void approved.reload();
  };
  const approve = async () => {
    const r = await invoke('claims.approve', {
      items: chosen.map((c) => ({ id: c.id, version: c.version })),
    });
    if (!r.ok) return showServerError(null, r.error);
    showSaved(`${r.value.count} ${r.value.count === 1 ? 'declaratie' : 'declaraties'} goedgekeurd`);
    refresh();
  };
  const reject = async () => {
    const r = await invoke('claims.reject', {
      items: chosen.map((c) => ({ id: c.id, version: c.version, reden })),
    });
    if (!r.ok) return showServerError(null, r.error);
    showSaved(`${r.value.count} afgewezen`);
    refresh();
  };
  const importCsv = async (file: File | null) => {
    if (!file) return;
    const r = await invoke('claims.import', { csv: await file.text() });
    if (!r.ok) return showServerError(null, r.error);
    showSaved(`${r.value.count} ${r.value.count === 1 ? 'declaratie' : 'declaraties'} ingelezen`);
    refresh();
  };
  const [receipts, setReceipts] = useState<ReceiptFile[] | null>(null);
  const showReceipts = async (id: string) => {
    const r = await invoke('claims.receipts', { id });
    if (r.ok) setReceipts(r.value);
    else showServerError(null, r.error);
  };
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          Declaraties
        </Title>
        <Group>
          {can('claims.import') && (
            <FileButton onChange={importCsv} accept=".csv,text/csv">
              {(props) => (
                <Tooltip label="CSV met de kolommen e-mail; soort; datum; omschrijving; van; naar; km; minuten; bedrag">
                  <Button variant="default" {...props}>
                    Importeren
                  </Button>
                </Tooltip>
              )}
            </FileButton>
          )}
          {can('claims.create') && <Button onClick={() => setDialog('new')}>Nieuwe declaratie</Button>}
        </Group>
      </Group>
      {can('payouts.list') && (
        <SegmentedControl
          w="fit-content"
          value={view}
          onChange={(v) => setView(v as typeof view)}
          data={[
            { value: 'beoordelen', label: 'Beoordelen' },
            { value: 'betalen', label: 'Betalen' },
            { value: 'overzicht', label: 'Overzicht' },
          ]}
        />
      )}
      {view === 'overzicht' && <OverviewPanel />}
      {view === 'betalen' && (
        <PayoutsPanel approved={approved.data?.rows ?? []} onChanged={() => void approved.reload()} />
      )}
      {view === 'beoordelen' && (
        <Stack>
          <Paper withBorder p="sm">
            <Group align="flex-end">
              <Select
                label="Sleutelpersoon"
                placeholder="Iedereen"
                searchable
                clearable
                w={200}
                data={(people.data?.rows ?? []).map((p) => ({ value: p.id, label: p.naam }))}
                value={personId}
                onChange={setPersonId}
              />
              <TextInput
                label="Maand"
                type="month"
                w={150}
                value={maand ?? ''}
                onChange={(e) => setMaand(e.currentTarget.value || null)}
              />
              <Select
                label="Status"
                data={claimStatuses.map((s) => ({ value: s, label: claimStatusLabels[s] }))}
                value={status}
                onChange={(v) => setStatus(v as ClaimStatus | null)}
                clearable
                placeholder="Alle"
                w={150}
              />
              <Select
                label="Soort"
                data={claimKinds.map((k) => ({ value: k, label: claimKindLabels[k] }))}
                value={soort}
                onChange={(v) => setSoort(v as ClaimKind | null)}
                clearable
                placeholder="Alle"
                w={170}
              />
              <Checkbox
                label="Alleen met een melding"
                checked={alleenMetMelding}
                onChange={(e) => setAlleenMetMelding(e.currentTarget.checked)}
                mb={8}
              />
              {can('claims.approve') && (
                <Group ml="auto" gap="sm">
                  <Button disabled={chosen.length === 0} onClick={() => void approve()}>
                    Goedkeuren ({chosen.length})
                  </Button>
                  <Button
                    variant="default"
                    color="red"
                    disabled={chosen.length === 0}
                    onClick={() => setDialog('reject')}
                  >
                    Afwijzen ({chosen.length})
                  </Button>
                </Group>
              )}
            </Group>
          </Paper>
          {error && <Text c="red">{error.message}</Text>}
          <Paper withBorder>
            <Table verticalSpacing="xs" aria-label="Declaraties" style={{ whiteSpace: 'nowrap' }}>
              <Table.Thead>
                <Table.Tr>
                  {can('claims.approve') && (
                    <Table.Th w={40}>
                      <Checkbox
                        aria-label="Alle ingediende kiezen"
                        checked={
                          rows.length > 0 &&
                          rows.filter((c) => c.status === 'ingediend').every((c) => selected.has(c.id))
                        }
                        onChange={(e) =>
                          setSelected(
                            new Set(
                              e.currentTarget.checked
                                ? rows.filter((c) => c.status === 'ingediend').map((c) => c.id)
                                : [],
                            ),
                          )
                        }
                      />
                    </Table.Th>
                  )}
                  <Table.Th>Datum</Table.Th>
                  <Table.Th>Sleutelpersoon</Table.Th>
                  <Table.Th>Soort</Table.Th>
                  <Table.Th>Omschrijving</Table.Th>
                  <Table.Th ta="right">Bedrag</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Meldingen</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((c) => (
                  <Table.Tr key={c.id}>
                    {can('claims.approve') && (
                      <Table.Td>
                        {c.status === 'ingediend' && (
                          <Checkbox
                            aria-label={`Kies ${c.personNaam} ${formatDate(c.datum)}`}
                            checked={selected.has(c.id)}
                            onChange={() => toggle(c.id)}
                          />
                        )}
                      </Table.Td>
                    )}
                    <Table.Td>{formatDate(c.datum)}</Table.Td>
                    <Table.Td>{c.personNaam}</Table.Td>
                    <Table.Td title={claimKindLabels[c.soort]}>{claimKindShort[c.soort]}</Table.Td>
                    <Table.Td>
                      <Text size="sm" truncate="end" maw={200} title={c.omschrijving}>
                        {c.omschrijving}
                        {c.km ? ` · ${c.km} km` : ''}
                      </Text>
                      {c.status === 'ingediend' && can('claims.correct') && (
                        <Anchor
                          component="button"
                          type="button"
                          size="xs"
                          mr="xs"
                          onClick={() => setCorrecting(c)}
                        >
                          Corrigeren
                        </Anchor>
                      )}
                      {c.bonnen > 0 && can('claims.receipts') && (
                        <Anchor
                          component="button"
                          type="button"
                          size="xs"
                          onClick={() => void showReceipts(c.id)}
                        >
                          {c.bonnen === 1 ? 'Bon bekijken' : `${c.bonnen} bonnen bekijken`}
                        </Anchor>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">
                      {formatCents(c.bedragCents)}
                      {c.origineel && (
                        <Text size="xs" c="dimmed">
                          was {formatCents(Number(c.origineel.bedragCents ?? 0))}
                        </Text>
                      )}
                      {c.ruimteCents !== null && (
                        <Tooltip label="Wat deze persoon deze maand en dit jaar nog onbelast kan krijgen, vóór deze declaratie">
                          <Text size="xs" c={c.ruimteCents < c.bedragCents ? 'red' : 'dimmed'}>
                            ruimte {formatCents(Math.max(0, c.ruimteCents))}
                          </Text>
                        </Tooltip>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Tooltip label={c.redenAfwijzing ?? ''} disabled={!c.redenAfwijzing}>
                        <Badge
                          color={statusColors[c.status]}
                          variant="light"
                          style={{ minWidth: 'max-content' }}
                        >
                          {claimStatusLabels[c.status]}
                        </Badge>
                      </Tooltip>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'normal' }}>
                      <Group gap={4}>
                        {c.checks.map((x) => (
                          <Tooltip key={x.code} label={x.message} multiline w={300}>
                            <Badge
                              color={x.blocking ? 'red' : 'orange'}
                              variant="light"
                              style={{ minWidth: 'max-content' }}
                            >
                              {claimCheckLabels[x.code]}
                            </Badge>
                          </Tooltip>
                        ))}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {data?.total === 0 && (
              <Text p="lg" ta="center" c="dimmed">
                Geen declaraties met deze filters.
              </Text>
            )}
          </Paper>
        </Stack>
      )}
      {receipts && (
        <Modal opened onClose={() => setReceipts(null)} title="Bonnen" size="lg">
          <Stack>
            {receipts.map((f) =>
              f.mime.startsWith('image/') ? (
                <Image
                  key={f.fileName}
                  src={`data:${f.mime};base64,${f.base64}`}
                  alt={f.fileName}
                  fit="contain"
                  mah={500}
                />
              ) : (
                <Button key={f.fileName} variant="default" onClick={() => downloadFile(f, f.mime)}>
                  {f.fileName} downloaden
                </Button>
              ),
            )}
          </Stack>
        </Modal>
      )}
      {correcting && (
        <ClaimForm
          claim={correcting}
          onClose={() => setCorrecting(null)}
          onSaved={() => {
            setCorrecting(null);
            refresh();
          }}
        />
      )}
      {dialog === 'new' && <ClaimForm onClose={() => setDialog(null)} onSaved={refresh} />}
      {dialog === 'reject' && (
        <Modal
          opened
          onClose={() => setDialog(null)}
          title={`${chosen.length} ${chosen.length === 1 ? 'declaratie' : 'declaraties'} afwijzen`}
        >
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void reject();
            }}
            noValidate
          >
            <Stack gap="sm">
              <Textarea
                label="Reden (de sleutelpersoon leest deze)"
                autosize
                minRows={2}
                value={reden}
                onChange={(e) => setReden(e.currentTarget.value)}
              />
              <ModalActions onCancel={() => setDialog(null)} submit="Afwijzen" color="red" />
            </Stack>
          </form>
        </Modal>
      )}
    </Stack>
  );
}
