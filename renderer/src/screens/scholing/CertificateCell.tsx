import { Button, FileButton, Group, Text } from '@mantine/core';
import { maxCertificateBytes, type PersonTraining } from '../../../../shared/scholing.ts';
import { invoke } from '../../lib/api.ts';
import { downloadFile } from '../../lib/download.ts';
import { showSaved, showServerError } from '../../lib/forms.ts';
import { receiptAccept, toBase64 } from '../claims/receipt-files.ts';

/** The certificate of a completed training: open it, or upload (or replace) a scan or photo of it. */
export function CertificateCell({
  training,
  onChanged,
  readOnly,
}: {
  training: PersonTraining;
  onChanged(): void;
  readOnly: boolean;
}) {
  const upload = async (file: File | null) => {
    if (!file) return;
    if (file.size > maxCertificateBytes)
      return showServerError(null, {
        code: 'invalid_input',
        message: 'Certificaat: bestand groter dan 5 MB',
      });
    const r = await invoke('scholing.setCertificate', {
      id: training.id,
      version: training.version,
      bestand: { base64: await toBase64(file) },
    });
    if (!r.ok) return showServerError(null, r.error);
    showSaved('Certificaat opgeslagen');
    onChanged();
  };
  const open = async () => {
    const r = await invoke('scholing.certificate', { id: training.id });
    if (!r.ok) return showServerError(null, r.error);
    downloadFile(r.value, r.value.mime);
  };
  if (training.status !== 'afgerond') return <Text size="sm">—</Text>;
  return (
    <Group gap={6} wrap="nowrap">
      {training.certificaat ? (
        <Button size="compact-sm" variant="subtle" onClick={() => void open()}>
          Openen
        </Button>
      ) : (
        <Text size="sm" c="dimmed">
          {training.geeftCertificaat ? 'nog niet' : '—'}
        </Text>
      )}
      {!readOnly && (
        <FileButton onChange={(f) => void upload(f)} accept={receiptAccept}>
          {(props) => (
            <Button
              {...props}
              size="compact-sm"
              variant="light"
              aria-label={`Certificaat ${training.naam} uploaden`}
            >
              {training.certificaat ? 'Vervangen' : 'Uploaden'}
            </Button>
          )}
        </FileButton>
      )}
    </Group>
  );
}
