// Matching an image's packages against the loaded advisories, exactly per ecosystem: a distro package is
// looked up by its source package in its own release's advisories only (Debian:12, Ubuntu:22.04:LTS,
// Alpine:v3.19) and ordered the distro's way; language packages by their registry's rules.

import type { OsRelease, Package, Vulnerability } from '../facts/image-scan.js';
import {
  apkComparator,
  dpkgComparator,
  goComparator,
  pep440Comparator,
  semverComparator,
  type VersionComparator,
} from './compare/index.js';
import type { SeverityLevel } from './cvss.js';
import { maxSeverity, normalizePypiName, type StoredRow } from './osv.js';
import { openStore } from './store.js';

/** Severity of an advisory that neither rates itself nor carries a CVSS v3 vector (most distro data). */
export const UNKNOWN_SEVERITY: SeverityLevel = 'medium';

export interface OsvTarget {
  /** OSV ecosystem strings to look in, most specific first. */
  ecosystems: string[];
  /** Name as advisories spell it (source package for distros, PEP 503 name for PyPI). */
  name: string;
  /** Version advisories are written against (source version for distros). */
  version: string;
  comparator: VersionComparator;
  /** Comparator for SEMVER-typed ranges. */
  semver: VersionComparator;
}

const majorMinor = (v: string): string | undefined => /^(\d+)\.(\d+)/.exec(v)?.slice(1, 3).join('.');

/**
 * Where a package's advisories live, or undefined when we have no exact source for it (an rpm, a deb on
 * a distro other than Debian/Ubuntu, a distro package with no known release): never a guess upstream.
 */
export function osvTarget(pkg: Package, os?: OsRelease): OsvTarget | undefined {
  const distroName = pkg.sourceName || pkg.name;
  const distroVersion = pkg.sourceVersion || pkg.version;
  const id = os?.id.toLowerCase();
  const vid = os?.versionId.trim() ?? '';
  switch (pkg.ecosystem) {
    case 'deb': {
      if (id === 'debian') {
        const major = /^(\d+)/.exec(vid)?.[1];
        if (!major) return undefined;
        return {
          ecosystems: [`Debian:${major}`],
          name: distroName,
          version: distroVersion,
          comparator: dpkgComparator,
          semver: semverComparator,
        };
      }
      if (id === 'ubuntu') {
        const release = majorMinor(vid);
        if (!release) return undefined;
        // LTS releases carry a mandatory `:LTS` suffix; try both so a non-LTS release also matches.
        return {
          ecosystems: [`Ubuntu:${release}:LTS`, `Ubuntu:${release}`],
          name: distroName,
          version: distroVersion,
          comparator: dpkgComparator,
          semver: semverComparator,
        };
      }
      return undefined;
    }
    case 'apk': {
      let ecosystems: string[] | undefined;
      if (id === 'alpine') {
        const release = majorMinor(vid);
        if (release) ecosystems = [`Alpine:v${release}`];
      } else if (id === 'wolfi') ecosystems = ['Wolfi'];
      else if (id === 'chainguard') ecosystems = ['Chainguard'];
      if (!ecosystems) return undefined;
      return {
        ecosystems,
        name: distroName,
        version: distroVersion,
        comparator: apkComparator,
        semver: semverComparator,
      };
    }
    case 'npm':
      return {
        ecosystems: ['npm'],
        name: pkg.name,
        version: pkg.version,
        comparator: semverComparator,
        semver: semverComparator,
      };
    case 'pypi':
      return {
        ecosystems: ['PyPI'],
        name: normalizePypiName(pkg.name),
        version: pkg.version,
        comparator: pep440Comparator,
        semver: semverComparator,
      };
    case 'golang':
      return {
        ecosystems: ['Go'],
        name: pkg.name,
        version: pkg.version,
        comparator: goComparator,
        semver: goComparator,
      };
    default:
      return undefined;
  }
}

type AffectedData = Pick<StoredRow, 'ranges' | 'versions'>;

interface Candidate extends StoredRow {
  advisoryId: string;
}

export interface RangeVerdict {
  vulnerable: boolean;
  /** Smallest `fixed` above the installed version, when vulnerable and one exists. */
  fixed?: string;
}

