import type { AnyCheck } from '../core/model.js';
import { containerChecks } from './container/index.js';
import { daemonChecks } from './daemon/index.js';
import { hostChecks } from './host/index.js';
import { imageChecks } from './image/index.js';
import { networkChecks } from './network/index.js';
import { swarmChecks } from './swarm/index.js';

/** The registry: every check bulkhead knows, across scopes. */
export const allChecks: readonly AnyCheck[] = [
  ...hostChecks,
  ...daemonChecks,
  ...containerChecks,
  ...imageChecks,
  ...networkChecks,
  ...swarmChecks,
];
