import type { AnyCheck } from '../../core/model.js';
import addInsteadOfCopy from './add-instead-of-copy.js';
import addRemoteUrl from './add-remote-url.js';
import danglingImage from './dangling-image.js';
import exposeSsh from './expose-ssh.js';
import healthcheck from './healthcheck.js';
import latestTag from './latest-tag.js';
import nonRootUser from './non-root-user.js';
import repoDigest from './repo-digest.js';
import runtimePackageInstall from './runtime-package-install.js';
import secretsInImage from './secrets-in-image.js';
import sshdEntrypoint from './sshd-entrypoint.js';
import staleImage from './stale-image.js';
import trustedRegistry from './trusted-registry.js';
import unusedImage from './unused-image.js';
import updateInstructionAlone from './update-instruction-alone.js';

/** Every image-scope check, in id order. Add a line here for each new check file in this folder. */
export const imageChecks: AnyCheck[] = [
  nonRootUser,
  healthcheck,
  updateInstructionAlone,
  addInsteadOfCopy,
  addRemoteUrl,
  secretsInImage,
  trustedRegistry,
  repoDigest,
  unusedImage,
  danglingImage,
  staleImage,
  exposeSsh,
  sshdEntrypoint,
  runtimePackageInstall,
  latestTag,
];
