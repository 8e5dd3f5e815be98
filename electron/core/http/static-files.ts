import fs from 'node:fs';
import path from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
};

/**
 * Resolves a URL path to a file of the built renderer. Anything outside the folder is refused; an unknown path
 * without an extension is a screen of the single-page app, so it gets index.html.
 */
export function resolveStatic(rootDir: string, urlPath: string): { file: string; type: string } | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const root = path.resolve(rootDir);
  const candidate = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  if (candidate !== root && !candidate.startsWith(root + path.sep)) return null;
  const isFile = fs.existsSync(candidate) && fs.statSync(candidate).isFile();
  const file = isFile ? candidate : path.extname(candidate) === '' ? path.join(root, 'index.html') : null;
  if (!file || !fs.existsSync(file)) return null;
  return { file, type: types[path.extname(file)] ?? 'application/octet-stream' };
}
