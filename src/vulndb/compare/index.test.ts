import { describe, expect, it } from 'vitest';
import {
  dpkgComparator,
  goComparator,
  normalizeGoVersion,
  pep440Comparator,
  semverComparator,
} from './index.js';

const sign = (n: number): number => Math.sign(n);

describe('dpkgComparator', () => {
  // Backported distro fixes: where naive (string or semver-ish) comparison goes wrong.
  it.each([
    ['1.1.1n-0+deb11u4', '1.1.1n-0+deb11u5', -1],
    ['1.1.1w-0+deb11u1', '1.1.1n-0+deb11u5', 1],
    ['1.1.1n-0+deb11u10', '1.1.1n-0+deb11u5', 1], // string order says otherwise
    ['2:8.2.3995-1+deb12u1~bpo', '2:8.2.3995-1+deb12u2', -1],
    ['8.2.3995-1+deb12u3', '2:8.2.3995-1+deb12u2', -1], // no epoch is epoch 0
    ['3.0.11-1~deb12u2', '3.0.11-1', -1], // ~ before the end
    ['7.81.0-1ubuntu1.16', '7.81.0-1ubuntu1.15', 1],
    ['2.36.1-8+deb11u1', '2.36.1-8', 1],
  ])('%s vs %s → %i', (a, b, want) => expect(sign(dpkgComparator.compare(a, b))).toBe(want));

  it.each([
    ['1.1.1n-0+deb11u5', '1.1.1n-0+deb11u5'],
    ['2:8.2.3995-1+deb12u2', '2:8.2.3995-1+deb12u2'],
    ['not a version', undefined],
    ['', undefined],
  ])('normalize(%s)', (v, want) => expect(dpkgComparator.normalize(v)).toBe(want));
});

describe('semverComparator (npm)', () => {
  it.each([
    ['7.5.1', '7.5.2', -1],
    ['7.5.2', '7.5.2', 0],
    ['1.0.0-beta.2', '1.0.0-beta.11', -1], // numeric pre-release identifiers
    ['1.0.0-rc.1', '1.0.0', -1],
    ['10.0.0', '9.9.9', 1],
    ['1.0.0+build.5', '1.0.0', 0],
  ])('%s vs %s → %i', (a, b, want) => expect(sign(semverComparator.compare(a, b))).toBe(want));

  it.each([
    ['7.5.2', '7.5.2'],
    ['v1.2.3', '1.2.3'],
    ['=1.2.3', '1.2.3'],
    ['1.2', undefined],
    ['latest', undefined],
  ])('normalize(%s)', (v, want) => expect(semverComparator.normalize(v)).toBe(want));
});

describe('goComparator', () => {
  it.each([
    ['v0.17.0', '0.17.0'],
    ['v1.2.3+incompatible', '1.2.3'], // build metadata does not order
    ['v0.0.0-20230321023759-10a507213a29', '0.0.0-20230321023759-10a507213a29'],
    ['go1.21.3', '1.21.3'],
    ['go1.20', '1.20.0'],
    ['go1.21rc2', '1.21.0-rc.2'],
    ['(devel)', undefined],
  ])('normalizeGoVersion(%s) → %s', (v, want) => expect(normalizeGoVersion(v)).toBe(want));

  it.each([
    ['0.0.0-20230321023759-10a507213a29', '0.17.0', -1], // pseudo-versions are pre-releases
    ['1.21.0-rc.2', '1.21.0-0', 1], // OSV's "1.21.0-0" is the lowest 1.21.0 pre-release
    ['1.21.1', '1.21.3', -1],
  ])('%s vs %s → %i', (a, b, want) => expect(sign(goComparator.compare(a, b))).toBe(want));
});

describe('pep440Comparator', () => {
  it.each([
    ['2.30.0', '2.31.0', -1],
    ['1.0', '1.0.0', 0],
    ['1.0a1', '1.0', -1],
    ['1.0.dev1', '1.0a1', -1],
    ['1.0.post1', '1.0', 1],
    ['1.0.post1.dev1', '1.0.post1', -1],
    ['1!0.1', '2.0', 1], // epochs
    ['1.0+ubuntu1', '1.0', 1], // local versions sort after the public one
    ['3.1.3rc1', '3.1.3', -1],
    ['2.0.0RC1', '2.0.0rc1', 0], // case-insensitive spelling
  ])('%s vs %s → %i', (a, b, want) => expect(sign(pep440Comparator.compare(a, b))).toBe(want));

  it.each([
    ['2.31.0', '2.31.0'],
    ['1.0.post1', '1.0.post1'],
    ['garbage', undefined],
    ['1.0-foo-bar', undefined],
  ])('normalize(%s)', (v, want) => expect(pep440Comparator.normalize(v)).toBe(want));
});
