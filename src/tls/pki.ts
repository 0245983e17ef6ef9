// Key pairs and certificates for the Docker remote API: a dedicated CA, server certificates (serverAuth,
// SANs) and client certificates (clientAuth, CN = user), built with @peculiar/x509 over Node's WebCrypto.
// Returns PEM text; writing files is files.ts's job.
import { createPrivateKey, createPublicKey, randomBytes, webcrypto } from 'node:crypto';
import { isIP } from 'node:net';
import { UsageError } from '../core/errors.js';
import { loadX509, type X509Lib } from './x509-lib.js';

export const KEY_TYPES = ['ecdsa-p256', 'rsa-3072', 'rsa-4096'] as const;
export type KeyType = (typeof KEY_TYPES)[number];

const { subtle } = webcrypto;
type CryptoKey = webcrypto.CryptoKey;
type CryptoKeyPair = webcrypto.CryptoKeyPair;
type Algorithm = webcrypto.Algorithm;
type EcdsaParams = webcrypto.EcdsaParams;

interface KeyAlgorithms {
  generate: webcrypto.EcKeyGenParams | webcrypto.RsaHashedKeyGenParams;
  import: webcrypto.EcKeyImportParams | webcrypto.RsaHashedImportParams;
  /** What this key signs with when it is a CA key. */
  sign: EcdsaParams | Algorithm;
}

// SHA-256 throughout: what P-256 is paired with, and what every TLS stack accepts for RSA. PKCS#1 v1.5
// rather than PSS for RSA certificate signatures because older clients still reject PSS-signed certificates.
function algorithms(type: KeyType): KeyAlgorithms {
  if (type === 'ecdsa-p256') {
    return {
      generate: { name: 'ECDSA', namedCurve: 'P-256' },
      import: { name: 'ECDSA', namedCurve: 'P-256' },
      sign: { name: 'ECDSA', hash: 'SHA-256' } as EcdsaParams,
    };
  }
  const modulusLength = type === 'rsa-3072' ? 3072 : 4096;
  const rsa = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  return {
    generate: { ...rsa, modulusLength, publicExponent: new Uint8Array([1, 0, 1]) },
    import: rsa,
    sign: rsa,
  };
}

/** A key pair with its private half as PKCS#8 PEM (what dockerd and the docker CLI read). */
export interface KeyPair {
  type: KeyType;
  keys: CryptoKeyPair;
  privatePem: string;
}

const pem = (label: string, der: ArrayBuffer): string => {
  const b64 = Buffer.from(der).toString('base64');
  return `-----BEGIN ${label}-----\n${b64.replace(/.{1,64}/g, '$&\n')}-----END ${label}-----\n`;
};

export async function generateKeyPair(type: KeyType): Promise<KeyPair> {
  const alg = algorithms(type);
  const keys = (await subtle.generateKey(alg.generate, true, ['sign', 'verify'])) as CryptoKeyPair;
  const der = await subtle.exportKey('pkcs8', keys.privateKey);
  return { type, keys, privatePem: pem('PRIVATE KEY', der) };
}

/** The key type of a PEM private key, or undefined when it is none bulkhead issues with. */
export function keyTypeOf(privatePem: string): KeyType | undefined {
  const k = createPrivateKey(privatePem);
  const d = k.asymmetricKeyDetails ?? {};
  if (k.asymmetricKeyType === 'ec' && d.namedCurve === 'prime256v1') return 'ecdsa-p256';
  if (k.asymmetricKeyType === 'rsa' && d.modulusLength === 3072) return 'rsa-3072';
  if (k.asymmetricKeyType === 'rsa' && d.modulusLength === 4096) return 'rsa-4096';
  return undefined;
}

/** 128 random bits, the top one cleared so the DER INTEGER stays positive and minimal. */
export function randomSerial(): string {
  const b = randomBytes(16);
  b[0] = b[0]! & 0x7f || 0x01;
  return b.toString('hex');
}

// ---- names ---------------------------------------------------------------------------------------------

export interface SanList {
  dns: string[];
  ip: string[];
}

const DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/**
 * Splits the names clients will dial into DNS and IP SANs. A leading "*." wildcard is allowed; IPv6 may be
 * bracketed. Throws UsageError naming the first value that is neither.
 */
