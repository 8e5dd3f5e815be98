import { Button, Group, Image, Modal, Stack, Text } from '@mantine/core';
import { downloadFile } from '../../lib/download.ts';
import { useCall } from '../../lib/use-call.ts';

/**
 * The receipts of one claim: photos shown, PDFs to download; `onReplace` where they may still be replaced (a
 * submitted claim, for the administrateur).
 */
export function ReceiptsModal({
  claimId,
  onClose,
  onReplace,
}: {
  claimId: string;
  onClose(): void;
  onReplace?: (() => void) | null;
}) {
  const { data, error } = useCall('claims.receipts', { id: claimId });
  return (
    <Modal opened onClose={onClose} title="Bonnen" size="lg">
      <Stack>
        {error && <Text c="red">{error.message}</Text>}
        {(data ?? []).map((f) =>
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
        {onReplace && (
          <Group justify="flex-end">
            <Button variant="default" onClick={onReplace}>
              {(data?.length ?? 0) === 1 ? 'Bon vervangen' : 'Bonnen vervangen'}
            </Button>
          </Group>
        )}
      </Stack>
    </Modal>
  );
}
