import { execFileSync } from 'node:child_process';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../core/errors.js';
import {
  type CertInfo,
  DEFAULT_DAYS,
  describeTlsInit,
  inspectCertificate,
  inspectCertificateFile,
  type KeyType,
  type TlsInitResult,
  tlsClient,
  tlsInit,
} from './index.js';
import { parseHosts } from './pki.js';

const DAY = 86400_000;
const NOW = new Date('2026-03-01T12:00:00Z');

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'bulkhead-tls-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;
const freshDir = () => join(tmp, `d${n++}`);

const x509 = (path: string) => new X509Certificate(readFileSync(path));
const createKey = (path: string) => createPrivateKey(readFileSync(path));
const mode = (path: string) => statSync(path).mode & 0o777;
const days = (c: CertInfo) => Math.round((c.notAfter.getTime() - NOW.getTime()) / DAY);

/** Checks with Node's own X.509 code, independent of the library that made the certificate. */
function chainsTo(certPath: string, caPath: string): boolean {
  const cert = x509(certPath);
  const ca = x509(caPath);
  return cert.checkIssued(ca) && cert.verify(ca.publicKey);
}

describe('tlsInit', () => {
  const cases: { keyType: KeyType; keyUsage: string[] }[] = [
    { keyType: 'ecdsa-p256', keyUsage: ['digitalSignature'] },
    // RSA key exchange encrypts with the server key, so RSA server certificates also need keyEncipherment.
    { keyType: 'rsa-3072', keyUsage: ['digitalSignature', 'keyEncipherment'] },
    { keyType: 'rsa-4096', keyUsage: ['digitalSignature', 'keyEncipherment'] },
  ];

  describe.each(cases)('$keyType', ({ keyType, keyUsage }) => {
    let r: TlsInitResult;
    let ca: CertInfo;
    let server: CertInfo;
    let client: CertInfo;
    beforeAll(async () => {
      r = await tlsInit(freshDir(), {
        hosts: ['docker.example.com', '10.0.0.5', '[::1]'],
        clientName: 'alice',
        keyType,
        now: NOW,
      });
      [ca, server, client] = await Promise.all([
        inspectCertificateFile(r.ca.certPath),
        inspectCertificateFile(r.server.certPath),
        inspectCertificateFile(r.client.certPath),
      ]);
    }, 60_000);

    it('makes a CA that signs end-entity certificates only', () => {
      expect(ca).toMatchObject({ isCa: true, pathLength: 0, selfSigned: true, keyType });
      expect(ca.keyUsage).toEqual(['keyCertSign', 'cRLSign']);
      expect(ca.extendedKeyUsage).toEqual([]);
      expect(ca.subjectKeyId).toMatch(/^[0-9a-f]{40}$/);
      expect(days(ca)).toBe(DEFAULT_DAYS.ca);
      expect(x509(r.ca.certPath).ca).toBe(true);
    });

    it('makes a server certificate for the given names, for server authentication only', () => {
      expect(server).toMatchObject({
        commonName: 'docker.example.com',
        isCa: false,
        selfSigned: false,
        keyType,
        dnsNames: ['docker.example.com'],
        ipAddresses: ['10.0.0.5', '::1'],
        extendedKeyUsage: ['serverAuth'],
        keyUsage,
        authorityKeyId: ca.subjectKeyId,
      });
      expect(days(server)).toBe(DEFAULT_DAYS.server);
      expect(server.notBefore.getTime()).toBeLessThan(NOW.getTime());
      const node = x509(r.server.certPath);
      expect(node.checkHost('docker.example.com')).toBe('docker.example.com');
      expect(node.checkIP('10.0.0.5')).toBe('10.0.0.5');
      expect(node.checkHost('other.example.com')).toBeUndefined();
      expect(chainsTo(r.server.certPath, r.ca.certPath)).toBe(true);
    });

    it('makes a client certificate named after the user, for client authentication only', () => {
      expect(client).toMatchObject({
        subject: 'CN=alice',
        commonName: 'alice',
        isCa: false,
        dnsNames: [],
        ipAddresses: [],
        extendedKeyUsage: ['clientAuth'],
        keyUsage: ['digitalSignature'],
        authorityKeyId: ca.subjectKeyId,
      });
      expect(days(client)).toBe(DEFAULT_DAYS.client);
      expect(chainsTo(r.client.certPath, r.ca.certPath)).toBe(true);
      expect(chainsTo(r.client.certPath, r.server.certPath)).toBe(false);
    });

    it('pairs each key with its certificate, and uses a fresh 128-bit serial for each', () => {
      expect(x509(r.server.certPath).checkPrivateKey(createKey(r.server.keyPath))).toBe(true);
      expect(x509(r.client.certPath).checkPrivateKey(createKey(r.client.keyPath))).toBe(true);
      const serials = new Set([ca.serialNumber, server.serialNumber, client.serialNumber]);
      expect(serials.size).toBe(3);
      for (const s of serials) expect(s).toMatch(/^(?!00)[0-7][0-9a-f]{31}$/);
    });
  });

  it('writes the DOCKER_CERT_PATH layout with keys 0400, certificates 0444 and directories 0700', async () => {
    const dir = join(freshDir(), 'nested', 'tls');
    const r = await tlsInit(dir, { hosts: ['127.0.0.1'], now: NOW });
    const expected: [string, number][] = [
      ['ca.pem', 0o444],
      ['ca-key.pem', 0o400],
      ['server-cert.pem', 0o444],
      ['server-key.pem', 0o400],
      ['client/ca.pem', 0o444],
      ['client/cert.pem', 0o444],
      ['client/key.pem', 0o400],
      ['client', 0o700],
      ['', 0o700],
      ['..', 0o700],
    ];
    for (const [p, m] of expected) expect([p, mode(join(dir, p))]).toEqual([p, m]);
    expect(r.files.map((f) => f.path.slice(dir.length + 1)).sort()).toEqual(
      expected
        .filter(([p]) => p.endsWith('.pem'))
        .map(([p]) => p)
        .sort(),
    );
    expect(readFileSync(join(dir, 'client/ca.pem'), 'utf8')).toBe(readFileSync(join(dir, 'ca.pem'), 'utf8'));
    expect(readFileSync(join(dir, 'server-key.pem'), 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
  });

  it('refuses to overwrite any existing file, naming it, and writes nothing', async () => {
    const dir = freshDir();
    mkdirSync(join(dir, 'client'), { recursive: true });
    writeFileSync(join(dir, 'client', 'key.pem'), 'mine');
    const err = await tlsInit(dir, { hosts: ['127.0.0.1'] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as UsageError).message).toBe(`refusing to overwrite ${join(dir, 'client', 'key.pem')}`);
    expect((err as UsageError).hint).toContain('--force');
    expect(existsSync(join(dir, 'ca.pem'))).toBe(false);
    expect(readFileSync(join(dir, 'client', 'key.pem'), 'utf8')).toBe('mine');
  });

  it('refuses a second init in the same directory and keeps the first CA; --force replaces it', async () => {
    const dir = freshDir();
    await tlsInit(dir, { hosts: ['127.0.0.1'] });
    const before = readFileSync(join(dir, 'ca.pem'), 'utf8');
    await expect(tlsInit(dir, { hosts: ['127.0.0.1'] })).rejects.toThrow(
      new RegExp(`^refusing to overwrite ${join(dir, 'ca.pem')} \\(and 6 more: `),
    );
    expect(readFileSync(join(dir, 'ca.pem'), 'utf8')).toBe(before);

    const r = await tlsInit(dir, { hosts: ['127.0.0.1'], force: true });
    expect(readFileSync(join(dir, 'ca.pem'), 'utf8')).not.toBe(before);
    expect(r.files.every((f) => f.replaced)).toBe(true);
    expect(r.warnings.join('\n')).toContain('client certificates issued by the old CA');
    expect(mode(join(dir, 'ca-key.pem'))).toBe(0o400);
    expect(chainsTo(r.client.certPath, r.ca.certPath)).toBe(true);
  });

  it('applies --days to the server and client certificates, never beyond the CA', async () => {
    const a = await tlsInit(freshDir(), { hosts: ['h.example'], days: 30, now: NOW });
    expect(days(await inspectCertificateFile(a.server.certPath))).toBe(30);
    expect(days(await inspectCertificateFile(a.client.certPath))).toBe(30);
    expect(a.warnings).toEqual([]);

    const b = await tlsInit(freshDir(), { hosts: ['h.example'], caDays: 10, now: NOW });
    const ca = await inspectCertificateFile(b.ca.certPath);
    expect((await inspectCertificateFile(b.server.certPath)).notAfter).toEqual(ca.notAfter);
    expect((await inspectCertificateFile(b.client.certPath)).notAfter).toEqual(ca.notAfter);
    expect(b.warnings).toHaveLength(2);
  });

  it.each([
    [{ hosts: [] }, 'no host names or addresses for the server certificate'],
    [{ hosts: ['docker host'] }, '"docker host" is neither an IP address nor a DNS name'],
    [{ hosts: ['10.0.0'] }, '"10.0.0" is neither an IP address nor a DNS name'],
    [{ hosts: ['fe80::1%eth0'] }, '"fe80::1%eth0" is neither an IP address nor a DNS name'],
    [{ hosts: ['h'], clientName: '../root' }, 'invalid client name "../root"'],
    [{ hosts: ['h'], keyType: 'dsa-1024' as KeyType }, 'unknown key type "dsa-1024"'],
    [{ hosts: ['h'], days: 0 }, 'invalid certificate validity 0'],
    [{ hosts: ['h'], days: 1.5 }, 'invalid certificate validity 1.5'],
  ])('rejects %j as a usage error before writing anything', async (opts, message) => {
    const dir = freshDir();
    const err = await tlsInit(dir, opts).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toBe(message);
    expect(existsSync(dir)).toBe(false);
  });

  it('prints the files and how to configure dockerd and the clients', async () => {
    const r = await tlsInit(freshDir(), { hosts: ['docker.example.com', '10.0.0.5'], now: NOW });
    const text = describeTlsInit(r);
    expect(text).toContain(`  0400  ${r.server.keyPath}\n`);
    expect(text).toContain(`"tlscert": "${r.server.certPath}"`);
    expect(text).toContain(
      `export DOCKER_HOST=tcp://docker.example.com:2376 DOCKER_TLS_VERIFY=1 DOCKER_CERT_PATH=${r.client.certDir}`,
    );
  });
});

describe('tlsClient', () => {
  let dir: string;
  let other: TlsInitResult;
  beforeAll(async () => {
    dir = freshDir();
    await tlsInit(dir, { hosts: ['127.0.0.1'] });
    other = await tlsInit(freshDir(), { hosts: ['127.0.0.1'] });
  });

  it('issues a client certificate later that chains to the CA of the directory, not to another CA', async () => {
    const r = await tlsClient(dir, 'bob', { now: NOW });
    expect(r.client.certDir).toBe(join(dir, 'clients', 'bob'));
    const info = await inspectCertificateFile(r.client.certPath);
    expect(info).toMatchObject({
      commonName: 'bob',
      extendedKeyUsage: ['clientAuth'],
      keyType: 'ecdsa-p256',
    });
    expect(days(info)).toBe(DEFAULT_DAYS.client);
    expect(chainsTo(r.client.certPath, join(dir, 'ca.pem'))).toBe(true);
    expect(chainsTo(r.client.certPath, other.ca.certPath)).toBe(false);
    expect(readFileSync(join(r.client.certDir, 'ca.pem'), 'utf8')).toBe(
      readFileSync(join(dir, 'ca.pem'), 'utf8'),
    );
    expect([mode(r.client.keyPath), mode(r.client.certPath), mode(r.client.certDir)]).toEqual([
      0o400, 0o444, 0o700,
    ]);
    expect(x509(r.client.certPath).checkPrivateKey(createKey(r.client.keyPath))).toBe(true);
  });

  it('refuses to overwrite an issued certificate unless forced, and honours --out', async () => {
    const out = join(freshDir(), 'carol-certs');
    const first = await tlsClient(dir, 'carol', { out });
    expect(first.client.certPath).toBe(join(out, 'cert.pem'));
    const firstSerial = x509(first.client.certPath).serialNumber;
    await expect(tlsClient(dir, 'carol', { out })).rejects.toThrow(
      /^refusing to overwrite .*carol-certs\/ca\.pem/,
    );
    const second = await tlsClient(dir, 'carol', { out, force: true });
    expect(second.files.map((f) => f.replaced)).toEqual([true, true, true]);
    expect(x509(second.client.certPath).serialNumber).not.toBe(firstSerial);
  });

  it('issues an already expired certificate when asked for explicit dates', async () => {
    const r = await tlsClient(dir, 'expired', {
      notBefore: new Date(Date.now() - 10 * DAY),
      notAfter: new Date(Date.now() - DAY),
    });
    const info = await inspectCertificateFile(r.client.certPath);
    expect(info.notAfter.getTime()).toBeLessThan(Date.now());
    expect(chainsTo(r.client.certPath, join(dir, 'ca.pem'))).toBe(true);
  });

  it('uses the CA key type by default', async () => {
    const rsaDir = freshDir();
    await tlsInit(rsaDir, { hosts: ['127.0.0.1'], keyType: 'rsa-3072' });
    const r = await tlsClient(rsaDir, 'dave');
    expect((await inspectCertificateFile(r.client.certPath)).keyType).toBe('rsa-3072');
    const e = await tlsClient(rsaDir, 'erin', { keyType: 'ecdsa-p256' });
    expect((await inspectCertificateFile(e.client.certPath)).keyType).toBe('ecdsa-p256');
    expect(chainsTo(e.client.certPath, join(rsaDir, 'ca.pem'))).toBe(true);
  }, 30_000);

  it.each([
    ['no CA in the directory', () => tlsClient(freshDir(), 'x'), /^no CA certificate at .*ca\.pem$/],
    [
      "a CA key that is not the CA certificate's",
      async () => {
        const d = freshDir();
        mkdirSync(d);
        writeFileSync(join(d, 'ca.pem'), readFileSync(join(dir, 'ca.pem')));
        writeFileSync(join(d, 'ca-key.pem'), readFileSync(other.ca.keyPath));
        return tlsClient(d, 'x');
      },
      /ca-key\.pem is not the key of .*ca\.pem$/,
    ],
    [
      'a leaf certificate in place of the CA',
      async () => {
        const d = freshDir();
        mkdirSync(d);
        writeFileSync(join(d, 'ca.pem'), readFileSync(join(dir, 'server-cert.pem')));
        writeFileSync(join(d, 'ca-key.pem'), readFileSync(join(dir, 'server-key.pem')));
        return tlsClient(d, 'x');
      },
      /ca\.pem is not a CA certificate/,
    ],
    ['an invalid name', () => tlsClient(dir, 'a/b'), /^invalid client name "a\/b"$/],
  ])('refuses %s', async (_, run, message) => {
    const err = await run().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toMatch(message);
  });

  const hasOpenssl = (() => {
    try {
      execFileSync('openssl', ['version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();

  // The shape of CAs made by hand (and by scripts/test-daemon.sh): an EC key in SEC1 "EC PRIVATE KEY" PEM.
  it.runIf(hasOpenssl)('issues from a CA made with openssl', async () => {
    const d = freshDir();
    mkdirSync(d);
    execFileSync(
      'openssl',
      ['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', join(d, 'ca-key.pem')],
      { stdio: 'ignore' },
    );
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-key',
        join(d, 'ca-key.pem'),
        '-out',
        join(d, 'ca.pem'),
        '-days',
        '30',
        '-subj',
        '/CN=hand-made-ca',
      ],
      { stdio: 'ignore' },
    );
    expect(readFileSync(join(d, 'ca-key.pem'), 'utf8')).toContain('BEGIN EC PRIVATE KEY');
    const r = await tlsClient(d, 'frank');
    expect(chainsTo(r.client.certPath, join(d, 'ca.pem'))).toBe(true);
    const out = execFileSync('openssl', ['verify', '-CAfile', join(d, 'ca.pem'), r.client.certPath], {
      encoding: 'utf8',
    });
    expect(out).toContain(': OK');
    // Cut to the 30-day CA.
    expect(r.warnings).toHaveLength(1);
  });
});

describe('parseHosts', () => {
  it.each([
    [['Docker.Example.COM.'], { dns: ['docker.example.com'], ip: [] }],
    [['*.docker.example.com'], { dns: ['*.docker.example.com'], ip: [] }],
    [['[::1]', '0:0::1', '::1'], { dns: [], ip: ['::1'] }],
    [['127.0.0.1', 'localhost', '127.0.0.1'], { dns: ['localhost'], ip: ['127.0.0.1'] }],
    [['2001:DB8::5'], { dns: [], ip: ['2001:db8::5'] }],
  ])('%j', (hosts, expected) => {
    expect(parseHosts(hosts)).toEqual(expected);
  });

  it.each([['*.com'], ['a..b'], ['-a.example'], ['a_b.example'], ['x'.repeat(64)]])('rejects %s', (h) => {
    expect(() => parseHosts([h])).toThrow(UsageError);
  });
});

describe('inspectCertificate', () => {
  it('refuses text that is no certificate', async () => {
    await expect(
      inspectCertificate('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n'),
    ).rejects.toThrow(/^not a certificate/);
  });
});
