import { cis, defineCheck, practice } from '../../core/model.js';
import { judgeFiles, ownedBy } from './_files.js';
import { registryCertPaths } from './_locate.js';

export default defineCheck({
  id: 'BH-HST-025',
  slug: 'registry-certs-owner',
  title: 'Registry certificate files are owned by root:root',
  severity: 'medium',
  scope: 'host',
  facts: ['host'],
  rationale:
    'Registry certificates decide which registries the daemon trusts; a swapped certificate lets an attacker serve images.',
  remediation: 'chown root:root /etc/docker/certs.d/<registry>/*',
  refs: [cis('3.7'), practice('P-HST-1')],
  evaluate: (s) => judgeFiles(s, registryCertPaths, ownedBy('root')),
});
