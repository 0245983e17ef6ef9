import { cis, defineCheck, practice } from '../../core/model.js';
import { hostNamespace } from './_lib.js';

export default defineCheck({
  id: 'BH-CTR-022',
  slug: 'host-uts',
  title: "Container does not share the host's UTS namespace",
  severity: 'medium',
  scope: 'container',
  facts: ['containers'],
  rationale:
    "With --uts host the container shares the host's hostname and domain name and may change them for the whole host, confusing logs, monitoring and services that trust the hostname.",
  remediation: 'Remove `--uts host` (compose `uts: host`).',
  refs: [cis('5.21'), practice('P-KER-3')],
  evaluate: hostNamespace('utsMode', 'UTSMode'),
});
