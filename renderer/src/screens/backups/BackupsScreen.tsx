import {
  Alert,
  Button,
  Code,
  Group,
  Loader,
  Modal,
  Paper,
  PasswordInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import {
  type BackupCounts,
  type BackupInfo,
  type BackupPreview,
  backupKindLabels,
  type RecoveryKey,
} from '../../../../shared/backups.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import type { AppError } from '../../../../shared/result.ts';
import { LongTask } from '../../components/LongTask.tsx';
import { invoke } from '../../lib/api.ts';
import { showSaved, showServerError } from '../../lib/forms.ts';
import { ModalActions } from '../../lib/modal-actions.tsx';
import { useSession } from '../../lib/session.tsx';
import { useCall } from '../../lib/use-call.ts';

const countLabels: Record<keyof BackupCounts, string> = {
  personen: 'Sleutelpersonen',
  contracten: 'Contracten',
  declaraties: 'Declaraties',
  bonnen: 'Bonnen',
  logregels: 'Begeleidingslog',
  accounts: 'Accounts',
};

function size(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} kB`;
  return `${(bytes / 1024 / 1024).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} MB`;
}

/** The beheerder's backups: where they go, making one now, and bringing one back after a look at it. */
export function BackupsScreen() {
  const { data, error, reload } = useCall('backups.overview', {});
  const [preview, setPreview] = useState<BackupPreview | null>(null);
  const [previewError, setPreviewError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  const createNow = async () => {
    setBusy(true);
    const r = await invoke('backups.create', {});
    setBusy(false);
    if (r.ok) {
      showSaved('Reservekopie gemaakt');
      void reload();
    } else showServerError(null, r.error);
  };

  // A preview checks the whole file first: for a large one that takes a moment.
  const [opening, setOpening] = useState<string | null>(null);
  const open = async (b: BackupInfo) => {
    setPreviewError(null);
    setOpening(b.name);
    const r = await invoke('backups.preview', { name: b.name });
    setOpening(null);
    if (r.ok) setPreview(r.value);
    else setPreviewError(r.error);
  };

  if (error) return <Alert color="red">{error.message}</Alert>;
  if (!data) return <Loader aria-label="Laden" />;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          Reservekopieën
        </Title>
        {busy ? (
          <LongTask
            label="Reservekopie wordt gemaakt…"
            note="Dit kan even duren. Schakel blijft intussen gewoon bruikbaar, ook in andere vensters."
          />
        ) : (
          <Button onClick={() => void createNow()}>Nu een reservekopie maken</Button>
        )}
      </Group>
      <Text c="dimmed" maw={760}>
        Schakel maakt elke dag een reservekopie zolang het draait, en ook vóór elke update. Van de dagelijkse
        kopieën blijven de laatste 7 dagen, 4 weken en 12 maanden bewaard. Elke kopie is versleuteld met
        dezelfde sleutel als de gegevens, wordt na het maken gecontroleerd, en bevat ook de bonnen.
      </Text>
      <FolderSetting folder={data.folder} isDefault={data.isDefaultFolder} onSaved={() => void reload()} />
      <RecoverySection />
      {previewError && (
        <Alert
          color="red"
          title="Deze reservekopie is niet te gebruiken"
          withCloseButton
          onClose={() => setPreviewError(null)}
        >
          {previewError.message}
        </Alert>
      )}
      <Paper withBorder>
        <Table verticalSpacing="xs" aria-label="Reservekopieën">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Gemaakt op</Table.Th>
              <Table.Th>Soort</Table.Th>
              <Table.Th ta="right">Sleutelpersonen</Table.Th>
              <Table.Th ta="right">Contracten</Table.Th>
              <Table.Th ta="right">Declaraties</Table.Th>
              <Table.Th ta="right">Grootte</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.backups.map((b) => (
              <Table.Tr key={b.name}>
                <Table.Td>{formatDateTime(b.createdAt)}</Table.Td>
                <Table.Td>{b.kind ? backupKindLabels[b.kind] : 'Onbekend'}</Table.Td>
                <Table.Td ta="right">{b.counts?.personen ?? '–'}</Table.Td>
                <Table.Td ta="right">{b.counts?.contracten ?? '–'}</Table.Td>
                <Table.Td ta="right">{b.counts?.declaraties ?? '–'}</Table.Td>
                <Table.Td ta="right">{size(b.bytes)}</Table.Td>
                <Table.Td ta="right">
                  <Button
                    variant="subtle"
                    size="xs"
                    onClick={() => void open(b)}
                    loading={opening === b.name}
                    disabled={opening !== null && opening !== b.name}
                    aria-label={`Bekijken: ${formatDateTime(b.createdAt)}`}
                  >
                    Bekijken
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {data.backups.length === 0 && (
          <Text p="md" c="dimmed">
            Er staan nog geen reservekopieën in deze map.
          </Text>
        )}
      </Paper>
      {preview && <PreviewModal preview={preview} onClose={() => setPreview(null)} />}
    </Stack>
  );
}

/**
 * The backups are encrypted with this installation's key: without it they are unreadable elsewhere, after a lost
 * laptop or a reinstalled system. The beheerder writes it down once.
 */
function RecoverySection() {
  const [asking, setAsking] = useState(false);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState<RecoveryKey | null>(null);
  const ask = async (e: FormEvent) => {
    e.preventDefault();
    const r = await invoke('backups.recoveryKey', { password });
    setPassword('');
    if (r.ok) {
      setShown(r.value);
      setAsking(false);
      setError(null);
    } else setError(r.error.fields?.password ? 'Dat wachtwoord klopt niet.' : r.error.message);
  };
  return (
    <Paper withBorder p="md" maw={760}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Text fw={600}>Herstelcode</Text>
          <Text size="sm" c="dimmed">
            De reservekopieën zijn versleuteld. Op een andere computer (na verlies of een nieuwe installatie)
            gaan ze alleen open met de herstelcode. Schrijf die op en bewaar hem veilig, los van de computer.
          </Text>
        </div>
        {!shown && (
          <Button variant="default" onClick={() => setAsking(true)}>
            Herstelcode tonen…
          </Button>
        )}
      </Group>
      {shown && (
        <Stack gap="xs" mt="sm">
          {shown.code ? (
            <>
              <Code block fz="md" aria-label="Herstelcode">
                {shown.code.match(/.{1,8}/g)?.join(' ')}
              </Code>
              <Text size="sm">
                Op een andere computer: zet een reservekopie als <Code>schakel.sqlite</Code> in een lege map,
                start Schakel met <Code>--data-dir</Code> naar die map en vul deze code in (zonder spaties)
                als wachtwoordzin.
              </Text>
            </>
          ) : (
            <Text size="sm">
              De herstelcode is de wachtwoordzin die bij het starten van Schakel wordt gevraagd. Bewaar die
              veilig: zonder de wachtwoordzin zijn de gegevens en de reservekopieën niet te openen, ook niet
              door ons.
            </Text>
          )}
        </Stack>
      )}
      <Modal opened={asking} onClose={() => setAsking(false)} title="Herstelcode tonen">
        <form onSubmit={ask}>
          <Stack>
            <Text size="sm">Vul ter controle je eigen wachtwoord in.</Text>
            <PasswordInput
              label="Wachtwoord"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={error}
              data-autofocus
            />
            <ModalActions onCancel={() => setAsking(false)} submit="Tonen" />
          </Stack>
        </form>
      </Modal>
    </Paper>
  );
}

function FolderSetting({
  folder,
  isDefault,
  onSaved,
}: {
  folder: string;
  isDefault: boolean;
  onSaved(): void;
}) {
  const [value, setValue] = useState(folder);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const save = async () => {
    const r = await invoke('backups.setFolder', { folder: value });
    if (r.ok) {
      setFieldError(null);
      showSaved('Map voor reservekopieën opgeslagen');
      onSaved();
    } else setFieldError(r.error.fields?.folder ?? r.error.message);
  };
  return (
    <Group align="flex-end">
      <TextInput
        label="Map voor reservekopieën"
        description={
          isDefault
            ? 'Standaard: in de gegevensmap. Kies bij voorkeur een andere schijf of een netwerkmap, met een eigen map per computer.'
            : 'Gekozen map op deze computer; gebruik een eigen map per computer.'
        }
        value={value}
        onChange={(e) => setValue(e.currentTarget.value)}
        error={fieldError}
        w={560}
      />
      <Button variant="default" onClick={() => void save()} disabled={value === folder}>
        Map opslaan
      </Button>
    </Group>
  );
}

function PreviewModal({ preview, onClose }: { preview: BackupPreview; onClose(): void }) {
  const { logout } = useSession();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const restore = async () => {
    setBusy(true);
    const r = await invoke('backups.restore', { name: preview.name });
    setBusy(false);
    if (r.ok) {
      showSaved(
        `Reservekopie van ${formatDateTime(preview.createdAt)} teruggezet. Log opnieuw in. De stand van daarvoor staat als kopie "Voor terugzetten" in de lijst.`,
      );
      logout();
    } else setFailure(r.error.message);
  };
  const counts = preview.counts;
  return (
    <Modal
      opened
      onClose={busy ? () => {} : onClose}
      withCloseButton={!busy}
      title={`Reservekopie van ${formatDateTime(preview.createdAt)}`}
      size="lg"
    >
      <Stack>
        <Text size="sm">
          {preview.organisatieNaam ?? 'Organisatie onbekend'} ·{' '}
          {preview.kind ? backupKindLabels[preview.kind] : 'Soort onbekend'} · schema {preview.schemaVersion}
        </Text>
        {counts && (
          <SimpleGrid cols={3} spacing="xs">
            {(Object.keys(countLabels) as (keyof BackupCounts)[]).map((k) => (
              <Paper key={k} withBorder p="xs">
                <Text size="xs" c="dimmed">
                  {countLabels[k]}
                </Text>
                <Text fw={600}>{counts[k]}</Text>
              </Paper>
            ))}
          </SimpleGrid>
        )}
        <div>
          <Text fw={600} size="sm" mb={4}>
            Laatste wijzigingen in deze kopie
          </Text>
          <Stack gap={2}>
            {preview.lastChanges.map((c) => (
              <Text key={`${c.at}${c.summary}`} size="sm">
                {formatDateTime(c.at)} — {c.summary}
              </Text>
            ))}
          </Stack>
        </div>
        {failure && <Alert color="red">{failure}</Alert>}
        {confirming ? (
          <Alert color="orange" title="Alle gegevens terugzetten naar deze stand?">
            <Stack gap="xs">
              <Text size="sm">
                Alles wat na {formatDateTime(preview.createdAt)} is ingevoerd, verdwijnt uit Schakel. Schakel
                maakt eerst een reservekopie van de huidige stand, zodat je dit ongedaan kunt maken. Daarna
                moet iedereen opnieuw inloggen.
              </Text>
              {busy ? (
                <LongTask
                  label="Reservekopie wordt teruggezet…"
                  note="Eerst wordt de huidige stand bewaard. Andere vensters moeten zo even wachten."
                />
              ) : (
                <Group justify="flex-end">
                  <Button variant="default" onClick={() => setConfirming(false)}>
                    Annuleren
                  </Button>
                  <Button color="red" onClick={() => void restore()}>
                    Ja, terugzetten
                  </Button>
                </Group>
              )}
            </Stack>
          </Alert>
        ) : (
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Sluiten
            </Button>
            <Button color="red" onClick={() => setConfirming(true)}>
              Deze kopie terugzetten…
            </Button>
          </Group>
        )}
      </Stack>
    </Modal>
  );
}
