import type { AnyCheck } from '../../core/model.js';
import addInsteadOfCopy from './add-instead-of-copy.js';
import addRemoteUnverified from './add-remote-unverified.js';
import credentialFileCopied from './credential-file-copied.js';
import credentialInRun from './credential-in-run.js';
import packageSignatureDisabled from './package-signature-disabled.js';
import pipeToShell from './pipe-to-shell.js';
import secretArgEnv from './secret-arg-env.js';
import secretCopiedForward from './secret-copied-forward.js';
import tlsVerificationDisabled from './tls-verification-disabled.js';

/** Rules of group b (see index.ts): secrets and supply chain, BH-DKF-020…039. */
export const group: readonly AnyCheck[] = [
  secretArgEnv,
  credentialInRun,
  credentialFileCopied,
  addInsteadOfCopy,
  addRemoteUnverified,
  pipeToShell,
  tlsVerificationDisabled,
  packageSignatureDisabled,
  secretCopiedForward,
];
