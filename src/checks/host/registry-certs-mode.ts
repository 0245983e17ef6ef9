import { cis, defineCheck, practice } from '../../core/model.js';
import { judgeFiles, modeAtMost } from './_files.js';
import { registryCertPaths } from './_locate.js';

export default defineCheck({
  id: 'BH-HST-026',
  slug: 'registry-certs-mode',
  title: 'Registry certificate files have permissions 0444 or more restrictive',
  severity: 'medium',
  scope: 'host',
  facts: ['host'],
  rationale:
    'Registry certificates decide which registries the daemon trusts; a swapped certificate lets an attacker serve images.',
  remediation: 'chmod 444 /etc/docker/certs.d/<registry>/*',
  refs: [cis('3.8'), practice('P-HST-1')],
  evaluate: (s) => judgeFiles(s, registryCertPaths, modeAtMost(0o444)),
});
