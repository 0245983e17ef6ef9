// What `bulkhead image scan` knows about one image: config, history, layers, the interesting files of every
// layer (and whether they survive into the final filesystem), secrets, the package inventory and, when a
// vulnerability database is loaded, the vulnerabilities. Types only; built by src/collectors/image (sources,
// layer walk), src/analysis/image (analyzers, inventory) and src/vulndb (matching).

export type EntryType = 'file' | 'dir' | 'symlink' | 'hardlink' | 'char' | 'block' | 'fifo' | 'other';

/**
 * One tar entry of a layer as analyzers see it while the layer streams. `path` is normalised: absolute in
 * the image (`/etc/passwd`), no `.`/`..` segments, no trailing slash; an entry whose raw name escapes the root
 * is reported as a problem and never handed to analyzers with an escaping path.
 */
export interface LayerEntry {
  path: string;
  /** The name exactly as stored in the tar (for evidence of tricks). */
  rawPath: string;
  type: EntryType;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  /** Symlink or hardlink target as stored. */
  linkname?: string;
  /** Index of the layer (0 = base). */
  layer: number;
  /**
   * Set on whiteout markers (type `other`): `file` = `.wh.NAME` deletes `path` from lower layers; `opaque` =
   * `.wh..wh..opq` hides everything lower layers held under the directory `path`.
   */
  whiteout?: 'file' | 'opaque';
  /**
   * Reads at most `max` bytes of a regular file's content. Only valid during the analyzer's call for this
   * entry; several analyzers may call it and share the same bytes (read once, cached for the entry).
   */
  read(max: number): Promise<Buffer>;
}

export interface LayerInfo {
  index: number;
  /** Digest of the blob as stored (compressed), when known. */
  digest: string;
  /** Digest of the uncompressed tar (the config's rootfs.diff_ids entry), when known. */
  diffId?: string;
  mediaType?: string;
  /** Bytes read from the blob. */
  size: number;
  /** Entries in the layer tar. */
  entries: number;
  /** The Dockerfile instruction that made the layer (from history), when it can be recovered. */
  createdBy?: string;
}

export interface HistoryStep {
  createdBy: string;
  created?: string;
  emptyLayer: boolean;
  /** The layer index this step produced, or null for metadata-only steps. */
  layer: number | null;
}

export interface ImageScanConfig {
  user: string;
  env: string[];
  cmd: string[];
  entrypoint: string[];
  workingDir: string;
  exposedPorts: string[];
  healthcheck?: { test: string[] };
  labels: Record<string, string>;
  stopSignal?: string;
  shell?: string[];
  onBuild?: string[];
}

export type FileKind =
  | 'setuid'
  | 'setgid'
  | 'world-writable'
  | 'device'
  | 'shell'
  | 'package-manager'
  | 'compiler'
  | 'sshd'
  | 'sudo'
  | 'network-tool'
  | 'miner'
  | 'persistence'
  | 'deny-listed'
  | 'reverse-shell';

/** A file worth reporting, wherever it appeared. */
export interface FileFinding {
  path: string;
  kind: FileKind;
  layer: number;
  mode: number;
  size: number;
  /** False when a later layer deleted (whiteout, opaque dir) or replaced it: only lower layers hold it. */
  present: boolean;
  /** The layer that deleted or replaced it. */
  removedIn?: number;
  /** What matched (e.g. the miner string, the deny-listed SHA-256, the cron line). */
  detail?: string;
}

export interface SecretFinding {
  path: string;
  layer: number;
  /** Rule id, e.g. `aws-access-key-id`, `private-key`, `npmrc-auth-token`, `docker-config-auth`. */
  rule: string;
  description: string;
  /** 1-based line in the file, when the secret is in text. */
  line?: number;
  /** The match with most characters masked: never the whole secret. */
  masked: string;
  present: boolean;
  removedIn?: number;
}

export type Ecosystem = 'deb' | 'apk' | 'rpm' | 'npm' | 'pypi' | 'golang';

export interface Package {
  ecosystem: Ecosystem;
  name: string;
  version: string;
  /** Source package (Debian/Ubuntu `Source:`, rpm source rpm) and its version: what distro advisories name. */
  sourceName?: string;
  sourceVersion?: string;
  arch?: string;
  /** Package URL (purl), e.g. pkg:deb/debian/openssl@3.0.11-1~deb12u2?arch=amd64&distro=debian-12. */
  purl: string;
  layer: number;
  /** The database or manifest it was read from. */
  foundIn: string;
  licenses?: string[];
}

export interface OsRelease {
  /** os-release ID: debian, ubuntu, alpine, rhel, centos, fedora, amzn, opensuse-leap… */
  id: string;
  versionId: string;
  prettyName?: string;
  /** End-of-life date (YYYY-MM-DD) when known; a date before the scan = end of life. */
  eol?: string;
}

export interface Vulnerability {
  /** Advisory id (CVE-…, GHSA-…, DSA-…, DLA-…) as in the database. */
  id: string;
  aliases: string[];
  ecosystem: Ecosystem;
  packageName: string;
  installedVersion: string;
  /** The first fixed version for this package's line, or undefined when not fixed. */
  fixedVersion?: string;
  severity: 'critical' | 'high' | 'medium' | 'low' | 'info';
  summary?: string;
  purl: string;
  layer: number;
}

export interface ImageScanFacts {
  /** The reference as the user gave it. */
  reference: string;
  source: 'daemon' | 'docker-archive' | 'oci' | 'registry';
  /** Config digest (image id). */
  id: string;
  repoTags: string[];
  /** Manifest digest when known (registry, OCI layout). */
  digest?: string;
  platform: { os: string; architecture: string; variant?: string };
  created?: string;
  config: ImageScanConfig;
  history: HistoryStep[];
  layers: LayerInfo[];
  files: FileFinding[];
  secrets: SecretFinding[];
  packages: Package[];
  os?: OsRelease;
  /** Absent when no vulnerability database is loaded (the reason is in the snapshot's gaps). */
  vulnerabilities?: Vulnerability[];
  /** Hostile or broken input met while reading (path traversal, symlink escape, bomb, truncation…). */
  problems: string[];
}
