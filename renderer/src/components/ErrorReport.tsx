/**
 * What the user sees when something went wrong that they cannot fix: "Er ging iets mis", what to do now, and the
 * technical report (lib/error-report.ts) to copy for the beheerder or the helpdesk. A screen that fails to render
 * shows it in place of the screen; a call that fails inside Schakel offers it from a notice.
 */
import {
  Alert,
  Anchor,
  Box,
  Button,
  Center,
  Group,
  Modal,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Component, type ErrorInfo, type ReactNode, useEffect, useRef, useState } from 'react';
import {
  type CallFailure,
  currentContext,
  onInternalError,
  type RenderFailure,
  technicalReport,
} from '../lib/error-report.ts';
import { navigate } from '../lib/route.ts';

/** The report, read-only, with a button that copies it (or, where the clipboard is refused, selects it). */
export function ReportBlock({ report }: { report: string }) {
  const area = useRef<HTMLTextAreaElement>(null);
  const [state, setState] = useState<'idle' | 'copied' | 'selected'>('idle');

  async function copy() {
    try {
      await navigator.clipboard.writeText(report);
      setState('copied');
    } catch {
      // The clipboard can be refused (permissions); the old way copies the selection, or leaves it for Ctrl+C.
      area.current?.focus();
      area.current?.select();
      setState(document.execCommand('copy') ? 'copied' : 'selected');
    }
    window.setTimeout(() => setState('idle'), 3000);
  }

  return (
    <Stack gap="xs">
      <Textarea
        ref={area}
        label="Technisch rapport"
        description="Zonder namen of andere persoonsgegevens: alleen wat de beheerder of helpdesk nodig heeft."
        value={report}
        readOnly
        autosize
        minRows={6}
        maxRows={14}
        styles={{ input: { fontFamily: 'ui-monospace, monospace', fontSize: 12 } }}
      />
      <Group>
        <Button
          variant={state === 'copied' ? 'filled' : 'light'}
          color={state === 'copied' ? 'teal' : undefined}
          onClick={() => void copy()}
        >
          {state === 'copied' ? 'Gekopieerd' : 'Kopieer rapport'}
        </Button>
        {state === 'selected' && (
          <Text size="sm" c="dimmed">
            Kopiëren lukte niet vanzelf: het rapport is geselecteerd, druk op Ctrl+C.
          </Text>
        )}
      </Group>
    </Stack>
  );
}

interface BoundaryState {
  failure: RenderFailure | null;
  report: string;
}

/**
 * Catches a screen that throws while rendering, so the user gets an explanation and the report instead of an
 * empty window. `full` fills the window (around the whole app); otherwise it takes the screen's place.
 */
export class ErrorBoundary extends Component<
  { children: ReactNode; full?: boolean; resetKey?: string },
  BoundaryState
> {
  override state: BoundaryState = { failure: null, report: '' };

  static getDerivedStateFromError(error: unknown): Partial<BoundaryState> {
    return { failure: { kind: 'render', error } };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    const failure: RenderFailure = { kind: 'render', error, componentStack: info.componentStack ?? null };
    this.setState({ failure, report: technicalReport(failure, currentContext()) });
  }

  override componentDidUpdate(previous: Readonly<{ resetKey?: string }>): void {
    // Another address (the menu, back) gives the screen a new try.
    if (this.state.failure && previous.resetKey !== this.props.resetKey)
      this.setState({ failure: null, report: '' });
  }

  private readonly reset = () => {
    navigate('/');
    this.setState({ failure: null, report: '' });
  };

  override render(): ReactNode {
    if (!this.state.failure) return this.props.children;
    const panel = (
      <Stack maw={720} gap="md" role="alert">
        <Title order={1}>Er ging iets mis</Title>
        <Text>
          Schakel kon dit scherm niet tonen. Wat al was opgeslagen, is bewaard; wat je nog aan het invullen
          was, is mogelijk niet opgeslagen.
        </Text>
        <Box component="ul" m={0} pl="lg">
          <li>Ga terug naar het startscherm of laad Schakel opnieuw, en probeer het nog eens.</li>
          <li>
            Gebeurt het weer? Kopieer dan het technische rapport hieronder en stuur het naar de beheerder.
          </li>
        </Box>
        <Group>
          <Button onClick={this.reset}>Naar het startscherm</Button>
          <Button variant="default" onClick={() => window.location.reload()}>
            Schakel opnieuw laden
          </Button>
        </Group>
        {this.state.report && <ReportBlock report={this.state.report} />}
      </Stack>
    );
    return this.props.full ? (
      <Center mih="100vh" p="xl">
        {panel}
      </Center>
    ) : (
      panel
    );
  }
}

const noticeId = 'schakel-internal-error';

/**
 * Listens for calls that failed inside Schakel (code 'internal') and shows one notice with a "Details" link; the
 * details hold what the user can do and the report with the call's reference. Mounted once, beside Notifications.
 */
export function InternalErrorNotices() {
  const [open, setOpen] = useState<{ failure: CallFailure; report: string } | null>(null);

  useEffect(
    () =>
      onInternalError((failure) => {
        const report = technicalReport(failure, currentContext());
        notifications.hide(noticeId);
        notifications.show({
          id: noticeId,
          color: 'red',
          title: 'Er ging iets mis',
          autoClose: 15_000,
          message: (
            <>
              {failure.error.message}{' '}
              <Anchor
                component="button"
                size="sm"
                onClick={() => {
                  notifications.hide(noticeId);
                  setOpen({ failure, report });
                }}
              >
                Details
              </Anchor>
            </>
          ),
        });
      }),
    [],
  );

  return (
    <Modal opened={open !== null} onClose={() => setOpen(null)} title="Er ging iets mis" size="lg">
      {open && (
        <Stack gap="md">
          <Alert color="red" variant="light">
            {open.failure.error.message}
          </Alert>
          <Text size="sm">
            Probeer het nog eens. Lukt het weer niet, kopieer dan het technische rapport en stuur het naar de
            beheerder
            {open.failure.error.reference
              ? `; met het kenmerk ${open.failure.error.reference} vindt die de fout terug in het logboek van Schakel.`
              : '.'}
          </Text>
          <ReportBlock report={open.report} />
        </Stack>
      )}
    </Modal>
  );
}
