// @peculiar/x509 resolves its parts through tsyringe, which needs the Reflect metadata API loaded first.
import 'reflect-metadata';
import { KeyObject, randomBytes, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as x509 from '@peculiar/x509';

/** The server's TLS identity, and the fingerprint a desk pins when it pairs. */
export interface ServerCertificate {
  key: string;
  cert: string;
  /** SHA-256 of the certificate, as Node writes it: 32 upper-case hex pairs joined by colons. */
  fingerprint: string;
}

/** Where the organisation keeps its own certificate (PEM files); without it the server makes its own. */
export interface CertificateFiles {
  keyFile: string;
  certFile: string;
}

const ownKeyFile = 'server-key.pem';
const ownCertFile = 'server-cert.pem';
const validYears = 10;

/**
 * The organisation's certificate when its files are given; otherwise the self-signed one in the server's data
 * folder, made on the first start. A desk trusts it by its fingerprint (read off the server by the beheerder and
 * pinned at pairing), not by a certificate authority, so a long validity costs nothing and spares a re-pairing.
 */
export async function serverCertificate(
  dataDir: string,
  files?: CertificateFiles,
  hostnames: readonly string[] = [],
): Promise<ServerCertificate> {
  if (files)
    return withFingerprint(fs.readFileSync(files.keyFile, 'utf8'), fs.readFileSync(files.certFile, 'utf8'));
  const folder = path.join(dataDir, 'tls');
  const keyFile = path.join(folder, ownKeyFile);
  const certFile = path.join(folder, ownCertFile);
  if (!fs.existsSync(keyFile) || !fs.existsSync(certFile)) {
    const made = await selfSigned(hostnames);
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    // The key first and alone readable by the server's user; the certificate last, so a half-written pair is
    // made again at the next start rather than served.
    fs.writeFileSync(keyFile, made.key, { mode: 0o600 });
    fs.writeFileSync(certFile, made.cert);
  }
  return withFingerprint(fs.readFileSync(keyFile, 'utf8'), fs.readFileSync(certFile, 'utf8'));
}

function withFingerprint(key: string, cert: string): ServerCertificate {
  return { key, cert, fingerprint: new X509Certificate(cert).fingerprint256 };
}

/** An ECDSA P-256 key and a certificate signed by it, from Node's own WebCrypto. */
async function selfSigned(hostnames: readonly string[]): Promise<{ key: string; cert: string }> {
  // Node's WebCrypto (global since Node 19), in the types @peculiar/x509 is written against.
  const webcrypto = globalThis.crypto;
  x509.cryptoProvider.set(webcrypto);
  const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const keys = await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
  const notBefore = new Date();
  const notAfter = new Date(notBefore);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + validYears);
  const names = [...new Set(['localhost', ...hostnames])];
  // A random serial, its top bit clear so that it reads as the positive number X.509 asks for.
  const serial = randomBytes(16);
  serial[0] = (serial[0] as number) & 0x7f;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial.toString('hex'),
    name: 'CN=Schakel server',
    notBefore,
    notAfter,
    signingAlgorithm: algorithm,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension([
        ...names.map((value) => ({ type: 'dns' as const, value })),
        { type: 'ip', value: '127.0.0.1' },
      ]),
    ],
  });
  const key = KeyObject.from(keys.privateKey as Parameters<typeof KeyObject.from>[0]).export({
    type: 'pkcs8',
    format: 'pem',
  }) as string;
  return { key, cert: cert.toString('pem') };
}
