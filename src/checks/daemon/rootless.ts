import { cis, defineCheck, fail, pass, practice } from '../../core/model.js';

export default defineCheck({
  id: 'BH-DMN-001',
  slug: 'rootless',
  title: 'Docker daemon runs as a non-root user (rootless mode)',
  severity: 'info',
  scope: 'daemon',
  facts: ['daemon'],
  partial: true,
  rationale:
    'A daemon running as root turns any daemon or runtime escape into host root. Rootless mode runs dockerd and the containers in a user namespace of an unprivileged user.',
  remediation:
    'Where the workloads allow it, run Docker in rootless mode: `dockerd-rootless-setuptool.sh install` as an unprivileged user (see https://docs.docker.com/engine/security/rootless/).',
  refs: [cis('2.1'), practice('P-KER-3')],
  evaluate: (snap) => {
    const info = snap.daemon!.info;
    if (info.rootless) return pass('GET /info SecurityOptions contains name=rootless');
    return fail(
      `the daemon runs as root: GET /info SecurityOptions (${info.securityOptions.map((o) => o.name).join(', ') || 'none'}) has no name=rootless`,
    );
  },
});
