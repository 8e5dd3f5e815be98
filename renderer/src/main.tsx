import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import 'dayjs/locale/nl';
import { createTheme, MantineProvider, Modal, PasswordInput } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { ErrorBoundary, InternalErrorNotices } from './components/ErrorReport.tsx';

const theme = createTheme({
  primaryColor: 'teal',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  // The library's built-in accessible names are English; screen readers should hear Dutch.
  components: {
    PasswordInput: PasswordInput.extend({
      defaultProps: { visibilityToggleButtonProps: { 'aria-label': 'Wachtwoord tonen of verbergen' } },
    }),
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Sluiten' } } }),
  },
});

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={theme}>
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
