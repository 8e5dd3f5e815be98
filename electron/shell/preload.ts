/**
 * The only bridge between the sandboxed renderer and the main process: one `invoke(name, input)`.
 * Nothing of Node or Electron is exposed; each call goes to its own ipcMain handler.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { callNamePattern, ipcChannel } from '../../shared/ipc.ts';

contextBridge.exposeInMainWorld('schakel', {
  invoke: async (name: unknown, input: unknown) => {
    if (typeof name !== 'string' || !callNamePattern.test(name)) {
      return { ok: false, error: { code: 'unknown_call', message: 'Onbekende opdracht.' } };
    }
    try {
      return await ipcRenderer.invoke(ipcChannel(name), input);
    } catch {
      // No handler is registered for a name outside the contract.
      return { ok: false, error: { code: 'unknown_call', message: `Onbekende opdracht: ${name}.` } };
    }
  },
});
