// Reads the fields of a certificate that matter for the Docker API's TLS (names, purposes, validity, CA
// constraints, key), as plain data: for tests, and for audit checks on the daemon's certificates.
import { X509Certificate as NodeX509 } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { UsageError } from '../core/errors.js';
import { TlsFileError } from './files.js';
import { loadX509 } from './x509-lib.js';

export interface CertInfo {
  /** RFC 4514-style, e.g. "CN=alice". */
  subject: string;
  issuer: string;
  commonName?: string;
  /** Hex, lower case, no separators. */
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
  dnsNames: string[];
  ipAddresses: string[];
  /** "serverAuth", "clientAuth", … or the OID when it has no short name. Empty when the extension is absent. */
  extendedKeyUsage: string[];
  /** "digitalSignature", "keyCertSign", … Empty when the extension is absent. */
  keyUsage: string[];
  isCa: boolean;
  pathLength?: number;
  /** "ecdsa-p256", "rsa-3072", "ec-secp384r1", "ed25519" … */
  keyType: string;
  subjectKeyId?: string;
  authorityKeyId?: string;
  selfSigned: boolean;
  /** SHA-256 fingerprint, colon-separated hex as openssl prints it. */
  fingerprint256: string;
}

const EKU_NAMES: Record<string, string> = {
  '1.3.6.1.5.5.7.3.1': 'serverAuth',
  '1.3.6.1.5.5.7.3.2': 'clientAuth',
  '1.3.6.1.5.5.7.3.3': 'codeSigning',
  '1.3.6.1.5.5.7.3.4': 'emailProtection',
  '1.3.6.1.5.5.7.3.8': 'timeStamping',
  '1.3.6.1.5.5.7.3.9': 'ocspSigning',
  '2.5.29.37.0': 'anyExtendedKeyUsage',
};

const KU_BITS = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
] as const;

function keyTypeOf(cert: NodeX509): string {
  const k = cert.publicKey;
  const d = k.asymmetricKeyDetails ?? {};
  if (k.asymmetricKeyType === 'ec')
    return d.namedCurve === 'prime256v1' ? 'ecdsa-p256' : `ec-${d.namedCurve}`;
  if (k.asymmetricKeyType === 'rsa') return `rsa-${d.modulusLength}`;
  return k.asymmetricKeyType ?? 'unknown';
}

/** Parses one PEM (or DER) certificate; throws UsageError when it is none. */
export async function inspectCertificate(cert: string | Uint8Array): Promise<CertInfo> {
  const x = await loadX509();
  let c: InstanceType<typeof x.X509Certificate>;
  let n: NodeX509;
  try {
    c = new x.X509Certificate(typeof cert === 'string' ? cert : new Uint8Array(cert));
    n = new NodeX509(typeof cert === 'string' ? cert : Buffer.from(cert));
  } catch (err) {
    throw new UsageError(`not a certificate: ${(err as Error).message}`);
  }
  const san = c.getExtension(x.SubjectAlternativeNameExtension);
  const names = san?.names.items ?? [];
  const eku = c.getExtension(x.ExtendedKeyUsageExtension);
  const ku = c.getExtension(x.KeyUsagesExtension);
  const bc = c.getExtension(x.BasicConstraintsExtension);
  const ski = c.getExtension(x.SubjectKeyIdentifierExtension);
  const aki = c.getExtension(x.AuthorityKeyIdentifierExtension);
  const cn = c.subjectName.getField('CN')[0];
  const info: CertInfo = {
    subject: c.subject,
    issuer: c.issuer,
    serialNumber: c.serialNumber.toLowerCase(),
    notBefore: c.notBefore,
    notAfter: c.notAfter,
    dnsNames: names.filter((g) => g.type === 'dns').map((g) => g.value),
    ipAddresses: names.filter((g) => g.type === 'ip').map((g) => g.value),
    extendedKeyUsage: Array.from(eku?.usages ?? [], (u) => EKU_NAMES[String(u)] ?? String(u)),
    keyUsage: ku ? KU_BITS.filter((_, i) => (ku.usages & (1 << i)) !== 0) : [],
    isCa: bc?.ca === true,
    keyType: keyTypeOf(n),
    selfSigned: n.checkIssued(n) && n.verify(n.publicKey),
    fingerprint256: n.fingerprint256,
  };
  if (cn !== undefined) info.commonName = cn;
  if (bc?.pathLength !== undefined) info.pathLength = bc.pathLength;
  if (ski) info.subjectKeyId = ski.keyId.toLowerCase();
  if (aki?.keyId) info.authorityKeyId = aki.keyId.toLowerCase();
  return info;
}

export async function inspectCertificateFile(path: string): Promise<CertInfo> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new TlsFileError(`cannot read ${path}: ${(err as Error).message}`);
  }
  try {
    return await inspectCertificate(text);
  } catch (err) {
    if (err instanceof UsageError) throw new UsageError(`${path}: ${err.message}`);
    throw err;
  }
}
