import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { fieldLabels } from '../../../../shared/field-labels.ts';
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
        <Field label={fieldLabels.voornaam}>{p.voornaam}</Field>
        <Field label={fieldLabels.achternaam}>
          {[p.tussenvoegsel, p.achternaam].filter(Boolean).join(' ')}
        </Field>
        <Field label={fieldLabels.roepnaam}>{p.roepnaam}</Field>
        <Field label={fieldLabels.geboortedatum}>{formatDate(p.geboortedatum)}</Field>
        <Field label={fieldLabels.gender}>{p.gender ? genderLabels[p.gender] : ''}</Field>
        <Field label={fieldLabels.herkomstland}>{p.herkomstland}</Field>
        <Field label={fieldLabels.niveauNederlands}>{p.niveauNederlands}</Field>
        <Field label={fieldLabels.talen}>
          {p.talen.map((t) => `${t.taal} (${languageLevelLabels[t.niveau].toLowerCase()})`).join(', ')}
        </Field>
      </Section>
      <Section title="Adres en contact">
        <Field label="Adres">{adres}</Field>
        <Field label={fieldLabels.gemeente}>{p.gemeente}</Field>
        <Field label={fieldLabels.telefoon}>{p.telefoon}</Field>
        <Field label={fieldLabels.email}>{p.email}</Field>
      </Section>
      <Section title="Uitbetaling en bijstand">
        <Field label={fieldLabels.iban}>{formatIban(p.iban)}</Field>
        {/* After anonymisation the answer is gone, not 'no'. */}
        <Field label={fieldLabels.bijstand}>{p.geanonimiseerd ? '—' : p.bijstand ? 'Ja' : 'Nee'}</Field>
        {p.bijstand && (
          <Field label={fieldLabels.toestemmingNodig}>{p.toestemmingNodig ? 'Ja' : 'Nee'}</Field>
        )}
        {p.bijstand && <Field label={fieldLabels.toestemmingDatum}>{formatDate(p.toestemmingDatum)}</Field>}
      </Section>
      <Section title="Begeleiding">
        <Field label={fieldLabels.begeleiderId}>{p.begeleiderNaam}</Field>
        <Field label={fieldLabels.vogAfgiftedatum}>{formatDate(p.vogAfgiftedatum)}</Field>
        <Field label={fieldLabels.vogVernieuwdatum}>{formatDate(p.vogVernieuwdatum)}</Field>
        <Field label="Status sinds">{formatDate(p.statusDatum)}</Field>
        <Field label="In register sinds">{formatDate(p.createdAt)}</Field>
      </Section>
      {seesWellbeingNotes(account) && (
        <Paper withBorder p="md">
          <Title order={2} size="h5" mb="xs">
            {fieldLabels.notities}
          </Title>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={p.notities ? undefined : 'dimmed'}>
            {p.notities || 'Geen notities.'}
          </Text>
        </Paper>
      )}
    </Stack>
  );
}
