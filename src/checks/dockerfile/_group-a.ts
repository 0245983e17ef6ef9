import type { AnyCheck } from '../../core/model.js';
import baseImageDigest from './base-image-digest.js';
import baseImageLatest from './base-image-latest.js';
import baseImageRegistry from './base-image-registry.js';
import baseImageUntagged from './base-image-untagged.js';
import duplicateRuntime from './duplicate-runtime.js';
import exposeSsh from './expose-ssh.js';
import healthcheck from './healthcheck.js';
import maintainer from './maintainer.js';
import onbuild from './onbuild.js';
import passwordInRun from './password-in-run.js';
import pipefail from './pipefail.js';
import runCd from './run-cd.js';
import sensitiveVolume from './sensitive-volume.js';
import shellFormCmd from './shell-form-cmd.js';
import sshd from './sshd.js';
import sudo from './sudo.js';
import userNumeric from './user-numeric.js';
import userRoot from './user-root.js';
import workdirPath from './workdir-path.js';

/** Rules of group a (see index.ts): base image, identity, runtime defaults. In id order. */
export const group: readonly AnyCheck[] = [
  baseImageUntagged,
  baseImageLatest,
  baseImageDigest,
  baseImageRegistry,
  userRoot,
  sudo,
  passwordInRun,
  userNumeric,
  exposeSsh,
  healthcheck,
  duplicateRuntime,
  shellFormCmd,
  sensitiveVolume,
  workdirPath,
  runCd,
  maintainer,
  pipefail,
  sshd,
  onbuild,
];
