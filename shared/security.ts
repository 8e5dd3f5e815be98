/**
 * The Content-Security-Policy of the renderer, for both hosts: scripts only from the app's own files (no inline
 * script, no eval), no remote content. Styles allow 'unsafe-inline' because Mantine writes its CSS variables and
 * component styles into <style> elements and style attributes at run time; a nonce cannot be used for a page loaded
 * from file://. An injected style can change how the page looks, never run code. The Electron shell sends this as a
 * header and the built index.html carries it as a meta tag; the browser host sends it on every response.
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

/** The same policy for the page's meta tag, where browsers ignore frame-ancestors (it works only as a header). */
export const metaContentSecurityPolicy = contentSecurityPolicy.replace(/; frame-ancestors [^;]+/, '');

/** Header names of the browser host; the renderer's HTTP transport sends the same. */
export const tokenHeader = 'x-schakel-token';
export const clientHeader = 'x-schakel-client';
