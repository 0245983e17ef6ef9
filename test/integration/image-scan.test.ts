// `bulkhead image scan` end to end on the real test daemon: an image built from scratch with a fake Debian
// 11 dpkg database (openssl at a version whose fix was backported), a private key added then deleted, a
// setuid binary and a miner config; OSV fixtures imported with `bulkhead db import`; scanned from the
// daemon and from a `docker save` tar, with JSON and CycloneDX output and `audit --images`.
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { main } from '../../src/shells/cli/main.js';
import { docker } from '../kit/fixtures.js';

const host = inject('dockerHost');
const TAG = 'bulkhead-fixture:image-scan';
const fixtures = join(import.meta.dirname, '..', 'fixtures', 'osv');
const dir = mkdtempSync(join(tmpdir(), 'bulkhead-image-scan-'));
const db = join(dir, 'vulndb.sqlite');

const DPKG_STATUS = `Package: libssl1.1
Status: install ok installed
Priority: optional
Section: libs
Installed-Size: 4120
Maintainer: Debian OpenSSL Team <pkg-openssl-devel@alioth-lists.debian.net>
Architecture: amd64
Multi-Arch: same
Source: openssl
Version: 1.1.1n-0+deb11u4
Description: Secure Sockets Layer toolkit - shared libraries

Package: base-files
Status: install ok installed
Architecture: amd64
Version: 11.1+deb11u9
Description: Debian base system miscellaneous files
`;

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    out += String(s);
    return true;
  });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
    err += String(s);
    return true;
  });
  process.exitCode = undefined;
  try {
    const code = await main(args);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
    process.exitCode = undefined;
  }
}

interface JsonResult {
  checkId: string;
  status: string;
  evidence: { message: string; path?: string }[];
}
const failed = (out: string): Map<string, string[]> => {
  const m = new Map<string, string[]>();
  for (const r of (JSON.parse(out) as { results: JsonResult[] }).results)
    if (r.status === 'fail')
      m.set(r.checkId, [...(m.get(r.checkId) ?? []), ...r.evidence.map((e) => e.message)]);
  return m;
};

beforeAll(async () => {
  const busybox = ['/bin/busybox', '/usr/bin/busybox'].find((p) => existsSync(p));
  if (!busybox) throw new Error('no static busybox found; install busybox-static');
  const ctx = join(dir, 'ctx');
  mkdirSync(join(ctx, 'rootfs/etc'), { recursive: true });
  mkdirSync(join(ctx, 'rootfs/var/lib/dpkg'), { recursive: true });
  mkdirSync(join(ctx, 'rootfs/opt/miner'), { recursive: true });
  copyFileSync(busybox, join(ctx, 'busybox'));
  writeFileSync(
    join(ctx, 'rootfs/etc/os-release'),
    'PRETTY_NAME="Debian GNU/Linux 11 (bullseye)"\nNAME="Debian GNU/Linux"\nVERSION_ID="11"\nID=debian\n',
  );
  writeFileSync(join(ctx, 'rootfs/var/lib/dpkg/status'), DPKG_STATUS);
  writeFileSync(
    join(ctx, 'rootfs/opt/miner/config.json'),
    '{"pools":[{"url":"stratum+tcp://pool.supportxmr.com:3333","user":"44AFFq5kSiGBoZ"}],"donate-level":1}\n',
  );
  writeFileSync(
    join(ctx, 'id_rsa'),
    '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n-----END OPENSSH PRIVATE KEY-----\n',
  );
  chmodSync(join(ctx, 'busybox'), 0o755);
  writeFileSync(
    join(ctx, 'Dockerfile'),
    [
      'FROM scratch',
      'COPY busybox /bin/busybox',
      'COPY rootfs/ /',
      'COPY id_rsa /root/.ssh/id_rsa',
      'RUN ["/bin/busybox", "sh", "-c", "/bin/busybox chmod 4755 /bin/busybox && /bin/busybox rm /root/.ssh/id_rsa"]',
      'USER 10001',
      'CMD ["/bin/busybox", "sh"]',
      '',
    ].join('\n'),
  );
  await docker(host, ['build', '--label', 'bulkhead.test=1', '-t', TAG, ctx], { timeoutMs: 180_000 });
  await docker(host, ['save', '-o', join(dir, 'image.tar'), TAG]);
  const imported = await cli('db', 'import', fixtures, '--db', db);
  expect(imported.code, imported.err).toBe(0);
}, 300_000);

afterAll(async () => {
  await docker(host, ['rmi', '-f', TAG]).catch(() => {});
  rmSync(dir, { recursive: true, force: true });
});

