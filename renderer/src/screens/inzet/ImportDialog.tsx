import { Alert, Button, FileButton, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { inzetImportTemplate, requiredImportColumns } from '../../../../shared/inzet.ts';
import { invoke } from '../../lib/api.ts';
import { downloadFile } from '../../lib/download.ts';
import { showSaved } from '../../lib/forms.ts';

/** Bytes as base64, for the call or a download. */
function base64Of(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

/**
 * Reads a month of inzet from a CSV or XLSX file. One wrong row refuses the whole file; the message names the row
 * and the field, so it can be fixed in the spreadsheet and read again.
 */
export function ImportDialog({ onClose, onDone }: { onClose(): void; onDone(): void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const read = async (file: File | null) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    const r = await invoke('inzet.import', { base64: base64Of(new Uint8Array(await file.arrayBuffer())) });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    showSaved(`${r.value.count} ${r.value.count === 1 ? 'activiteit' : 'activiteiten'} ingelezen`);
    onDone();
  };
  const template = () =>
    downloadFile(
      {
        fileName: 'inzet-sjabloon.csv',
        base64: base64Of(new TextEncoder().encode(`\uFEFF${inzetImportTemplate()}`)),
      },
      'text/csv',
    );
  return (
    <Modal opened onClose={onClose} title="Inzet importeren" size="lg">
      <Stack gap="sm">
        <Text size="sm">
          Lees een maand inzet in uit een Excel-bestand (XLSX) of CSV, één activiteit per regel. Verplichte
          kolommen: {requiredImportColumns.join(', ')}. De andere kolommen van het sjabloon mogen leeg
          blijven.
        </Text>
        <List size="sm" spacing={2}>
          <List.Item>Sleutelpersonen op naam of e-mailadres, meerdere gescheiden door een komma.</List.Item>
          <List.Item>Duur in minuten (90) of in uren (1:30).</List.Item>
          <List.Item>
            Rollen, leefgebieden, hulpvraag en doorverwijzing als woorden uit de lijsten, gescheiden door een
            komma.
          </List.Item>
          <List.Item>
            Klopt één regel niet, dan wordt niets ingelezen; de melding noemt de regel en het veld.
          </List.Item>
        </List>
        {error && (
          <Alert color="red" title="Niets ingelezen" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="space-between">
          <Button variant="subtle" onClick={template}>
            Sjabloon downloaden
          </Button>
          <Group>
            <Button variant="default" onClick={onClose}>
              Annuleren
            </Button>
            <FileButton
              onChange={read}
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            >
              {(props) => (
                <Button loading={busy} {...props}>
                  Bestand kiezen
                </Button>
              )}
            </FileButton>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
