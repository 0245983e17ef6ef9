import { cis, defineCheck, fail, pass, practice } from '../../core/model.js';

export default defineCheck({
  id: 'BH-CTR-005',
  slug: 'privileged',
  title: 'Container is not privileged',
  severity: 'critical',
  scope: 'container',
  facts: ['containers'],
  rationale:
    'A privileged container gets every capability, every host device, no seccomp, AppArmor or SELinux confinement and a writable /sys: root inside it is root on the host.',
  remediation:
    'Remove `--privileged` (compose `privileged: true`); grant only the capability or device the workload needs (`--cap-add`, `--device`).',
  refs: [cis('5.5'), practice('P-KER-3'), practice('P-CTR-3')],
  evaluate: (c) =>
    c.spec.privileged ? fail('HostConfig.Privileged is true') : pass('HostConfig.Privileged is false'),
});
