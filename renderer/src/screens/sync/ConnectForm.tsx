import {
  Alert,
  Button,
  Group,
  PasswordInput,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { formatNumber } from '../../../../shared/format.ts';
import { pairingCodeMinutes } from '../../../../shared/sync.ts';
import { LongTask } from '../../components/LongTask.tsx';
import { invoke } from '../../lib/api.ts';
import { showSaved, showServerError } from '../../lib/forms.ts';
import { useSession } from '../../lib/session.tsx';

const blank = { url: '', fingerprint: '', code: '', naam: '', username: '', password: '', meenemen: '' };
type Values = typeof blank;

/**
 * A desk working alone joins a Schakel server: the server's address and certificate, the pairing code the
 * beheerder made there, and the beheerder's own account on it. Its records go along once or are replaced by the
 * server's; the choice is asked only where there are records (`eigenGegevens`, null when unknown: then asked too).
 */
export function ConnectForm({ eigenGegevens }: { eigenGegevens: number | null }) {
  const { logout, refreshOrganisation } = useSession();
  const [busy, setBusy] = useState(false);
  const form = useForm<Values>({ initialValues: blank });
  const asks = eigenGegevens === null || eigenGegevens > 0;

  const submit = form.onSubmit(async ({ meenemen, ...values }) => {
    // Neither answer is safe to assume: one sends this computer's records, the other removes them.
    if (asks && meenemen === '') {
      form.setFieldError('meenemen', 'Kies wat er met de gegevens van deze computer gebeurt');
      return;
    }
    setBusy(true);
    const r = await invoke('sync.connect', { ...values, meenemen: asks && meenemen === 'ja' });
    setBusy(false);
    if (!r.ok) return showServerError(form, r.error);
    const sent =
      r.value.meegenomen > 0 ? ` ${formatNumber(r.value.meegenomen)} gegevens gaan naar de server.` : '';
    showSaved(
      `Verbonden met ${r.value.organisatie}.${sent} Log opnieuw in met je gebruikersnaam en wachtwoord van de server.`,
    );
    // The accounts are now the server's: this session has ended, and the organisation's name may have changed.
    logout();
    refreshOrganisation();
  });
  const input = (name: keyof Values) => ({ ...form.getInputProps(name), 'data-path': name });
  const count = eigenGegevens === null ? '' : ` (${formatNumber(eigenGegevens)})`;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">
          Werkt de organisatie met meer computers, dan houdt een Schakel-server de gegevens bij elkaar. Maak
          op de server een koppelcode (<code>scripts/schakel server koppelcode</code>); die toont ook de
          vingerafdruk. Na het verbinden log je opnieuw in, met je account van de server: de accounts van deze
          computer vervallen.
        </Text>
        <SimpleGrid cols={2} spacing="sm">
          <TextInput
            {...input('url')}
            label="Serveradres"
            placeholder="https://schakel.example.nl:8443"
            description="Zoals de beheerder van de server het doorgeeft"
          />
          <TextInput
            {...input('code')}
            label="Koppelcode"
            placeholder="K7QD-M3XW-9HTP"
            description={`Eenmalig, ${pairingCodeMinutes} minuten geldig`}
          />
        </SimpleGrid>
        <TextInput
          {...input('fingerprint')}
          label="Vingerafdruk van het certificaat"
          description="Zoals de server hem toont: 64 tekens, met of zonder dubbele punten. Zo weet Schakel zeker dat het de goede server is."
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        />
        <SimpleGrid cols={2} spacing="sm">
          <TextInput
            {...input('naam')}
            label="Naam van deze computer"
            description="Zo staat hij in de lijst van computers op de server, bijvoorbeeld ‘Laptop kantoor’"
          />
          <div />
          <TextInput
            {...input('username')}
            label="Gebruikersnaam"
            description="Je eigen account op de server"
            autoComplete="off"
          />
          <PasswordInput
            {...input('password')}
            label="Wachtwoord"
            description="Van dat account"
            autoComplete="off"
          />
        </SimpleGrid>
        {asks && (
          <Radio.Group
            {...input('meenemen')}
            label={`Wat gebeurt er met de gegevens op deze computer${count}?`}
          >
            <Stack gap="xs" mt="xs">
              <Radio
                value="ja"
                label="Gegevens van deze computer meenemen naar de server"
                description="Ze gaan één keer naar de server en zijn daarna voor het team; de instellingen van de organisatie (adres, IBAN, logo) gaan mee. Kies dit voor de computer waarmee de organisatie begint; wat al op de server staat, kan niet nog eens worden meegenomen."
              />
              <Radio
                value="nee"
                label="Vervangen door de gegevens van de server"
                description="Alles wat nu op deze computer staat, wordt verwijderd; daarna staat hier wat op de server staat. Maak eerst een reservekopie als je deze gegevens wilt bewaren."
              />
            </Stack>
          </Radio.Group>
        )}
        {form.values.meenemen === 'nee' && (
          <Alert color="orange" title="De gegevens op deze computer verdwijnen">
            Wat alleen op deze computer staat, komt niet op de server en is na het verbinden weg.
          </Alert>
        )}
        <Group>
          {busy ? (
            <LongTask
              label="Verbinden met de server…"
              note="De gegevens gaan naar de server of komen ervan af; bij veel gegevens duurt dat enkele minuten."
            />
          ) : (
            <Button type="submit">Verbinden</Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