export function parseHosts(hosts: readonly string[]): SanList {
  const out: SanList = { dns: [], ip: [] };
  for (const raw of hosts) {
    const h = raw.trim().replace(/^\[(.*)\]$/, '$1');
    // Zone ids (fe80::1%eth0) name an interface of one machine; they cannot go into a certificate.
    if (isIP(h) && !h.includes('%')) {
      // One spelling per address, so duplicates like ::1 and 0:0::1 collapse.
      const norm = isIP(h) === 6 ? new URL(`http://[${h}]/`).hostname.slice(1, -1) : h;
      if (!out.ip.includes(norm)) out.ip.push(norm);
      continue;
    }
    const name = h.replace(/\.$/, '').toLowerCase();
    const labels = name.split('.');
    const wild = labels[0] === '*' && labels.length > 2;
    const ok =
      name.length > 0 &&
      name.length <= 253 &&
      (wild ? labels.slice(1) : labels).every((l) => DNS_LABEL.test(l)) &&
      !/^\d+$/.test(labels.at(-1) ?? '');
    if (!ok)
      throw new UsageError(
        `"${raw}" is neither an IP address nor a DNS name`,
        'give the names and addresses clients use to reach the daemon, e.g. --host docker.example.com --host 10.0.0.5',
      );
    if (!out.dns.includes(name)) out.dns.push(name);
  }
  if (out.dns.length + out.ip.length === 0)
    throw new UsageError(
      'no host names or addresses for the server certificate',
      'give at least one --host: the DNS names and IP addresses clients use to reach the daemon',
    );
  return out;
}

/** A client name doubles as a directory name, so it is kept to a safe, printable subset. */
export function checkClientName(name: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/.test(name))
    throw new UsageError(
      `invalid client name "${name}"`,
      'use 1-64 letters, digits, ".", "_", "@" or "-", starting with a letter or digit',
    );
  return name;
}

// ---- certificates --------------------------------------------------------------------------------------

export interface Validity {
  notBefore: Date;
  notAfter: Date;
}

/**
 * From now for `days` days; notBefore is set an hour back so a client whose clock runs a little behind
 * does not reject a certificate made a moment ago (Let's Encrypt backdates by the same hour).
 */
export function validityFor(days: number, now = new Date()): Validity {
  return {
    notBefore: new Date(now.getTime() - 3600_000),
    notAfter: new Date(now.getTime() + days * 86400_000),
  };
}

/** A CA (or any issuer) ready to sign: its certificate and private key. */
export interface Issuer {
  certPem: string;
  keyPem: string;
  keyType: KeyType;
  notAfter: Date;
  /** Opaque handles for the library. */
  readonly lib: {
    cert: InstanceType<X509Lib['X509Certificate']>;
    signingKey: CryptoKey;
  };
}

export interface IssuedCert {
  certPem: string;
  keyPem: string;
  keyType: KeyType;
  serialNumber: string;
  notAfter: Date;
}

export async function createCa(opts: {
  keyType: KeyType;
  commonName: string;
  validity: Validity;
}): Promise<Issuer> {
  const x = await loadX509();
  const kp = await generateKeyPair(opts.keyType);
  const cert = await x.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(),
    name: new x.Name([{ CN: [opts.commonName] }]),
    notBefore: opts.validity.notBefore,
    notAfter: opts.validity.notAfter,
    signingAlgorithm: algorithms(opts.keyType).sign,
    keys: kp.keys,
    extensions: [
      // pathlen 0: this CA signs end-entity certificates only, never another CA.
      new x.BasicConstraintsExtension(true, 0, true),
      new x.KeyUsagesExtension(x.KeyUsageFlags.keyCertSign | x.KeyUsageFlags.cRLSign, true),
      await x.SubjectKeyIdentifierExtension.create(kp.keys.publicKey),
    ],
  });
  return {
    certPem: cert.toString('pem'),
    keyPem: kp.privatePem,
    keyType: opts.keyType,
    notAfter: cert.notAfter,
    lib: { cert, signingKey: kp.keys.privateKey },
  };
}

