import { cis, defineCheck, fail, notApplicable, pass, practice } from '../../core/model.js';
import { daemonHasSecurityOption, securityOpts } from './_lib.js';

export default defineCheck({
  id: 'BH-CTR-002',
  slug: 'selinux-options',
  title: 'Container keeps SELinux labeling enabled',
  severity: 'medium',
  scope: 'container',
  facts: ['containers', 'daemon'],
  rationale:
    'With SELinux enabled in the daemon every container process gets a confined type (container_t) and a unique MCS level. `label=disable` or `--privileged` runs the container as an unconfined type, removing the policy that separates it from the host and other containers.',
  remediation:
    'Remove `--security-opt label=disable` and `--privileged`; set a specific type or level when needed, e.g. `--security-opt label=type:svirt_apache_t`.',
  refs: [cis('5.3'), practice('P-KER-4')],
  evaluate: (c, ctx) => {
    if (daemonHasSecurityOption(ctx, 'selinux') === false)
      return notApplicable('the daemon runs without SELinux support (SecurityOptions has no selinux)');
    const labels = securityOpts(c).filter((o) => o.key === 'label');
    const disabled = labels.find((o) => o.value === 'disable' || o.value === 'disable:true');
    if (disabled)
      return fail(`HostConfig.SecurityOpt contains "${disabled.raw}": SELinux labeling is disabled`);
    if (c.spec.privileged)
      return fail('privileged container: the engine runs it with an unconfined SELinux type');
    if (labels.length > 0) return pass(`SELinux options: ${labels.map((l) => l.raw).join(', ')}`);
    return pass('default SELinux labeling (container_t with a per-container MCS level)');
  },
});
