import { Alert, Paper, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import type { ContractCheck } from '../../../../shared/contracts.ts';
import type { AppError } from '../../../../shared/result.ts';
import { DocumentPreview } from '../../components/DocumentPreview.tsx';
import { invoke } from '../../lib/api.ts';
import { type EditorValues, toDraft } from './contract-values.ts';
import { FiscalPanel } from './FiscalPanel.tsx';

const noStartDate: AppError = {
  code: 'invalid_input',
  message: 'Vul een begindatum in om de controle en het voorbeeld te zien.',
};

/**
 * The fiscal check and the document as the main process reads the draft, asked again 400 ms after the last
 * keystroke. While the draft cannot be read, the last good result stays beside the reason.
 */
function useContractCheck(values: EditorValues, personId: string) {
  const [settled] = useDebouncedValue(values, 400);
  const [check, setCheck] = useState<ContractCheck | null>(null);
  const [problem, setProblem] = useState<AppError | null>(null);

  useEffect(() => {
    let current = true;
    if (!settled.startdatum) {
      setCheck(null);
      setProblem(noStartDate);
      return;
    }
    void invoke('contracts.check', toDraft(settled, personId)).then((result) => {
      if (!current) return;
      if (result.ok) {
        setCheck(result.value);
        setProblem(null);
      } else setProblem(result.error);
    });
    return () => {
      current = false;
    };
  }, [settled, personId]);

  return { check, problem };
}

/** The editor's right-hand column: fiscal check and live preview. */
export function ContractCheckPanel({ values, personId }: { values: EditorValues; personId: string }) {
  const { check, problem } = useContractCheck(values, personId);
  return (
    <Stack gap="md" pos="sticky" top={16}>
      {check?.fiscal && (
        <Paper withBorder p="md">
          <FiscalPanel check={check.fiscal} />
        </Paper>
      )}
      {problem && (
        <Alert color="gray" title="Voorbeeld nog niet compleet">
          <Text size="sm">{problem.message}</Text>
        </Alert>
      )}
      {check && <DocumentPreview model={check.document} />}
    </Stack>
  );
}
