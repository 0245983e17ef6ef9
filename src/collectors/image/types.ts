// The sources' public shapes: where an image comes from (ImageSpec), how to open it (OpenOptions) and what
// an opened image offers (OpenedImage: metadata now, layers streamed on walk()).
import type {
  HistoryStep,
  ImageScanConfig,
  ImageScanFacts,
  LayerEntry,
  LayerInfo,
} from '../../facts/image-scan.js';
import type { ConnectionFlags, Env } from '../docker/connection.js';

export type ImageSpec =
  | { kind: 'daemon'; name: string }
  | { kind: 'docker-archive'; path: string; ref?: string }
  | { kind: 'oci'; path: string; ref?: string }
  /** A tar file whose layout (docker save or OCI) is detected from its entries. */
  | { kind: 'archive'; path: string; ref?: string }
  | { kind: 'registry'; registry: string; repository: string; tag?: string; digest?: string };

export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}

/** Caps that keep a hostile image from exhausting memory, disk or time. */
export interface WalkLimits {
  /** Decompressed bytes per layer before the layer is cut (default 8 GiB). */
  maxLayerBytes: number;
  /** Decompressed bytes per image before the walk stops (default 32 GiB). */
  maxImageBytes: number;
  /** Decompressed/compressed ratio past which a compressed layer is cut (default 1000; gzip's own max ~1032). */
  maxRatio: number;
  /** Manifests, indexes and configs are JSON read into memory: their cap (default 16 MiB). */
  maxJsonBytes: number;
  /** Paths remembered per layer for duplicate and hardlink-target detection (default 2 Mi; ~16 bytes each). */
  maxTrackedPaths: number;
  /** Problem lines of one kind per layer before they are summarised (default 5). */
  maxProblemsPerKind: number;
}

export const DEFAULT_LIMITS: WalkLimits = {
  maxLayerBytes: 8 * 1024 ** 3,
  maxImageBytes: 32 * 1024 ** 3,
  maxRatio: 1000,
  maxJsonBytes: 16 * 1024 ** 2,
  maxTrackedPaths: 2 * 1024 * 1024,
  maxProblemsPerKind: 5,
};

export interface OpenOptions {
  /** `os/arch[/variant]`, e.g. linux/arm64/v8; default the host's (process.arch as GOARCH). */
  platform?: string | undefined;
  /** Registry credentials; otherwise ~/.docker/config.json `auths` (read-only), otherwise anonymous. */
  username?: string | undefined;
  password?: string | undefined;
  /** PEM file with the CA that signed the registry's certificate. */
  ca?: string | undefined;
  /** Registry over plain http, or https without certificate verification. Only when asked. */
  insecure?: boolean | undefined;
  /** Directory holding config.json (default $DOCKER_CONFIG or ~/.docker). */
  dockerConfigDir?: string | undefined;
  /** Which daemon (same flags as audit), for `docker:` specs. */
  connection?: ConnectionFlags | undefined;
  env?: Env | undefined;
  limits?: Partial<WalkLimits> | undefined;
  /** Per-request timeout for registry and Engine API metadata calls (default 30 s). */
  timeoutMs?: number | undefined;
}

export type EntryVisitor = (entry: LayerEntry) => Promise<void> | void;

export interface OpenedImage {
  reference: string;
  source: ImageScanFacts['source'];
  /** Config digest (image id), sha256:… */
  id: string;
  repoTags: string[];
  /** Manifest digest when known. */
  digest?: string;
  platform: Platform;
  created?: string;
  config: ImageScanConfig;
  history: HistoryStep[];
  layerCount: number;
  /** Grows while walk() runs. One line each. */
  problems: string[];
  /**
   * Streams every layer once, calling `visit` for each entry (awaited; entries of one layer arrive in tar
   * order, one layer at a time, layers in any order) and `onLayer` when a layer is done. Resolves with the
   * layers in index order. Hostile or broken input becomes `problems`, never a rejection; it rejects only
   * when the source itself becomes unreachable (daemon gone, registry down).
   */
  walk(visit: EntryVisitor, onLayer?: (layer: LayerInfo) => void): Promise<LayerInfo[]>;
}

export const limitsOf = (opts: OpenOptions): WalkLimits => ({ ...DEFAULT_LIMITS, ...(opts.limits ?? {}) });
