// `bulkhead tls`: a dedicated CA for one Docker daemon's remote API, its server certificate and client
// certificates in the layout dockerd (--tlscacert/--tlscert/--tlskey) and the docker CLI (DOCKER_CERT_PATH:
// ca.pem, cert.pem, key.pem) expect.
//
// Validity defaults, and why:
// - CA 3650 days: replacing it means reissuing every certificate and reconfiguring every client, so it is
//   long-lived (kubeadm's CA default too); its key should then live offline, not on the daemon host.
// - server 825 days: the longest lifetime Apple platforms accept for any TLS server certificate, private
//   CAs included, so a Mac client never rejects it; rotation every two years or so is bearable.
// - client 365 days: a client certificate is root on the daemon host and dockerd has no revocation
//   (no CRL or OCSP), so expiry is the only way a lost or departed user's certificate stops working.
// Leaf certificates never outlive their CA: their notAfter is cut to the CA's, with a warning.
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UsageError } from '../core/errors.js';
import {
  existingFiles,
  MODE,
  type PlannedFile,
  refuseOverwrite,
  TlsFileError,
  type WrittenFile,
  writeAll,
} from './files.js';
import {
  checkClientName,
  createCa,
  type Issuer,
  issue,
  KEY_TYPES,
  type KeyType,
  keyTypeOf,
  loadCa,
  parseHosts,
  type SanList,
  type Validity,
  validityFor,
} from './pki.js';

export { TlsFileError } from './files.js';
export { type CertInfo, inspectCertificate, inspectCertificateFile } from './inspect.js';
export { KEY_TYPES, type KeyType } from './pki.js';

export const DEFAULT_DAYS = { ca: 3650, server: 825, client: 365 } as const;
/** Relative to the working directory, so nothing lands in /etc or ~ unless asked for. */
export const DEFAULT_TLS_DIR = 'bulkhead-tls';
const MAX_DAYS = 36500;

export const FILES = {
  ca: 'ca.pem',
  caKey: 'ca-key.pem',
  serverCert: 'server-cert.pem',
  serverKey: 'server-key.pem',
  /** DOCKER_CERT_PATH layout. */
  clientCert: 'cert.pem',
  clientKey: 'key.pem',
} as const;

export interface TlsInitOptions {
  /** DNS names and IP addresses clients use to reach the daemon (the server certificate's SANs). */
  hosts: readonly string[];
  /** CN of the first client certificate (written to DIR/client/). Default "client". */
  clientName?: string | undefined;
  keyType?: KeyType | undefined;
  /** Validity of the server and client certificates; default 825 (server) and 365 (client). */
  days?: number | undefined;
  /** Validity of the CA; default 3650. */
  caDays?: number | undefined;
  /** Replace existing files. */
  force?: boolean | undefined;
  /** For tests. */
  now?: Date | undefined;
}

export interface CertSummary {
  certPath: string;
  keyPath: string;
  subject: string;
  notAfter: Date;
  keyType: KeyType;
}

export interface TlsInitResult {
  dir: string;
  ca: CertSummary;
  server: CertSummary & { dnsNames: string[]; ipAddresses: string[] };
  client: CertSummary & { name: string; certDir: string };
  files: WrittenFile[];
  warnings: string[];
}

export interface TlsClientOptions {
  /** Output directory; default DIR/clients/NAME. */
  out?: string | undefined;
  /** Default 365. */
  days?: number | undefined;
  /** Default: the CA's key type. */
  keyType?: KeyType | undefined;
  force?: boolean | undefined;
  /** Explicit validity (overrides days), e.g. to backdate; notAfter is still cut to the CA's. */
  notBefore?: Date | undefined;
  notAfter?: Date | undefined;
  now?: Date | undefined;
}

export interface TlsClientResult {
  client: CertSummary & { name: string; certDir: string };
  files: WrittenFile[];
  warnings: string[];
}

export function checkDays(days: number | undefined, fallback: number, what: string): number {
  if (days === undefined) return fallback;
  if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS)
    throw new UsageError(`invalid ${what} validity ${days}`, `give whole days from 1 to ${MAX_DAYS}`);
  return days;
}

export function checkKeyType(t: string | undefined, fallback: KeyType): KeyType {
  if (t === undefined) return fallback;
  if (!(KEY_TYPES as readonly string[]).includes(t))
    throw new UsageError(`unknown key type "${t}"`, `use one of ${KEY_TYPES.join(', ')}`);
  return t as KeyType;
}

function capToCa(v: Validity, ca: Issuer, what: string, warnings: string[]): Validity {
  if (v.notAfter <= ca.notAfter) return v;
  warnings.push(
    `the ${what} certificate would outlive its CA; it expires with the CA on ${ca.notAfter.toISOString()}`,
  );
  return { notBefore: v.notBefore, notAfter: ca.notAfter };
}

