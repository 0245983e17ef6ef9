// The shapes `bulkhead harden` works with: generated files, each carrying the explanation of every setting
// it contains (JSON, iptables-restore and compose files cannot hold all of that as comments).
import type { Report, Result } from '../core/report.js';
import type { Snapshot } from '../facts/snapshot.js';

export const HARDEN_AREAS = ['daemon', 'audit', 'firewall', 'containers'] as const;
export type HardenArea = (typeof HARDEN_AREAS)[number];

/** How a file is checked before anything is written: parsed, or given to the real tool's check mode. */
export type Validator = 'json' | 'auditd' | 'systemd' | 'iptables' | 'nft';

export interface Explanation {
  /** The setting, rule or flag explained, e.g. `"icc": false` or `--cap-drop ALL`. */
  setting: string;
  text: string;
  /** Checks whose findings this setting fixes. */
  checkIds: string[];
}

export interface GeneratedFile {
  area: HardenArea;
  /** Relative path inside `--write DIR`. */
  name: string;
  title: string;
  content: string;
  /** File mode for --write (and for a new file on --apply). */
  mode: number;
  /** Where the file belongs on the host (a host path, applied under --root). */
  target?: string;
  /** `--apply` writes it to `target` (daemon.json, the systemd drop-in, audit rules). */
  apply: boolean;
  /** False when the target already holds exactly this (apply reports "unchanged"). */
  changed: boolean;
  validate?: Validator;
  explanations: Explanation[];
  /** Commands that make the change take effect, for the README. */
  next: string[];
}

export interface HardenPlan {
  files: GeneratedFile[];
  /** Things deliberately not changed, and why; facts that were missing. */
  notes: string[];
}

/** What every generator reads: the audit's findings and the facts behind them. */
export interface HardenInput {
  report: Report;
  snapshot: Snapshot;
}

export const failed = (report: Report, checkId: string): Result[] =>
  report.results.filter((r) => r.checkId === checkId && r.status === 'fail');

export const hasFailed = (report: Report, checkId: string): boolean => failed(report, checkId).length > 0;

/** Stable, readable JSON: two-space indentation and a final newline (what editors and dockerd expect). */
export const toJson = (v: unknown): string => `${JSON.stringify(v, null, 2)}\n`;
