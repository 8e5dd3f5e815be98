import { Alert, Anchor, Checkbox, List, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { type RetentionAnonymised, type RetentionOverview, retentionPeriod } from '../../../../shared/avg.ts';
import { formatCount } from '../../../../shared/field-labels.ts';
import { formatCents, formatDate, formatDateLong, formatDateTime } from '../../../../shared/format.ts';
import { invoke } from '../../lib/api.ts';
import { showSaved, showServerError } from '../../lib/forms.ts';
import { href } from '../../lib/route.ts';
import { useCan } from '../../lib/session.tsx';
import { useCall } from '../../lib/use-call.ts';
import { Panel, RemoveButton } from './RetentionPanel.tsx';

function counts(aantallen: Record<string, number>): string {
  return Object.entries(aantallen)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => formatCount(n, k))
    .join(', ');
}

/** What anonymising removes and what it keeps: the same words in the explanation and in the confirmation. */
function WhatHappens() {
  return (
    <List size="sm" spacing={4}>
      <List.Item>
        <b>Verdwijnt:</b> naam (wordt ‘Verwijderd persoon’ met een nummer), adres, geboortedatum, telefoon,
        e-mail, IBAN, herkomst, talen, notities, het POP, de begeleidingslog, het lidmaatschap van
        intervisiegroepen, bonnen, de vrije tekst van contracten en declaraties en de afgedrukte
        contract-PDF’s. In betaalbestanden verdwijnen naam en rekeningnummer.
      </List.Item>
      <List.Item>
        <b>Nakijken:</b> in het auditlog en in de intervisiebijeenkomsten waar de persoon bij was, vervangt
        Schakel de naam en contactgegevens waar het ze herkent, maar niet een naam die iemand anders in het
        register ook heeft. Wat anderen over de persoon schreven (bijvoorbeeld alleen de voornaam in een
        verslag over iemand anders) blijft staan; na het anonimiseren zie je hoeveel van zulke vermeldingen er
        nog zijn, zodat je ze kunt nakijken.
      </List.Item>
      <List.Item>
        <b>Blijft:</b> de status met data, contractnummers, -vormen, -perioden en -bedragen, en van elke
        declaratie de datum, soort, het bedrag en de status. Zo kloppen het register, de overzichten en de
        totalen nog.
      </List.Item>
    </List>
  );
}

