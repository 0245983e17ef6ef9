// The layer analyzers of `bulkhead image scan`: one streaming pass over every layer's entries (in any layer
// order), then finish() resolves what survives into the final filesystem and returns the file findings,
// secrets, package inventory and OS release. Content is read only for files that can matter, each read
// capped (AnalyzerOptions); memory per entry not worth a finding is a 16-byte hash slot (layers.ts).
import { createHash } from 'node:crypto';
import type {
  FileFinding,
  FileKind,
  HistoryStep,
  LayerEntry,
  LayerInfo,
  OsRelease,
  Package,
  SecretFinding,
} from '../../facts/image-scan.js';
import { metaFindings } from './files.js';
import { parseApkInstalled } from './inventory/apk.js';
import { parseDpkgStatus } from './inventory/dpkg.js';
import { BUILDINFO_SEARCH, goPackages, isElf, parseElf, readBuildInfo } from './inventory/golang.js';
import { langManifest, parseNpmManifest, parsePythonMetadata } from './inventory/lang.js';
import { purlOf } from './inventory/purl.js';
import { parseRpmSqlite } from './inventory/rpm.js';
import type { RawPackage } from './inventory/types.js';
import { LayerIndex, type Removal } from './layers.js';
import { minerName, minerString, persistencePlace, scanText } from './malware.js';
import { fromAlpineRelease, fromDebianVersion, parseOsRelease } from './os-release.js';
import { looksText, scanSecrets, secretCandidate } from './secrets.js';

export { type CommandFinding, scanCommand } from './malware.js';

export interface AnalyzerOptions {
  /** Lowercase hex SHA-256 digests of files to flag; files are hashed only when this is non-empty. */
  denySha256?: ReadonlySet<string>;
  /** Larger files are not hashed for the deny-list (reported once as a count). Default 64 MiB. */
  hashMaxBytes?: number;
  /** Larger text files are not scanned for secrets, reverse shells and persistence. Default 1 MiB. */
  textMaxBytes?: number;
  /** How much of each ELF executable is searched for miner strings. Default 16 MiB. */
  binaryScanBytes?: number;
  /** How far into a Go binary we read to reach its build info (data segment + 64 KiB). Default 64 MiB. */
  goWindowBytes?: number;
  /** Cap on package databases (dpkg status, apk installed, rpmdb.sqlite). Default 64 MiB. */
  dbMaxBytes?: number;
  /** Findings kept per file kind and for secrets; the rest are counted in a problem. Default 5000. */
  maxFindingsPerKind?: number;
}

export interface AnalysisResult {
  files: FileFinding[];
  secrets: SecretFinding[];
  packages: Package[];
  os?: OsRelease;
  problems: string[];
}

export interface ImageAnalyzer {
  visit(entry: LayerEntry): Promise<void>;
  finish(layers: LayerInfo[], history: HistoryStep[]): AnalysisResult;
}

const MiB = 1024 * 1024;
const MANIFEST_MAX = MiB;
const MAX_PROBLEMS = 200;
const MAX_RAW_PACKAGES = 1_000_000;

type DbKind = 'dpkg' | 'apk' | 'rpm' | 'npm' | 'pypi' | 'golang';

function dbKind(path: string): DbKind | 'rpm-unsupported' | undefined {
  if (path === '/var/lib/dpkg/status') return 'dpkg';
  if (
    path.startsWith('/var/lib/dpkg/status.d/') &&
    !path.endsWith('.md5sums') &&
    path.lastIndexOf('/') === 22
  )
    return 'dpkg';
  if (path === '/lib/apk/db/installed' || path === '/usr/lib/apk/db/installed') return 'apk';
  // Fedora 36+ keeps the database in /usr/lib/sysimage/rpm (/var/lib/rpm is a symlink to it).
  if (/^\/(?:var\/lib|usr\/lib\/sysimage)\/rpm\/rpmdb\.sqlite$/.test(path)) return 'rpm';
  if (/^\/(?:var\/lib|usr\/lib\/sysimage)\/rpm\/Packages(?:\.db)?$/.test(path)) return 'rpm-unsupported';
  return langManifest(path);
}

