import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { metaContentSecurityPolicy } from './shared/security.ts';

/** The page's CSP meta tag comes from the same constant the hosts send as a header (frame-ancestors is header-only). */
const csp: Plugin = {
  name: 'schakel-csp',
  transformIndexHtml: (html) => html.replace('%SCHAKEL_CSP%', metaContentSecurityPolicy),
};

export default defineConfig({
  root: 'renderer',
  // Relative asset paths: the same build loads from file:// in Electron and from / in the browser host.
  base: './',
  plugins: [react(), csp],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
});
