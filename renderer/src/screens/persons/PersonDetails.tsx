import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { fieldLabels as L } from '../../../../shared/field-labels.ts';
import { formatDate, formatIban } from '../../../../shared/format.ts';
import { seesWellbeingNotes } from '../../../../shared/permissions.ts';
import { genderLabels, languageLevelLabels, type Person } from '../../../../shared/persons.ts';
import { useSession } from '../../lib/session.tsx';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children || '—'}</Text>
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h5" mb="sm">
        {title}
      </Title>
      <SimpleGrid cols={4} spacing="sm">
        {children}
      </SimpleGrid>
    </Paper>
  );
}

export function PersonDetails({ person: p }: { person: Person }) {
  const { account } = useSession();
  const adres = [
    [p.straat, p.huisnummer].filter(Boolean).join(' '),
    [p.postcode, p.plaats].filter(Boolean).join('  '),
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <Stack gap="md">
      <Section title="Persoon">
        <Field label={L.voornaam}>{p.voornaam}</Field>
        <Field label={L.achternaam}>{[p.tussenvoegsel, p.achternaam].filter(Boolean).join(' ')}</Field>
        <Field label={L.roepnaam}>{p.roepnaam}</Field>
        <Field label={L.geboortedatum}>{formatDate(p.geboortedatum)}</Field>
        <Field label={L.gender}>{p.gender ? genderLabels[p.gender] : ''}</Field>
        <Field label={L.herkomstland}>{p.herkomstland}</Field>
        <Field label={L.niveauNederlands}>{p.niveauNederlands}</Field>
        <Field label={L.talen}>
          {p.talen.map((t) => `${t.taal} (${languageLevelLabels[t.niveau].toLowerCase()})`).join(', ')}
        </Field>
      </Section>
      <Section title="Adres en contact">
        <Field label="Adres">{adres}</Field>
        <Field label={L.gemeente}>{p.gemeente}</Field>
        <Field label={L.telefoon}>{p.telefoon}</Field>
        <Field label={L.email}>{p.email}</Field>
      </Section>
      <Section title="Uitbetaling en bijstand">
        <Field label={L.iban}>{formatIban(p.iban)}</Field>
        {/* After anonymisation the answer is gone, not 'no'. */}
        <Field label={L.bijstand}>{p.geanonimiseerd ? '—' : p.bijstand ? 'Ja' : 'Nee'}</Field>
        {p.bijstand && <Field label={L.toestemmingNodig}>{p.toestemmingNodig ? 'Ja' : 'Nee'}</Field>}
        {p.bijstand && <Field label={L.toestemmingDatum}>{formatDate(p.toestemmingDatum)}</Field>}
      </Section>
      <Section title="Begeleiding">
        <Field label={L.begeleiderId}>{p.begeleiderNaam}</Field>
        <Field label={L.vogAfgiftedatum}>{formatDate(p.vogAfgiftedatum)}</Field>
        <Field label="Status sinds">{formatDate(p.statusDatum)}</Field>
        <Field label="In register sinds">{formatDate(p.createdAt)}</Field>
      </Section>
      {seesWellbeingNotes(account) && (
        <Paper withBorder p="md">
          <Title order={2} size="h5" mb="xs">
            {L.notities}
          </Title>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={p.notities ? undefined : 'dimmed'}>
            {p.notities || 'Geen notities.'}
          </Text>
        </Paper>
      )}
    </Stack>
  );
}
