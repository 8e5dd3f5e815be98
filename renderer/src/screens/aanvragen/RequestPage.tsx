import {
  Alert,
  Anchor,
  Button,
  Divider,
  Group,
  Loader,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import {
  type RequestDetail,
  type ResponseTimes,
  statusTransitions,
  transitionLabel,
} from '../../../../shared/aanvragen.ts';
import { capitalise, formatDate, formatMinutes } from '../../../../shared/format.ts';
import { genderLabels } from '../../../../shared/persons.ts';
import { activityKindLabels, type RequestStatus } from '../../../../shared/work-vocabulary.ts';
import { PeoplePicker } from '../../components/PersonPicker.tsx';
import { invoke } from '../../lib/api.ts';
import { showSaved, showServerError } from '../../lib/forms.ts';
import { ModalActions } from '../../lib/modal-actions.tsx';
import { href } from '../../lib/route.ts';
import { useCan, useSession } from '../../lib/session.tsx';
import { useCall } from '../../lib/use-call.ts';
import { MatchProposals } from '../verdeling/MatchProposals.tsx';
import { wantedPeriod } from './AanvragenScreen.tsx';
import { RequestForm } from './RequestForm.tsx';
import { RequestStatusBadge } from './RequestStatusBadge.tsx';

const days = (n: number) => (n === 1 ? '1 dag' : `${n} dagen`);

/** 'Gematcht na 3 dagen · uitgevoerd 2 dagen later · 5 dagen in totaal' */
export function responseText(t: ResponseTimes): string | null {
  const parts: string[] = [];
  if (t.ontvangenTotGematcht !== null) parts.push(`gematcht na ${days(t.ontvangenTotGematcht)}`);
  if (t.gematchtTotUitgevoerd !== null) parts.push(`uitgevoerd ${days(t.gematchtTotUitgevoerd)} later`);
  if (t.ontvangenTotUitgevoerd !== null)
    parts.push(`${days(t.ontvangenTotUitgevoerd)} van ontvangst tot uitvoering`);
  if (parts.length === 0) return null;
  const text = parts.join(' · ');
  return capitalise(text);
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

/** One request: what is asked, who was matched, its status and the coordinator's actions. */
export function RequestPage({ requestId }: { requestId: string }) {
  const { data: r, error, reload } = useCall('aanvragen.get', { id: requestId });
  if (error)
    return (
      <Alert color="red" title="Niet gevonden">
        {error.message}
      </Alert>
    );
  if (!r) return <Loader size="sm" aria-label="Laden" />;
  return <RequestView key={r.version} request={r} reload={() => void reload()} />;
}

function RequestView({ request: r, reload }: { request: RequestDetail; reload(): void }) {
  const can = useCan();
  const { account } = useSession();
  const [editing, setEditing] = useState(false);
  const [refusing, setRefusing] = useState(false);
  const closed = r.status === 'afgesloten' || r.status === 'niet_uitvoerbaar';
  const editable =
    can('aanvragen.save') && !closed && (r.status === 'nieuw' || account.role === 'projectleider');
  const transitions = can('aanvragen.setStatus') ? statusTransitions[r.status] : [];
  const matching = can('aanvragen.match') && (r.status === 'nieuw' || r.status === 'gematcht');
  const setStatus = async (status: RequestStatus) => {
    if (status === 'niet_uitvoerbaar') return setRefusing(true);
    const res = await invoke('aanvragen.setStatus', { id: r.id, version: r.version, status, reden: null });
    if (!res.ok) return showServerError(null, res.error);
    showSaved(transitionLabel(r.status, status) === 'Heropenen' ? 'Aanvraag heropend' : 'Status bijgewerkt');
    reload();
  };
  const unmatch = async (personId: string, naam: string) => {
    const res = await invoke('aanvragen.unmatch', { id: r.id, version: r.version, personId });
    if (!res.ok) return showServerError(null, res.error);
    showSaved(`${naam} ontkoppeld`);
    reload();
  };
  const talen = (verplicht: boolean) =>
    r.talen
      .filter((t) => t.verplicht === verplicht)
      .map((t) => t.taal)
      .join(', ');
  const voorkeur = [r.voorkeurGender ? genderLabels[r.voorkeurGender] : null, r.voorkeurHerkomst]
    .filter(Boolean)
    .join(', ');
  const response = responseText(r.reactietijd);
  return (
    <Stack>
      <Anchor href={href('/aanvragen')} size="sm">
        ← Aanvragen
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="sm">
            <Title order={1} size="h2">
              {activityKindLabels[r.soortHulp]}
            </Title>
            <RequestStatusBadge status={r.status} />
          </Group>
          <Text c="dimmed" size="sm">
            {r.partnerNaam ?? 'Inloop'} · ontvangen op {formatDate(r.ontvangenOp)}
          </Text>
        </div>
        <Group gap="xs">
          {editable && (
            <Button variant="light" onClick={() => setEditing(true)}>
              Wijzigen
            </Button>
          )}
          {transitions.map((to) => (
            <Button
              key={to}
              variant={to === 'niet_uitvoerbaar' ? 'default' : 'filled'}
              color={to === 'niet_uitvoerbaar' ? 'orange' : undefined}
              onClick={() => void setStatus(to)}
            >
              {transitionLabel(r.status, to)}
            </Button>
          ))}
        </Group>
      </Group>
      {r.status === 'niet_uitvoerbaar' && (
        <Alert color="orange" title="Niet uitvoerbaar">
          {r.redenNietUitvoerbaar}
        </Alert>
      )}
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md" verticalSpacing="sm">
          <Fact label="Gewenst">{wantedPeriod(r.gewenstVan, r.gewenstTot)}</Fact>
          <Fact label="Plaats en gemeente">
            {[...new Set([r.plaats, r.gemeente].filter(Boolean))].join(', ') || '—'}
          </Fact>
          <Fact label="Verwachte duur">{r.verwachteMinuten ? formatMinutes(r.verwachteMinuten) : '—'}</Fact>
          <Fact label="Project">{r.projectNaam ?? '—'}</Fact>
          <Fact label="Talen nodig">{talen(true) || '—'}</Fact>
          <Fact label="Talen die helpen">{talen(false) || '—'}</Fact>
          <Fact label="Voorkeur">{voorkeur || 'Geen'}</Fact>
          <Fact label="Leefgebieden">{r.leefgebieden.map(capitalise).join(', ') || '—'}</Fact>
        </SimpleGrid>
        <Divider my="sm" />
        <Fact label="Omschrijving">
          <span style={{ whiteSpace: 'pre-wrap' }}>{r.omschrijving}</span>
        </Fact>
        {(response || r.afgeslotenOp) && (
          <>
            <Divider my="sm" />
            <Fact label="Reactietijd">
              {response ?? '—'}
              {r.afgeslotenOp ? ` · afgesloten op ${formatDate(r.afgeslotenOp)}` : ''}
            </Fact>
          </>
        )}
      </Paper>
      <Title order={2} size="h4">
        Sleutelpersonen
      </Title>
      {r.personen.length === 0 ? (
        <Text c="dimmed" size="sm">
          Nog niemand gekoppeld.
        </Text>
      ) : (
        <Paper withBorder p="sm">
          <Stack gap={6}>
            {r.personen.map((p) => (
              <Group key={p.personId} justify="space-between">
                <Text size="sm">
                  <Anchor href={href(`/personen/${p.personId}/beschikbaarheid`)} size="sm">
                    {p.naam}
                  </Anchor>{' '}
                  <Text span size="xs" c="dimmed">
                    gekoppeld op {formatDate(p.gematchtOp)}
                  </Text>
                </Text>
                {can('aanvragen.unmatch') && r.status === 'gematcht' && (
                  <Button
                    size="compact-sm"
                    variant="default"
                    onClick={() => void unmatch(p.personId, p.naam)}
                    aria-label={`${p.naam} ontkoppelen`}
                  >
                    Ontkoppelen
                  </Button>
                )}
              </Group>
            ))}
          </Stack>
        </Paper>
      )}
      {matching && (
        <>
          <Title order={2} size="h4">
            Voorstellen
          </Title>
          <MatchProposals request={{ id: r.id, version: r.version }} onPicked={reload} />
          <ManualPick request={r} onPicked={reload} />
        </>
      )}
      {editing && (
        <RequestForm
          request={r}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            reload();
          }}
        />
      )}
      {refusing && (
        <NotFeasibleModal
          request={r}
          onClose={() => setRefusing(false)}
          onSaved={() => {
            setRefusing(false);
            reload();
          }}
        />
      )}
    </Stack>
  );
}

