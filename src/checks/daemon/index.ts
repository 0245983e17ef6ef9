import type { AnyCheck } from '../../core/model.js';
import authorizationPlugin from './authorization-plugin.js';
import baseDeviceSize from './base-device-size.js';
import cgroupParent from './cgroup-parent.js';
import containerCount from './container-count.js';
import containerdCves from './containerd-cves.js';
import daemonTls from './daemon-tls.js';
import defaultBridgeIcc from './default-bridge-icc.js';
import defaultUlimit from './default-ulimit.js';
import dockerUpToDate from './docker-up-to-date.js';
import engineCves from './engine-cves.js';
import experimental from './experimental.js';
import insecureRegistries from './insecure-registries.js';
import iptablesAllowed from './iptables-allowed.js';
import kernelCves from './kernel-cves.js';
import liveRestore from './live-restore.js';
import logLevel from './log-level.js';
import logRotation from './log-rotation.js';
import noAufs from './no-aufs.js';
import noNewPrivileges from './no-new-privileges.js';
import remoteLogging from './remote-logging.js';
import rootless from './rootless.js';
import runcCves from './runc-cves.js';
import seccompProfile from './seccomp-profile.js';
import swarmMode from './swarm-mode.js';
import tcpWithoutClientAuth from './tcp-without-client-auth.js';
import tcpWithoutTls from './tcp-without-tls.js';
import userlandProxy from './userland-proxy.js';
import usernsRemap from './userns-remap.js';

/** Every daemon-scope check, in id order. Add a line here for each new check file in this folder. */
export const daemonChecks: AnyCheck[] = [
  // BH-API-*
  tcpWithoutTls,
  tcpWithoutClientAuth,
  // BH-DMN-*
  rootless,
  defaultBridgeIcc,
  logLevel,
  iptablesAllowed,
  insecureRegistries,
  noAufs,
  daemonTls,
  defaultUlimit,
  usernsRemap,
  cgroupParent,
  baseDeviceSize,
  authorizationPlugin,
  remoteLogging,
  noNewPrivileges,
  liveRestore,
  userlandProxy,
  seccompProfile,
  experimental,
  swarmMode,
  dockerUpToDate,
  logRotation,
  containerCount,
  // BH-ENG-*
  engineCves,
  containerdCves,
  runcCves,
  kernelCves,
];