describe('bulkhead image scan on a real daemon', () => {
  it('db import loads the OSV fixtures and db status shows them', async () => {
    const s = await cli('db', 'status', '--db', db, '--format', 'json');
    expect(s.code).toBe(0);
    const status = JSON.parse(s.out) as { exists: boolean; ecosystems: { ecosystem: string }[] };
    expect(status.exists).toBe(true);
    expect(status.ecosystems.map((e) => e.ecosystem)).toContain('Debian:11');
  });

  it('finds the backported-fix vulnerability, the deleted key, the setuid file and the miner, per layer', async () => {
    const r = await cli('image', 'scan', TAG, '-H', host, '--db', db, '-f', 'json', '--fail-on', 'critical');
    expect(r.code, r.err).toBe(1);
    const f = failed(r.out);
    // openssl 1.1.1n-0+deb11u4 (source of libssl1.1) < fixed 1.1.1n-0+deb11u5: vulnerable.
    const vulns = [
      ...(f.get('BH-SCN-001') ?? []),
      ...(f.get('BH-SCN-002') ?? []),
      ...(f.get('BH-SCN-003') ?? []),
    ];
    expect(vulns.some((m) => m.includes('CVE-2023-0464') && m.includes('fixed in 1.1.1n-0+deb11u5'))).toBe(
      true,
    );
    expect(f.get('BH-SCN-009')?.[0]).toMatch(/private key.*added in layer 2 .*deleted in layer 3/i);
    expect(f.get('BH-SCN-008')).toBeUndefined();
    expect(f.get('BH-SCN-005')?.[0]).toMatch(/^setuid \/bin\/busybox mode 4755/);
    expect(f.get('BH-SCN-015')?.join('\n')).toMatch(/stratum\+tcp|supportxmr/);
    expect(f.get('BH-SCN-019')?.[0]).toMatch(/Debian GNU\/Linux 11.*end of life/);
    expect(f.has('BH-IMG-001')).toBe(false); // USER 10001
  });

  it('--ignore-unfixed and a docker save tar give the same packages; CycloneDX lists them with purls', async () => {
    const tar = join(dir, 'image.tar');
    const r = await cli('image', 'scan', tar, '--db', db, '-f', 'cyclonedx', '-o', join(dir, 'sbom.json'));
    expect([0, 1]).toContain(r.code);
    const sbom = JSON.parse(readFileSync(join(dir, 'sbom.json'), 'utf8')) as {
      bomFormat: string;
      specVersion: string;
      components: { purl?: string; type: string }[];
      vulnerabilities?: { id: string }[];
    };
    expect(sbom.bomFormat).toBe('CycloneDX');
    expect(sbom.components.map((c) => c.purl).filter(Boolean)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^pkg:deb\/debian\/libssl1\.1@1\.1\.1n-0/)]),
    );
    expect(sbom.vulnerabilities?.map((v) => v.id)).toContain('CVE-2023-0464');
  });

  it('without a database, says so once and still reports the other findings', async () => {
    const r = await cli('image', 'scan', TAG, '-H', host, '--db', join(dir, 'none.sqlite'), '-f', 'json');
    expect(r.err).toMatch(/no vulnerability database at .*none\.sqlite/);
    const report = JSON.parse(r.out) as { results: JsonResult[] };
    expect(report.results.some((x) => x.checkId === 'BH-SCN-001')).toBe(false);
    expect(failed(r.out).has('BH-SCN-009')).toBe(true);
  });

  it('an image that does not exist is one line and exit 2', async () => {
    const r = await cli(
      'image',
      'scan',
      'bulkhead-fixture:does-not-exist',
      '-H',
      host,
      '--db',
      db,
      '-f',
      'json',
    );
    expect(r.code).toBe(2);
    expect(
      r.err
        .trim()
        .split('\n')
        .filter((l) => l.startsWith('bulkhead: ') && !l.includes('warning')),
    ).toHaveLength(1);
  });

  it('audit --images adds the deep scan of the daemon images to the audit', async () => {
    const r = await cli(
      'audit',
      '-H',
      host,
      '--scope',
      'image',
      '--images',
      '--db',
      db,
      '-f',
      'json',
      '--fail-on',
      'none',
    );
    expect(r.code, r.err).toBe(0);
    const ids = new Set((JSON.parse(r.out) as { results: JsonResult[] }).results.map((x) => x.checkId));
    expect(ids.has('BH-IMG-001')).toBe(true);
    expect(ids.has('BH-SCN-009')).toBe(true);
  });
});
