import { cis, defineCheck, practice } from '../../core/model.js';
import { judgeFiles, ownedBy } from './_files.js';
import { tlsPath } from './_locate.js';

export default defineCheck({
  id: 'BH-HST-027',
  slug: 'tls-ca-owner',
  title: 'The TLS CA certificate is owned by root:root',
  severity: 'medium',
  scope: 'host',
  facts: ['host'],
  rationale:
    'The CA decides which clients may drive the remote API; replacing it grants anyone with a matching certificate full control.',
  remediation: 'chown root:root on the file named by --tlscacert (or "tlscacert" in daemon.json)',
  refs: [cis('3.9'), practice('P-HST-1')],
  evaluate: (s) => judgeFiles(s, tlsPath('ca'), ownedBy('root')),
});
