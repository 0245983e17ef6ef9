import type { AnyCheck } from '../../core/model.js';
import apparmorProfile from './apparmor-profile.js';
import blkioLimits from './blkio-limits.js';
import boundInterface from './bound-interface.js';
import capabilitiesAdded from './capabilities-added.js';
import capabilitiesDropped from './capabilities-dropped.js';
import cgroupParent from './cgroup-parent.js';
import containerAllowlist from './container-allowlist.js';
import containerNetworkMode from './container-network-mode.js';
import cpuLimit from './cpu-limit.js';
import dangerousSysctls from './dangerous-sysctls.js';
import defaultBridge from './default-bridge.js';
import dockerSocket from './docker-socket.js';
import envSecrets from './env-secrets.js';
import execPrivileged from './exec-privileged.js';
import execRoot from './exec-root.js';
import healthcheck from './healthcheck.js';
import hostDevices from './host-devices.js';
import hostIpc from './host-ipc.js';
import hostNetwork from './host-network.js';
import hostPid from './host-pid.js';
import hostUserns from './host-userns.js';
import hostUts from './host-uts.js';
import logRotation from './log-rotation.js';
import memoryLimit from './memory-limit.js';
import noNewPrivileges from './no-new-privileges.js';
import pidsLimit from './pids-limit.js';
import privileged from './privileged.js';
import privilegedPorts from './privileged-ports.js';
import publishedPorts from './published-ports.js';
import readonlyRootfs from './readonly-rootfs.js';
import restartPolicy from './restart-policy.js';
import rootUser from './root-user.js';
import seccompUnconfined from './seccomp-unconfined.js';
import selinuxOptions from './selinux-options.js';
import sensitiveHostMounts from './sensitive-host-mounts.js';
import sharedPropagation from './shared-propagation.js';
import singleProcess from './single-process.js';
import sshPort from './ssh-port.js';
import sshd from './sshd.js';
import ulimitOverrides from './ulimit-overrides.js';

/** Every container-scope check, in id order. Add a line here for each new check file in this folder. */
export const containerChecks: AnyCheck[] = [
  apparmorProfile,
  selinuxOptions,
  capabilitiesAdded,
  capabilitiesDropped,
  privileged,
  sensitiveHostMounts,
  sshd,
  singleProcess,
  privilegedPorts,
  publishedPorts,
  hostNetwork,
  memoryLimit,
  cpuLimit,
  readonlyRootfs,
  boundInterface,
  restartPolicy,
  hostPid,
  hostIpc,
  hostDevices,
  ulimitOverrides,
  sharedPropagation,
  hostUts,
  seccompUnconfined,
  execPrivileged,
  execRoot,
  cgroupParent,
  noNewPrivileges,
  healthcheck,
  pidsLimit,
  defaultBridge,
  hostUserns,
  dockerSocket,
  rootUser,
  blkioLimits,
  containerAllowlist,
  logRotation,
  envSecrets,
  dangerousSysctls,
  containerNetworkMode,
  sshPort,
];
