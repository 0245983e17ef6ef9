import { cis, defineCheck, practice } from '../../core/model.js';
import { judgeFiles, modeAtMost } from './_files.js';
import { dockerSocketPaths } from './_locate.js';

export default defineCheck({
  id: 'BH-HST-034',
  slug: 'docker-sock-mode',
  title: 'The Docker socket has permissions 0660 or more restrictive',
  severity: 'high',
  scope: 'host',
  facts: ['host'],
  rationale:
    'Access to the Docker socket is root on the host; it must be reachable only by root and the docker group.',
  remediation: 'chmod 660 /var/run/docker.sock (and SocketMode=0660 in docker.socket so it persists)',
  refs: [cis('3.16'), practice('P-HST-1')],
  evaluate: (s) => judgeFiles(s, dockerSocketPaths, modeAtMost(0o660)),
});
