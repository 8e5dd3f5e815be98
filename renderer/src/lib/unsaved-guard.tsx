import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useSyncExternalStore } from 'react';

/**
 * Unsaved work is never thrown away without a word. The editor on screen registers whether it holds changes; going
 * to another screen (a menu item, a link, back), logging out or closing the window then asks first.
 */
interface Guard {
  isDirty(): boolean;
  released: boolean;
}

let guard: Guard | null = null;
/** The hash the app shows; a blocked change of the address is put back to it. */
let shownHash = window.location.hash;
/** What waits for the user's answer: going to an address, or an action such as logging out. */
let waiting: { hash: string } | { action: () => void } | null = null;
const listeners = new Set<() => void>();
const notify = () => {
  for (const fn of listeners) fn();
};

const holdsChanges = () => guard !== null && !guard.released && guard.isDirty();

// Registered before any screen subscribes to the address, so a blocked change never reaches the screens.
window.addEventListener('hashchange', () => {
  const next = window.location.hash;
  if (next === shownHash) return;
  if (holdsChanges()) {
    history.replaceState(null, '', shownHash);
    waiting = { hash: next };
    notify();
    return;
  }
  shownHash = next;
});

window.addEventListener('beforeunload', (event) => {
  if (holdsChanges()) event.preventDefault();
});

/** Runs `action` at once, or after the user agreed to leave the changes on screen. */
export function confirmLeave(action: () => void): void {
  if (!holdsChanges()) {
    action();
    return;
  }
  waiting = { action };
  notify();
}

/**
 * Guards the editor while it is on screen. Call `release()` right before leaving after a successful save; an editor
 * that stays open after saving resets its form instead, so isDirty() tells again.
 */
export function useUnsavedGuard(isDirty: () => boolean): { release(): void } {
  const own = useRef<Guard>({ isDirty, released: false });
  own.current.isDirty = isDirty;
  useEffect(() => {
    const mine = own.current;
    mine.released = false;
    guard = mine;
    return () => {
      if (guard === mine) guard = null;
    };
  }, []);
  return {
    release: () => {
      own.current.released = true;
    },
  };
}

/** The question, shown by the app's frame while something waits for an answer. */
export function UnsavedChangesDialog() {
  const current = useSyncExternalStore(
    (fn) => {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    () => waiting,
  );
  const stay = () => {
    waiting = null;
    notify();
  };
  const leave = () => {
    const go = waiting;
    waiting = null;
    if (guard) guard.released = true;
    notify();
    if (go && 'hash' in go) window.location.hash = go.hash;
    else go?.action();
  };
  return (
    <Modal opened={current !== null} onClose={stay} title="Wijzigingen niet opgeslagen">
      <Stack>
        <Text size="sm">
          Je hebt wijzigingen die nog niet zijn opgeslagen. Als je weggaat, gaan ze verloren.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={stay} data-autofocus>
            Blijven
          </Button>
          <Button color="red" onClick={leave}>
            Weggaan zonder opslaan
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
