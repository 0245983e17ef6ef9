import { cis, defineCheck, fail, pass, practice } from '../../core/model.js';
import { bindMounts, isSameOrAncestor, normPath } from './_lib.js';

/** Engine and runtime API sockets: whoever can write to one controls every container and the host. */
const KNOWN_SOCKETS = [
  '/var/run/docker.sock',
  '/run/docker.sock',
  '/run/containerd/containerd.sock',
  '/var/run/containerd/containerd.sock',
  '/run/docker/containerd/containerd.sock',
  '/run/podman/podman.sock',
  '/run/crio/crio.sock',
];
const SOCKET_NAME = /(^|\/)(docker|containerd|podman|crio|dockershim)\.sock$/;
/** Rootless engines listen in the user's runtime directory. */
const ROOTLESS_RUNTIME_DIR = /^\/run\/user\/\d+$/;

export default defineCheck({
  id: 'BH-CTR-032',
  slug: 'docker-socket',
  title: 'The Docker (or containerd) socket is not mounted into the container',
  severity: 'critical',
  scope: 'container',
  facts: ['containers'],
  rationale:
    'A container with the engine socket can start a privileged container that mounts the host root: full host control, even through a read-only bind (read-only does not stop API calls). A bind of a directory that holds the socket (/run, /var/run, /) exposes it just the same.',
  remediation:
    'Remove the socket bind (`-v /var/run/docker.sock:...`); if a tool truly needs the API, give it a filtering proxy that allows only the read-only endpoints it uses.',
  refs: [cis('5.32'), practice('P-KER-3'), practice('P-COM-2')],
  evaluate: (c, ctx) => {
    const endpoint = ctx.snapshot.daemon?.connection.endpoint;
    const sockets = [...KNOWN_SOCKETS];
    if (endpoint?.startsWith('unix://')) sockets.push(normPath(endpoint.slice('unix://'.length)));
    const evidence: string[] = [];
    for (const m of bindMounts(c)) {
      const src = normPath(m.source);
      const at = `at ${m.destination}${m.readOnly ? ' (read-only does not restrict API calls)' : ''}`;
      if (SOCKET_NAME.test(src) || sockets.includes(src)) {
        evidence.push(`engine socket ${src} is mounted ${at}`);
        continue;
      }
      const exposed = sockets.filter((s) => isSameOrAncestor(src, s));
      if (exposed.length > 0)
        evidence.push(`host directory ${src} holds ${exposed.join(', ')}; mounted ${at}`);
      else if (ROOTLESS_RUNTIME_DIR.test(src))
        evidence.push(`host directory ${src} holds a rootless docker.sock; mounted ${at}`);
    }
    return evidence.length > 0
      ? fail(evidence)
      : pass('no engine socket or directory holding one is mounted');
  },
});