function PeopleSection({ data, onDone }: { data: RetentionOverview; onDone(): void }) {
  const can = useCan();
  const mayRemove = can('avg.anonymise');
  const [selected, setSelected] = useState<string[]>([]);
  const [nakijken, setNakijken] = useState<RetentionAnonymised['nakijken']>([]);
  const selectable = data.personen.filter((p) => p.blokkade === null).map((p) => p.id);
  const chosen = data.personen.filter((p) => selected.includes(p.id));
  // The dialog keeps the people it was opened for, also while it fades out after the list changed.
  const [toConfirm, setToConfirm] = useState(chosen);
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => (on ? [...s, id] : s.filter((x) => x !== id)));

  const anonymise = async () => {
    const r = await invoke('avg.anonymise', { personIds: toConfirm.map((p) => p.id) });
    if (!r.ok) return showServerError(null, r.error);
    showSaved(
      `${r.value.count} ${r.value.count === 1 ? 'sleutelpersoon' : 'sleutelpersonen'} geanonimiseerd`,
    );
    setNakijken(r.value.nakijken);
    setSelected([]);
    onDone();
  };

  return (
    <Panel
      title={`Gestopt vóór ${formatDateLong(data.grensPersonen)}`}
      note={`Sleutelpersonen die langer dan ${retentionPeriod('personen')} gestopt zijn.`}
      action={
        mayRemove ? (
          <RemoveButton
            label={`Anonimiseren${chosen.length > 0 ? ` (${chosen.length})` : ''}`}
            disabled={chosen.length === 0}
            onOpen={() => setToConfirm(chosen)}
            title={`${toConfirm.length === 1 ? 'Sleutelpersoon' : `${toConfirm.length} sleutelpersonen`} anonimiseren`}
            submit="Definitief anonimiseren"
            onConfirm={anonymise}
          >
            <Text size="sm">Je anonimiseert: {toConfirm.map((p) => p.naam).join(', ')}.</Text>
            <WhatHappens />
          </RemoveButton>
        ) : (
          <Text size="sm" c="dimmed">
            Alleen een beheerder kan anonimiseren.
          </Text>
        )
      }
    >
      {nakijken.length > 0 && (
        <Alert
          color="orange"
          variant="light"
          mx="sm"
          mb="sm"
          title="Nog nakijken"
          withCloseButton
          onClose={() => setNakijken([])}
        >
          <List size="sm">
            {nakijken.map((n) => (
              <List.Item key={n.label}>
                {n.label}: nog {n.vermeldingen === 1 ? '1 vermelding' : `${n.vermeldingen} vermeldingen`} van
                de voornaam ({n.voornamen.map((v) => `‘${v}’`).join(' of ')}) in vrije tekst van anderen;
                controleer die.
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {data.personen.length === 0 ? (
        <Text p="md" pt={0} c="dimmed">
          Niemand is langer dan {retentionPeriod('personen')} gestopt.
        </Text>
      ) : (
        <Table verticalSpacing={4} aria-label="Te anonimiseren">
          <Table.Thead>
            <Table.Tr>
              {mayRemove && (
                <Table.Th w={40}>
                  <Checkbox
                    aria-label="Alle kiezen"
                    checked={selectable.length > 0 && selectable.every((id) => selected.includes(id))}
                    indeterminate={selected.length > 0 && selected.length < selectable.length}
                    onChange={(e) => setSelected(e.currentTarget.checked ? selectable : [])}
                  />
                </Table.Th>
              )}
              <Table.Th>Sleutelpersoon</Table.Th>
              <Table.Th>Gestopt op</Table.Th>
              <Table.Th ta="right">Contracten</Table.Th>
              <Table.Th ta="right">Verslagen</Table.Th>
              <Table.Th ta="right">Declaraties</Table.Th>
              <Table.Th>Opmerking</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.personen.map((p) => (
              <Table.Tr key={p.id}>
                {mayRemove && (
                  <Table.Td>
                    <Checkbox
                      aria-label={`Kies ${p.naam}`}
                      disabled={p.blokkade !== null}
                      checked={selected.includes(p.id)}
                      onChange={(e) => toggle(p.id, e.currentTarget.checked)}
                    />
                  </Table.Td>
                )}
                <Table.Td>
                  <Anchor href={href(`/personen/${p.id}`)}>{p.naam}</Anchor>
                </Table.Td>
                <Table.Td>{formatDate(p.statusDatum)}</Table.Td>
                <Table.Td ta="right">{p.contracten}</Table.Td>
                <Table.Td ta="right">{p.verslagen}</Table.Td>
                <Table.Td ta="right">{p.declaraties}</Table.Td>
                <Table.Td>
                  {p.blokkade && (
                    <Text size="sm" c="orange.8">
                      {p.blokkade}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Panel>
  );
}

function FinancialSection({ data, onDone }: { data: RetentionOverview; onDone(): void }) {
  const can = useCan();
  const { jaren, betaalbestanden } = data.financieel;
  const total = jaren.reduce((n, j) => n + j.declaraties, 0);
  const receipts = jaren.reduce((n, j) => n + j.bonnen, 0);

  const purge = async () => {
    const r = await invoke('avg.purge', { grens: data.grensFinancieel });
    if (!r.ok) return showServerError(null, r.error);
    showSaved(
      `${formatCount(r.value.declaraties, 'declaraties')} en ${formatCount(r.value.betaalbestanden, 'betaalbestanden')} verwijderd; de totalen zijn bewaard`,
    );
    onDone();
  };

  return (
    <Panel
      title={`Financiële gegevens van vóór ${formatDateLong(data.grensFinancieel)}`}
      note={`Betaalde en afgewezen declaraties en betaalbestanden van boekjaren waarvan de fiscale bewaarplicht van ${retentionPeriod('financieel')} voorbij is.`}
      action={
        can('avg.purge') && (
          <RemoveButton
            label="Financiële gegevens verwijderen"
            disabled={total === 0 && betaalbestanden.length === 0}
            title="Financiële gegevens verwijderen"
            submit="Definitief verwijderen"
            onConfirm={purge}
          >
            <Text size="sm">
              Je verwijdert {formatCount(total, 'declaraties')} van vóór{' '}
              {formatDateLong(data.grensFinancieel)}, met {formatCount(receipts, 'bonnen')}, en de
              betaalbestanden van {betaalbestanden.length}{' '}
              {betaalbestanden.length === 1 ? 'batch' : 'batches'}.
            </Text>
            <Text size="sm">
              De bedragen blijven als totalen per maand en soort in het jaaroverzicht staan, zodat de totalen
              hetzelfde blijven. Van elke batch blijven nummer, uitvoerdatum, aantal en totaal bewaard.
            </Text>
          </RemoveButton>
        )
      }
    >
      {jaren.length === 0 && betaalbestanden.length === 0 ? (
        <Text p="md" pt={0} c="dimmed">
          Er zijn geen financiële gegevens van vóór {formatDateLong(data.grensFinancieel)}.
        </Text>
      ) : (
        <Table verticalSpacing={4} aria-label="Financiële gegevens na de bewaarplicht">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Jaar</Table.Th>
              <Table.Th ta="right">Declaraties</Table.Th>
              <Table.Th ta="right">Waarvan afgewezen</Table.Th>
              <Table.Th ta="right">Betaald</Table.Th>
              <Table.Th ta="right">Bonnen</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {jaren.map((j) => (
              <Table.Tr key={j.jaar}>
                <Table.Td>{j.jaar}</Table.Td>
                <Table.Td ta="right">{j.declaraties}</Table.Td>
                <Table.Td ta="right">{j.afgewezen}</Table.Td>
                <Table.Td ta="right">{formatCents(j.betaaldCents)}</Table.Td>
                <Table.Td ta="right">{j.bonnen}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {betaalbestanden.length > 0 && (
        <Text size="sm" p="sm">
          Betaalbestanden:{' '}
          {betaalbestanden.map((b) => `${b.nummer} (${formatDate(b.uitvoerdatum)})`).join(', ')}.
        </Text>
      )}
    </Panel>
  );
}

/**
 * Bewaartermijnen: who and what is due for removal under the AVG, and what was removed before. The beheerder
 * removes; a projectleider sees the list, to speak up for anyone who must be kept longer.
 */
export function RetentionScreen() {
  const { data, error, reload } = useCall('avg.retention', {});
  if (error) return <Alert color="red">{error.message}</Alert>;
  if (!data) return <Loader aria-label="Laden" />;
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        Bewaartermijnen
      </Title>
      <Text size="sm" maw={900}>
        Schakel bewaart gegevens niet langer dan nodig (AVG). Is een sleutelpersoon langer dan{' '}
        {retentionPeriod('personen')} gestopt, dan worden diens gegevens geanonimiseerd. Financiële gegevens
        gaan als de fiscale bewaarplicht van {retentionPeriod('financieel')} na het einde van het boekjaar
        voorbij is: betaalde en afgewezen declaraties worden verwijderd en opgeteld in totalen per maand en
        soort, zodat jaaroverzichten dezelfde bedragen houden; van betaalbatches verdwijnt het betaalbestand
        met namen en rekeningnummers. Elke verwijdering staat in het auditlog, met aantallen en zonder de
        verwijderde gegevens.
      </Text>
      <WhatHappens />
      <PeopleSection data={data} onDone={() => void reload()} />
      <FinancialSection data={data} onDone={() => void reload()} />
      {data.archief.length > 0 && (
        <Panel title="Bewaarde totalen">
          <Table verticalSpacing={4} aria-label="Bewaarde totalen">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Jaar</Table.Th>
                <Table.Th ta="right">Declaraties</Table.Th>
                <Table.Th ta="right">Betaald</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.archief.map((a) => (
                <Table.Tr key={a.jaar}>
                  <Table.Td>{a.jaar}</Table.Td>
                  <Table.Td ta="right">{a.aantal}</Table.Td>
                  <Table.Td ta="right">{formatCents(a.betaaldCents)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Panel>
      )}
      {data.eerder.length > 0 && (
        <Panel title="Eerder verwijderd">
          <Table verticalSpacing={4} aria-label="Eerder verwijderd">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Wanneer</Table.Th>
                <Table.Th>Wat</Table.Th>
                <Table.Th>Door</Table.Th>
                <Table.Th>Aantallen</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.eerder.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.at)}</Table.Td>
                  <Table.Td>{r.label}</Table.Td>
                  <Table.Td>{r.door ?? ''}</Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {counts(r.aantallen)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Panel>
      )}
    </Stack>
  );
}
