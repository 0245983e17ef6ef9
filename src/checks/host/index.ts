import type { AnyCheck } from '../../core/model.js';
import auditContainerdBin from './audit-containerd-bin.js';
import auditContainerdConfig from './audit-containerd-config.js';
import auditContainerdShim from './audit-containerd-shim.js';
import auditContainerdShimRuncV1 from './audit-containerd-shim-runc-v1.js';
import auditContainerdShimRuncV2 from './audit-containerd-shim-runc-v2.js';
import auditContainerdSock from './audit-containerd-sock.js';
import auditDaemonJson from './audit-daemon-json.js';
import auditDockerService from './audit-docker-service.js';
import auditDockerSocket from './audit-docker-socket.js';
import auditDockerd from './audit-dockerd.js';
import auditEtcDefaultDocker from './audit-etc-default-docker.js';
import auditEtcDocker from './audit-etc-docker.js';
import auditEtcSysconfigDocker from './audit-etc-sysconfig-docker.js';
import auditRunContainerd from './audit-run-containerd.js';
import auditRunc from './audit-runc.js';
import auditVarLibDocker from './audit-var-lib-docker.js';
import containerEgressBlocked from './container-egress-blocked.js';
import containerdSockMode from './containerd-sock-mode.js';
import containerdSockOwner from './containerd-sock-owner.js';
import contentTrust from './content-trust.js';
import daemonJsonMode from './daemon-json-mode.js';
import daemonJsonOwner from './daemon-json-owner.js';
import dataRootPartition from './data-root-partition.js';
import dockerGroupTrusted from './docker-group-trusted.js';
import dockerServiceMode from './docker-service-mode.js';
import dockerServiceOwner from './docker-service-owner.js';
import dockerSockMode from './docker-sock-mode.js';
import dockerSockOwner from './docker-sock-owner.js';
import dockerSocketUnitMode from './docker-socket-unit-mode.js';
import dockerSocketUnitOwner from './docker-socket-unit-owner.js';
import etcDefaultDockerMode from './etc-default-docker-mode.js';
import etcDefaultDockerOwner from './etc-default-docker-owner.js';
import etcDockerMode from './etc-docker-mode.js';
import etcDockerOwner from './etc-docker-owner.js';
import etcSysconfigDockerMode from './etc-sysconfig-docker-mode.js';
import etcSysconfigDockerOwner from './etc-sysconfig-docker-owner.js';
import firewallOpenWithPublishedPorts from './firewall-open-with-published-ports.js';
import minimalHostListeners from './minimal-host-listeners.js';
import registryCertsMode from './registry-certs-mode.js';
import registryCertsOwner from './registry-certs-owner.js';
import routeLocalnet from './route-localnet.js';
import tlsCaMode from './tls-ca-mode.js';
import tlsCaOwner from './tls-ca-owner.js';
import tlsCertMode from './tls-cert-mode.js';
import tlsCertOwner from './tls-cert-owner.js';
import tlsKeyMode from './tls-key-mode.js';
import tlsKeyOwner from './tls-key-owner.js';

/** Every host-scope check, in id order. Add a line here for each new check file in this folder. */
export const hostChecks: AnyCheck[] = [
  dataRootPartition,
  dockerGroupTrusted,
  auditDockerd,
  auditRunContainerd,
  auditVarLibDocker,
  auditEtcDocker,
  auditDockerService,
  auditContainerdSock,
  auditDockerSocket,
  auditEtcDefaultDocker,
  auditDaemonJson,
  auditContainerdConfig,
  auditEtcSysconfigDocker,
  auditContainerdBin,
  auditContainerdShim,
  auditContainerdShimRuncV1,
  auditContainerdShimRuncV2,
  auditRunc,
  dockerServiceOwner,
  dockerServiceMode,
  dockerSocketUnitOwner,
  dockerSocketUnitMode,
  etcDockerOwner,
  etcDockerMode,
  registryCertsOwner,
  registryCertsMode,
  tlsCaOwner,
  tlsCaMode,
  tlsCertOwner,
  tlsCertMode,
  tlsKeyOwner,
  tlsKeyMode,
  dockerSockOwner,
  dockerSockMode,
  daemonJsonOwner,
  daemonJsonMode,
  etcDefaultDockerOwner,
  etcDefaultDockerMode,
  etcSysconfigDockerMode,
  etcSysconfigDockerOwner,
  containerdSockOwner,
  containerdSockMode,
  contentTrust,
  firewallOpenWithPublishedPorts,
  containerEgressBlocked,
  minimalHostListeners,
  routeLocalnet,
];
