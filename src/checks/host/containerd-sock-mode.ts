import { cis, defineCheck, practice } from '../../core/model.js';
import { judgeFiles, modeAtMost } from './_files.js';
import { containerdSocketPaths } from './_locate.js';

export default defineCheck({
  id: 'BH-HST-042',
  slug: 'containerd-sock-mode',
  title: 'The containerd socket has permissions 0660 or more restrictive',
  severity: 'high',
  scope: 'host',
  facts: ['host'],
  rationale:
    'Access to containerd.sock gives full control of every container, bypassing the Docker API and its authorization plugins.',
  remediation: 'chmod 660 /run/containerd/containerd.sock',
  refs: [cis('3.24'), practice('P-HST-1')],
  evaluate: (s) => judgeFiles(s, containerdSocketPaths, modeAtMost(0o660)),
});