async function looseDirWarning(dir: string): Promise<string[]> {
  try {
    const st = await stat(dir);
    return (st.mode & 0o077) !== 0
      ? [`${dir} is accessible to other users (mode ${(st.mode & 0o777).toString(8)}); consider chmod 700`]
      : [];
  } catch {
    return [];
  }
}

const firstName = (sans: SanList): string => {
  const n = sans.dns[0] ?? sans.ip[0] ?? 'docker';
  // ub-common-name is 64 characters; the SANs carry the full names anyway.
  return n.length <= 64 ? n : 'docker';
};

/** Creates the CA, the server certificate and a first client certificate under `dir`. */
export async function tlsInit(dir: string, opts: TlsInitOptions): Promise<TlsInitResult> {
  const root = resolve(dir);
  const sans = parseHosts(opts.hosts);
  const clientName = checkClientName(opts.clientName ?? 'client');
  const keyType = checkKeyType(opts.keyType, 'ecdsa-p256');
  const caDays = checkDays(opts.caDays, DEFAULT_DAYS.ca, 'CA');
  const serverDays = checkDays(opts.days, DEFAULT_DAYS.server, 'certificate');
  const clientDays = checkDays(opts.days, DEFAULT_DAYS.client, 'certificate');
  const now = opts.now ?? new Date();
  const warnings: string[] = [];

  const clientDir = join(root, 'client');
  const paths = {
    ca: join(root, FILES.ca),
    caKey: join(root, FILES.caKey),
    serverCert: join(root, FILES.serverCert),
    serverKey: join(root, FILES.serverKey),
    clientCert: join(clientDir, FILES.clientCert),
    clientKey: join(clientDir, FILES.clientKey),
    clientCa: join(clientDir, FILES.ca),
  };

  // Refuse before generating keys (RSA-4096 takes seconds); writeAll checks again, atomically.
  await refuseExisting(Object.values(paths), opts.force);

  const date = now.toISOString().slice(0, 10);
  const ca = await createCa({
    keyType,
    commonName: `bulkhead CA for ${firstName(sans)} ${date}`,
    validity: validityFor(caDays, now),
  });
  const server = await issue(ca, {
    keyType,
    commonName: firstName(sans),
    validity: capToCa(validityFor(serverDays, now), ca, 'server', warnings),
    role: { kind: 'server', sans },
  });
  const client = await issue(ca, {
    keyType,
    commonName: clientName,
    validity: capToCa(validityFor(clientDays, now), ca, 'client', warnings),
    role: { kind: 'client' },
  });

  const plan: PlannedFile[] = [
    { path: paths.ca, content: ca.certPem, mode: MODE.cert },
    { path: paths.caKey, content: ca.keyPem, mode: MODE.key },
    { path: paths.serverCert, content: server.certPem, mode: MODE.cert },
    { path: paths.serverKey, content: server.keyPem, mode: MODE.key },
    { path: paths.clientCa, content: ca.certPem, mode: MODE.cert },
    { path: paths.clientCert, content: client.certPem, mode: MODE.cert },
    { path: paths.clientKey, content: client.keyPem, mode: MODE.key },
  ];
  const files = await writeAll(plan, opts.force === true);
  warnings.push(...(await looseDirWarning(root)));
  if (files.some((f) => f.path === paths.caKey && f.replaced))
    warnings.push(
      `the CA was replaced: client certificates issued by the old CA (e.g. in ${join(root, 'clients')}) no longer work`,
    );

  return {
    dir: root,
    ca: {
      certPath: paths.ca,
      keyPath: paths.caKey,
      subject: `CN=${ca.lib.cert.subjectName.getField('CN')[0] ?? ''}`,
      notAfter: ca.notAfter,
      keyType,
    },
    server: {
      certPath: paths.serverCert,
      keyPath: paths.serverKey,
      subject: `CN=${firstName(sans)}`,
      notAfter: server.notAfter,
      keyType,
      dnsNames: sans.dns,
      ipAddresses: sans.ip,
    },
    client: {
      certPath: paths.clientCert,
      keyPath: paths.clientKey,
      subject: `CN=${clientName}`,
      notAfter: client.notAfter,
      keyType,
      name: clientName,
      certDir: clientDir,
    },
    files,
    warnings,
  };
}

async function refuseExisting(paths: readonly string[], force: boolean | undefined): Promise<void> {
  if (force) return;
  const found = await existingFiles(paths);
  if (found.length) refuseOverwrite(found);
}

async function readText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT')
      throw new UsageError(
        `no ${what} at ${path}`,
        'run `bulkhead tls init` first, or pass the --dir it used',
      );
    throw new TlsFileError(`cannot read ${what} ${path}: ${(err as Error).message}`);
  }
}

