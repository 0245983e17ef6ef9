import { cis, defineCheck, practice } from '../../core/model.js';
import { hostNamespace } from './_lib.js';

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
  evaluate: hostNamespace('pidMode', 'PidMode'),
});
