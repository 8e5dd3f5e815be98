import { notifications } from '@mantine/notifications';
import type { AppError } from '../../../shared/result.ts';

interface FormWithErrors {
  setErrors(errors: Record<string, string>): void;
}

/**
 * Shows a failed save where the user will see it: field errors at their fields (as the main process named them),
 * anything else as a notification.
 */
export function showServerError(form: FormWithErrors | null, error: AppError): void {
  if (form && error.fields && Object.keys(error.fields).length > 0) {
    form.setErrors(error.fields);
    const first = Object.keys(error.fields)[0];
    const element = first ? document.querySelector<HTMLElement>(`[data-path="${CSS.escape(first)}"]`) : null;
    element?.focus();
    notifications.show({ color: 'red', title: 'Niet opgeslagen', message: error.message });
    return;
  }
  notifications.show({
    color: 'red',
    title: 'Niet gelukt',
    message: error.message,
    autoClose: error.code === 'conflict' ? false : 6000,
  });
}

export function showSaved(message = 'Opgeslagen'): void {
  notifications.show({ color: 'teal', message });
}

/** Mantine's inputs give '' for empty; the contract takes null for "not filled in". */
export function emptyToNull<T extends Record<string, unknown>>(values: T): T {
  const copy: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) copy[k] = v === '' ? null : v;
  return copy as T;
}
