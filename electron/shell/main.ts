/**
 * The Electron shell: window, ipcMain registration, hardening and dialogs. Everything else is the plain-Node core,
 * shared with the browser host.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, session, type WebContents } from 'electron';
import { callNames } from '../../shared/contract.ts';
import { ipcChannel } from '../../shared/ipc.ts';
import { contentSecurityPolicy } from '../../shared/security.ts';
import { type Core, startCore } from '../core/app-core.ts';
import { seedDemo } from '../core/demo/seed.ts';
import { StoreError } from '../core/store/store-error.ts';
import { parseLaunchOptions } from '../launch-options.ts';

const rendererIndex = path.join(__dirname, '..', 'renderer', 'index.html');
const rendererUrl = pathToFileURL(rendererIndex).href;

app.enableSandbox();
if (!app.requestSingleInstanceLock()) app.quit();

/** Our own page, at any of its screens (the renderer addresses screens by the URL hash). */
function isOwnPage(contents: WebContents, frameUrl: string | undefined): boolean {
  return !contents.isDestroyed() && frameUrl?.split('#')[0] === rendererUrl;
}

function register(core: Core): void {
  for (const name of callNames) {
    ipcMain.handle(ipcChannel(name), (event, input: unknown) => {
      // Only our own page may call; a frame or page from anywhere else gets nothing.
      if (!isOwnPage(event.sender, event.senderFrame?.url)) {
        return { ok: false, error: { code: 'forbidden', message: 'Geen toegang.' } };
      }
      return core.dispatcher.dispatch(name, input, `ipc:${event.sender.id}`);
    });
  }
}

function harden(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] },
    });
  });
  // Remote content is never loaded: only file:// pages of the app itself.
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !/^(file|blob|devtools):/.test(details.url) });
  });
  // Downloads (a contract PDF) go through the system's save dialog.
  session.defaultSession.on('will-download', (_event, item) => {
    item.setSaveDialogOptions({ title: 'Bestand opslaan', defaultPath: item.getFilename() });
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (url.split('#')[0] !== rendererUrl) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

function createWindow(core: Core): void {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    title: 'Schakel',
    icon: path.join(__dirname, '..', 'renderer', 'icon.png'),
    show: false,
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  const key = `ipc:${win.webContents.id}`;
  win.webContents.on('destroyed', () => void core.dispatcher.dispatch('auth.logout', {}, key));
  win.once('ready-to-show', () => win.show());
  void win.loadFile(rendererIndex);
}

async function boot(): Promise<void> {
  await app.whenReady();
  const argv = process.argv.slice(1);
  const options = parseLaunchOptions(
    argv.includes('--data-dir') ? argv : [...argv, '--data-dir', app.getPath('userData')],
  );
  let core: Core;
  try {
    core = await startCore(options.dataDir);
  } catch (err) {
    dialog.showErrorBox('Schakel kan niet starten', err instanceof StoreError ? err.message : String(err));
    app.exit(1);
    return;
  }
  if (options.demo) {
    const status = await core.dispatcher.dispatch('app.status', {}, 'launcher');
    if (status.ok && (status.value as { needsSetup: boolean }).needsSetup) await seedDemo(core.dispatcher);
  }
  harden();
  register(core);
  createWindow(core);
  app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
  app.on('window-all-closed', () => {
    void core.close().then(() => app.quit());
  });
}

void boot();
