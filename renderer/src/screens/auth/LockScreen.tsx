import {
  Alert,
  Button,
  Center,
  getDefaultZIndex,
  Overlay,
  Paper,
  PasswordInput,
  Portal,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { invoke, onSessionLocked } from '../../lib/api.ts';
import { useSession } from '../../lib/session.tsx';
import { useCall } from '../../lib/use-call.ts';

/** How often the window looks whether it has been idle too long. */
const checkEveryMs = 15_000;
const useEvents = ['pointerdown', 'keydown', 'wheel', 'mousemove', 'touchstart'] as const;

/**
 * Locks the window after the organisation's idle time: an opaque screen over everything, asking the password again.
 * The screens underneath stay as they were, so a half-filled form is still there after unlocking. The main process
 * enforces the same lock on every call; this only makes it visible and tells it about use.
 */
export function IdleLock({ children }: { children: ReactNode }) {
  const settings = useCall('settings.get', {});
  const [minutes, setMinutes] = useState<number | null>(null);
  const limit = minutes ?? settings.data?.vergrendelenNaMinuten ?? 15;
  const [locked, setLocked] = useState(false);
  const lastUse = useRef(Date.now());
  const lastReport = useRef(Date.now());

  useEffect(() => onSessionLocked(() => setLocked(true)), []);

  useEffect(() => {
    if (locked) return;
    // Use is reported often enough that the main process never sees an active window as idle, and each report
    // brings the idle time in force (a beheerder may have changed it in another window).
    const reportEveryMs = Math.min(60_000, (limit * 60_000) / 3);
    const used = () => {
      const now = Date.now();
      lastUse.current = now;
      if (now - lastReport.current > reportEveryMs) {
        lastReport.current = now;
        void invoke('auth.activity', {}).then((r) => r.ok && setMinutes(r.value.vergrendelenNaMinuten));
      }
    };
    for (const e of useEvents) window.addEventListener(e, used, { passive: true });
    const timer = window.setInterval(() => {
      if (Date.now() - lastUse.current > limit * 60_000) {
        setLocked(true);
        void invoke('auth.lock', {});
      }
    }, checkEveryMs);
    return () => {
      for (const e of useEvents) window.removeEventListener(e, used);
      window.clearInterval(timer);
    };
  }, [locked, limit]);

  const unlocked = () => {
    lastUse.current = Date.now();
    lastReport.current = Date.now();
    setLocked(false);
  };

  return (
    <>
      {children}
      {locked && (
        <Portal>
          <LockScreen onUnlocked={unlocked} />
        </Portal>
      )}
    </>
  );
}

function LockScreen({ onUnlocked }: { onUnlocked(): void }) {
  const { account, organisatieNaam, logout } = useSession();
  const root = useRef<HTMLDivElement>(null);
  // Everything else on the page (the screens, and the dialogs, menus and notices Mantine puts beside them) is out
  // of reach while locked: no focus, no clicks, not read out.
  useEffect(() => {
    const own = root.current?.closest('body > *');
    const others = [...document.body.children].filter((el) => el !== own);
    for (const el of others) el.setAttribute('inert', '');
    return () => {
      for (const el of others) el.removeAttribute('inert');
    };
  }, []);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const r = await invoke('auth.unlock', { password });
    setBusy(false);
    setPassword('');
    if (r.ok) onUnlocked();
    else setError(r.error.fields?.password ? 'Dat wachtwoord klopt niet.' : r.error.message);
  };
  return (
    <Overlay
      fixed
      backgroundOpacity={1}
      color="var(--mantine-color-gray-1)"
      zIndex={getDefaultZIndex('max') + 1}
      ref={root}
    >
      <Center h="100vh">
        <Paper
          withBorder
          shadow="sm"
          p="xl"
          w={400}
          component="form"
          onSubmit={submit}
          role="dialog"
          aria-label="Schakel is vergrendeld"
        >
          <Stack gap="sm">
            <Title order={1} size="h3">
              Schakel is vergrendeld
            </Title>
            <Text size="sm" c="dimmed">
              {organisatieNaam} · ingelogd als {account.displayName}. Schakel is een tijd niet gebruikt. Wat
              je aan het doen was, staat nog klaar.
            </Text>
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <PasswordInput
              label="Wachtwoord"
              autoComplete="current-password"
              autoFocus
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <Button type="submit" loading={busy}>
              Ontgrendelen
            </Button>
            <Button variant="subtle" onClick={logout}>
              Uitloggen
            </Button>
            <Text size="xs" c="dimmed" ta="center">
              Bij uitloggen gaat invoer die nog niet is opgeslagen verloren.
            </Text>
          </Stack>
        </Paper>
      </Center>
    </Overlay>
  );
}
