import { cis, defineCheck, practice } from '../../core/model.js';
import { judgeFiles, ownedBy } from './_files.js';
import { tlsPath } from './_locate.js';

export default defineCheck({
  id: 'BH-HST-029',
  slug: 'tls-cert-owner',
  title: 'The Docker server certificate is owned by root:root',
  severity: 'medium',
  scope: 'host',
  facts: ['host'],
  rationale: 'A replaced server certificate lets an attacker impersonate the daemon to clients.',
  remediation: 'chown root:root on the file named by --tlscert (or "tlscert" in daemon.json)',
  refs: [cis('3.11'), practice('P-HST-1')],
  evaluate: (s) => judgeFiles(s, tlsPath('cert'), ownedBy('root')),
});
