import { cis, defineCheck, practice } from '../../core/model.js';
import { judgeFiles, modeAtMost } from './_files.js';
import { fixed } from './_locate.js';

export default defineCheck({
  id: 'BH-HST-024',
  slug: 'etc-docker-mode',
  title: '/etc/docker has permissions 0755 or more restrictive',
  severity: 'medium',
  scope: 'host',
  facts: ['host'],
  rationale:
    '/etc/docker holds daemon.json, TLS keys and registry certificates; write access there changes what the daemon trusts.',
  remediation: 'chmod 755 /etc/docker',
  refs: [cis('3.6'), practice('P-HST-1')],
  evaluate: (s) => judgeFiles(s, fixed('/etc/docker'), modeAtMost(0o755)),
});
