import type { Ecosystem } from '../../../facts/image-scan.js';

/** A package as its database or manifest states it; the purl and layer are added once the OS is known. */
export interface RawPackage {
  ecosystem: Ecosystem;
  name: string;
  /** The version as the ecosystem compares it (rpm: `[epoch:]version-release`). */
  version: string;
  sourceName?: string;
  sourceVersion?: string;
  arch?: string;
  licenses?: string[];
  /** rpm: the purl carries version-release and the epoch as a qualifier. */
  rpm?: { epoch?: number; versionRelease: string };
}
