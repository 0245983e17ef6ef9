// Debian package version ordering (deb-version(7)): [epoch:]upstream[-revision].
// Written from the algorithm's description: compare epochs numerically, then upstream and revision with
// the "verrevcmp" rule: alternating non-digit and digit runs; in non-digit runs `~` sorts before
// everything (even the end of the string), letters before non-letters; digit runs compare numerically.

export interface DpkgVersion {
  epoch: number;
  upstream: string;
  revision: string;
}

/** Splits a Debian version; a missing epoch is 0, a missing revision is ''. */
export function parseDpkgVersion(input: string): DpkgVersion {
  let s = input.trim();
  let epoch = 0;
  const colon = s.indexOf(':');
  if (colon > 0 && /^\d+$/.test(s.slice(0, colon))) {
    epoch = Number(s.slice(0, colon));
    s = s.slice(colon + 1);
  }
  const dash = s.lastIndexOf('-');
  if (dash > 0) return { epoch, upstream: s.slice(0, dash), revision: s.slice(dash + 1) };
  return { epoch, upstream: s, revision: '' };
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isLetter = (c: string): boolean => /^[A-Za-z]$/.test(c);

/** Weight of one character in a non-digit run; undefined (end of run) weighs 0. */
function order(c: string | undefined): number {
  if (c === undefined || isDigit(c)) return 0;
  if (c === '~') return -1;
  if (isLetter(c)) return c.charCodeAt(0);
  return c.charCodeAt(0) + 256;
}

/** dpkg's verrevcmp on one part (upstream or revision). */
function compareFragment(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let firstDiff = 0;
    while ((i < a.length && !isDigit(a[i])) || (j < b.length && !isDigit(b[j]))) {
      const ac = order(a[i]);
      const bc = order(b[j]);
      if (ac !== bc) return ac - bc;
      i++;
      j++;
    }
    while (a[i] === '0') i++;
    while (b[j] === '0') j++;
    while (isDigit(a[i]) && isDigit(b[j])) {
      if (firstDiff === 0) firstDiff = a.charCodeAt(i) - b.charCodeAt(j);
      i++;
      j++;
    }
    if (isDigit(a[i])) return 1;
    if (isDigit(b[j])) return -1;
    if (firstDiff !== 0) return firstDiff;
  }
  return 0;
}

/** <0, 0 or >0 as `a` sorts before, equal to or after `b` in dpkg order. */
export function compareDpkgVersions(a: string, b: string): number {
  const va = parseDpkgVersion(a);
  const vb = parseDpkgVersion(b);
  if (va.epoch !== vb.epoch) return va.epoch - vb.epoch;
  const up = compareFragment(va.upstream, vb.upstream);
  if (up !== 0) return Math.sign(up);
  return Math.sign(compareFragment(va.revision, vb.revision));
}

export const dpkgLess = (a: string, b: string): boolean => compareDpkgVersions(a, b) < 0;
