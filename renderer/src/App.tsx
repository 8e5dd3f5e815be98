import { Alert, Center, Loader } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import type { SessionAccount } from '../../shared/roles.ts';
import type { AppStatus } from '../../shared/settings.ts';
import { Shell } from './components/Shell.tsx';
import { invoke, onSessionLost } from './lib/api.ts';
import { setReportVersion } from './lib/error-report.ts';
import { forgetViewState } from './lib/remembered-state.ts';
import { navigate } from './lib/route.ts';
import { SessionContext } from './lib/session.tsx';
import { IdleLock } from './screens/auth/LockScreen.tsx';
import { LoginScreen } from './screens/auth/LoginScreen.tsx';
import { SetupScreen } from './screens/auth/SetupScreen.tsx';

/** The next person to log in starts on their own start screen with clean lists, never on the previous one's page. */
function leaveSession() {
  forgetViewState();
  navigate('/');
}

export function App() {
  const [status, setStatus] = useState<AppStatus | null>(null);
  const [account, setAccount] = useState<SessionAccount | null | undefined>(undefined);
  const [failure, setFailure] = useState<string | null>(null);

  const loadStatus = useCallback(async () => {
    const s = await invoke('settings.status', {});
    if (!s.ok) {
      setFailure(s.error.message);
      return;
    }
    setStatus(s.value);
    setReportVersion(s.value.appVersion);
    const me = await invoke('auth.me', {});
    setAccount(me.ok ? me.value : null);
  }, []);

  useEffect(() => {
    void loadStatus();
    return onSessionLost(() => {
      leaveSession();
      setAccount(null);
      // The computer itself may have changed (revoked by the server's beheerder and wiped): ask again.
      void loadStatus();
    });
  }, [loadStatus]);

  if (failure) {
    return (
      <Center h="100vh" p="xl">
        <Alert color="red" title="Schakel is niet bereikbaar" maw={520}>
          {failure}
        </Alert>
      </Center>
    );
  }
  if (!status || account === undefined) {
    return (
      <Center h="100vh">
        <Loader aria-label="Laden" />
      </Center>
    );
  }
  if (status.needsSetup) {
    return (
      <SetupScreen
        melding={status.melding}
        onDone={(a) => {
          setAccount(a);
          void loadStatus();
        }}
      />
    );
  }
  if (!account) {
    const onLogin = (a: SessionAccount) => {
      navigate('/');
      setAccount(a);
    };
    return <LoginScreen organisatieNaam={status.organisatieNaam} onLogin={onLogin} />;
  }
  return (
    <SessionContext.Provider
      value={{
        account,
        organisatieNaam: status.organisatieNaam ?? '',
        logout: () => {
          void invoke('auth.logout', {}).then(() => {
            leaveSession();
            setAccount(null);
          });
        },
        refreshOrganisation: () => void loadStatus(),
      }}
    >
      <IdleLock>
        <Shell />
      </IdleLock>
    </SessionContext.Provider>
  );
}
