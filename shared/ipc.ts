/** The IPC channel of a call: one per call name, derived here so main and preload never spell it twice. */
export const ipcChannelPrefix = 'schakel:';
export const ipcChannel = (call: string) => `${ipcChannelPrefix}${call}`;
/** Call names are dotted identifiers; anything else never reaches ipcRenderer. */
export const callNamePattern = /^[a-z]+\.[a-zA-Z]+$/;
