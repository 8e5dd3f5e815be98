import { type CertificateFiles, serverCertificate } from './certificate.ts';
import { type SyncServer, type SyncServerOptions, startSyncServer } from './https-server.ts';

export interface SchakelServerOptions extends Omit<SyncServerOptions, 'tls'> {
  /** The server's data folder: its self-signed certificate is kept here (tls/) when no files are given. */
  dataDir: string;
  /** The organisation's own certificate and key. */
  certificateFiles?: CertificateFiles;
  /** The names desks reach the server by, written into a self-signed certificate made now. */
  hostnames?: readonly string[];
}

export interface RunningSchakelServer extends SyncServer {
  /** The SHA-256 fingerprint of the certificate in use: the beheerder gives it to each desk to pin at pairing. */
  fingerprint: string;
}

/** Starts the Schakel server's HTTPS front with the organisation's certificate or its own. */
export async function startSchakelServer(options: SchakelServerOptions): Promise<RunningSchakelServer> {
  const { dataDir, certificateFiles, hostnames, ...rest } = options;
  const certificate = await serverCertificate(dataDir, certificateFiles, hostnames);
  const server = await startSyncServer({ ...rest, tls: certificate });
  return { ...server, fingerprint: certificate.fingerprint };
}
