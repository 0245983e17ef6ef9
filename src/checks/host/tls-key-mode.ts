import { cis, defineCheck, practice } from '../../core/model.js';
import { judgeFiles, modeAtMost } from './_files.js';
import { tlsPath } from './_locate.js';

export default defineCheck({
  id: 'BH-HST-032',
  slug: 'tls-key-mode',
  title: 'The Docker server key has permissions 0400 or more restrictive',
  severity: 'high',
  scope: 'host',
  facts: ['host'],
  rationale:
    'Whoever reads the server key can impersonate the daemon; whoever replaces it can intercept API traffic.',
  remediation: 'chmod 400 on the file named by --tlskey (or "tlskey" in daemon.json)',
  refs: [cis('3.14'), practice('P-HST-1')],
  evaluate: (s) => judgeFiles(s, tlsPath('key'), modeAtMost(0o400)),
});
