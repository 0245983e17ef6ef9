import { cis, defineCheck, practice } from '../../core/model.js';
import { judgeFiles, ownedBy } from './_files.js';
import { daemonJsonPath } from './_locate.js';

export default defineCheck({
  id: 'BH-HST-035',
  slug: 'daemon-json-owner',
  title: 'daemon.json is owned by root:root',
  severity: 'medium',
  scope: 'host',
  facts: ['host'],
  rationale:
    "daemon.json holds the daemon's security settings (TLS, user namespaces, icc, authorization plugins).",
  remediation: 'chown root:root /etc/docker/daemon.json',
  refs: [cis('3.17'), practice('P-HST-1')],
  evaluate: (s) => judgeFiles(s, daemonJsonPath, ownedBy('root')),
});
