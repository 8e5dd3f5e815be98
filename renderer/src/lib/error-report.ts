/**
 * The technical report a user copies when something went wrong: enough for support to find the log line (the
 * reference) and the place in the code, and nothing about the people in Schakel. It holds no form values, no
 * names and no error messages written by Schakel itself (those can name a person or a record); the screen is
 * given by its kind, with ids and anything typed into the address replaced.
 */
import type { AppError } from '../../../shared/result.ts';
import { stackFrames } from '../../../shared/stack-frames.ts';

let appVersion = 'onbekend';

/** Set once the app knows its version (from settings.status). */
export function setReportVersion(version: string): void {
  appVersion = version;
}

/** The screen as a shape: `personen/:id/bewerken`. Never decodes: a broken address must not break the report. */
export function reportRoute(hash: string): string {
  const segments = hash
    .replace(/^#\/?/, '')
    .split(/[/?]/)
    .filter(Boolean)
    .map((segment) => {
      if (/^[0-9a-f]{8}-[0-9a-f-]{27}$/i.test(segment)) return ':id';
      if (/^\d{1,6}$/.test(segment) || /^[a-z][a-z-]{0,29}$/.test(segment)) return segment;
      return '…';
    });
  return segments.length > 0 ? segments.join('/') : '(start)';
}

/** The engine's own messages ('Cannot read properties of undefined (reading 'map')') are safe to show once any
 * quoted value other than a plain identifier and any long number are taken out. */
const engineErrors = new Set([
  'TypeError',
  'RangeError',
  'URIError',
  'SyntaxError',
  'ReferenceError',
  'EvalError',
]);

export function scrubEngineMessage(message: string): string {
  return message
    .replace(/(["'`])(.*?)\1/g, (whole, _q: string, inner: string) =>
      /^[a-z_$][\w$]{0,30}$/.test(inner) ? whole : '…',
    )
    .replace(/\S+@\S+/g, '…')
    .replace(/\d{4,}/g, '#')
    .slice(0, 200);
}

export interface CallFailure {
  kind: 'call';
  call: string;
  error: AppError;
}

export interface RenderFailure {
  kind: 'render';
  error: unknown;
  componentStack?: string | null;
}

export interface ReportContext {
  at: Date;
  hash: string;
  userAgent: string;
}

export function currentContext(): ReportContext {
  return { at: new Date(), hash: window.location.hash, userAgent: navigator.userAgent };
}

export function technicalReport(failure: CallFailure | RenderFailure, context: ReportContext): string {
  const lines = [
    'Schakel – technisch rapport',
    `Versie: ${appVersion}`,
    `Tijd: ${context.at.toISOString()}`,
    `Scherm: ${reportRoute(context.hash)}`,
  ];
  if (failure.kind === 'call') {
    lines.push(
      'Soort: fout bij een opdracht',
      `Opdracht: ${failure.call}`,
      `Foutcode: ${failure.error.code}`,
      `Kenmerk: ${failure.error.reference ?? 'geen'}`,
    );
  } else {
    const err = failure.error;
    const name = err instanceof Error ? err.name : typeof err;
    // A call that failed inside a screen keeps its code and reference; its Dutch message can name a person.
    const callError = (err as { error?: AppError } | null)?.error;
    lines.push('Soort: fout in het scherm', `Fout: ${/^[A-Za-z]{1,40}$/.test(name) ? name : 'onbekend'}`);
    if (err instanceof Error && engineErrors.has(err.name))
      lines.push(`Melding: ${scrubEngineMessage(err.message)}`);
    if (callError && typeof callError.code === 'string') {
      lines.push(`Foutcode: ${callError.code}`, `Kenmerk: ${callError.reference ?? 'geen'}`);
    }
    const frames = stackFrames(err instanceof Error ? err.stack : null);
    if (frames.length > 0) lines.push('Stack:', ...frames.map((f) => `  ${f}`));
    const components = stackFrames(failure.componentStack, 8);
    if (components.length > 0) lines.push('Componenten:', ...components.map((f) => `  ${f}`));
  }
  lines.push(`Browser: ${context.userAgent}`);
  return lines.join('\n');
}

/** Listeners for an internal error from any call, so one place can offer the report. */
const listeners = new Set<(failure: CallFailure) => void>();

export function onInternalError(fn: (failure: CallFailure) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function reportInternalError(failure: CallFailure): void {
  for (const fn of listeners) fn(failure);
}
