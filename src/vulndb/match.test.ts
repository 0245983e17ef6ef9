import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OsRelease, Package } from '../facts/image-scan.js';
import {
  apkComparator,
  dpkgComparator,
  goComparator,
  pep440Comparator,
  semverComparator,
} from './compare/index.js';
import { importOsv } from './import.js';
import { evaluateAffected, openDb, osvTarget, type VulnDb } from './match.js';
import type { StoredRange } from './osv.js';

const FIXTURES = join(import.meta.dirname, '../../test/fixtures/osv');

const pkg = (p: Partial<Package> & Pick<Package, 'ecosystem' | 'name' | 'version'>): Package => ({
  purl: `pkg:${p.ecosystem}/${p.name}@${p.version}`,
  layer: 0,
  foundIn: 'test',
  ...p,
});
const debian11: OsRelease = { id: 'debian', versionId: '11' };
const debian12: OsRelease = { id: 'debian', versionId: '12' };

const range = (type: StoredRange['type'], ...events: [string, string][]): StoredRange => ({
  type,
  events: events.map(([kind, version]) => ({ kind: kind as StoredRange['events'][number]['kind'], version })),
});

describe('evaluateAffected', () => {
  const npm = { comparator: semverComparator, semver: semverComparator };
  const deb = { comparator: dpkgComparator, semver: semverComparator };
  const multi = {
    versions: [],
    ranges: [
      range(
        'ECOSYSTEM',
        ['introduced', '0'],
        ['fixed', '5.7.2'],
        ['introduced', '6.0.0'],
        ['fixed', '6.3.1'],
      ),
    ],
  };
  it.each([
    ['5.7.1', true, '5.7.2'],
    ['5.7.2', false, undefined],
    ['6.0.0', true, '6.3.1'], // the smallest fix above the installed version, not the first one
    ['6.3.1', false, undefined],
    ['7.0.0', false, undefined],
  ])('multi-range, installed %s', (v, vulnerable, fixed) => {
    expect(evaluateAffected(multi, v, npm)).toEqual(fixed ? { vulnerable, fixed } : { vulnerable });
  });

  it.each([
    ['2.1.214', true],
    ['2.1.215', false],
    ['1.0.0', true],
  ])('last_affected is inclusive (%s)', (v, vulnerable) => {
    const data = {
      versions: [],
      ranges: [range('ECOSYSTEM', ['introduced', '0'], ['last_affected', '2.1.214'])],
    };
    expect(evaluateAffected(data, v, npm)).toEqual({ vulnerable });
  });

  it.each([
    ['1.5.0', true],
    ['2.0.0', false], // at the limit: outside
    ['3.0.0', false],
  ])('limit bounds the range (%s)', (v, vulnerable) => {
    const data = { versions: [], ranges: [range('SEMVER', ['introduced', '1.0.0'], ['limit', '2.0.0'])] };
    expect(evaluateAffected(data, v, npm).vulnerable).toBe(vulnerable);
  });

  it('limit "*" is infinity; unsorted events are sorted first', () => {
    const data = {
      versions: [],
      ranges: [range('SEMVER', ['fixed', '1.2.0'], ['limit', '*'], ['introduced', '1.0.0'])],
    };
    expect(evaluateAffected(data, '1.1.0', npm)).toEqual({ vulnerable: true, fixed: '1.2.0' });
  });

  it('an open range (no fix yet) is vulnerable without fixedVersion', () => {
    const data = { versions: [], ranges: [range('ECOSYSTEM', ['introduced', '0'])] };
    expect(evaluateAffected(data, '1.1.1n-0+deb11u4', deb)).toEqual({ vulnerable: true });
  });

  it('matches versions[] lists exactly', () => {
    const data = { versions: ['0.7.29', '0.8.0', '1.0.0'], ranges: [] };
    expect(evaluateAffected(data, '0.7.29', npm).vulnerable).toBe(true);
    expect(evaluateAffected(data, '0.7.30', npm).vulnerable).toBe(false);
  });

  it('skips a range whose versions the comparator cannot order rather than guessing', () => {
    const data = {
      versions: [],
      ranges: [range('ECOSYSTEM', ['introduced', '0'], ['fixed', 'not-a-version!'])],
    };
    expect(evaluateAffected(data, '1.0-1', deb).vulnerable).toBe(false);
  });

  it('ignores SEMVER ranges for dpkg versions that are not semver', () => {
    const data = { versions: [], ranges: [range('SEMVER', ['introduced', '0'], ['fixed', '9.9.9'])] };
    expect(evaluateAffected(data, '1.1.1n-0+deb11u4', deb).vulnerable).toBe(false);
  });

  it.each([
    [apkComparator, '3.1.3-r0', '3.1.4-r0', true],
    [apkComparator, '3.1.4-r0', '3.1.4-r0', false],
    [pep440Comparator, '2.31.0rc1', '2.31.0', true],
    [pep440Comparator, '2.31.0.post1', '2.31.0', false],
    [goComparator, 'v0.0.0-20230321023759-10a507213a29', '0.17.0', true],
    [goComparator, 'v0.17.0', '0.17.0', false],
  ])('%s: %s against fixed %s', (comparator, installed, fix, vulnerable) => {
    const data = { versions: [], ranges: [range('ECOSYSTEM', ['introduced', '0'], ['fixed', fix])] };
    expect(evaluateAffected(data, installed, { comparator, semver: comparator }).vulnerable).toBe(vulnerable);
  });
});