/** Loads a CA certificate and its key (any PEM flavour Node reads), checking that they belong together. */
export async function loadCa(
  certPem: string,
  keyPem: string,
  where: { cert: string; key: string },
): Promise<Issuer> {
  const x = await loadX509();
  let cert: InstanceType<X509Lib['X509Certificate']>;
  try {
    cert = new x.X509Certificate(certPem);
  } catch (err) {
    throw new UsageError(`${where.cert} is not a PEM certificate: ${(err as Error).message}`);
  }
  const bc = cert.getExtension(x.BasicConstraintsExtension);
  if (!bc?.ca) throw new UsageError(`${where.cert} is not a CA certificate (no basicConstraints CA:true)`);
  let keyType: KeyType | undefined;
  let pkcs8: Buffer;
  try {
    const key = createPrivateKey(keyPem);
    keyType = keyTypeOf(keyPem);
    pkcs8 = key.export({ type: 'pkcs8', format: 'der' });
    const fromKey = createPublicKey(key).export({ type: 'spki', format: 'der' });
    if (!Buffer.from(cert.publicKey.rawData).equals(fromKey))
      throw new UsageError(
        `${where.key} is not the key of ${where.cert}`,
        'the CA key and certificate do not match',
      );
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`${where.key} is not a readable private key: ${(err as Error).message}`);
  }
  if (!keyType)
    throw new UsageError(
      `${where.key}: unsupported CA key type`,
      `bulkhead signs with ${KEY_TYPES.join(', ')} keys`,
    );
  const signingKey = await subtle.importKey('pkcs8', pkcs8, algorithms(keyType).import, false, ['sign']);
  return { certPem, keyPem, keyType, notAfter: cert.notAfter, lib: { cert, signingKey } };
}

type Role = { kind: 'server'; sans: SanList } | { kind: 'client' };

export async function issue(
  ca: Issuer,
  opts: { keyType: KeyType; commonName: string; validity: Validity; role: Role },
): Promise<IssuedCert> {
  const x = await loadX509();
  const kp = await generateKeyPair(opts.keyType);
  const caSki = ca.lib.cert.getExtension(x.SubjectKeyIdentifierExtension);
  const rsa = opts.keyType.startsWith('rsa-');
  const usage =
    opts.role.kind === 'server' && rsa
      ? // RSA key exchange (TLS 1.2 non-ECDHE suites) encrypts with the server key.
        x.KeyUsageFlags.digitalSignature | x.KeyUsageFlags.keyEncipherment
      : x.KeyUsageFlags.digitalSignature;
  const extensions: InstanceType<X509Lib['Extension']>[] = [
    new x.BasicConstraintsExtension(false, undefined, true),
    new x.KeyUsagesExtension(usage, true),
    new x.ExtendedKeyUsageExtension(
      [opts.role.kind === 'server' ? x.ExtendedKeyUsage.serverAuth : x.ExtendedKeyUsage.clientAuth],
      false,
    ),
    await x.SubjectKeyIdentifierExtension.create(kp.keys.publicKey),
    caSki
      ? new x.AuthorityKeyIdentifierExtension(caSki.keyId)
      : await x.AuthorityKeyIdentifierExtension.create(ca.lib.cert.publicKey),
  ];
  if (opts.role.kind === 'server') {
    const { dns, ip } = opts.role.sans;
    extensions.push(
      new x.SubjectAlternativeNameExtension([
        ...dns.map((value) => ({ type: 'dns' as const, value })),
        ...ip.map((value) => ({ type: 'ip' as const, value })),
      ]),
    );
  }
  const serialNumber = randomSerial();
  const cert = await x.X509CertificateGenerator.create({
    serialNumber,
    subject: new x.Name([{ CN: [opts.commonName] }]),
    // The CA's own encoded name, so issuer and subject bytes match exactly when clients build the chain.
    issuer: ca.lib.cert.subjectName,
    notBefore: opts.validity.notBefore,
    notAfter: opts.validity.notAfter,
    signingAlgorithm: algorithms(ca.keyType).sign,
    publicKey: kp.keys.publicKey,
    signingKey: ca.lib.signingKey,
    extensions,
  });
  return {
    certPem: cert.toString('pem'),
    keyPem: kp.privatePem,
    keyType: opts.keyType,
    serialNumber,
    notAfter: cert.notAfter,
  };
}