const OS_PRIORITY: Record<string, number> = {
  '/etc/os-release': 0,
  '/usr/lib/os-release': 1,
  '/etc/alpine-release': 2,
  '/etc/debian_version': 3,
};

interface Located {
  path: string;
  layer: number;
  /** A later entry with the same path in the same layer (duplicate tar entry) replaced this one. */
  shadowed?: boolean;
}
interface FileRec extends Located {
  f: Omit<FileFinding, 'present' | 'removedIn'>;
}
interface SecretRec extends Located {
  s: Omit<SecretFinding, 'present' | 'removedIn'>;
}
interface DbRec extends Located {
  kind: DbKind;
  pkgs: RawPackage[];
}
interface OsRec extends Located {
  os: OsRelease;
}

export function createAnalyzer(opts: AnalyzerOptions = {}): ImageAnalyzer {
  const hashMax = opts.hashMaxBytes ?? 64 * MiB;
  const textMax = opts.textMaxBytes ?? MiB;
  const binMax = opts.binaryScanBytes ?? 16 * MiB;
  const goMax = opts.goWindowBytes ?? 64 * MiB;
  const dbMax = opts.dbMaxBytes ?? 64 * MiB;
  const perKind = opts.maxFindingsPerKind ?? 5000;
  const deny = opts.denySha256 && opts.denySha256.size > 0 ? opts.denySha256 : undefined;

  const index = new LayerIndex();
  const files: FileRec[] = [];
  const secrets: SecretRec[] = [];
  const dbs: DbRec[] = [];
  const osRecs: OsRec[] = [];
  const rpmUnsupported: Located[] = [];
  const problems: string[] = [];
  const counts = new Map<string, number>();
  const dropped = new Map<string, number>();
  // Records by path, so a duplicate entry later in the same layer can shadow them.
  const byPath = new Map<string, Located[]>();
  let rawPackages = 0;

  const problem = (msg: string): void => {
    if (problems.length < MAX_PROBLEMS) problems.push(msg);
  };
  const count = (what: string): void => {
    dropped.set(what, (dropped.get(what) ?? 0) + 1);
  };
  const remember = (rec: Located): void => {
    const list = byPath.get(rec.path);
    if (list) list.push(rec);
    else byPath.set(rec.path, [rec]);
  };
  const addFile = (e: LayerEntry, kind: FileKind, detail?: string): void => {
    const n = counts.get(kind) ?? 0;
    if (n >= perKind) {
      count(`${kind} findings over the cap of ${perKind} not reported`);
      return;
    }
    counts.set(kind, n + 1);
    const f: FileRec['f'] = { path: e.path, kind, layer: e.layer, mode: e.mode & 0o7777, size: e.size };
    if (detail !== undefined) f.detail = detail;
    const rec: FileRec = { path: e.path, layer: e.layer, f };
    files.push(rec);
    remember(rec);
  };
  const addDb = (e: LayerEntry, kind: DbKind, pkgs: RawPackage[]): void => {
    if (pkgs.length === 0) return;
    if (rawPackages + pkgs.length > MAX_RAW_PACKAGES) {
      count('package records over the cap not kept');
      return;
    }
    rawPackages += pkgs.length;
    const rec: DbRec = { path: e.path, layer: e.layer, kind, pkgs };
    dbs.push(rec);
    remember(rec);
  };

  async function readText(e: LayerEntry, max: number): Promise<string | undefined> {
    if (e.size > max) return undefined;
    // The head decides (NUL byte = binary) before the whole file is pulled.
    if (!looksText(await e.read(Math.min(e.size, 8192)))) return undefined;
    return (await e.read(e.size)).toString('utf8');
  }

  async function inventory(e: LayerEntry, kind: DbKind | 'rpm-unsupported'): Promise<void> {
    if (kind === 'rpm-unsupported') {
      const rec: Located = { path: e.path, layer: e.layer };
      rpmUnsupported.push(rec);
      remember(rec);
      return;
    }
    const cap = kind === 'npm' || kind === 'pypi' ? MANIFEST_MAX : dbMax;
    if (e.size > cap) {
      problem(`${e.path} (layer ${e.layer}): ${e.size} bytes, over the ${cap}-byte cap: not inventoried`);
      return;
    }
    const buf = await e.read(e.size);
    try {
      if (kind === 'rpm') addDb(e, kind, parseRpmSqlite(buf));
      else {
        const text = buf.toString('utf8');
        if (kind === 'dpkg') addDb(e, kind, parseDpkgStatus(text));
        else if (kind === 'apk') addDb(e, kind, parseApkInstalled(text));
        else {
          const p = kind === 'npm' ? parseNpmManifest(e.path, text) : parsePythonMetadata(text);
          if (p) addDb(e, kind, [p]);
        }
      }
    } catch (err) {
      problem(`${e.path} (layer ${e.layer}): unreadable package database: ${(err as Error).message}`);
    }
  }

  async function executable(e: LayerEntry): Promise<void> {
    const head = await e.read(Math.min(e.size, 8192));
    if (head.subarray(0, 2).toString('latin1') === '#!') {
      // Scripts outside the secret-scan paths still get the reverse-shell and miner checks.
      if (!secretCandidate(e.path) && !persistencePlace(e.path)) {
        const text = await readText(e, textMax);
        if (text !== undefined) textFindings(e, text, false);
      }
      return;
    }
    if (!isElf(head)) return;
    const scan = await e.read(Math.min(e.size, binMax));
    if (scan.indexOf('stratum+') !== -1 || scan.indexOf('--donate-level') !== -1)
      addFile(
        e,
        'miner',
        `miner string ${scan.indexOf('stratum+') !== -1 ? 'stratum+' : '--donate-level'} in binary`,
      );
    const elf = parseElf(head);
    if (!elf?.goNote || elf.dataOffset === undefined) return;
    const need = Math.min(e.size, elf.dataOffset + BUILDINFO_SEARCH);
    if (need > goMax) {
      count(`Go binaries whose build info lies past the ${goMax}-byte read window`);
      return;
    }
    const info = readBuildInfo(await e.read(need), elf);
    if (info) addDb(e, 'golang', goPackages(info));
  }

  function textFindings(e: LayerEntry, text: string, withSecrets: boolean): void {
    for (const c of scanText(e.path, text)) addFile(e, c.kind, c.detail);
    const pool = minerString(text);
    if (pool) addFile(e, 'miner', `pool string ${pool}`);
    if (!withSecrets) return;
    for (const h of scanSecrets(e.path, text)) {
      if (secrets.length >= perKind) {
        count(`secret findings over the cap of ${perKind} not reported`);
        break;
      }
      const s: SecretRec['s'] = {
        path: e.path,
        layer: e.layer,
        rule: h.rule,
        description: h.description,
        masked: h.masked,
      };
      if (h.line !== undefined) s.line = h.line;
      const rec: SecretRec = { path: e.path, layer: e.layer, s };
      secrets.push(rec);
      remember(rec);
    }
  }

  async function visit(e: LayerEntry): Promise<void> {
    if (e.whiteout) {
      index.add(e.layer, e.path, e.whiteout === 'file' ? 'whiteout' : 'opaque');
      return;
    }
    index.add(e.layer, e.path, e.type === 'dir' ? 'dir' : 'other');
    const seen = byPath.get(e.path);
    if (seen) for (const r of seen) if (r.layer === e.layer) r.shadowed = true;
    for (const m of metaFindings(e)) addFile(e, m.kind, m.detail);
    if (e.type !== 'file' || e.size === 0) return;

    const miner = minerName(e.path);
    if (miner) addFile(e, 'miner', `known miner name ${miner}`);
    const db = dbKind(e.path);
    if (db) await inventory(e, db);
    if (Object.hasOwn(OS_PRIORITY, e.path)) {
      const text = await readText(e, 64 * 1024);
      const os =
        text === undefined
          ? undefined
          : e.path.endsWith('os-release')
            ? parseOsRelease(text)
            : e.path === '/etc/alpine-release'
              ? fromAlpineRelease(text)
              : fromDebianVersion(text);
      if (os) {
        const rec: OsRec = { path: e.path, layer: e.layer, os };
        osRecs.push(rec);
        remember(rec);
      }
    }
    const candidate = secretCandidate(e.path);
    if ((candidate || persistencePlace(e.path)) && !db) {
      const text = await readText(e, textMax);
      if (text !== undefined) textFindings(e, text, candidate);
    }
    if (e.mode & 0o111 && e.size >= 4) await executable(e);
    if (deny) {
      if (e.size > hashMax) count(`files over ${hashMax} bytes not hashed for the deny-list`);
      else {
        const digest = createHash('sha256')
          .update(await e.read(e.size))
          .digest('hex');
        if (deny.has(digest)) addFile(e, 'deny-listed', `sha256 ${digest}`);
      }
    }
  }

  function finish(_layers: LayerInfo[], _history: HistoryStep[]): AnalysisResult {
    const cache = new Map<string, Removal>();
    const where = (r: Located): Removal => {
      if (r.shadowed) return { present: false, removedIn: r.layer };
      const key = `${r.layer}\0${r.path}`;
      let got = cache.get(key);
      if (!got) {
        got = index.resolve(r.path, r.layer);
        cache.set(key, got);
      }
      return got;
    };
    const placed = <T extends object>(base: T, r: Located): T & Removal => {
      const w = where(r);
      return w.removedIn === undefined
        ? { ...base, present: w.present }
        : { ...base, present: w.present, removedIn: w.removedIn };
    };

    const fileOut = files.map((r) => placed(r.f, r));

    // A copy of a secret that a higher layer still holds at the same path adds nothing: keep the top one.
    const secretAll = secrets.map((r) => placed(r.s, r));
    const live = new Set(secretAll.filter((s) => s.present).map((s) => `${s.path}\0${s.rule}\0${s.masked}`));
    const secretOut = secretAll.filter((s) => s.present || !live.has(`${s.path}\0${s.rule}\0${s.masked}`));

    const osLive = osRecs
      .filter((r) => where(r).present)
      .sort((a, b) => (OS_PRIORITY[a.path] ?? 9) - (OS_PRIORITY[b.path] ?? 9));
    const os = osLive[0]?.os;

    const packages: Package[] = [];
    const dbByPath = new Map<string, DbRec[]>();
    for (const r of dbs) {
      const list = dbByPath.get(r.path);
      if (list) list.push(r);
      else dbByPath.set(r.path, [r]);
    }
    for (const [, recs] of dbByPath) {
      const final = recs.find((r) => where(r).present);
      if (!final) continue;
      // Attribution: the lowest copy of this database that already had the package at this version.
      const lower = recs.filter((r) => r.layer < final.layer).sort((a, b) => a.layer - b.layer);
      const sets = lower.map((r) => ({
        layer: r.layer,
        keys: new Set(r.pkgs.map((p) => `${p.name}\0${p.version}`)),
      }));
      for (const p of final.pkgs) {
        const key = `${p.name}\0${p.version}`;
        const layer = sets.find((s) => s.keys.has(key))?.layer ?? final.layer;
        const pkg: Package = {
          ecosystem: p.ecosystem,
          name: p.name,
          version: p.version,
          purl: purlOf(p, os),
          layer,
          foundIn: final.path,
        };
        if (p.sourceName !== undefined) pkg.sourceName = p.sourceName;
        if (p.sourceVersion !== undefined) pkg.sourceVersion = p.sourceVersion;
        if (p.arch !== undefined) pkg.arch = p.arch;
        if (p.licenses !== undefined) pkg.licenses = p.licenses;
        packages.push(pkg);
      }
    }

    const out = [...problems];
    const rpmOld = rpmUnsupported.filter((r) => where(r).present);
    if (rpmOld.length > 0 && !packages.some((p) => p.ecosystem === 'rpm'))
      out.push(
        `rpm database format not supported (BerkeleyDB/ndb ${rpmOld[0]?.path}): rpm packages are not inventoried`,
      );
    for (const [what, n] of dropped) out.push(`${n} ${what}`);
    const result: AnalysisResult = { files: fileOut, secrets: secretOut, packages, problems: out };
    if (os) result.os = os;
    return result;
  }

  return { visit, finish };
}
