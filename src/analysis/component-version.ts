// Versions of the Docker engine, containerd and runc as the daemon reports them, e.g. "v1.7.28",
// "1.1.5+ds1", "1.0.0-rc92", "20.10.24+dfsg1", "1.6.20~ds1", "1.1.12-0ubuntu2~22.04.1".
import { compareDpkgVersions } from './dpkg-version.js';

export type DistroVendor = 'debian' | 'ubuntu' | 'rhel' | 'fedora' | 'amazon' | 'distro';

export interface ComponentVersionInfo {
  raw: string;
  /** Upstream release, normalised: no leading `v`, no distro suffix; keeps a pre-release (`1.0.0-rc92`). */
  upstream: string;
  /** The upstream release in dpkg-comparable form (pre-release after `~`, so `1.0.0~rc92 < 1.0.0`). */
  comparable: string;
  major: number;
  minor: number;
  patch: number;
  preRelease?: string;
  /** Set when the string carries a distribution packaging marker (a distro build with backported fixes). */
  distro?: { vendor: DistroVendor; marker: string };
}

const DISTRO_MARKERS: readonly [RegExp, DistroVendor][] = [
  [/\+dfsg\d*/i, 'debian'],
  [/[+~]ds\d*/i, 'debian'],
  [/\+deb\d+u\d+/i, 'debian'],
  [/\d+ubuntu[\d.]*/i, 'ubuntu'],
  [/\.el\d+[_\w.]*/, 'rhel'],
  [/\.fc\d+/, 'fedora'],
  [/\.amzn\d*/, 'amazon'],
];

/** The distribution packaging marker in a version string, if any. */
export function distroMarker(raw: string): { vendor: DistroVendor; marker: string } | undefined {
  for (const [re, vendor] of DISTRO_MARKERS) {
    const m = re.exec(raw);
    if (m) return { vendor, marker: m[0] };
  }
  return undefined;
}

const VERSION_RE = /^(\d+)\.(\d+)(?:\.(\d+))?(?:-((?:rc|alpha|beta|pre|dev)\.?\d*(?:\.\d+)*))?/i;

/** Parses a component version; undefined when it does not start with a numeric release. */
export function parseComponentVersion(input: string): ComponentVersionInfo | undefined {
  const raw = input.trim();
  const noEpoch = raw.replace(/^\d+:/, '');
  const s = noEpoch.replace(/^v/i, '');
  const m = VERSION_RE.exec(s);
  if (!m) return undefined;
  const major = Number(m[1]);
  const minor = Number(m[2]);
  const patch = m[3] === undefined ? 0 : Number(m[3]);
  const core = `${major}.${minor}.${patch}`;
  const pre = m[4];
  const info: ComponentVersionInfo = {
    raw,
    upstream: pre ? `${core}-${pre}` : core,
    comparable: pre ? `${core}~${pre}` : core,
    major,
    minor,
    patch,
  };
  if (pre) info.preRelease = pre;
  // The rest after the release: a git-describe suffix (-0-g4ca628d1) is not packaging.
  const rest = s.slice(m[0].length).replace(/^-\d+-g[0-9a-f]+(-dirty)?$/, '');
  const distro = distroMarker(rest);
  if (distro) info.distro = distro;
  return info;
}

/** Compares two upstream versions (any of the accepted spellings). Unparseable sorts first. */
export function compareUpstream(a: string, b: string): number {
  const pa = parseComponentVersion(a);
  const pb = parseComponentVersion(b);
  if (!pa || !pb) return pa ? 1 : pb ? -1 : 0;
  return compareDpkgVersions(pa.comparable, pb.comparable);
}
