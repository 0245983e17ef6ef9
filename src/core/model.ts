// The check model: every check is a pure, self-describing function over the snapshot.
import type { DockerfileFacts } from '../facts/dockerfile.js';
import type { ImageScanFacts } from '../facts/image-scan.js';
import type { ContainerFacts, ImageFacts, NetworkFacts, Snapshot } from '../facts/snapshot.js';

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Lower rank = more severe. */
export const severityRank = (s: Severity): number => SEVERITIES.indexOf(s);
export const atLeast = (s: Severity, threshold: Severity): boolean =>
  severityRank(s) <= severityRank(threshold);

/** Scope = the folder a check lives in, and what it iterates over. */
export const SCOPES = [
  'host',
  'daemon',
  'container',
  'image',
  'network',
  'swarm',
  'dockerfile',
  'image-scan',
] as const;
export type Scope = (typeof SCOPES)[number];
/** What `bulkhead audit` judges (a live engine); Dockerfiles are `bulkhead lint`'s. */
export const AUDIT_SCOPES = [
  'host',
  'daemon',
  'container',
  'image',
  'network',
  'swarm',
] as const satisfies readonly Scope[];

export const STATUSES = ['fail', 'pass', 'unknown', 'suppressed'] as const;
export type Status = (typeof STATUSES)[number];

export type SubjectKind = 'host' | 'daemon' | 'container' | 'image' | 'network' | 'file';
export interface Subject {
  kind: SubjectKind;
  id?: string;
  name?: string;
  path?: string;
}

export interface Evidence {
  message: string;
  path?: string;
}

export type RefKind = 'cis' | 'practice' | 'cve' | 'url';
export interface Ref {
  kind: RefKind;
  id: string;
}

/** Facts a check reads; the engine collects only what the selected checks need. */
export const FACTS = [
  'host',
  'daemon',
  'containers',
  'images',
  'networks',
  'swarm',
  'dockerfiles',
  'scans',
] as const;
export type FactKey = (typeof FACTS)[number];

/** What `evaluate` returns for one subject. `notApplicable` results are dropped from the report. */
export type Outcome =
  | { status: 'pass'; evidence: Evidence[]; subject?: Subject }
  | { status: 'fail'; evidence: Evidence[]; subject?: Subject }
  | { status: 'unknown'; reason: string; evidence: Evidence[]; subject?: Subject }
  | { status: 'n/a'; reason: string; subject?: Subject };

type EvidenceLike = string | Evidence;
const toEvidence = (e: EvidenceLike): Evidence => (typeof e === 'string' ? { message: e } : e);

export interface OutcomeOptions {
  subject?: Subject;
}

export const pass = (evidence: EvidenceLike | EvidenceLike[] = [], opts: OutcomeOptions = {}): Outcome => ({
  status: 'pass',
  evidence: (Array.isArray(evidence) ? evidence : [evidence]).map(toEvidence),
  ...opts,
});

export const fail = (evidence: EvidenceLike | EvidenceLike[], opts: OutcomeOptions = {}): Outcome => {
  const list = (Array.isArray(evidence) ? evidence : [evidence]).map(toEvidence);
  if (list.length === 0) throw new Error('fail() needs at least one piece of evidence');
  return { status: 'fail', evidence: list, ...opts };
};

export const unknown = (
  reason: string,
  opts: OutcomeOptions & { evidence?: EvidenceLike[] } = {},
): Outcome => {
  const { evidence = [], ...rest } = opts;
  return { status: 'unknown', reason, evidence: evidence.map(toEvidence), ...rest };
};

export const notApplicable = (reason: string, opts: OutcomeOptions = {}): Outcome => ({
  status: 'n/a',
  reason,
  ...opts,
});

/** Settings that checks may read (from `.bulkhead.yaml` and flags); all have defaults. */
export interface CheckSettings {
  /** P-OPS-2: more running+stopped containers than this on one host is a finding. */
  maxContainers: number;
  /** P-HST-4: container name globs that are expected on this host; empty = no inventory check. */
  containerAllowlist: string[];
  /** P-NET-3/P-COM-4: whether containers should be kept from reaching outside networks. */
  egressPolicy: 'deny' | 'allow';
  /** P-IMG-3: an image unused and older than this many days is stale. */
  staleImageDays: number;
  /** 2.8 / P-HST-5: the lowest acceptable default soft nofile limit. */
  minNofile: number;
  /** Registries (host[:port]) images may come from; empty = any. */
  trustedRegistries: string[];
  /** Image references (globs) Dockerfiles may build FROM besides trusted registries; empty = any. */
  allowedBaseImages: string[];
  /** Users besides root allowed in the docker group (1.1.2). */
  dockerGroupAllowlist: string[];
  /** The clock, so "stale" and "expired" are deterministic in tests. */
  now: Date;
}

export const defaultSettings = (): CheckSettings => ({
  maxContainers: 100,
  containerAllowlist: [],
  egressPolicy: 'allow',
  staleImageDays: 90,
  minNofile: 1024,
  trustedRegistries: [],
  allowedBaseImages: [],
  dockerGroupAllowlist: [],
  now: new Date(),
});

export interface Context {
  snapshot: Snapshot;
  settings: CheckSettings;
}

export interface TargetByScope {
  host: Snapshot;
  daemon: Snapshot;
  swarm: Snapshot;
  container: ContainerFacts;
  image: ImageFacts;
  network: NetworkFacts;
  dockerfile: DockerfileFacts;
  'image-scan': ImageScanFacts;
}

export interface CheckMeta<S extends Scope = Scope> {
  /** Permanent id: BH-<AREA>-NNN. Never reused. */
  id: string;
  /** Equals the file name without extension. */
  slug: string;
  title: string;
  severity: Severity;
  scope: S;
  rationale: string;
  remediation: string;
  refs: Ref[];
  /** Facts this check reads; the engine reports `unknown` when one is missing. */
  facts: FactKey[];
  /** Former ids that suppressions may still name. */
  aliases?: string[];
  deprecated?: boolean;
  /** True for CIS "Manual" controls we can only partly automate. */
  partial?: boolean;
}

export interface Check<S extends Scope = Scope> extends CheckMeta<S> {
  evaluate: (target: TargetByScope[S], ctx: Context) => Outcome | Outcome[];
}

export function defineCheck<S extends Scope>(check: Check<S>): Check<S> {
  return Object.freeze({ ...check, refs: Object.freeze([...check.refs]) as Ref[] });
}

/** Shorthands for refs. */
export const cis = (id: string): Ref => ({ kind: 'cis', id });
export const practice = (id: string): Ref => ({ kind: 'practice', id });
export const cve = (id: string): Ref => ({ kind: 'cve', id });
export const url = (id: string): Ref => ({ kind: 'url', id });

// biome-ignore lint/suspicious/noExplicitAny: registry holds checks of every scope
export type AnyCheck = Check<any>;
