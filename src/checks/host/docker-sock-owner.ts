import { cis, defineCheck, practice } from '../../core/model.js';
import { judgeFiles, ownedBy } from './_files.js';
import { dockerSocketPaths } from './_locate.js';

export default defineCheck({
  id: 'BH-HST-033',
  slug: 'docker-sock-owner',
  title: 'The Docker socket is owned by root:docker',
  severity: 'high',
  scope: 'host',
  facts: ['host'],
  rationale:
    'Access to the Docker socket is root on the host; it must be reachable only by root and the docker group.',
  remediation:
    'chown root:docker /var/run/docker.sock (and SocketGroup=docker in docker.socket so it persists)',
  refs: [cis('3.15'), practice('P-HST-1')],
  evaluate: (s) => judgeFiles(s, dockerSocketPaths, ownedBy('docker')),
});
