import { effectiveDaemonConfig } from '../../analysis/daemon-config.js';
import { judgeSetting } from '../../analysis/outcome.js';
import { cis, defineCheck, practice } from '../../core/model.js';

export default defineCheck({
  id: 'BH-DMN-012',
  slug: 'authorization-plugin',
  title: 'An authorization plugin controls access to the Docker API',
  severity: 'medium',
  scope: 'daemon',
  facts: ['daemon'],
  rationale:
    "Docker's own access control is all or nothing: whoever reaches the socket can do everything. An authorization plugin lets policy deny privileged containers, host mounts and similar requests.",
  remediation:
    'Install an authorization plugin (e.g. `bulkhead authz`, or OPA\'s opa-docker-authz) and enable it with `"authorization-plugins": ["<plugin>"]` in /etc/docker/daemon.json; restart Docker.',
  refs: [cis('2.12'), practice('P-COM-2')],
  evaluate: (snap) =>
    judgeSetting(
      'authorization plugins',
      effectiveDaemonConfig(snap).authorizationPlugins,
      (v) => v.length > 0,
      {
        show: (v) => (v.length ? v.join(', ') : 'none'),
      },
    ),
});
