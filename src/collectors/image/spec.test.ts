import { describe, expect, it } from 'vitest';
import { hash64, normaliseTarPath, PathSet, whiteoutOf } from './path.js';
import { hostPlatform, parseImageSpec, parsePlatform, pickPlatform, type SpecIo } from './spec.js';

const io = (files: Record<string, 'file' | 'dir'>): SpecIo => ({ kind: (p) => files[p] });
const fsIo = io({ '/tmp/img.tar': 'file', '/tmp/layout': 'dir' });

describe('parseImageSpec', () => {
  it.each([
    ['docker:alpine:3.19', { kind: 'daemon', name: 'alpine:3.19' }],
    ['docker-daemon:sha256:abc', { kind: 'daemon', name: 'sha256:abc' }],
    ['alpine', { kind: 'daemon', name: 'alpine' }],
    ['/tmp/img.tar', { kind: 'archive', path: '/tmp/img.tar' }],
    ['/tmp/layout', { kind: 'oci', path: '/tmp/layout' }],
    ['docker-archive:/tmp/img.tar', { kind: 'docker-archive', path: '/tmp/img.tar' }],
    [
      'docker-archive:/tmp/img.tar:shop/api:1',
      { kind: 'docker-archive', path: '/tmp/img.tar', ref: 'shop/api:1' },
    ],
    ['oci:/tmp/layout:latest', { kind: 'oci', path: '/tmp/layout', ref: 'latest' }],
    [
      'registry:127.0.0.1:5000/x:tag',
      { kind: 'registry', registry: '127.0.0.1:5000', repository: 'x', tag: 'tag' },
    ],
    ['registry:localhost/a/b', { kind: 'registry', registry: 'localhost', repository: 'a/b', tag: 'latest' }],
    [
      'registry:alpine',
      { kind: 'registry', registry: 'docker.io', repository: 'library/alpine', tag: 'latest' },
    ],
    ['docker://ghcr.io/o/r:1', { kind: 'registry', registry: 'ghcr.io', repository: 'o/r', tag: '1' }],
    [
      `registry:quay.io/o/r@sha256:${'a'.repeat(64)}`,
      { kind: 'registry', registry: 'quay.io', repository: 'o/r', digest: `sha256:${'a'.repeat(64)}` },
    ],
  ])('%s', (input, expected) => {
    expect(parseImageSpec(input, fsIo)).toEqual(expected);
  });

  it.each([
    ['', /empty image reference/],
    ['docker:', /missing image name/],
    ['registry:Bad/Name', /invalid repository/],
    ['registry:r.io/x@sha256:zz', /invalid digest/],
    ['registry:r.io/x:bad tag', /invalid tag/],
  ])('%s is a usage error', (input, message) => {
    expect(() => parseImageSpec(input, fsIo)).toThrow(message);
  });
});

describe('platforms', () => {
  it('maps Node arches to GOARCH', () => {
    expect(hostPlatform('x64')).toEqual({ os: 'linux', architecture: 'amd64' });
    expect(hostPlatform('arm64')).toEqual({ os: 'linux', architecture: 'arm64', variant: 'v8' });
    expect(hostPlatform('ia32').architecture).toBe('386');
  });

  it('parses and rejects', () => {
    expect(parsePlatform('linux/arm/v7')).toEqual({ os: 'linux', architecture: 'arm', variant: 'v7' });
    expect(() => parsePlatform('amd64')).toThrow(/invalid platform/);
  });

  it('picks the variant asked for, the default variant, or nothing', () => {
    const entries = [
      { id: 'v6', platform: { os: 'linux', architecture: 'arm', variant: 'v6' } },
      { id: 'v7', platform: { os: 'linux', architecture: 'arm', variant: 'v7' } },
      { id: 'a64', platform: { os: 'linux', architecture: 'arm64' } },
    ];
    expect(pickPlatform(entries, { os: 'linux', architecture: 'arm' }, false)?.id).toBe('v7');
    expect(pickPlatform(entries, { os: 'linux', architecture: 'arm', variant: 'v6' }, true)?.id).toBe('v6');
    expect(pickPlatform(entries, { os: 'linux', architecture: 'arm', variant: 'v5' }, true)).toBeUndefined();
    expect(pickPlatform(entries, { os: 'linux', architecture: 'arm64', variant: 'v8' }, false)?.id).toBe(
      'a64',
    );
    expect(pickPlatform(entries, { os: 'linux', architecture: 'amd64' }, false)).toBeUndefined();
  });
});

describe('paths', () => {
  it.each([
    ['./', '/', undefined],
    ['usr/bin/../lib/', '/usr/lib', undefined],
    ['../../etc/passwd', '/etc/passwd', 'traversal'],
    ['/etc/passwd', '/etc/passwd', 'absolute'],
    ['a//b/./c', '/a/b/c', undefined],
  ])('%s → %s', (raw, path, esc) => {
    expect(normaliseTarPath(raw)).toEqual({ path, ...(esc ? { escape: esc } : {}) });
  });

  it.each([
    ['/etc/.wh.passwd', { kind: 'file', path: '/etc/passwd' }],
    ['/.wh.tmp', { kind: 'file', path: '/tmp' }],
    ['/var/.wh..wh..opq', { kind: 'opaque', path: '/var' }],
    ['/.wh..wh.plnk', { kind: 'meta' }],
    ['/etc/.wh.', { kind: 'meta' }],
    ['/etc/passwd', undefined],
  ])('whiteout %s', (p, expected) => {
    expect(whiteoutOf(p)).toEqual(expected);
  });

  it('PathSet remembers a million paths exactly, in bounded memory, and stops at its cap', () => {
    const set = new PathSet(1_100_000);
    let dupes = 0;
    for (let i = 0; i < 1_000_000; i++) if (set.add(`/usr/share/doc/pkg${i}/file`)) dupes++;
    expect(dupes).toBe(0);
    expect(set.add('/usr/share/doc/pkg123456/file')).toBe(true);
    expect(set.has('/usr/share/doc/pkg999999/file')).toBe(true);
    expect(set.has('/nope')).toBe(false);
    const small = new PathSet(2);
    small.add('/a');
    small.add('/b');
    expect(small.add('/c')).toBe(false);
    expect(small.full).toBe(true);
    small.clear();
    expect(small.has('/a')).toBe(false);
    expect(hash64('/a')).not.toEqual(hash64('/b'));
  });
});