/** Picking someone the proposals did not show (a colleague who just called in, say). */
function ManualPick({ request, onPicked }: { request: RequestDetail; onPicked(): void }) {
  const [ids, setIds] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const pick = async () => {
    const res = await invoke('aanvragen.match', { id: request.id, version: request.version, personIds: ids });
    if (!res.ok) {
      setError(res.error.fields?.personIds ?? null);
      return showServerError(null, res.error);
    }
    showSaved(ids.length === 1 ? 'Sleutelpersoon gekoppeld' : 'Sleutelpersonen gekoppeld');
    setIds([]);
    onPicked();
  };
  return (
    <Group align="flex-end" gap="sm">
      <PeoplePicker
        label="Zelf kiezen"
        placeholder="Typ een naam"
        status={['actief']}
        value={ids}
        onChange={(v) => {
          setIds(v);
          setError(null);
        }}
        error={error}
        w={420}
        data-path="personIds"
      />
      <Button variant="light" disabled={ids.length === 0} onClick={() => void pick()}>
        Koppelen
      </Button>
    </Group>
  );
}

function NotFeasibleModal({
  request,
  onClose,
  onSaved,
}: {
  request: RequestDetail;
  onClose(): void;
  onSaved(): void;
}) {
  const [reden, setReden] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const res = await invoke('aanvragen.setStatus', {
      id: request.id,
      version: request.version,
      status: 'niet_uitvoerbaar',
      reden,
    });
    if (!res.ok) {
      setError(res.error.fields?.reden ?? null);
      return showServerError(null, res.error);
    }
    showSaved('Aanvraag niet uitvoerbaar');
    onSaved();
  };
  return (
    <Modal opened onClose={onClose} title="Niet uitvoerbaar">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <Textarea
            label="Reden"
            description="Waarom deze aanvraag niet door kan gaan; zonder namen van cliënten."
            required
            autosize
            minRows={3}
            value={reden}
            onChange={(e) => setReden(e.currentTarget.value)}
            error={error ? capitalise(error) : undefined}
            data-path="reden"
          />
          <ModalActions onCancel={onClose} submit="Vastleggen" color="orange" />
        </Stack>
      </form>
    </Modal>
  );
}
