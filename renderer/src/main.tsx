import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import 'dayjs/locale/nl';
import {
  type CSSVariablesResolver,
  createTheme,
  DEFAULT_THEME,
  MantineProvider,
  Modal,
  Notification,
  Pagination,
  PasswordInput,
} from '@mantine/core';
import { DateInput, DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { ErrorBoundary, InternalErrorNotices } from './components/ErrorReport.tsx';

const paginationLabels: Record<string, string> = {
  first: 'Eerste pagina',
  previous: 'Vorige pagina',
  next: 'Volgende pagina',
  last: 'Laatste pagina',
};

const theme = createTheme({
  primaryColor: 'teal',
  // Text on the primary colour and in it (buttons, links) at WCAG AA contrast: teal 9 reaches 4.9:1 against white.
  primaryShade: 9,
  defaultRadius: 'sm',
  fontFamily: 'system-ui, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  // The library's built-in accessible names are English; screen readers should hear Dutch.
  components: {
    PasswordInput: PasswordInput.extend({
      defaultProps: { visibilityToggleButtonProps: { 'aria-label': 'Wachtwoord tonen of verbergen' } },
    }),
    // The first field of a dialog takes focus, not the close button in its corner: that one leaves the tab order
    // (Escape and each dialog's own Annuleren or Sluiten close it from the keyboard).
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Sluiten', tabIndex: -1 } } }),
    Pagination: Pagination.extend({
      defaultProps: {
        getControlProps: (control: string) => ({ 'aria-label': paginationLabels[control] ?? control }),
      },
    }),
    DateInput: DateInput.extend({ defaultProps: { clearButtonProps: { 'aria-label': 'Datum wissen' } } }),
    Notification: Notification.extend({
      defaultProps: { closeButtonProps: { 'aria-label': 'Melding sluiten' } },
    }),
  },
});

/**
 * Mantine's light-variant and coloured text (badges, the active menu item, dimmed and red text) fall below WCAG AA
 * contrast by default; shade 9 on shade 0 and a darker grey meet it, also on a row tinted with shade 0 (checked by axe in the e2e suite).
 */
const paleColors = new Set(['yellow', 'orange', 'lime']);
const contrastVariables: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-8)',
    // A field's error, its red border and the value typed in it.
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-primary-color-light': 'var(--mantine-color-teal-0)',
    '--mantine-primary-color-light-hover': 'var(--mantine-color-teal-0)',
    '--mantine-primary-color-light-color': 'var(--mantine-color-teal-9)',
    ...Object.fromEntries(
      Object.keys(DEFAULT_THEME.colors).flatMap((color) => [
        [`--mantine-color-${color}-light`, `var(--mantine-color-${color}-0)`],
        [`--mantine-color-${color}-light-hover`, `var(--mantine-color-${color}-0)`],
        // The palest palettes have no shade dark enough for text: theirs is near-black.
        [
          `--mantine-color-${color}-light-color`,
          paleColors.has(color) ? 'var(--mantine-color-dark-7)' : `var(--mantine-color-${color}-9)`,
        ],
        [
          `--mantine-color-${color}-text`,
          paleColors.has(color) ? 'var(--mantine-color-dark-7)' : `var(--mantine-color-${color}-9)`,
        ],
      ]),
    ),
  },
  dark: {},
});

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={theme} cssVariablesResolver={contrastVariables}>
        <DatesProvider settings={{ locale: 'nl', firstDayOfWeek: 1 }}>
          {/* Bottom right: at the top they covered each screen's title row and its buttons. */}
          <Notifications position="bottom-right" limit={2} autoClose={3500} />
          <InternalErrorNotices />
          <ErrorBoundary full>
            <App />
          </ErrorBoundary>
        </DatesProvider>
      </MantineProvider>
    </StrictMode>,
  );
}
