import { useSyncExternalStore } from 'react';

/** Screens are addressed by the URL hash (#/personen/…), so back and forward work in both hosts. */
function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): string[] {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return hash
    .replace(/^#\/?/, '')
    .split('/')
    .filter(Boolean)
    .map((part) => decodeURIComponent(part));
}

export function navigate(path: string): void {
  window.location.hash = `#${path}`;
}

export function href(path: string): string {
  return `#${path}`;
}
