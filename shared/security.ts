/**
 * The Content-Security-Policy of the renderer, for both hosts: scripts only from the app itself, no remote content.
 * Styles allow inline because the component library sets CSS variables at run time; scripts never do.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Header names of the browser host; the renderer's HTTP transport sends the same. */
export const tokenHeader = 'x-schakel-token';
export const clientHeader = 'x-schakel-client';
