import { describe, expect, it } from 'vitest';
import { compareApkVersions, isValidApkVersion } from './apk.js';

describe('compareApkVersions', () => {
  // [a, b, sign of compare(a, b)] — versions as Alpine ships them.
  const cases: [string, string, number][] = [
    ['3.1.4-r0', '3.1.4-r0', 0],
    ['3.1.4-r5', '3.1.4-r6', -1],
    ['1.36.1-r15', '1.36.1-r19', -1], // busybox
    ['1.36.1-r19', '1.36.1-r2', 1], // revisions are numbers, not strings
    ['3.0.12-r0', '3.0.8-r0', 1], // openssl
    ['3.1.4-r0', '3.0.12-r0', 1],
    ['7.88.1-r1', '8.0.1-r0', -1], // curl
    ['2.4.58-r0', '2.4.57-r3', 1], // apache2
    ['1.1.1w-r0', '1.1.1v-r0', 1], // openssl 1.1 letters
    ['1.1.1w-r1', '1.1.1w-r0', 1],
    ['1.1.1', '1.1.1a', -1],
    ['1.0a', '1.0.1', -1], // a letter sorts before a further component
    ['9.6_p1-r0', '9.6-r0', 1], // openssh: _p is a post-release
    ['9.3_p2-r1', '9.6_p1-r0', -1],
    ['9.6_p1-r0', '9.6_p1-r1', -1],
    ['2.0.0_rc1-r0', '2.0.0-r0', -1], // _rc is a pre-release
    ['2.0.0_beta2', '2.0.0_rc1', -1],
    ['2.0.0_alpha', '2.0.0_beta', -1],
    ['1.0_pre1', '1.0', -1],
    ['1.0_alpha1', '1.0_alpha2', -1],
    ['1.0_cvs', '1.0_svn', -1],
    ['1.0_svn', '1.0_git', -1],
    ['1.0_git', '1.0_hg', -1],
    ['1.0_hg', '1.0_p', -1],
    ['1.0_git20230101-r0', '1.0-r0', 1],
    ['0.9.8_git20230201', '0.9.8_git20221201', 1],
    ['1.10', '1.9', 1],
    ['1.0', '1', 1], // the longer version wins
    ['1.0', '1.0-r0', -1], // an absent revision sorts below -r0
    ['2.15.05-r0', '2.16.01-r0', -1], // nasm
    ['1.0.05', '1.0.4', -1], // a zero-padded component compares as a string
    ['8.2.0015', '8.2.002', -1], // from apk-tools' test/version.data
    ['1.0.10', '1.0.9', 1],
    ['05.1', '5.1', 0], // only components after a dot get that rule
    ['1.2.3-r0', '1.2.3', 1],
    ['20230311-r0', '20220622-r1', 1], // date versions (tzdata-like)
    ['2024a-r0', '2023c-r0', 1], // tzdata
    ['1.0~abc123-r0', '1.0~def456-r0', -1], // commit hashes only tell builds apart
    ['1.0~abc123-r1', '1.0~abc123-r0', 1],
    ['3.3.3p1-r3', '3.3.3p1-r2', 1], // letter then digits, as apk-tools 2.x accepts
  ];
  it.each(cases)('%s vs %s → %i', (a, b, want) => {
    expect(Math.sign(compareApkVersions(a, b))).toBe(want);
    expect(Math.sign(compareApkVersions(b, a))).toBe(want === 0 ? 0 : -want);
  });
});

describe('isValidApkVersion', () => {
  it.each([
    ['3.1.4-r0', true],
    ['9.6_p1-r0', true],
    ['1.1.1w', true],
    ['2.0.0_rc1', true],
    ['1.0_git20230101', true],
    ['1.0_foo1', false],
    ['1.0-1', false],
    ['abc', false],
    ['1.0ab', false],
    ['1.0-r1-r2', false],
    ['1.0_rc1_p2', true],
    ['1.0~', false],
    ['', false],
  ])('%s → %s', (v, want) => expect(isValidApkVersion(v)).toBe(want));
});
