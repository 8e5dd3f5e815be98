import { notifications } from '@mantine/notifications';
import { capitalise } from '../../../shared/format.ts';
import type { AppError } from '../../../shared/result.ts';

interface FormWithErrors {
  setErrors(errors: Record<string, string>): void;
}

/** One error notice at a time: a newer failure replaces it and a successful save removes it. */
const errorId = 'schakel-error';

/**
 * Shows a failed save where the user will see it: field errors at their fields (as the main process named them),
 * anything else as a notice.
 */
export function showServerError(form: FormWithErrors | null, error: AppError): void {
  if (form && error.fields && Object.keys(error.fields).length > 0) {
    // At the field the message follows the label, so it starts with a capital: 'Controlecijfer klopt niet'.
    form.setErrors(Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [k, capitalise(v)])));
    const first = Object.keys(error.fields)[0];
    const element = first ? document.querySelector<HTMLElement>(`[data-path="${CSS.escape(first)}"]`) : null;
    if (element) {
      // The message stands at the field; a notice as well would only cover the screen.
      element.focus();
      notifications.hide(errorId);
      return;
    }
  }
  // A failure inside Schakel has its own notice, with the technical report (ErrorReport.tsx).
  if (error.code === 'internal') {
    notifications.hide(errorId);
    return;
  }
  // A refusal must not wait in the queue behind earlier 'opgeslagen' notices: they go.
  notifications.clean();
  notifications.show({
    id: errorId,
    color: 'red',
    title: 'Niet gelukt',
    message: error.message,
    autoClose: error.code === 'conflict' ? false : 6000,
  });
}

export function showSaved(message = 'Opgeslagen'): void {
  notifications.hide(errorId);
  notifications.show({ color: 'teal', message });
}

/** Mantine's inputs give '' for empty; the contract takes null for "not filled in". */
export function emptyToNull<T extends Record<string, unknown>>(values: T): T {
  const copy: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) copy[k] = v === '' ? null : v;
  return copy as T;
}