describe('osvTarget', () => {
  it.each([
    [
      pkg({ ecosystem: 'deb', name: 'libssl1.1', version: '1.1.1n-0+deb11u4', sourceName: 'openssl' }),
      debian11,
      ['Debian:11'],
      'openssl',
    ],
    [
      pkg({ ecosystem: 'deb', name: 'curl', version: '7.81.0-1ubuntu1.15' }),
      { id: 'ubuntu', versionId: '22.04' },
      ['Ubuntu:22.04:LTS', 'Ubuntu:22.04'],
      'curl',
    ],
    [
      pkg({ ecosystem: 'deb', name: 'bash', version: '5.2.15-2+b2' }),
      { id: 'debian', versionId: '12.5' },
      ['Debian:12'],
      'bash',
    ],
    [
      pkg({ ecosystem: 'apk', name: 'libcrypto3', version: '3.1.3-r0', sourceName: 'openssl' }),
      { id: 'alpine', versionId: '3.18.4' },
      ['Alpine:v3.18'],
      'openssl',
    ],
    [
      pkg({ ecosystem: 'apk', name: 'glibc', version: '2.38-r1' }),
      { id: 'wolfi', versionId: '20230201' },
      ['Wolfi'],
      'glibc',
    ],
    [pkg({ ecosystem: 'pypi', name: 'Jinja2', version: '3.1.2' }), undefined, ['PyPI'], 'jinja2'],
    [pkg({ ecosystem: 'npm', name: '@babel/core', version: '7.0.0' }), undefined, ['npm'], '@babel/core'],
    [pkg({ ecosystem: 'golang', name: 'stdlib', version: 'go1.21.1' }), undefined, ['Go'], 'stdlib'],
  ])('%#', (p, os, ecosystems, name) => {
    expect(osvTarget(p, os)).toMatchObject({ ecosystems, name });
  });

  it.each([
    ['a deb with no OS release', pkg({ ecosystem: 'deb', name: 'bash', version: '5.2' }), undefined],
    [
      'a deb on another distro',
      pkg({ ecosystem: 'deb', name: 'bash', version: '5.2' }),
      { id: 'kali', versionId: '2024.1' },
    ],
    [
      'Debian testing (no VERSION_ID)',
      pkg({ ecosystem: 'deb', name: 'bash', version: '5.2' }),
      { id: 'debian', versionId: '' },
    ],
    ['an apk off Alpine', pkg({ ecosystem: 'apk', name: 'musl', version: '1.2.4-r2' }), debian12],
    [
      'an rpm',
      pkg({ ecosystem: 'rpm', name: 'bash', version: '5.1.8-6.el9' }),
      { id: 'rocky', versionId: '9.3' },
    ],
  ])('no exact source for %s', (_what, p, os) =>
    expect(osvTarget(p, os as OsRelease | undefined)).toBeUndefined(),
  );
});

