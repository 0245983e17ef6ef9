import { cis, defineCheck, practice } from '../../core/model.js';
import { judgeFiles, ownedBy } from './_files.js';
import { containerdSocketPaths } from './_locate.js';

export default defineCheck({
  id: 'BH-HST-041',
  slug: 'containerd-sock-owner',
  title: 'The containerd socket is owned by root:root',
  severity: 'high',
  scope: 'host',
  facts: ['host'],
  rationale:
    'Access to containerd.sock gives full control of every container, bypassing the Docker API and its authorization plugins.',
  remediation: 'chown root:root /run/containerd/containerd.sock',
  refs: [cis('3.23'), practice('P-HST-1')],
  evaluate: (s) => judgeFiles(s, containerdSocketPaths, ownedBy('root')),
});
