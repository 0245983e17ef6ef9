import { cis, defineCheck, practice } from '../../core/model.js';
import { judgeFiles, modeAtMost } from './_files.js';
import { tlsPath } from './_locate.js';

export default defineCheck({
  id: 'BH-HST-028',
  slug: 'tls-ca-mode',
  title: 'The TLS CA certificate has permissions 0444 or more restrictive',
  severity: 'medium',
  scope: 'host',
  facts: ['host'],
  rationale:
    'The CA decides which clients may drive the remote API; replacing it grants anyone with a matching certificate full control.',
  remediation: 'chmod 444 on the file named by --tlscacert (or "tlscacert" in daemon.json)',
  refs: [cis('3.10'), practice('P-HST-1')],
  evaluate: (s) => judgeFiles(s, tlsPath('ca'), modeAtMost(0o444)),
});
