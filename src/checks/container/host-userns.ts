import { cis, defineCheck, practice } from '../../core/model.js';
import { hostNamespace } from './_lib.js';

export default defineCheck({
  id: 'BH-CTR-031',
  slug: 'host-userns',
  title: "Container does not share the host's user namespace",
  severity: 'medium',
  scope: 'container',
  facts: ['containers'],
  rationale:
    'On a daemon with user-namespace remapping, --userns host opts the container out of it: root in the container is root on the host again.',
  remediation: 'Remove `--userns host` (compose `userns_mode: host`).',
  refs: [cis('5.31'), practice('P-KER-3')],
  evaluate: hostNamespace('usernsMode', 'UsernsMode'),
});
