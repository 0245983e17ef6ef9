import { cis, defineCheck, fail, pass, practice } from '../../core/model.js';

export default defineCheck({
  id: 'BH-CTR-017',
  slug: 'host-pid',
  title: "Container does not share the host's process namespace",
  severity: 'critical',
  scope: 'container',
  facts: ['containers'],
  rationale:
    'With --pid host the container sees and can signal every host process, read their environment and /proc entries, and, with ptrace or privileges, enter them: a direct path to host compromise.',
  remediation: 'Remove `--pid host` (compose `pid: host`).',
  refs: [cis('5.16'), practice('P-KER-3')],
  evaluate: (c) =>
    c.spec.pidMode === 'host'
      ? fail('HostConfig.PidMode is "host"')
      : pass(`HostConfig.PidMode is "${c.spec.pidMode || '(private)'}"`),
});
