import type { AnyCheck } from '../../core/model.js';
import autolock from './autolock.js';
import caRotation from './ca-rotation.js';
import dataPathSeparation from './data-path-separation.js';
import listenAddress from './listen-address.js';
import managerCount from './manager-count.js';
import nodeCertExpiry from './node-cert-expiry.js';
import overlayEncryption from './overlay-encryption.js';
import secretsManagement from './secrets-management.js';

/** Every swarm-scope check, in id order. Add a line here for each new check file in this folder. */
export const swarmChecks: AnyCheck[] = [
  managerCount,
  listenAddress,
  overlayEncryption,
  secretsManagement,
  autolock,
  nodeCertExpiry,
  caRotation,
  dataPathSeparation,
];
