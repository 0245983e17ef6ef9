import type { FactKey } from '../core/model.js';
import type { ContainerFacts } from './container.js';
import type { DaemonFacts, SwarmFact } from './daemon.js';
import type { DockerfileFacts } from './dockerfile.js';
import type { HostFacts } from './host.js';
import type { ImageFacts } from './image.js';
import type { ImageScanFacts } from './image-scan.js';
import type { NetworkFacts } from './network.js';

export type { ContainerFacts, ContainerSpec } from './container.js';
export type { DaemonFacts } from './daemon.js';
export type { DockerfileFacts } from './dockerfile.js';
export type { HostFacts } from './host.js';
export type { ImageFacts } from './image.js';
export type { NetworkFacts } from './network.js';

/** Everything collected once for one audit. A fact that could not be collected is absent and its reason is in `gaps`. */
export interface Snapshot {
  host?: HostFacts;
  daemon?: DaemonFacts;
  containers?: ContainerFacts[];
  images?: ImageFacts[];
  networks?: NetworkFacts[];
  /** Present only when this node is a swarm manager (inspect data); worker info lives in daemon.info.swarm. */
  swarm?: SwarmFact;
  /** Dockerfiles being linted (`bulkhead lint`). */
  dockerfiles?: DockerfileFacts[];
  /** Images scanned layer by layer (`bulkhead image scan`, `audit --images`). */
  scans?: ImageScanFacts[];
  /** Why a fact is missing: fact key -> one-line reason. */
  gaps: Partial<Record<FactKey, string>>;
}
