import { cis, defineCheck, practice } from '../../core/model.js';
import { judgeFiles, ownedBy } from './_files.js';
import { tlsPath } from './_locate.js';

export default defineCheck({
  id: 'BH-HST-031',
  slug: 'tls-key-owner',
  title: 'The Docker server key is owned by root:root',
  severity: 'high',
  scope: 'host',
  facts: ['host'],
  rationale:
    'Whoever reads the server key can impersonate the daemon; whoever replaces it can intercept API traffic.',
  remediation: 'chown root:root on the file named by --tlskey (or "tlskey" in daemon.json)',
  refs: [cis('3.13'), practice('P-HST-1')],
  evaluate: (s) => judgeFiles(s, tlsPath('key'), ownedBy('root')),
});
