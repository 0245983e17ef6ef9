import { describe, expect, it } from 'vitest';
import { compareDpkgVersions, parseDpkgVersion } from './dpkg-version.js';

describe('parseDpkgVersion', () => {
  it.each([
    ['1.1.5+ds1-1+deb12u1', { epoch: 0, upstream: '1.1.5+ds1', revision: '1+deb12u1' }],
    ['5:27.1.1-1~ubuntu.22.04~jammy', { epoch: 5, upstream: '27.1.1', revision: '1~ubuntu.22.04~jammy' }],
    ['1.0', { epoch: 0, upstream: '1.0', revision: '' }],
    ['1:2.0-rc1-3', { epoch: 1, upstream: '2.0-rc1', revision: '3' }],
  ])('%s', (v, want) => expect(parseDpkgVersion(v)).toEqual(want));
});

describe('compareDpkgVersions', () => {
  // [a, b, sign of compare(a, b)]
  const cases: [string, string, number][] = [
    ['1.0~rc1', '1.0', -1],
    ['1.0~rc1', '1.0~rc2', -1],
    ['1.0~~', '1.0~', -1],
    ['1.0~', '1.0', -1],
    ['1.0', '1.0a', -1],
    ['1.0a', '1.0+', -1], // letters before non-letters
    ['1.0+', '1.0.1', -1],
    ['1:1.0', '2.0', 1],
    ['0:2.0', '2.0', 0],
    ['2.0', '10.0', -1],
    ['1.10', '1.9', 1],
    ['1.01', '1.1', 0],
    ['1.1.5+ds1-1+deb12u1', '1.1.12', -1],
    ['1.1.12', '1.1.5+ds1-1+deb12u1', 1],
    ['1.1.5+ds1-1+deb12u1', '1.1.5+ds1-1', 1],
    ['1.1.5+ds1-1', '1.1.5', 1],
    ['1.6.20~ds1', '1.6.20', -1],
    ['20.10.24+dfsg1', '20.10.24', 1],
    ['20.10.24+dfsg1', '20.10.25', -1],
    ['5:27.1.1-1~ubuntu.22.04~jammy', '5:27.1.1-1', -1],
    ['5:27.1.1-1~ubuntu.22.04~jammy', '27.5.0', 1],
    ['1.0-1', '1.0-1', 0],
    ['1.0-1', '1.0-2', -1],
    ['1.0-10', '1.0-9', 1],
    ['1.2.3-0ubuntu1~22.04.1', '1.2.3-0ubuntu1', -1],
    ['1.0.0~rc92', '1.0.0~rc93', -1],
    ['1.4.0~rc.3', '1.4.0', -1],
    ['1.4.0~', '1.4.0~rc.1', -1],
    ['abc', 'abd', -1],
    ['', '0', 0],
  ];
  it.each(cases)('%s vs %s -> %i', (a, b, want) => {
    expect(Math.sign(compareDpkgVersions(a, b)) + 0).toBe(want);
    expect(Math.sign(compareDpkgVersions(b, a)) + 0).toBe(want === 0 ? 0 : -want);
  });
});
