// One version ordering per OSV ecosystem family. Each comparator knows which strings it can order; a
// version it cannot parse is never compared (no guessing), the advisory is just not matched for it.

import { compare as pep440Compare, valid as pep440Valid } from '@renovatebot/pep440';
// Only the two functions used: the package's index loads every range and function module (~30 ms more at
// start-up, paid by every scan that matches vulnerabilities).
import semverCompare from 'semver/functions/compare.js';
import semverValid from 'semver/functions/valid.js';
import { compareDpkgVersions } from '../../analysis/dpkg-version.js';
import { compareApkVersions, isValidApkVersion } from './apk.js';

export interface VersionComparator {
  readonly name: string;
  /** The version in the comparator's canonical spelling, or undefined when it cannot be ordered. */
  normalize(v: string): string | undefined;
  /** Order of two versions that `normalize` accepted. */
  compare(a: string, b: string): number;
}

const DPKG_VERSION = /^(?:\d+:)?[0-9][A-Za-z0-9.+~:-]*$/;

export const dpkgComparator: VersionComparator = {
  name: 'dpkg',
  normalize: (v) => {
    const t = v.trim();
    return DPKG_VERSION.test(t) ? t : undefined;
  },
  compare: compareDpkgVersions,
};

export const apkComparator: VersionComparator = {
  name: 'apk',
  normalize: (v) => {
    const t = v.trim();
    return isValidApkVersion(t) ? t : undefined;
  },
  compare: compareApkVersions,
};

export const semverComparator: VersionComparator = {
  name: 'semver',
  // Strict on purpose: loose mode reads `1.1.1n-0+deb11u4` as 1.1.1 with a pre-release.
  normalize: (v) => semverValid(v.trim().replace(/^[=v]+/, '')) ?? undefined,
  compare: (a, b) => semverCompare(a, b),
};

/**
 * Go module versions are semver with a `v` prefix (pseudo-versions are pre-releases, `+incompatible` is
 * build metadata); the Go toolchain (`stdlib`, `toolchain`) spells releases `go1.21.3`, `go1.21rc2`,
 * `go1.20` — OSV's Go database writes all of them as plain semver.
 */
export function normalizeGoVersion(v: string): string | undefined {
  let t = v.trim();
  const tool = /^go(\d+)\.(\d+)(?:\.(\d+))?(?:(beta|rc)(\d+))?$/.exec(t);
  if (tool) {
    const [, major, minor, patch, pre, preN] = tool;
    t = `${major}.${minor}.${patch ?? '0'}${pre ? `-${pre}.${preN}` : ''}`;
  } else if (t.startsWith('v')) t = t.slice(1);
  return semverValid(t) ?? undefined;
}

export const goComparator: VersionComparator = {
  name: 'go',
  normalize: normalizeGoVersion,
  compare: (a, b) => semverCompare(a, b),
};

export const pep440Comparator: VersionComparator = {
  name: 'pep440',
  normalize: (v) => {
    const t = v.trim();
    return pep440Valid(t) === null ? undefined : t;
  },
  compare: (a, b) => pep440Compare(a, b),
};
