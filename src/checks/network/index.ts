import type { AnyCheck } from '../../core/model.js';
import egressNotRestricted from './egress-not-restricted.js';
import hostOrL2Driver from './host-or-l2-driver.js';
import ipv6Enabled from './ipv6-enabled.js';
import publishedPortsAllAddresses from './published-ports-all-addresses.js';
import userBridgeIcc from './user-bridge-icc.js';

/** Every network-scope check, in id order. Add a line here for each new check file in this folder. */
export const networkChecks: AnyCheck[] = [
  userBridgeIcc,
  egressNotRestricted,
  publishedPortsAllAddresses,
  ipv6Enabled,
  hostOrL2Driver,
];
