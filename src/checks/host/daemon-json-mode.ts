import { cis, defineCheck, practice } from '../../core/model.js';
import { judgeFiles, modeAtMost } from './_files.js';
import { daemonJsonPath } from './_locate.js';

export default defineCheck({
  id: 'BH-HST-036',
  slug: 'daemon-json-mode',
  title: 'daemon.json has permissions 0644 or more restrictive',
  severity: 'medium',
  scope: 'host',
  facts: ['host'],
  rationale:
    "daemon.json holds the daemon's security settings (TLS, user namespaces, icc, authorization plugins).",
  remediation: 'chmod 644 /etc/docker/daemon.json',
  refs: [cis('3.18'), practice('P-HST-1')],
  evaluate: (s) => judgeFiles(s, daemonJsonPath, modeAtMost(0o644)),
});