/** Issues another client certificate from the CA in `dir` into DIR/clients/NAME (or `out`). */
export async function tlsClient(
  dir: string,
  name: string,
  opts: TlsClientOptions = {},
): Promise<TlsClientResult> {
  const root = resolve(dir);
  checkClientName(name);
  const days = checkDays(opts.days, DEFAULT_DAYS.client, 'certificate');
  const caCertPath = join(root, FILES.ca);
  const caKeyPath = join(root, FILES.caKey);
  const ca = await loadCa(await readText(caCertPath, 'CA certificate'), await readText(caKeyPath, 'CA key'), {
    cert: caCertPath,
    key: caKeyPath,
  });
  const now = opts.now ?? new Date();
  if (ca.notAfter <= now)
    throw new UsageError(
      `the CA in ${caCertPath} expired on ${ca.notAfter.toISOString()}`,
      'create a new one with `bulkhead tls init --force` and reissue every certificate',
    );
  const keyType = checkKeyType(opts.keyType, keyTypeOf(ca.keyPem) ?? 'ecdsa-p256');
  const warnings: string[] = [];
  const base = validityFor(days, now);
  const validity: Validity = {
    notBefore: opts.notBefore ?? base.notBefore,
    notAfter: opts.notAfter ?? base.notAfter,
  };
  if (validity.notAfter <= validity.notBefore)
    throw new UsageError('the certificate would expire before it becomes valid');
  const certDir = resolve(opts.out ?? join(root, 'clients', name));
  const paths = {
    cert: join(certDir, FILES.clientCert),
    key: join(certDir, FILES.clientKey),
    ca: join(certDir, FILES.ca),
  };
  await refuseExisting(Object.values(paths), opts.force);
  const cert = await issue(ca, {
    keyType,
    commonName: name,
    validity: capToCa(validity, ca, 'client', warnings),
    role: { kind: 'client' },
  });
  const files = await writeAll(
    [
      { path: paths.ca, content: ca.certPem, mode: MODE.cert },
      { path: paths.cert, content: cert.certPem, mode: MODE.cert },
      { path: paths.key, content: cert.keyPem, mode: MODE.key },
    ],
    opts.force === true,
  );
  return {
    client: {
      certPath: paths.cert,
      keyPath: paths.key,
      subject: `CN=${name}`,
      notAfter: cert.notAfter,
      keyType,
      name,
      certDir,
    },
    files,
    warnings,
  };
}

// ---- text for the CLI ----------------------------------------------------------------------------------

const mode = (m: number): string => `0${m.toString(8)}`;
const day = (d: Date): string => d.toISOString().slice(0, 10);

function fileLines(files: readonly WrittenFile[]): string[] {
  return files.map((f) => `  ${mode(f.mode)}  ${f.path}${f.replaced ? '  (replaced)' : ''}`);
}

/** What `bulkhead tls init` prints: the files, then how to use them. */
export function describeTlsInit(r: TlsInitResult): string {
  const names = [...r.server.dnsNames, ...r.server.ipAddresses];
  const host = r.server.dnsNames[0] ?? r.server.ipAddresses[0] ?? 'HOST';
  const hostUrl = host.includes(':') ? `[${host}]` : host;
  const lines = [
    `CA ${r.ca.subject} (${r.ca.keyType}) until ${day(r.ca.notAfter)}`,
    `server certificate for ${names.join(', ')} until ${day(r.server.notAfter)}`,
    `client certificate ${r.client.subject} until ${day(r.client.notAfter)}`,
    'wrote:',
    ...fileLines(r.files),
    '',
    'dockerd (daemon.json; remove any -H flags from the service unit, dockerd refuses both):',
    `  "hosts": ["unix:///var/run/docker.sock", "tcp://0.0.0.0:2376"],`,
    `  "tls": true, "tlsverify": true,`,
    `  "tlscacert": "${r.ca.certPath}",`,
    `  "tlscert": "${r.server.certPath}",`,
    `  "tlskey": "${r.server.keyPath}"`,
    'clients:',
    `  export DOCKER_HOST=tcp://${hostUrl}:2376 DOCKER_TLS_VERIFY=1 DOCKER_CERT_PATH=${r.client.certDir}`,
    `keep ${r.ca.keyPath} off the daemon host (it is only needed to issue certificates, and mints root on the daemon).`,
    ...r.warnings.map((w) => `warning: ${w}`),
  ];
  return `${lines.join('\n')}\n`;
}

export function describeTlsClient(r: TlsClientResult): string {
  const lines = [
    `client certificate ${r.client.subject} (${r.client.keyType}) until ${day(r.client.notAfter)}`,
    'wrote:',
    ...fileLines(r.files),
    `use: export DOCKER_TLS_VERIFY=1 DOCKER_CERT_PATH=${r.client.certDir}`,
    ...r.warnings.map((w) => `warning: ${w}`),
  ];
  return `${lines.join('\n')}\n`;
}
