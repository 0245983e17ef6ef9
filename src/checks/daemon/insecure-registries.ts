import { effectiveDaemonConfig } from '../../analysis/daemon-config.js';
import { judgeSetting } from '../../analysis/outcome.js';
import { cis, defineCheck, practice } from '../../core/model.js';

export default defineCheck({
  id: 'BH-DMN-005',
  slug: 'insecure-registries',
  title: 'No insecure registries are configured',
  severity: 'high',
  scope: 'daemon',
  facts: ['daemon'],
  rationale:
    'Images pulled from an insecure registry travel over plain HTTP or unverified TLS, so anyone on the path can swap them for malicious ones.',
  remediation:
    'Remove the entries from `"insecure-registries"` in /etc/docker/daemon.json (and `--insecure-registry` flags); give the registry a TLS certificate, or trust its CA in /etc/docker/certs.d/<registry>/ca.crt. Restart Docker.',
  refs: [cis('2.5'), practice('P-IMG-2')],
  evaluate: (snap) =>
    judgeSetting(
      'insecure registries (engine-default loopback entries ignored)',
      effectiveDaemonConfig(snap).insecureRegistries,
      (v) => v.length === 0,
      {
        show: (v) => (v.length ? [...v].sort().join(', ') : 'none'),
      },
    ),
});
