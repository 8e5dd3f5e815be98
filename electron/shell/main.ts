/**
 * The Electron shell: window, ipcMain registration, hardening and dialogs. Everything else is the plain-Node core,
 * shared with the browser host.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, safeStorage, session, type WebContents } from 'electron';
import { callNames } from '../../shared/contract.ts';
import { ipcChannel } from '../../shared/ipc.ts';
import { contentSecurityPolicy } from '../../shared/security.ts';
import { type Core, startCore } from '../core/app-core.ts';
import { demoPassphrase, seedDemo } from '../core/demo/seed.ts';
import { StoreError } from '../core/store/store-error.ts';
import { keychainVault } from '../core/sync/device-key-vault.ts';
import { parseLaunchOptions } from '../launch-options.ts';
import { DatabaseKeyError, databaseKey } from './database-key.ts';

const rendererIndex = path.join(__dirname, '..', 'renderer', 'index.html');
const rendererUrl = pathToFileURL(rendererIndex).href;
/** The built renderer's folder as a URL prefix: the only file:// URLs the page may load. */
const rendererDirUrl = pathToFileURL(`${path.dirname(rendererIndex)}${path.sep}`).href;

app.enableSandbox();
if (!app.requestSingleInstanceLock()) app.quit();

/** Our own page, at any of its screens (the renderer addresses screens by the URL hash). */
function isOwnPageUrl(url: string | undefined): boolean {
  return url?.split('#')[0] === rendererUrl;
}

function isOwnPage(contents: WebContents, frameUrl: string | undefined): boolean {
  return !contents.isDestroyed() && isOwnPageUrl(frameUrl);
}

/**
 * What the page may load: its own files, and blob:/data: URLs it made itself (a PDF to save, a receipt to show; the
 * CSP says where). Any other file on the machine is refused, even to a page that an injected script took over.
 */
function mayLoad(url: string): boolean {
  const parsed = URL.parse(url);
  if (!parsed) return false;
  if (parsed.protocol === 'file:') return parsed.href.startsWith(rendererDirUrl);
  return ['blob:', 'data:', 'devtools:'].includes(parsed.protocol);
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

/**
 * The Electron security checklist (electronjs.org/docs/latest/tutorial/security), as far as it applies: no remote
 * content, every permission and device refused, no navigation away from our page, no new windows or webviews, the
 * CSP on every response. The fuses are set when packaging (electron-builder.yml).
 */
function harden(): void {
  const ses = session.defaultSession;
  // Schakel needs no camera, microphone, notifications, location, clipboard reads, HID, serial or USB.
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
  ses.on('select-serial-port', (event, _ports, _contents, callback) => {
    event.preventDefault();
    callback('');
  });
  ses.on('select-usb-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] },
    });
  });
  // Remote content is never loaded: only the app's own files (see mayLoad).
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !mayLoad(details.url) }));
  // Downloads (a contract PDF) go through the system's save dialog.
  ses.on('will-download', (_event, item) => {
    item.setSaveDialogOptions({ title: 'Bestand opslaan', defaultPath: item.getFilename() });
  });
  app.on('web-contents-created', (_event, contents) => {
    // The page moves between screens by its URL hash; any other navigation, of the window or of a frame in it, and
    // any redirect, is stopped.
    contents.on('will-navigate', (event, url) => {
      if (!isOwnPageUrl(url)) event.preventDefault();
    });
    contents.on('will-frame-navigate', (event) => {
      if (!isOwnPageUrl(event.url)) event.preventDefault();
    });
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    // Without a listener Electron would pick the first Bluetooth device it finds.
    contents.on('select-bluetooth-device', (event, _devices, callback) => {
      event.preventDefault();
      callback('');
    });
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
    // The security settings below are Electron's defaults today (Auxclick aside); written out so that a changed
    // default or a careless edit shows, and so that Electronegativity can see them.
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // A middle click on a link would ask for a new window; the window-open handler refuses those anyway.
      disableBlinkFeatures: 'Auxclick',
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
    const key = options.demo ? demoPassphrase : databaseKey(options.dataDir);
    core = await startCore(options.dataDir, {
      key,
      keySource: options.demo ? 'wachtwoordzin' : 'sleutelbos',
      // The device key of a desk linked with a server, sealed like the database key (databaseKey checked the
      // keychain is there); the demo keeps it in its store.
      ...(options.demo ? {} : { deviceKeyVault: keychainVault(safeStorage) }),
    });
  } catch (err) {
    const known = err instanceof StoreError || err instanceof DatabaseKeyError;
    dialog.showErrorBox('Schakel kan niet starten', known ? err.message : String(err));
    app.exit(1);
    return;
  }
  if (options.demo) {
    const status = await core.dispatcher.dispatch('settings.status', {}, 'launcher');
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
