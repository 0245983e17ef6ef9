import type { AnyCheck } from '../../core/model.js';
import denyListed from './deny-listed-files.js';
import deviceFiles from './device-files.js';
import hostileEntries from './hostile-entries.js';
import miners from './miners.js';
import networkTools from './network-tools.js';
import osEndOfLife from './os-end-of-life.js';
import persistence from './persistence.js';
import reverseShells from './reverse-shells.js';
import runtimeTooling from './runtime-tooling.js';
import secretsInLowerLayers from './secrets-in-lower-layers.js';
import secretsPresent from './secrets-present.js';
import setuidFiles from './setuid-files.js';
import sshdPresent from './sshd-present.js';
import sudoPresent from './sudo-present.js';
import vulnCritical from './vulnerabilities-critical.js';
import vulnHigh from './vulnerabilities-high.js';
import vulnLow from './vulnerabilities-low.js';
import vulnMedium from './vulnerabilities-medium.js';
import worldWritable from './world-writable.js';

/** Checks over an image scanned layer by layer (`bulkhead image scan`, `audit --images`). */
export const imageScanChecks: readonly AnyCheck[] = [
  vulnCritical,
  vulnHigh,
  vulnMedium,
  vulnLow,
  setuidFiles,
  worldWritable,
  deviceFiles,
  secretsPresent,
  secretsInLowerLayers,
  sshdPresent,
  sudoPresent,
  runtimeTooling,
  networkTools,
  miners,
  reverseShells,
  persistence,
  denyListed,
  osEndOfLife,
  hostileEntries,
];
