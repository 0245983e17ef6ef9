import { type AnyCheck, AUDIT_SCOPES } from '../core/model.js';
import { containerChecks } from './container/index.js';
import { daemonChecks } from './daemon/index.js';
import { dockerfileChecks } from './dockerfile/index.js';
import { hostChecks } from './host/index.js';
import { imageChecks } from './image/index.js';
import { imageScanChecks } from './image-scan/index.js';
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
  ...dockerfileChecks,
  ...imageScanChecks,
];

/** The checks `bulkhead audit` runs (a live engine and host). */
export const auditChecks: readonly AnyCheck[] = allChecks.filter((c) =>
  (AUDIT_SCOPES as readonly string[]).includes(c.scope),
);
