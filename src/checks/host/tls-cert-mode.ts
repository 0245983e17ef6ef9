import { cis, defineCheck, practice } from '../../core/model.js';
import { judgeFiles, modeAtMost } from './_files.js';
import { tlsPath } from './_locate.js';

export default defineCheck({
  id: 'BH-HST-030',
  slug: 'tls-cert-mode',
  title: 'The Docker server certificate has permissions 0444 or more restrictive',
  severity: 'medium',
  scope: 'host',
  facts: ['host'],
  rationale: 'A replaced server certificate lets an attacker impersonate the daemon to clients.',
  remediation: 'chmod 444 on the file named by --tlscert (or "tlscert" in daemon.json)',
  refs: [cis('3.12'), practice('P-HST-1')],
  evaluate: (s) => judgeFiles(s, tlsPath('cert'), modeAtMost(0o444)),
});