describe('openDb().match over the shipped fixtures', () => {
  let dir: string;
  let db: VulnDb;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bulkhead-vulndb-'));
    const summary = await importOsv(join(dir, 'db.sqlite'), FIXTURES);
    expect(summary.skipped).toBe(0);
    db = openDb(join(dir, 'db.sqlite'));
  });
  afterAll(() => {
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const ids = (ps: Package[], os?: OsRelease): string[] =>
    db
      .match(ps, os)
      .map((v) => `${v.packageName}:${v.id}`)
      .sort();

  it('backported Debian fix: deb11u4 is vulnerable, deb11u5 and later are not', () => {
    const libssl = (version: string): Package =>
      pkg({ ecosystem: 'deb', name: 'libssl1.1', version, sourceName: 'openssl', sourceVersion: version });
    const found = db.match([libssl('1.1.1n-0+deb11u4')], debian11);
    expect(found.map((v) => v.id).sort()).toEqual(['CVE-2023-0464', 'DSA-5417-1']);
    expect(found.find((v) => v.id === 'CVE-2023-0464')).toMatchObject({
      fixedVersion: '1.1.1n-0+deb11u5',
      aliases: ['DEBIAN-CVE-2023-0464'],
      packageName: 'libssl1.1',
      installedVersion: '1.1.1n-0+deb11u4',
    });
    expect(db.match([libssl('1.1.1n-0+deb11u5')], debian11)).toEqual([]);
    expect(db.match([libssl('1.1.1w-0+deb11u1')], debian11)).toEqual([]);
    // Same package on Debian 12 is judged by Debian 12's advisory only.
    expect(ids([libssl('3.0.11-1~deb12u2')], debian12)).toEqual([]);
    expect(ids([libssl('3.0.7-1')], debian12)).toEqual(['libssl1.1:CVE-2023-0464']);
  });

  it('never matches a distro package against upstream (OSS-Fuzz, GIT) records', () => {
    // OSV-2023-101 lists these exact strings in versions[] for the OSS-Fuzz "openssl".
    const p = pkg({ ecosystem: 'deb', name: 'openssl', version: '1.1.1w-0+deb11u1' });
    expect(db.match([p], debian11)).toEqual([]);
    expect(db.match([p], undefined)).toEqual([]);
  });

  it('epochs and ~: 2:8.2.3995-1+deb12u1~bpo is before the fix, 8.2.3995-1+deb12u3 (epoch 0) too', () => {
    const vim = (version: string): Package =>
      pkg({ ecosystem: 'deb', name: 'vim-tiny', version, sourceName: 'vim' });
    expect(db.match([vim('2:8.2.3995-1+deb12u1~bpo')], debian12)).toMatchObject([
      { id: 'CVE-2022-0318', fixedVersion: '2:8.2.3995-1+deb12u2', severity: 'high' },
    ]);
    expect(db.match([vim('8.2.3995-1+deb12u3')], debian12)).toHaveLength(1);
    expect(db.match([vim('2:8.2.3995-1+deb12u2')], debian12)).toEqual([]);
  });

  it('Ubuntu: release-scoped, rated by Ubuntu priority', () => {
    const curl = (version: string): Package => pkg({ ecosystem: 'deb', name: 'curl', version });
    const jammy = { id: 'ubuntu', versionId: '22.04' };
    expect(db.match([curl('7.81.0-1ubuntu1.15')], jammy)).toMatchObject([
      { id: 'CVE-2024-2398', severity: 'medium', fixedVersion: '7.81.0-1ubuntu1.16' },
    ]);
    expect(db.match([curl('7.81.0-1ubuntu1.16')], jammy)).toEqual([]);
    // Ubuntu Pro (ESM) records are not for a stock image.
    expect(db.match([curl('7.58.0-2ubuntu3.24')], { id: 'ubuntu', versionId: '18.04' })).toEqual([]);
  });

  it('Alpine: by origin in the image release, apk ordering', () => {
    const libcrypto = (version: string): Package =>
      pkg({ ecosystem: 'apk', name: 'libcrypto3', version, sourceName: 'openssl' });
    const v318 = { id: 'alpine', versionId: '3.18.4' };
    expect(db.match([libcrypto('3.1.3-r0')], v318)).toMatchObject([
      { id: 'CVE-2023-5363', fixedVersion: '3.1.4-r0' },
    ]);
    expect(db.match([libcrypto('3.1.4-r0')], v318)).toEqual([]);
    expect(db.match([libcrypto('3.1.3-r0')], { id: 'alpine', versionId: '3.19.0' })).toEqual([]);
    const ssh = (version: string): Package =>
      pkg({ ecosystem: 'apk', name: 'openssh-client', version, sourceName: 'openssh' });
    const v319 = { id: 'alpine', versionId: '3.19.1' };
    expect(db.match([ssh('9.6-r0')], v319)).toMatchObject([
      { id: 'CVE-2023-51385', severity: 'high', fixedVersion: '9.6_p1-r0' },
    ]);
    expect(db.match([ssh('9.6_p1-r0')], v319)).toEqual([]);
  });

  it('npm: multi-range fix, label severity, versions[] list', () => {
    expect(db.match([pkg({ ecosystem: 'npm', name: 'semver', version: '6.3.0' })])).toMatchObject([
      { id: 'CVE-2022-25883', aliases: ['GHSA-c2qf-rxjj-qqgw'], fixedVersion: '6.3.1', severity: 'medium' },
    ]);
    expect(db.match([pkg({ ecosystem: 'npm', name: 'semver', version: '7.5.4' })])).toEqual([]);
    expect(db.match([pkg({ ecosystem: 'npm', name: 'ua-parser-js', version: '0.7.29' })])).toMatchObject([
      { id: 'GHSA-pjwm-rvh2-c87w', severity: 'critical' },
    ]);
    expect(db.match([pkg({ ecosystem: 'npm', name: 'ua-parser-js', version: '0.7.30' })])).toEqual([]);
  });

  it('PyPI: normalised names, PEP 440 ordering, CVSS severity', () => {
    expect(ids([pkg({ ecosystem: 'pypi', name: 'Jinja2', version: '3.1.3rc1' })])).toEqual([
      'Jinja2:CVE-2024-22195',
    ]);
    expect(db.match([pkg({ ecosystem: 'pypi', name: 'Jinja2', version: '3.1.2' })])[0]?.severity).toBe(
      'medium',
    );
    expect(ids([pkg({ ecosystem: 'pypi', name: 'jinja2', version: '3.1.3' })])).toEqual([]);
    expect(ids([pkg({ ecosystem: 'pypi', name: 'requests', version: '2.2.1' })])).toEqual([]); // before introduced
    expect(ids([pkg({ ecosystem: 'pypi', name: 'requests', version: '2.28.1' })])).toEqual([
      'requests:CVE-2023-32681',
    ]);
  });

  it('Go: modules and the toolchain', () => {
    expect(db.match([pkg({ ecosystem: 'golang', name: 'stdlib', version: 'go1.21.1' })])).toMatchObject([
      { id: 'CVE-2023-39325', fixedVersion: '1.21.3' },
    ]);
    expect(
      db.match([pkg({ ecosystem: 'golang', name: 'stdlib', version: 'go1.20.2' })])[0]?.fixedVersion,
    ).toBe('1.20.10');
    expect(ids([pkg({ ecosystem: 'golang', name: 'stdlib', version: 'go1.21.3' })])).toEqual([]);
    expect(ids([pkg({ ecosystem: 'golang', name: 'golang.org/x/net', version: 'v0.16.0' })])).toEqual([
      'golang.org/x/net:CVE-2023-39325',
    ]);
  });

  it('unknown packages and unparseable versions match nothing', () => {
    expect(db.match([pkg({ ecosystem: 'npm', name: 'semver', version: 'not-a-version' })])).toEqual([]);
    expect(db.match([pkg({ ecosystem: 'npm', name: 'no-such-package', version: '1.0.0' })])).toEqual([]);
  });

  it('lists the ecosystems loaded', () => {
    expect(db.ecosystems()).toEqual(
      expect.arrayContaining([
        'Alpine:v3.18',
        'Debian:11',
        'Debian:12',
        'Go',
        'OSS-Fuzz',
        'PyPI',
        'Ubuntu:22.04:LTS',
        'npm',
      ]),
    );
  });
});