/** OSV's evaluation algorithm for one affected entry, with the fixed version a user should upgrade to. */
export function evaluateAffected(
  data: AffectedData,
  installed: string,
  target: Pick<OsvTarget, 'comparator' | 'semver'>,
): RangeVerdict {
  const primary = target.comparator;
  const iv = primary.normalize(installed);
  let vulnerable = false;
  if (iv !== undefined) {
    for (const listed of data.versions) {
      const lv = primary.normalize(listed);
      if (lv === undefined ? listed.trim() === installed.trim() : primary.compare(lv, iv) === 0) {
        vulnerable = true;
        break;
      }
    }
  } else if (data.versions.some((v) => v.trim() === installed.trim())) vulnerable = true;

  const fixes: { cmp: VersionComparator; v: string }[] = [];
  for (const range of data.ranges) {
    const cmp = range.type === 'SEMVER' ? target.semver : primary;
    const v = cmp.normalize(installed);
    if (v === undefined) continue;
    const events: { kind: string; v: string | null }[] = [];
    let orderable = true;
    for (const e of range.events) {
      // `introduced: 0` sorts before everything; a `limit` containing `*` is infinity.
      if (e.kind === 'introduced' && e.version === '0') events.push({ kind: e.kind, v: null });
      else if (e.kind === 'limit' && e.version.includes('*')) events.push({ kind: e.kind, v: '*' });
      else {
        const n = cmp.normalize(e.version);
        if (n === undefined) {
          orderable = false;
          break;
        }
        events.push({ kind: e.kind, v: n });
      }
    }
    if (!orderable) continue;
    const limits = events.filter((e) => e.kind === 'limit');
    if (limits.length > 0 && !limits.some((e) => e.v === '*' || cmp.compare(v, e.v as string) < 0)) continue;
    const ordered = events
      .filter((e) => e.kind !== 'limit')
      .sort((a, b) => (a.v === null ? (b.v === null ? 0 : -1) : b.v === null ? 1 : cmp.compare(a.v, b.v)));
    let inRange = false;
    for (const e of ordered) {
      if (e.kind === 'introduced') {
        if (e.v === null || cmp.compare(v, e.v) >= 0) inRange = true;
      } else if (e.kind === 'fixed') {
        if (cmp.compare(v, e.v as string) >= 0) inRange = false;
      } else if (e.kind === 'last_affected') {
        if (cmp.compare(v, e.v as string) > 0) inRange = false;
      }
    }
    if (inRange) vulnerable = true;
    for (const e of ordered) {
      if (e.kind === 'fixed' && cmp.compare(e.v as string, v) > 0) fixes.push({ cmp, v: e.v as string });
    }
  }
  if (!vulnerable) return { vulnerable };
  let fixed: { cmp: VersionComparator; v: string } | undefined;
  for (const f of fixes) if (!fixed || (f.cmp === fixed.cmp && f.cmp.compare(f.v, fixed.v) < 0)) fixed = f;
  return fixed ? { vulnerable, fixed: fixed.v } : { vulnerable };
}

export interface VulnDb {
  /** Vulnerabilities of the packages; `os` scopes distro packages to their release's advisories. */
  match(packages: Package[], os?: OsRelease): Vulnerability[];
  /** Ecosystems with advisories loaded (OSV spelling). */
  ecosystems(): string[];
  close(): void;
}

/** Opens the database for matching. Throws VulnDbError when it is missing, foreign or newer. */
export function openDb(dbPath: string): VulnDb {
  const store = openStore(dbPath, { create: false });
  const lookup = store.db.prepare(
    'SELECT advisory_id, data FROM affected WHERE ecosystem = ? AND package = ?',
  );

  const candidates = (cache: Map<string, Candidate[]>, ecosystem: string, name: string): Candidate[] => {
    const key = `${ecosystem}\u0000${name}`;
    let list = cache.get(key);
    if (!list) {
      list = lookup.all([ecosystem, name]).map((r) => {
        const row = JSON.parse(String(r.data)) as Candidate;
        row.advisoryId = String(r.advisory_id);
        return row;
      });
      cache.set(key, list);
    }
    return list;
  };

  return {
    match(packages, os) {
      const out: Vulnerability[] = [];
      const cache = new Map<string, Candidate[]>();
      for (const pkg of packages) {
        const target = osvTarget(pkg, os);
        if (!target) continue;
        const found = new Map<string, Vulnerability & { cves: string[]; advisoryIsCve: boolean }>();
        for (const eco of target.ecosystems) {
          for (const c of candidates(cache, eco, target.name)) {
            const verdict = evaluateAffected(c, target.version, target);
            if (!verdict.vulnerable) continue;
            const severity = c.severity ?? c.advisorySeverity ?? UNKNOWN_SEVERITY;
            const prev = found.get(c.primaryId);
            if (prev) {
              // Two advisories naming the same CVE (a DSA and DEBIAN-CVE-…): one finding, every id kept.
              prev.aliases = [...new Set([...prev.aliases, c.advisoryId, ...c.aliases])].filter(
                (x) => x !== prev.id,
              );
              prev.severity = maxSeverity(prev.severity, severity) ?? severity;
              if (
                verdict.fixed &&
                (!prev.fixedVersion || target.comparator.compare(verdict.fixed, prev.fixedVersion) < 0)
              ) {
                prev.fixedVersion = verdict.fixed;
              }
              continue;
            }
            const v: Vulnerability & { cves: string[]; advisoryIsCve: boolean } = {
              id: c.primaryId,
              aliases:
                c.primaryId === c.advisoryId
                  ? c.aliases
                  : [c.advisoryId, ...c.aliases.filter((x) => x !== c.advisoryId)],
              ecosystem: pkg.ecosystem,
              packageName: pkg.name,
              installedVersion: pkg.version,
              severity,
              purl: pkg.purl,
              layer: pkg.layer,
              cves: c.cves,
              advisoryIsCve: /^CVE-/.test(c.primaryId),
            };
            if (verdict.fixed) v.fixedVersion = verdict.fixed;
            if (c.summary) v.summary = c.summary;
            found.set(c.primaryId, v);
          }
        }
        // A distro notice (DSA, DLA, USN) whose every CVE is already a finding adds nothing but noise.
        const shown = new Set([...found.values()].filter((v) => v.advisoryIsCve).map((v) => v.id));
        for (const { cves, advisoryIsCve, ...v } of found.values()) {
          if (!advisoryIsCve && cves.length > 0 && cves.every((c) => shown.has(c))) continue;
          out.push(v);
        }
      }
      return out;
    },
    ecosystems() {
      return store.db
        .all('SELECT DISTINCT ecosystem FROM affected ORDER BY ecosystem')
        .map((r) => String(r.ecosystem));
    },
    close() {
      if (!lookup.isFinalized) lookup.finalize();
      store.close();
    },
  };
}
